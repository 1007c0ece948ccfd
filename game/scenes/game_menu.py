"""The in-game menu (Esc or the Menu button): resume, settings, how to play, leave."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import t
from game.scenes.dialogs import ConfirmDialog, DialogScene

if TYPE_CHECKING:
    from game.app import App


class GameMenu(DialogScene):
    width = 360
    height = 330

    def __init__(self, app: "App") -> None:
        super().__init__(app, t("menu"))

    def build(self) -> None:
        r = self.inner()
        pad = self.s(12)
        bh = self.s(38)
        y = pad
        self.buttons = {}
        for key, action in (("resume", self.dismiss), ("settings", self._settings), ("how_to_play", self._howto),
                            ("to_title", self._to_title), ("quit", self._quit)):
            self.buttons[key] = self.button(pygame.Rect(pad, y, r.width - 2 * pad, bh), t(key), action, t("tip_" + key))
            y += bh + self.s(8)

    def _settings(self) -> None:
        from game.scenes.settings_screen import SettingsScene

        self.dismiss()
        self.app.push(SettingsScene(self.app))

    def _howto(self) -> None:
        from game.scenes.help import HowToPlayScene

        self.dismiss()
        self.app.push(HowToPlayScene(self.app))

    def _to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.dismiss()
        self.app.push(ConfirmDialog(self.app, t("to_title"), t("confirm_leave"), lambda: self.app.reset(TitleScene(self.app))))

    def _quit(self) -> None:
        self.dismiss()
        self.app.push(ConfirmDialog(self.app, t("quit"), t("confirm_leave"), self.app.quit))
