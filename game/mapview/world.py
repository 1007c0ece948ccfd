"""The map's world: its projection, its size in world pixels, the relief picture and the
rivers and coast, loaded once per scenario.

World pixels are the relief raster's pixels when it exists (``assets/map/relief.png``, an
equirectangular picture of ``geography.json``'s bounds), so the relief needs no resampling at
zoom 1. ``land.png`` beside it marks land and sea, pixel for pixel, so that territory is
coloured on land only (the coast in ``geography.json`` is an open line and cannot be filled).
Without the assets the world is the scenario's own map box on a plain background, all land.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pygame

from engine.geo import Geography, LonLat, MapProjection, load_geography
from engine.scenario import Scenario
from game import paths

MAP_DIR = paths.ASSETS / "map"
#: The land mask beside the relief (written with it by tools/make_map_assets.py).
LAND_FILE = "land.png"
#: World height when there is no relief picture.
PLAIN_HEIGHT = 2000


@dataclass
class World:
    projection: MapProjection
    size: tuple[int, int]
    relief: pygame.Surface | None
    geography: Geography | None
    #: True on land, False at sea, as rows × columns over the whole world (any resolution).
    land: np.ndarray | None = None

    def to_world(self, lon: float, lat: float) -> tuple[float, float]:
        return self.projection.to_pixels(lon, lat, self.size[0], self.size[1])

    def to_lonlat(self, x: float, y: float) -> LonLat:
        return self.projection.from_pixels(x, y, self.size[0], self.size[1])


def _land_mask(path: Path) -> np.ndarray | None:
    """The land mask as a bool array (rows, columns); None if missing or unreadable."""
    if not path.is_file():
        return None
    try:
        image = pygame.image.load(str(path))
    except pygame.error:
        return None
    w, h = image.get_size()
    rgb = np.frombuffer(pygame.image.tobytes(image, "RGB"), dtype=np.uint8).reshape(h, w, 3)
    return rgb[..., 0] > 127


@lru_cache(maxsize=2)
def _assets(folder: Path) -> tuple[Geography | None, pygame.Surface | None, np.ndarray | None]:
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
    return geography, relief, _land_mask(folder / LAND_FILE)


def load_world(scenario: Scenario, folder: Path = MAP_DIR) -> World:
    """The world for ``scenario``: the shared relief if it covers the scenario, else a plain map."""
    geography, relief, land = _assets(folder)
    if relief is not None and pygame.display.get_surface() is not None:
        relief = relief.convert()
    if geography is not None:
        proj = geography.projection
        if relief is not None:
            return World(proj, relief.get_size(), relief, geography, land)
        return World(proj, proj.image_size(PLAIN_HEIGHT), None, geography, land)
    bounds = scenario.header.map
    if bounds is not None:
        proj = MapProjection.from_bounds(bounds)
    else:
        lons = [p.lon for p in scenario.places.values()]
        lats = [p.lat for p in scenario.places.values()]
        proj = MapProjection(min(lons) - 2, max(lons) + 2, min(lats) - 2, max(lats) + 2)
    return World(proj, proj.image_size(PLAIN_HEIGHT), None, None)
