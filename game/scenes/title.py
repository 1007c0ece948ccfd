"""The title screen: new game, continue, load, settings, how to play, quit."""

from __future__ import annotations

import pygame

from game import saves
from game.i18n import t
from game.scene import Scene, fill_background


class TitleScene(Scene):
    def build(self) -> None:
        w, h = self.app.screen.get_size()
        bw, bh, gap = self.s(320), self.s(44), self.s(12)
        self.label(pygame.Rect(0, int(h * 0.10), w, self.s(70)), t("game_title"), object_id="#title")
        self.label(pygame.Rect(0, int(h * 0.10) + self.s(72), w, self.s(30)), t("subtitle"), object_id="#large")
        latest = saves.latest()
        items = [
            ("new_game", self.new_game, True),
            ("continue", self.continue_game, latest is not None),
            ("load", self.load, True),
            ("what_if_lab", self.what_if_lab, True),
            ("settings", self.settings, True),
            ("how_to_play", self.how_to_play, True),
            ("quit", self.app.quit, True),
        ]
        y = int(h * 0.10) + self.s(130)
        self.buttons: dict[str, object] = {}
        for key, action, enabled in items:
            self.buttons[key] = self.button(pygame.Rect((w - bw) // 2, y, bw, bh), t(key), action, t("tip_" + key), enabled=enabled)
            y += bh + gap
        # Quick language switch: a class on a projector should not need the settings page.
        lw = self.s(110)
        x = (w - 3 * lw - 2 * gap) // 2
        for lang in ("zh", "zh_hant", "en"):
            self.buttons["lang_" + lang] = self.button(
                pygame.Rect(x, h - self.s(70), lw, self.s(34)), t("lang_" + lang), lambda lang=lang: self.app.set_language(lang), t("tip_language")
            )
            if lang == self.app.settings.language:
                self.buttons["lang_" + lang].select()
            x += lw + gap

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def new_game(self) -> None:
        from game.scenes.new_game import NewGameScene

        self.app.push(NewGameScene(self.app))

    def continue_game(self) -> None:
        from game.scenes.load import load_and_play

        path = saves.latest()
        if path is not None:
            load_and_play(self.app, path)

    def load(self) -> None:
        from game.scenes.load import LoadScene

        self.app.push(LoadScene(self.app))

    def settings(self) -> None:
        from game.scenes.settings_screen import SettingsScene

        self.app.push(SettingsScene(self.app))

    def what_if_lab(self) -> None:
        from game.scenes.lab import LabScene

        self.app.push(LabScene(self.app))

    def how_to_play(self) -> None:
        from game.scenes.help import HowToPlayScene

        self.app.push(HowToPlayScene(self.app))

    def on_escape(self) -> bool:
        return True
