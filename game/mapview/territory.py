"""Territory: every map pixel belongs to the nearest place (within a reach), coloured by that
place's owner — a Voronoi fill that needs no hand-drawn provinces.

The nearest-place grid depends only on the places, so it is computed once per scenario; an
ownership change is then a table lookup. Pixels at a zoom level are sampled from the grid, and
borders are drawn where neighbouring pixels differ in owner. The world's land mask (when the
map assets have one) clears the sea at full resolution, so colour stops at the coast; no border
is drawn against the sea, where the map's smooth coastline already outlines the land.
"""

from __future__ import annotations

import math

import numpy as np
import pygame

from engine.scenario import Scenario
from game.mapview.world import World

#: World pixels per grid cell.
CELL = 2
#: Alpha of a territory fill, of a pattern stroke and of a border.
FILL_ALPHA = 78
PATTERN_ALPHA = 150
BORDER_RGBA = (35, 25, 20, 210)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


class TerritoryGrid:
    def __init__(self, world: World, scenario: Scenario) -> None:
        self.world = world
        self.place_ids = sorted(scenario.places)
        self.state_ids = sorted(scenario.states)
        self.none_index = len(self.state_ids)
        self.colours = [hex_rgb(scenario.states[s].colour) for s in self.state_ids]
        self.patterns = [scenario.states[s].pattern for s in self.state_ids]
        pts = np.array([world.to_world(scenario.places[p].lon, scenario.places[p].lat) for p in self.place_ids], dtype=np.float32)
        self.points = pts
        w, h = world.size
        self.gw, self.gh = math.ceil(w / CELL), math.ceil(h / CELL)
        self.reach = self._reach(pts)
        self.nearest = self._nearest(pts)
        #: cells whose centre is at sea: nobody's (``owner_at``); drawing masks at full resolution
        self.sea_cells: np.ndarray | None = None
        if world.land is not None:
            self.sea_cells = ~self._land_at((np.arange(self.gw) + 0.5) * CELL, (np.arange(self.gh) + 0.5) * CELL)
        self.owner_grid = np.full((self.gh, self.gw), self.none_index, dtype=np.int8)

    def _reach(self, pts: np.ndarray) -> np.ndarray:
        """How far (world px) each place's land reaches: a little beyond its second-nearest
        neighbour, so that land joins up where places are sparse (steppe) as well as dense
        (the plain), while true gaps (desert, sea, beyond the frontier) stay unclaimed."""
        per_degree = self.world.size[1] / self.world.projection.lat_span
        if len(pts) < 3:
            return np.full(len(pts), 3.0 * per_degree, dtype=np.float32)
        d = np.sqrt(((pts[:, None, :] - pts[None, :, :]) ** 2).sum(-1))
        np.fill_diagonal(d, np.inf)
        second = np.sort(d, axis=1)[:, 1]
        return np.clip(0.9 * second, 1.5 * per_degree, 3.5 * per_degree).astype(np.float32)

    def _nearest(self, pts: np.ndarray) -> np.ndarray:
        """Index of the nearest place per cell (-1 where no place reaches); each place only
        scans the window its reach can touch."""
        best = np.full((self.gh, self.gw), np.inf, dtype=np.float32)
        nearest = np.full((self.gh, self.gw), -1, dtype=np.int32)
        for i, (px, py) in enumerate(pts):
            reach = float(self.reach[i])
            r_cells = int(reach / CELL) + 1
            cx, cy = int(px / CELL), int(py / CELL)
            x0, x1 = max(0, cx - r_cells), min(self.gw, cx + r_cells + 1)
            y0, y1 = max(0, cy - r_cells), min(self.gh, cy + r_cells + 1)
            if x0 >= x1 or y0 >= y1:
                continue
            xs = (np.arange(x0, x1, dtype=np.float32) + 0.5) * CELL - px
            ys = (np.arange(y0, y1, dtype=np.float32) + 0.5) * CELL - py
            d2 = ys[:, None] ** 2 + xs[None, :] ** 2
            window = best[y0:y1, x0:x1]
            closer = (d2 < window) & (d2 <= reach * reach)
            window[closer] = d2[closer]
            nearest[y0:y1, x0:x1][closer] = i
        return nearest

    def _land_at(self, wx: np.ndarray, wy: np.ndarray) -> np.ndarray:
        """Land (True) or sea at world columns ``wx`` × rows ``wy``: a (len(wy), len(wx)) array."""
        land = self.world.land
        assert land is not None
        lh, lw = land.shape
        w, h = self.world.size
        cols = np.clip((np.asarray(wx) * (lw / w)).astype(np.int64), 0, lw - 1)
        rows = np.clip((np.asarray(wy) * (lh / h)).astype(np.int64), 0, lh - 1)
        return land[rows][:, cols]

    def set_owners(self, owners: dict[str, str]) -> None:
        """Recolour the grid for ``owners`` (place id -> state id)."""
        index = {s: i for i, s in enumerate(self.state_ids)}
        table = np.array([index.get(owners.get(p, ""), self.none_index) for p in self.place_ids] + [self.none_index], dtype=np.int8)
        self.owner_grid = table[self.nearest]  # -1 picks the last entry: no owner

    def owner_at(self, wx: float, wy: float) -> str | None:
        gx, gy = int(wx / CELL), int(wy / CELL)
        if 0 <= gx < self.gw and 0 <= gy < self.gh:
            if self.sea_cells is not None and self.sea_cells[gy, gx]:
                return None
            i = int(self.owner_grid[gy, gx])
            return self.state_ids[i] if i < self.none_index else None
        return None

    def render(self, x0: float, y0: float, width: int, height: int, zoom: float, patterns: bool) -> pygame.Surface:
        """The territory of the world box starting at (x0, y0) as a ``width``×``height`` RGBA
        surface at ``zoom`` (screen px per world px): fill, patterns and borders.

        Pixels are packed RGBA in one uint32 each, so colouring is a single table lookup."""
        wx = x0 + (np.arange(width) + 0.5) / zoom
        wy = y0 + (np.arange(height) + 0.5) / zoom
        cols = (wx / CELL).astype(np.int64)
        rows = (wy / CELL).astype(np.int64)
        n = self.none_index
        grid = self.owner_grid[np.clip(rows, 0, self.gh - 1)][:, np.clip(cols, 0, self.gw - 1)]
        sea = n + 1  # like "no owner", but no border against it
        if self.world.land is not None:
            grid[~self._land_at(wx, wy)] = sea
        outside_c = (cols < 0) | (cols >= self.gw)
        outside_r = (rows < 0) | (rows >= self.gh)
        if outside_c.any():
            grid[:, outside_c] = n
        if outside_r.any():
            grid[outside_r, :] = n
        palette = np.zeros((n + 2, 4), dtype=np.uint8)
        for i, rgb in enumerate(self.colours):
            palette[i] = (*rgb, FILL_ALPHA)
        packed = palette.view(np.uint32)[:, 0]
        pixels = packed[grid]
        if patterns:
            strong = palette.copy()
            strong[:n, 3] = PATTERN_ALPHA
            strong[:n, :3] = (strong[:n, :3].astype(np.int32) * 7 // 10).astype(np.uint8)
            strong_packed = strong.view(np.uint32)[:, 0]
            gx = np.arange(width)[None, :] + int(x0 * zoom)
            gy = np.arange(height)[:, None] + int(y0 * zoom)
            for i, kind in enumerate(self.patterns):
                if kind == "solid":
                    continue
                sel = grid == i
                if sel.any():
                    pixels[sel & _pattern(kind, gx, gy)] = strong_packed[i]
        edge = np.zeros(grid.shape, dtype=bool)
        on_land = grid != sea
        dh = (grid[:, 1:] != grid[:, :-1]) & on_land[:, 1:] & on_land[:, :-1]
        dv = (grid[1:, :] != grid[:-1, :]) & on_land[1:, :] & on_land[:-1, :]
        edge[:, 1:] |= dh
        edge[:, :-1] |= dh
        edge[1:, :] |= dv
        edge[:-1, :] |= dv
        pixels[edge] = np.array([BORDER_RGBA], dtype=np.uint8).view(np.uint32)[0, 0]
        surf = pygame.image.frombuffer(np.ascontiguousarray(pixels), (width, height), "RGBA")
        return surf.convert_alpha() if pygame.display.get_surface() is not None else surf.copy()

    def thumbnail(self, width: int, height: int) -> pygame.Surface:
        """The whole world's territory at thumbnail size (for the minimap)."""
        zoom = min(width / self.world.size[0], height / self.world.size[1])
        return self.render(0, 0, width, height, zoom, False)


def _pattern(kind: str, gx: np.ndarray, gy: np.ndarray) -> np.ndarray:
    """Where a pattern strokes, in screen-pixel coordinates (so it does not scale with zoom);
    ``gx`` is a row and ``gy`` a column, broadcast to the whole box."""
    if kind == "stripes":
        return (gx + gy) % 9 < 2
    if kind == "dots":
        return (gx % 8 < 2) & (gy % 8 < 2)
    if kind == "cross":
        return ((gx + gy) % 10 < 1) | ((gx - gy) % 10 < 1)
    if kind == "waves":
        return (gy + (3 * np.sin(gx / 5.0)).astype(np.int64)) % 10 < 2
    return np.zeros((gy.shape[0], gx.shape[1]), dtype=bool)
