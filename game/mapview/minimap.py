"""The minimap: the whole world small, with territory and the current view's frame; a click
on it centres the map there."""

from __future__ import annotations

import pygame

from game.mapview.camera import Camera
from game.mapview.layers import PLAIN_LAND, MapLayers

FRAME = (226, 182, 80)


class Minimap:
    def __init__(self, layers: MapLayers, width: int) -> None:
        self.layers = layers
        ww, wh = layers.world.size
        self.size = (width, max(1, round(width * wh / ww)))
        self.rect = pygame.Rect(0, 0, *self.size)
        self._relief = self._make_relief()
        self._surface: pygame.Surface | None = None
        self._version = -1

    def _make_relief(self) -> pygame.Surface:
        relief = self.layers.world.relief
        if relief is None:
            surf = pygame.Surface(self.size)
            surf.fill(PLAIN_LAND)
            return surf
        return pygame.transform.smoothscale(relief, self.size)

    def surface(self) -> pygame.Surface:
        if self._surface is None or self._version != self.layers.version:
            surf = self._relief.copy()
            surf.blit(self.layers.territory.thumbnail(*self.size), (0, 0))
            self._surface = surf
            self._version = self.layers.version
        return self._surface

    def draw(self, target: pygame.Surface, camera: Camera) -> None:
        target.blit(self.surface(), self.rect)
        pygame.draw.rect(target, (20, 20, 20), self.rect, 2)
        k = self.size[0] / self.layers.world.size[0]
        x0, y0 = camera.to_world(0, 0)
        x1, y1 = camera.to_world(*camera.view)
        frame = pygame.Rect(self.rect.x + x0 * k, self.rect.y + y0 * k, (x1 - x0) * k, (y1 - y0) * k).clip(self.rect)
        pygame.draw.rect(target, FRAME, frame, 1)

    def world_at(self, pos: tuple[int, int]) -> tuple[float, float] | None:
        if not self.rect.collidepoint(pos):
            return None
        k = self.layers.world.size[0] / self.size[0]
        return (pos[0] - self.rect.x) * k, (pos[1] - self.rect.y) * k
