"""The map's world: its projection, its size in world pixels, the relief picture and the
rivers and coast, loaded once per scenario.

World pixels are the relief raster's pixels when it exists (``assets/map/relief.png``, an
equirectangular picture of ``geography.json``'s bounds), so the relief needs no resampling at
zoom 1. Without the assets the world is the scenario's own map box on a plain background.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pygame

from engine.geo import Geography, LonLat, MapProjection, load_geography
from engine.scenario import Scenario
from game import paths

MAP_DIR = paths.ASSETS / "map"
#: World height when there is no relief picture.
PLAIN_HEIGHT = 2000


@dataclass
class World:
    projection: MapProjection
    size: tuple[int, int]
    relief: pygame.Surface | None
    geography: Geography | None

    def to_world(self, lon: float, lat: float) -> tuple[float, float]:
        return self.projection.to_pixels(lon, lat, self.size[0], self.size[1])

    def to_lonlat(self, x: float, y: float) -> LonLat:
        return self.projection.from_pixels(x, y, self.size[0], self.size[1])


@lru_cache(maxsize=2)
def _assets(folder: Path) -> tuple[Geography | None, pygame.Surface | None]:
    geo_file = folder / "geography.json"
    geography = None
    if geo_file.is_file():
        try:
            geography = load_geography(geo_file)
        except (OSError, ValueError, KeyError, TypeError):
            geography = None
    relief = None
    name = geography.relief_file if geography is not None else "relief.png"
    if (folder / name).is_file():
        try:
            relief = pygame.image.load(str(folder / name))
        except pygame.error:
            relief = None
    return geography, relief


def load_world(scenario: Scenario, folder: Path = MAP_DIR) -> World:
    """The world for ``scenario``: the shared relief if it covers the scenario, else a plain map."""
    geography, relief = _assets(folder)
    if relief is not None and pygame.display.get_surface() is not None:
        relief = relief.convert()
    if geography is not None:
        proj = geography.projection
        if relief is not None:
            return World(proj, relief.get_size(), relief, geography)
        return World(proj, proj.image_size(PLAIN_HEIGHT), None, geography)
    bounds = scenario.header.map
    if bounds is not None:
        proj = MapProjection.from_bounds(bounds)
    else:
        lons = [p.lon for p in scenario.places.values()]
        lats = [p.lat for p in scenario.places.values()]
        proj = MapProjection(min(lons) - 2, max(lons) + 2, min(lats) - 2, max(lats) + 2)
    return World(proj, proj.image_size(PLAIN_HEIGHT), None, None)
