"""Modal dialogs: a message with OK, a yes/no question, and the base they share.

A dialog is a scene that does not cover the window: the scene beneath stays drawn, but its
widgets are blocked (the dialog's window is blocking) and it gets no keyboard input.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Callable

import pygame
import pygame_gui

from game.i18n import t
from game.scene import Scene

if TYPE_CHECKING:
    from game.app import App


class DialogScene(Scene):
    opaque = False
    width = 520
    height = 300

    def __init__(self, app: "App", title: str) -> None:
        super().__init__(app)
        self.title = title
        self.window: pygame_gui.elements.UIWindow | None = None

    def size(self) -> tuple[int, int]:
        sw, sh = self.app.screen.get_size()
        return min(self.s(self.width), sw - 20), min(self.s(self.height), sh - 20)

    def open(self) -> None:
        self._owned = []
        self._actions = {}
        w, h = self.size()
        sw, sh = self.app.screen.get_size()
        rect = pygame.Rect((sw - w) // 2, (sh - h) // 2, w, h)
        self.window = pygame_gui.elements.UIWindow(rect, manager=self.manager, window_display_title=self.title, resizable=False)
        self.window.set_blocking(True)
        self._owned = [self.window]
        self.container = self.window  # type: ignore[assignment]
        self.build()

    def inner(self) -> pygame.Rect:
        """The drawable area inside the window, in window coordinates."""
        assert self.window is not None
        r = self.window.get_container().get_rect()
        return pygame.Rect(0, 0, r.width, r.height)

    def handle_ui_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_WINDOW_CLOSE and event.ui_element is self.window:
            self.window = None
            self._owned = []
            self.dismiss()
            return True
        return super().handle_ui_event(event)

    def on_escape(self) -> bool:
        self.dismiss()
        return True

    def dismiss(self) -> None:
        self.app.pop(self)


class MessageDialog(DialogScene):
    """A message and an OK button (errors such as a damaged save end up here)."""

    def __init__(self, app: "App", title: str, text: str, on_close: Callable[[], None] | None = None) -> None:
        super().__init__(app, title)
        self.text = text
        self.on_close = on_close

    def build(self) -> None:
        r = self.inner()
        pad = self.s(10)
        bh = self.s(36)
        self.text_box(pygame.Rect(pad, pad, r.width - 2 * pad, r.height - bh - 3 * pad), html.escape(self.text).replace("\n", "<br>"))
        self.ok = self.button(pygame.Rect((r.width - self.s(120)) // 2, r.height - bh - pad, self.s(120), bh), t("ok"), self.dismiss, t("tip_ok"))

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            self.dismiss()
            return True
        return super().handle_event(event)

    def dismiss(self) -> None:
        super().dismiss()
        if self.on_close is not None:
            self.on_close()


class ConfirmDialog(DialogScene):
    """A question with Yes / No; ``on_yes`` runs only on Yes."""

    def __init__(self, app: "App", title: str, text: str, on_yes: Callable[[], None]) -> None:
        super().__init__(app, title)
        self.text = text
        self.on_yes = on_yes
        self.height = 240

    def build(self) -> None:
        r = self.inner()
        pad = self.s(10)
        bh = self.s(36)
        bw = self.s(120)
        self.text_box(pygame.Rect(pad, pad, r.width - 2 * pad, r.height - bh - 3 * pad), html.escape(self.text))
        self.yes = self.button(pygame.Rect(r.width // 2 - bw - pad, r.height - bh - pad, bw, bh), t("yes"), self._yes, t("tip_yes"))
        self.no = self.button(pygame.Rect(r.width // 2 + pad, r.height - bh - pad, bw, bh), t("no"), self.dismiss, t("tip_no"))

    def _yes(self) -> None:
        self.dismiss()
        self.on_yes()


class TextEntryDialog(DialogScene):
    """Ask for one line of text (a save name)."""

    def __init__(self, app: "App", title: str, prompt: str, initial: str, on_ok: Callable[[str], None]) -> None:
        super().__init__(app, title)
        self.prompt = prompt
        self.initial = initial
        self.on_ok = on_ok
        self.height = 200

    def build(self) -> None:
        r = self.inner()
        pad = self.s(10)
        bh = self.s(36)
        bw = self.s(120)
        self.label(pygame.Rect(pad, pad, r.width - 2 * pad, self.s(28)), self.prompt)
        self.entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(pad, pad + self.s(32), r.width - 2 * pad, self.s(36)), manager=self.manager, container=self.container
        )
        self.entry.set_text(self.initial)
        self.entry.focus()
        self.entry.select_range = [0, len(self.initial)]  # typing replaces the suggestion
        self.ok = self.button(pygame.Rect(r.width // 2 - bw - pad, r.height - bh - pad, bw, bh), t("ok"), self._ok, t("tip_ok"))
        self.cancel = self.button(pygame.Rect(r.width // 2 + pad, r.height - bh - pad, bw, bh), t("cancel"), self.dismiss, t("tip_cancel"))

    def handle_ui_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.entry:
            self._ok()
            return True
        return super().handle_ui_event(event)

    def _ok(self) -> None:
        text = self.entry.get_text().strip()
        if text:
            self.dismiss()
            self.on_ok(text)
