"""The application: window, UI manager, settings and the scene stack, run at a fixed 60 fps.

The loop redraws only when something may have changed: after input (for a short while, so
hover effects and tooltips appear), while the top scene asks for it (an animated map), or
when a scene is pushed or rebuilt. An idle window costs almost nothing.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Callable

import pygame
import pygame_gui

from game import i18n, linebreak
from game.scene import Scene
from game.settings import Settings
from game.sound import Sound
from game.theme import build_theme, preload_fonts

#: Seconds of redrawing after the last input (covers hover fades and the tooltip delay).
REDRAW_AFTER_INPUT = 2.0
FPS = 60


def _gui_locale(lang: str) -> str:
    """pygame_gui knows two-letter locales; both Chinese forms use its zh strings."""
    return "en" if lang == "en" else "zh"


class App:
    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings.load()
        i18n.set_language(self.settings.language)
        linebreak.enable()  # Chinese text boxes wrap between characters, not only at spaces
        pygame.init()
        pygame.display.set_caption("四国争衡 Four Realms")
        self.screen = self._open_window()
        self.manager = self._make_manager()
        self.sound = Sound(self.settings.sound)
        self.clock = pygame.time.Clock()
        self.scenes: list[Scene] = []
        self.running = True
        self.frames_drawn = 0
        self._redraw_until = 0.0
        self._force_redraw = True
        #: The game being played (set by the new-game and load screens).
        self.session = None  # type: ignore[var-annotated]

    # ------------------------------------------------------------ window and theme
    def _open_window(self) -> pygame.Surface:
        if self.settings.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(self.settings.window_size, pygame.RESIZABLE)

    def _make_manager(self) -> pygame_gui.UIManager:
        scale = self.settings.ui_scale
        manager = pygame_gui.UIManager(
            self.screen.get_size(),
            build_theme(scale),
            enable_live_theme_updates=False,
            starting_language=_gui_locale(self.settings.language),
        )
        manager.preload_fonts(preload_fonts(scale))
        return manager

    def rebuild_all(self) -> None:
        """Re-create every scene's widgets (language, scale or size changed)."""
        for scene in self.scenes:
            scene.close()
        for scene in self.scenes:
            scene.open()
        self._apply_visibility()
        self.invalidate()

    def set_language(self, lang: str) -> None:
        self.settings.language = lang
        self.settings.save()
        i18n.set_language(lang)
        self.manager.set_locale(_gui_locale(lang))
        self.rebuild_all()

    def set_ui_scale(self, scale: float) -> None:
        self.settings.ui_scale = scale
        self.settings.save()
        for scene in self.scenes:
            scene.close()
        self.manager = self._make_manager()
        self.rebuild_all()

    def set_window(self, size: tuple[int, int], fullscreen: bool) -> None:
        self.settings.window_size = size
        self.settings.fullscreen = fullscreen
        self.settings.save()
        self.screen = self._open_window()
        self._resized()

    def set_sound(self, on: bool) -> None:
        self.settings.sound = on
        self.sound.enabled = on
        self.settings.save()

    def _resized(self) -> None:
        self.screen = pygame.display.get_surface()
        self.manager.set_window_resolution(self.screen.get_size())
        self.rebuild_all()

    # ------------------------------------------------------------ the stack
    @property
    def top(self) -> Scene | None:
        return self.scenes[-1] if self.scenes else None

    def push(self, scene: Scene) -> Scene:
        self.scenes.append(scene)
        scene.open()
        self._apply_visibility()
        self.invalidate()
        return scene

    def pop(self, scene: Scene | None = None) -> None:
        """Remove the top scene (or ``scene``, wherever it is)."""
        if not self.scenes:
            return
        target = scene if scene is not None else self.scenes[-1]
        if target in self.scenes:
            target.close()
            self.scenes.remove(target)
        self._apply_visibility()
        self.invalidate()

    def replace(self, scene: Scene) -> Scene:
        if self.scenes:
            self.pop()
        return self.push(scene)

    def reset(self, scene: Scene) -> Scene:
        """Clear the stack and start again from ``scene`` (back to the title, into a game)."""
        while self.scenes:
            self.pop()
        return self.push(scene)

    def find(self, kind: type) -> Scene | None:
        for scene in reversed(self.scenes):
            if isinstance(scene, kind):
                return scene
        return None

    def _visible_from(self) -> int:
        for i in range(len(self.scenes) - 1, -1, -1):
            if self.scenes[i].opaque:
                return i
        return 0

    def _apply_visibility(self) -> None:
        first = self._visible_from()
        for i, scene in enumerate(self.scenes):
            scene.set_visible(i >= first)

    def invalidate(self) -> None:
        """Ask for a redraw on the next frame."""
        self._force_redraw = True

    # ------------------------------------------------------------ dialogs
    def message(self, title: str, text: str, on_close: Callable[[], None] | None = None) -> None:
        from game.scenes.dialogs import MessageDialog

        self.push(MessageDialog(self, title, text, on_close))

    def toggle_help(self) -> None:
        from game.scenes.help import HelpOverlay

        top = self.top
        if isinstance(top, HelpOverlay):
            self.pop()
        else:
            self.push(HelpOverlay(self))

    # ------------------------------------------------------------ the loop
    def step(self, dt: float = 1 / FPS) -> bool:
        """One frame: input, update, and a redraw if anything may have changed."""
        now = time.monotonic()
        for event in pygame.event.get():
            self._redraw_until = now + REDRAW_AFTER_INPUT
            self._dispatch(event)
            if not self.running:
                return False
        self.manager.update(dt)
        for scene in list(self.scenes):
            scene.update(dt)
        top = self.top
        if self._force_redraw or now < self._redraw_until or (top is not None and (top.animated or top.wants_redraw())) or self._typing():
            self.draw()
            pygame.display.flip()
            self._force_redraw = False
        return self.running

    def _typing(self) -> bool:
        focus = self.manager.get_focus_set()
        return any(isinstance(e, pygame_gui.elements.UITextEntryLine) for e in (focus or ()))

    def draw(self) -> None:
        first = self._visible_from()
        visible = self.scenes[first:]
        for scene in visible:
            scene.draw(self.screen)
        self.manager.draw_ui(self.screen)
        for scene in visible:
            scene.draw_over(self.screen)
        self.frames_drawn += 1

    def _dispatch(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.running = False
            return
        if event.type == pygame.VIDEORESIZE and not self.settings.fullscreen:
            size = (max(800, event.w), max(500, event.h))
            self.settings.window_size = size
            self.settings.save()
            if self.screen.get_size() != size:  # SDL resized the window but not (yet) the surface
                pygame.display.set_mode(size, pygame.RESIZABLE)
            self._resized()
            return
        consumed = self.manager.process_events(event)
        if event.type >= pygame.USEREVENT and hasattr(event, "ui_element"):
            for scene in reversed(self.scenes):
                if scene.handle_ui_event(event):
                    break
            return
        if consumed:
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            self.toggle_help()
            return
        top = self.top
        if top is not None:
            top.handle_event(event)

    def quit(self) -> None:
        self.running = False

    def run(self, exit_after_first_frame: bool = False) -> int:
        """The main loop. ``exit_after_first_frame`` (for benchmarks/render.py) stops once the
        first frame has been drawn and input has been read, and prints how long after the
        process started that was."""
        while self.step(self.clock.tick(FPS) / 1000.0):
            if exit_after_first_frame and self.frames_drawn:
                print(f"first interactive frame: {seconds_since_launch():.3f} s after launch", flush=True)
                break
        pygame.quit()
        return 0


#: When this module was imported: the fallback start time where the OS does not say.
_IMPORTED = time.monotonic()


def seconds_since_launch() -> float:
    """Seconds since this process started. On Linux the kernel's record of the start
    (/proc/self/stat against /proc/uptime, 10 ms resolution) counts the interpreter's own
    start-up too; elsewhere the time since this module was imported (a little less)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields_after_name = fh.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        start_ticks = int(fields_after_name[19])  # field 22 of stat; the name was fields 1-2
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


def run(args: argparse.Namespace | None = None) -> int:
    """Open the game window at the title screen; returns the exit code."""
    from game import saves
    from game.scenes.title import TitleScene

    saves.clean_temp_files()
    app = App()
    app.push(TitleScene(app))
    return app.run(exit_after_first_frame=bool(getattr(args, "exit_after_first_frame", False)))
