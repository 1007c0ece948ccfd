"""A click for buttons, synthesised so the game ships no audio files.

Sound is optional: with no audio device (or with the setting off) every call is a no-op.
"""

from __future__ import annotations

import numpy as np
import pygame


class Sound:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._click: pygame.mixer.Sound | None = None
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=1)
            rate, _, channels = pygame.mixer.get_init()
            n = int(rate * 0.04)
            wave = (np.sin(np.linspace(0, 2 * np.pi * 880 * 0.04, n)) * np.linspace(1, 0, n) * 6000).astype(np.int16)
            if channels > 1:
                wave = np.repeat(wave[:, None], channels, axis=1)
            self._click = pygame.sndarray.make_sound(np.ascontiguousarray(wave))
        except (pygame.error, ValueError, TypeError):
            self._click = None

    def click(self) -> None:
        if self.enabled and self._click is not None:
            self._click.play()
