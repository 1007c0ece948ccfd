"""Fonts and cached text surfaces.

Every language uses pygame_gui's bundled Noto Sans SC: it covers Latin, simplified and
traditional hanzi, so one face serves zh, zh_hant and en (pygame_gui's own locale fallback
would pick a Latin-only face for zh_TW). Rendered text is cached by (text, size, colour, bold)
because SDL_ttf's 256-slot glyph cache thrashes on CJK and re-rendering map labels every frame
would cost more than the rest of the frame.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui

_DATA = Path(pygame_gui.__file__).resolve().parent / "data"
REGULAR = _DATA / "NotoSansSC-Regular.otf"
BOLD = _DATA / "NotoSansSC-Bold.otf"

Colour = tuple[int, int, int] | tuple[int, int, int, int]


#: Loaded faces by (size, bold); loading the 8 MB face costs ~10 ms, so every cache shares them.
_FONTS: dict[tuple[int, bool], pygame.font.Font] = {}


def font(size: int, bold: bool = False) -> pygame.font.Font:
    key = (size, bold)
    face = _FONTS.get(key)
    if face is None:
        face = pygame.font.Font(str(BOLD if bold else REGULAR), size)
        _FONTS[key] = face
    return face


class TextCache:
    """Rendered text surfaces, built once per (text, size, colour, bold)."""

    def __init__(self, limit: int = 4000) -> None:
        self._surfaces: dict[tuple[str, int, Colour, bool], pygame.Surface] = {}
        self._limit = limit

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        return font(size, bold)

    def render(self, text: str, size: int, colour: Colour = (20, 20, 20), bold: bool = False) -> pygame.Surface:
        key = (text, size, colour, bold)
        surf = self._surfaces.get(key)
        if surf is None:
            if len(self._surfaces) >= self._limit:
                self._surfaces.clear()
            surf = self.font(size, bold).render(text, True, colour)
            self._surfaces[key] = surf
        return surf

    def outlined(self, text: str, size: int, colour: Colour, outline: Colour, bold: bool = False) -> pygame.Surface:
        """Text with a one-pixel halo, readable on any relief colour (cached like :meth:`render`)."""
        key = (text + "\x00halo" + repr(outline), size, colour, bold)
        surf = self._surfaces.get(key)
        if surf is None:
            inner = self.font(size, bold).render(text, True, colour)
            halo = self.font(size, bold).render(text, True, outline)
            surf = pygame.Surface((inner.get_width() + 2, inner.get_height() + 2), pygame.SRCALPHA)
            for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2), (0, 0), (2, 2), (0, 2), (2, 0)):
                surf.blit(halo, (dx, dy))
            surf.blit(inner, (1, 1))
            self._surfaces[key] = surf
        return surf

    def clear(self) -> None:
        self._surfaces.clear()
