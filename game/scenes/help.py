"""F1: every keyboard shortcut and mouse gesture, and the short how-to-play page."""

from __future__ import annotations

import html

import pygame

from game.i18n import t
from game.scene import Scene, fill_background
from game.scenes.dialogs import DialogScene

#: (keys, i18n key of what they do); one list, so the help cannot miss a shortcut the map knows.
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("F1", "key_help"),
    ("Esc", "key_escape"),
    ("Enter / Space", "key_end_turn"),
    ("← ↑ → ↓ / W A S D", "key_pan"),
    ("+ / − / wheel", "key_zoom"),
    ("drag", "key_drag"),
    ("click", "key_click"),
    ("right click", "key_right_click"),
    ("Tab", "key_tab"),
    ("G", "key_diplomacy"),
    ("O", "key_goals"),
    ("C", "key_chronicle"),
    ("P", "key_patterns"),
    ("H", "key_hint"),
    ("F5", "key_quicksave"),
    ("F9", "key_quickload"),
    ("Ctrl+S", "key_save_as"),
    ("F11", "key_fullscreen"),
)


def shortcut_html() -> str:
    rows = []
    for keys, what in SHORTCUTS:
        label = t("mouse_" + keys.replace(" ", "_")) if keys in ("drag", "click", "right click") else keys
        rows.append(f"<b>{html.escape(label)}</b> — {html.escape(t(what))}")
    return "<br>".join(rows)


class HelpOverlay(DialogScene):
    width = 640
    height = 560

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app, t("help_title"))

    def build(self) -> None:
        r = self.inner()
        pad = self.s(10)
        bh = self.s(36)
        self.text_box(pygame.Rect(pad, pad, r.width - 2 * pad, r.height - bh - 3 * pad), shortcut_html())
        bw = self.s(180)
        self.howto = self.button(pygame.Rect(pad, r.height - bh - pad, bw, bh), t("how_to_play"), self._howto, t("tip_how_to_play"))
        self.close_btn = self.button(pygame.Rect(r.width - bw - pad, r.height - bh - pad, bw, bh), t("close"), self.dismiss, t("tip_close"))

    def _howto(self) -> None:
        self.dismiss()
        self.app.push(HowToPlayScene(self.app))


class HowToPlayScene(Scene):
    """A page of plain instructions (reached from the title screen and from F1)."""

    def build(self) -> None:
        w, h = self.app.screen.get_size()
        pad = self.s(24)
        self.label(pygame.Rect(pad, pad, w - 2 * pad, self.s(40)), t("how_to_play"), object_id="#heading")
        bh = self.s(40)
        body = "<br><br>".join(f"<b>{html.escape(t(f'howto_{i}_title'))}</b><br>{html.escape(t(f'howto_{i}'))}" for i in range(1, 8))
        self.text_box(pygame.Rect(pad, pad + self.s(50), w - 2 * pad, h - 2 * pad - self.s(60) - bh), body)
        self.back = self.button(pygame.Rect(pad, h - pad - bh, self.s(160), bh), t("back"), self.on_escape, t("tip_back"))

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.app.pop(self)
        return True
