"""The scene stack's unit: a screen (title, map, …) or an overlay (a dialog, the help page).

A scene owns its widgets through one full-window ``UIContainer`` (plus any ``UIWindow`` it
opens) so that the stack can hide a covered scene's widgets in one call and rebuild every
scene when the language, UI scale or window size changes. Non-widget state lives in plain
attributes so that a rebuild loses nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

import pygame
import pygame_gui
from pygame_gui.core import UIContainer, UIElement


if TYPE_CHECKING:
    from game.app import App


class Scene:
    #: An opaque scene covers the window: the scenes below are neither drawn nor shown.
    opaque: bool = True
    #: Redraw every frame while this scene is on top (animations, a moving map).
    animated: bool = False

    def __init__(self, app: "App") -> None:
        self.app = app
        self.container: UIContainer | None = None
        self._owned: list[UIElement] = []
        self._actions: dict[UIElement, Callable[[], Any]] = {}

    # ------------------------------------------------------------ building
    @property
    def manager(self) -> pygame_gui.UIManager:
        return self.app.manager

    def s(self, px: float) -> int:
        """A length in pixels at the current UI scale."""
        return int(round(px * self.app.settings.ui_scale))

    def open(self) -> None:
        """Create the widgets (called when pushed and after every rebuild)."""
        w, h = self.app.screen.get_size()
        self.container = UIContainer(pygame.Rect(0, 0, w, h), manager=self.manager)
        self._owned = [self.container]
        self._actions = {}
        self.build()

    def close(self) -> None:
        for element in self._owned:
            element.kill()
        self._owned = []
        self._actions = {}
        self.container = None

    def rebuild(self) -> None:
        self.close()
        self.open()

    def build(self) -> None:
        """Create this scene's widgets in ``self.container``."""

    def own(self, element: UIElement) -> UIElement:
        """Keep a top-level element (a window) so that closing the scene kills it."""
        self._owned.append(element)
        return element

    def set_visible(self, visible: bool) -> None:
        for element in self._owned:
            if visible:
                element.show()
            else:
                element.hide()

    def button(
        self,
        rect: pygame.Rect,
        text: str,
        action: Callable[[], Any] | None,
        tip: str | None = None,
        container: Any = None,
        object_id: str | None = None,
        enabled: bool = True,
    ) -> pygame_gui.elements.UIButton:
        """A button with a tooltip (every button has one) that calls ``action`` when pressed."""
        btn = pygame_gui.elements.UIButton(
            rect,
            text,
            manager=self.manager,
            container=container or self.container,
            tool_tip_text=tip if tip is not None else text,
            object_id=object_id,
        )
        if not enabled:
            btn.disable()
        if action is not None:
            self._actions[btn] = action
        return btn

    def label(self, rect: pygame.Rect, text: str, container: Any = None, object_id: str | None = None) -> pygame_gui.elements.UILabel:
        return pygame_gui.elements.UILabel(rect, text, manager=self.manager, container=container or self.container, object_id=object_id)

    def text_box(self, rect: pygame.Rect, html: str, container: Any = None, object_id: str | None = None) -> pygame_gui.elements.UITextBox:
        """A wrapped text box; CJK wraps per character without the default split dashes."""
        box = pygame_gui.elements.UITextBox(
            html,
            rect,
            manager=self.manager,
            container=container or self.container,
            object_id=object_id,
            allow_split_dashes=False,
        )
        return box

    # ------------------------------------------------------------ events
    def handle_ui_event(self, event: pygame.event.Event) -> bool:
        """A pygame_gui event; True when it was this scene's."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            action = self._actions.get(event.ui_element)
            if action is not None:
                self.app.sound.click()
                action()
                return True
        return False

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Keyboard and mouse input the widgets did not take (top scene only)."""
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            return self.on_escape()
        return False

    def on_escape(self) -> bool:
        return False

    def update(self, dt: float) -> None:
        """Advance animations; ``dt`` in seconds."""

    def draw(self, surface: pygame.Surface) -> None:
        """Draw beneath the widgets (backgrounds, the map)."""

    def draw_over(self, surface: pygame.Surface) -> None:
        """Draw above the widgets (map tooltips)."""

    def wants_redraw(self) -> bool:
        return False

    def help_lines(self) -> list[tuple[str, str]]:
        """(key, what it does) pairs this scene adds to the F1 help."""
        return []


def fill_background(surface: pygame.Surface) -> None:
    """The plain backdrop of menu scenes: dark lacquer with a thin gold frame."""
    surface.fill((29, 31, 36))
    w, h = surface.get_size()
    pygame.draw.rect(surface, (120, 98, 56), pygame.Rect(8, 8, w - 16, h - 16), 1)
