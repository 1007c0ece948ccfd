"""What is drawn over the base map every frame: places by rank with their names, armies as
banners with their strength, the selected army's path and the hover highlight.

Drawing records where each place and banner ended up, so that clicks and hovers hit exactly
what the player sees.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from engine.scenario import Scenario
from engine.state import Army, GameState
from game.fonts import TextCache
from game.i18n import t
from game.mapview.camera import Camera
from game.mapview.territory import hex_rgb
from game.mapview.world import World
from game.words import number

#: Marker size (px at UI scale 1) and the lowest zoom at which the name shows, per rank.
RANK_STYLE = {
    "capital": (7, 0.0, 16),
    "secondary_capital": (6, 0.0, 15),
    "prefecture": (5, 0.4, 14),
    "subprefecture": (4, 0.63, 13),
    "county": (3, 0.8, 12),
    "fort": (4, 0.8, 12),
    "pass": (4, 0.63, 12),
    "camp": (4, 0.5, 13),
}
INK = (25, 20, 15)
PAPER = (250, 246, 232)
GOLD = (226, 182, 80)
SIEGE = (200, 40, 30)


@dataclass
class Hits:
    places: list[tuple[float, float, float, str]] = field(default_factory=list)
    armies: list[tuple[pygame.Rect, str]] = field(default_factory=list)

    def army_at(self, pos: tuple[int, int]) -> str | None:
        for rect, aid in reversed(self.armies):
            if rect.collidepoint(pos):
                return aid
        return None

    def place_at(self, pos: tuple[int, int]) -> str | None:
        best, best_d = None, math.inf
        for x, y, r, pid in self.places:
            d = math.hypot(pos[0] - x, pos[1] - y)
            if d <= r and d < best_d:
                best, best_d = pid, d
        return best


class Painter:
    def __init__(self, world: World, scenario: Scenario, text: TextCache) -> None:
        self.world = world
        self.scenario = scenario
        self.text = text
        self.positions = {pid: world.to_world(p.lon, p.lat) for pid, p in scenario.places.items()}
        self.colours = {sid: hex_rgb(s.colour) for sid, s in scenario.states.items()}
        self.route_days = {}
        for r in scenario.routes:
            self.route_days[(r.from_, r.to)] = r.days
            self.route_days[(r.to, r.from_)] = r.days
        self.hits = Hits()

    # ------------------------------------------------------------ positions
    def army_world_pos(self, army: Army) -> tuple[float, float]:
        """Where a marching army is drawn: part way along the road to its next place."""
        x, y = self.positions[army.place]
        if army.path and army.progress > 0:
            days = self.route_days.get((army.place, army.path[0]))
            if days:
                nx, ny = self.positions[army.path[0]]
                f = min(0.9, army.progress / days)
                return x + (nx - x) * f, y + (ny - y) * f
        return x, y

    # ------------------------------------------------------------ drawing
    def draw(
        self,
        surface: pygame.Surface,
        camera: Camera,
        state: GameState,
        lang: str,
        scale: float,
        selected_army: str | None = None,
        selected_place: str | None = None,
        hover_place: str | None = None,
        path: list[str] | None = None,
        path_label: str | None = None,
    ) -> None:
        self.hits = Hits()
        sw, sh = surface.get_size()
        zoom = camera.zoom
        z = max(0.8, min(1.6, math.sqrt(zoom) * 1.2))
        screen = {pid: camera.to_screen(*pos) for pid, pos in self.positions.items()}
        if path:
            self._path(surface, [screen[p] for p in path], scale)
        labels: list[pygame.Rect] = []
        order = sorted(self.scenario.places.values(), key=lambda p: (list(RANK_STYLE).index(p.rank), p.id))
        for pdef in order:
            x, y = screen[pdef.id]
            if not (-40 <= x <= sw + 40 and -40 <= y <= sh + 40):
                continue
            place = state.places[pdef.id]
            size, min_zoom, font = RANK_STYLE[pdef.rank]
            r = size * z * scale
            colour = self.colours.get(place.owner, (128, 128, 128))
            self._marker(surface, pdef.rank, x, y, r, colour)
            if place.besieger is not None:
                pygame.draw.circle(surface, SIEGE, (x, y), r + 4 * scale, max(2, int(2 * scale)))
            if pdef.id in (selected_place, hover_place):
                pygame.draw.circle(surface, GOLD, (x, y), r + 6 * scale, 2)
            self.hits.places.append((x, y, max(r + 4, 10 * scale), pdef.id))
            if zoom >= min_zoom or pdef.id in (selected_place, hover_place):
                img = self.text.outlined(pdef.name.get(lang), max(9, round(font * scale)), INK, PAPER, bold=pdef.rank in ("capital", "secondary_capital"))
                rect = img.get_rect(midtop=(x, y + r + 1))
                if rect.collidelist(labels) < 0 or pdef.id in (selected_place, hover_place):
                    surface.blit(img, rect)
                    labels.append(rect)
        self._armies(surface, camera, state, scale, selected_army)
        if path and path_label and len(path) > 1:  # on top of names and banners, so it stays readable
            self._path_label(surface, screen[path[-1]], path_label, scale)

    def _marker(self, surface: pygame.Surface, rank: str, x: float, y: float, r: float, colour: tuple[int, int, int]) -> None:
        if rank in ("capital", "secondary_capital"):
            rect = pygame.Rect(0, 0, 2 * r, 2 * r)
            rect.center = (round(x), round(y))
            pygame.draw.rect(surface, colour, rect)
            pygame.draw.rect(surface, INK, rect, 2)
            inner = rect.inflate(-r, -r)
            pygame.draw.rect(surface, PAPER if rank == "capital" else INK, inner)
        elif rank == "fort":
            pts = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
            pygame.draw.polygon(surface, colour, pts)
            pygame.draw.polygon(surface, INK, pts, 1)
        elif rank == "pass":
            pts = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
            pygame.draw.polygon(surface, colour, pts)
            pygame.draw.polygon(surface, INK, pts, 1)
        elif rank == "camp":
            pygame.draw.circle(surface, PAPER, (x, y), r)
            pygame.draw.circle(surface, colour, (x, y), r, max(2, int(r / 2)))
            pygame.draw.circle(surface, INK, (x, y), r, 1)
        else:
            pygame.draw.circle(surface, colour, (x, y), r)
            pygame.draw.circle(surface, INK, (x, y), r, 1)

    def _armies(self, surface: pygame.Surface, camera: Camera, state: GameState, scale: float, selected: str | None) -> None:
        stacks: dict[tuple[int, int], int] = {}
        for aid in sorted(state.armies):
            army = state.armies[aid]
            wx, wy = self.army_world_pos(army)
            x, y = camera.to_screen(wx, wy)
            key = (round(x), round(y))
            slot = stacks.get(key, 0)
            stacks[key] = slot + 1
            colour = self.colours.get(army.owner, (128, 128, 128))
            label = self.text.render(number(army.size), max(9, round(12 * scale)), PAPER, bold=True)
            fw, fh = label.get_width() + round(8 * scale), label.get_height() + round(2 * scale)
            pole_x = round(x + slot * (fw + 4 * scale) - fw / 2 + 2)
            top = round(y - fh - 14 * scale)
            flag = pygame.Rect(pole_x, top, fw, fh)
            pygame.draw.line(surface, INK, (pole_x, top), (pole_x, round(y - 2)), max(1, round(2 * scale)))
            pygame.draw.rect(surface, colour, flag)
            pygame.draw.rect(surface, GOLD if aid == selected else INK, flag, 3 if aid == selected else 1)
            surface.blit(label, label.get_rect(center=flag.center))
            if army.task in ("besiege", "assault", "raid"):
                m = self.text.render(t("mark_" + army.task), max(9, round(11 * scale)), PAPER, bold=True)
                box = pygame.Rect(flag.right, flag.top, m.get_width() + 4, flag.height)
                pygame.draw.rect(surface, SIEGE, box)
                surface.blit(m, m.get_rect(center=box.center))
                flag = flag.union(box)
            self.hits.armies.append((flag.inflate(4, 4), aid))

    def _path(self, surface: pygame.Surface, pts: list[tuple[float, float]], scale: float) -> None:
        if len(pts) < 2:
            return
        width = max(3, round(4 * scale))
        pygame.draw.lines(surface, INK, False, pts, width + 2)
        pygame.draw.lines(surface, GOLD, False, pts, width)
        for p in pts[1:]:
            pygame.draw.circle(surface, GOLD, p, width + 1)
            pygame.draw.circle(surface, INK, p, width + 1, 1)

    def _path_label(self, surface: pygame.Surface, end: tuple[float, float], label: str, scale: float) -> None:
        """Days and months to the destination, on a dark plate above it."""
        img = self.text.render(label, max(10, round(14 * scale)), GOLD, bold=True)
        plate = img.get_rect(midbottom=(round(end[0]), round(end[1] - 12 * scale))).inflate(round(10 * scale), round(4 * scale))
        pygame.draw.rect(surface, INK, plate, border_radius=3)
        pygame.draw.rect(surface, GOLD, plate, 1, border_radius=3)
        surface.blit(img, img.get_rect(center=plate.center))
