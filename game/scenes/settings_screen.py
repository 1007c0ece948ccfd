"""Settings: language, UI scale, window size / full screen, sound, patterns, edge scrolling.

Every option is a row of buttons with the current one selected, so a change is one click and
takes effect at once (the scenes are rebuilt in the new language or scale).
"""

from __future__ import annotations

from typing import Any, Callable

import pygame

from game.i18n import t
from game.scene import Scene, fill_background
from game.settings import LANGUAGES, UI_SCALES, WINDOW_SIZES


class SettingsScene(Scene):
    def build(self) -> None:
        w, h = self.app.screen.get_size()
        st = self.app.settings
        pad = self.s(40)
        self.label(pygame.Rect(0, self.s(24), w, self.s(48)), t("settings"), object_id="#heading")
        rows: list[tuple[str, list[tuple[str, Any]], Any, Callable[[Any], None]]] = [
            ("language", [(t("lang_" + lang), lang) for lang in LANGUAGES], st.language, self.app.set_language),
            ("ui_scale", [(f"{int(s * 100)}%", s) for s in UI_SCALES], st.ui_scale, self.app.set_ui_scale),
            ("window_size", [(f"{a}×{b}", (a, b)) for a, b in WINDOW_SIZES] + [(t("fullscreen"), "full")],
             "full" if st.fullscreen else tuple(st.window_size), self._window),
            ("sound", [(t("on"), True), (t("off"), False)], st.sound, self.app.set_sound),
            ("patterns", [(t("on"), True), (t("off"), False)], st.patterns, self._patterns),
            ("edge_scroll", [(t("on"), True), (t("off"), False)], st.edge_scroll, self._edge),
        ]
        y = self.s(100)
        lw = min(self.s(320), w // 3)
        bh = self.s(38)
        self.options: dict[tuple[str, Any], Any] = {}
        for key, options, current, apply in rows:
            self.label(pygame.Rect(pad, y, lw, bh), t("setting_" + key))
            x = pad + lw
            bw = max(self.s(90), min(self.s(150), (w - x - pad) // max(1, len(options)) - self.s(8)))
            for text, value in options:
                btn = self.button(pygame.Rect(x, y, bw, bh), text, lambda k=key, v=value, a=apply: self._set(k, a, v), t("tip_setting_" + key))
                if value == current:
                    btn.select()
                self.options[(key, value)] = btn
                x += bw + self.s(8)
            y += bh + self.s(18)
        self.back = self.button(pygame.Rect(pad, h - pad - bh, self.s(160), bh), t("back"), self.on_escape, t("tip_back"))

    def _set(self, key: str, apply: Callable[[Any], None], value: Any) -> None:
        """Apply a choice; language, scale and window changes rebuild the scenes themselves,
        the others only move the selection."""
        apply(value)
        for (k, v), btn in self.options.items():
            if k == key:
                btn.select() if v == value else btn.unselect()

    def _window(self, value: Any) -> None:
        if value == "full":
            self.app.set_window(tuple(self.app.settings.window_size), True)
        else:
            self.app.set_window(value, False)

    def _patterns(self, on: bool) -> None:
        self.app.settings.patterns = on
        self.app.settings.save()

    def _edge(self, on: bool) -> None:
        self.app.settings.edge_scroll = on
        self.app.settings.save()

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.app.pop(self)
        return True
