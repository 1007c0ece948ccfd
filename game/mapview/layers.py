"""The map's static layers, cached per zoom level: relief (scaled once per level and region),
territory, rivers, coast and routes.

A cache entry covers the view plus a margin, so panning only blits it at a new offset; it is
remade when the view leaves it, the zoom changes, or ownership changes (territory only — the
scaled relief is kept).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from engine.scenario import Scenario
from game.mapview.camera import Camera
from game.mapview.territory import TerritoryGrid
from game.mapview.world import World

SEA = (38, 42, 48)
PLAIN_LAND = (203, 193, 165)
RIVER = (62, 104, 158)
COAST = (50, 70, 92)
ROUTE_COLOURS = {
    "road": (120, 92, 60),
    "steppe": (150, 132, 80),
    "pass": (96, 64, 48),
    "river_crossing": (62, 104, 158),
    "ferry": (62, 104, 158),
}
#: Margin around the view that a cache entry covers, as a fraction of the view.
MARGIN = 0.35


@dataclass
class _Entry:
    x0: int
    y0: int
    x1: int
    y1: int
    relief: pygame.Surface
    base: pygame.Surface | None = None
    version: int = -1


class MapLayers:
    def __init__(self, world: World, scenario: Scenario, territory: TerritoryGrid) -> None:
        self.world = world
        self.scenario = scenario
        self.territory = territory
        self._cache: dict[int, _Entry] = {}
        self._order: list[int] = []
        self.version = 0
        self.patterns = False
        self.rebuilds = 0

    def owners_changed(self, owners: dict[str, str]) -> None:
        self.territory.set_owners(owners)
        self.version += 1

    def set_patterns(self, on: bool) -> None:
        if on != self.patterns:
            self.patterns = on
            self.version += 1

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface, camera: Camera, area: pygame.Rect) -> None:
        """Blit the base map for ``camera`` into ``area`` of ``surface``."""
        entry = self._entry(camera)
        if entry.base is None or entry.version != self.version:
            self._compose(entry, camera.zoom)
        sx, sy = camera.to_screen(entry.x0, entry.y0)
        surface.fill(SEA, area)
        surface.blit(entry.base, (area.x + round(sx), area.y + round(sy)))

    def _entry(self, camera: Camera) -> _Entry:
        vx0, vy0 = camera.to_world(0, 0)
        vx1, vy1 = camera.to_world(*camera.view)
        entry = self._cache.get(camera.level)
        if entry is not None and entry.x0 <= max(0, vx0) and entry.y0 <= max(0, vy0) and entry.x1 >= min(self.world.size[0], vx1) and entry.y1 >= min(self.world.size[1], vy1):
            return entry
        mw, mh = (vx1 - vx0) * MARGIN, (vy1 - vy0) * MARGIN
        x0 = max(0, int(math.floor(vx0 - mw)))
        y0 = max(0, int(math.floor(vy0 - mh)))
        x1 = min(self.world.size[0], int(math.ceil(vx1 + mw)))
        y1 = min(self.world.size[1], int(math.ceil(vy1 + mh)))
        x1, y1 = max(x1, x0 + 1), max(y1, y0 + 1)
        entry = _Entry(x0, y0, x1, y1, self._relief(x0, y0, x1, y1, camera.zoom))
        self._cache[camera.level] = entry
        if camera.level in self._order:
            self._order.remove(camera.level)
        self._order.append(camera.level)
        while len(self._order) > 3:
            self._cache.pop(self._order.pop(0), None)
        return entry

    def _size(self, x0: int, y0: int, x1: int, y1: int, zoom: float) -> tuple[int, int]:
        return max(1, round((x1 - x0) * zoom)), max(1, round((y1 - y0) * zoom))

    def _relief(self, x0: int, y0: int, x1: int, y1: int, zoom: float) -> pygame.Surface:
        size = self._size(x0, y0, x1, y1, zoom)
        if self.world.relief is None:
            surf = pygame.Surface(size)
            surf.fill(PLAIN_LAND)
            self._graticule(surf, x0, y0, zoom)
            return surf
        part = self.world.relief.subsurface(pygame.Rect(x0, y0, x1 - x0, y1 - y0))
        return pygame.transform.smoothscale(part, size) if size != part.get_size() else part.copy()

    def _graticule(self, surf: pygame.Surface, x0: int, y0: int, zoom: float) -> None:
        """Lines every 5 degrees, so a plain map still reads as geography."""
        proj = self.world.projection
        colour = (183, 172, 142)
        for lon in range(int(proj.west) // 5 * 5, int(proj.east) + 1, 5):
            x, _ = self.world.to_world(lon, proj.north)
            pygame.draw.line(surf, colour, ((x - x0) * zoom, 0), ((x - x0) * zoom, surf.get_height()))
        for lat in range(int(proj.south) // 5 * 5, int(proj.north) + 1, 5):
            _, y = self.world.to_world(proj.west, lat)
            pygame.draw.line(surf, colour, (0, (y - y0) * zoom), (surf.get_width(), (y - y0) * zoom))

    def _compose(self, entry: _Entry, zoom: float) -> None:
        self.rebuilds += 1
        base = entry.relief.copy()
        w, h = base.get_size()
        base.blit(self.territory.render(entry.x0, entry.y0, w, h, zoom, self.patterns), (0, 0))
        self._lines(base, entry.x0, entry.y0, zoom)
        entry.base = base
        entry.version = self.version

    def _lines(self, surf: pygame.Surface, x0: int, y0: int, zoom: float) -> None:
        def pt(lon: float, lat: float) -> tuple[float, float]:
            x, y = self.world.to_world(lon, lat)
            return (x - x0) * zoom, (y - y0) * zoom

        geo = self.world.geography
        if geo is not None:
            for line in geo.coast:
                if len(line) > 1:
                    pygame.draw.aalines(surf, COAST, False, [pt(*p) for p in line])
            for river in geo.rivers:
                if len(river.points) < 2:
                    continue
                width = max(1, round((2.6 if river.rank == 1 else 1.4) * min(1.6, zoom * 1.4)))
                pts = [pt(*p) for p in river.points]
                if width <= 1:
                    pygame.draw.aalines(surf, RIVER, False, pts)
                else:
                    pygame.draw.lines(surf, RIVER, False, pts, width)
        places = self.scenario.places
        for route in self.scenario.routes:
            a, b = places[route.from_], places[route.to]
            p, q = pt(a.lon, a.lat), pt(b.lon, b.lat)
            colour = ROUTE_COLOURS.get(route.kind, ROUTE_COLOURS["road"])
            if route.kind in ("steppe", "river_crossing", "ferry"):
                _dashed(surf, colour, p, q, 6 if route.kind == "steppe" else 4)
            else:
                pygame.draw.aaline(surf, colour, p, q)


def _dashed(surf: pygame.Surface, colour: tuple[int, int, int], p: tuple[float, float], q: tuple[float, float], dash: int) -> None:
    length = math.hypot(q[0] - p[0], q[1] - p[1])
    if length < 1:
        return
    steps = int(length // dash)
    for i in range(0, steps, 2):
        t0, t1 = i / steps, min(1.0, (i + 1) / steps)
        pygame.draw.aaline(surf, colour, (p[0] + (q[0] - p[0]) * t0, p[1] + (q[1] - p[1]) * t0),
                           (p[0] + (q[0] - p[0]) * t1, p[1] + (q[1] - p[1]) * t1))
