"""Headless game-window tests: SDL's dummy video and audio drivers, user folders in tmp_path,
and helpers that drive the window with real pygame events (clicks at button centres, keys)."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import warnings
from pathlib import Path
from typing import Iterator

import pygame
import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings and saves go to tmp_path, never to the real home folder."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture(autouse=True)
def gui_warnings_fail() -> Iterator[None]:
    """A font loaded mid-frame or a bad theme entry is a bug: pygame_gui warns, the test fails."""
    with warnings.catch_warnings():
        warnings.filterwarnings("error", category=UserWarning, module=r"pygame_gui.*")
        yield


#: Set to a folder to save a screenshot after every click and key (to look at a test's steps).
SHOTS = os.environ.get("FOUR_REALMS_TEST_SHOTS")


class Driver:
    """Runs an App frame by frame and feeds it events the way SDL would."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.steps = 0

    def _shot(self, what: str) -> None:
        if SHOTS:
            self.steps += 1
            folder = Path(SHOTS) / os.environ.get("PYTEST_CURRENT_TEST", "test").split("::")[-1].split(" ")[0]
            folder.mkdir(parents=True, exist_ok=True)
            self.screenshot(folder / f"{self.steps:03d}_{what}.png")

    def frames(self, n: int = 3) -> None:
        for _ in range(n):
            self.app.step(1 / 60)

    def click(self, target, button: int = 1) -> None:  # type: ignore[no-untyped-def]
        """Click a widget (at its centre) or a screen position."""
        pos = target.rect.center if hasattr(target, "rect") else (int(target[0]), int(target[1]))
        pygame.mouse.set_pos(pos)
        pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
        self.frames(1)
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=pos))
        pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=button, pos=pos))
        self.frames(3)
        self._shot(f"click_{type(self.app.top).__name__}")

    def key(self, key: int, mod: int = 0) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        self.frames(3)
        self._shot(f"key_{type(self.app.top).__name__}")

    @property
    def top(self):  # type: ignore[no-untyped-def]
        return self.app.top

    def scene_names(self) -> list[str]:
        return [type(s).__name__ for s in self.app.scenes]

    def screenshot(self, path: Path) -> pygame.Surface:
        self.app.draw()
        pygame.image.save(self.app.screen, str(path))
        return self.app.screen


def make_app(language: str = "en"):  # type: ignore[no-untyped-def]
    from game.app import App
    from game.settings import Settings

    settings = Settings()
    settings.language = language
    settings.edge_scroll = False  # the dummy mouse sits at (0, 0): a window edge
    app = App(settings)
    app.extra_scenarios = [MINI]
    return app


@pytest.fixture
def driver() -> Driver:
    from game.scenes.title import TitleScene

    app = make_app("en")
    app.push(TitleScene(app))
    d = Driver(app)
    d.frames(2)
    return d
