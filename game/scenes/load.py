"""The load screen: named saves, the quick save and the autosaves, newest first. A damaged or
too-new save opens a dialog that says so; it never crashes the game."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from engine.save import SaveError
from game import saves
from game.catalog import list_scenarios
from game.i18n import language, t
from game.scene import Scene, fill_background
from game.words import date_text

if TYPE_CHECKING:
    from game.app import App


def load_and_play(app: "App", path: Path) -> bool:
    """Load ``path`` and enter the game; on failure show why and stay where we are."""
    from game.scenes.map_scene import begin_game

    try:
        session = saves.load(path)
    except SaveError as err:
        app.message(t("load_failed"), t("load_failed_text", reason=str(err)))
        return False
    begin_game(app, session)
    return True


class LoadScene(Scene):
    def build(self) -> None:
        w, h = self.app.screen.get_size()
        pad = self.s(30)
        bh = self.s(36)
        self.label(pygame.Rect(0, self.s(16), w, self.s(44)), t("load"), object_id="#heading")
        self.slot_buttons = {}
        found = saves.list_saves()
        y = self.s(76)
        if not found:
            self.label(pygame.Rect(pad, y, w - 2 * pad, bh), t("no_saves"), object_id="#dim")
        bw = min(w - 2 * pad, self.s(860))
        names = {e.id: e.name(language()) for e in list_scenarios(getattr(self.app, "extra_scenarios", None))}
        for info in found[: max(1, (h - y - 2 * pad - bh) // (bh + self.s(6)))]:
            stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(info.mtime))
            summary = saves.peek(info.path)
            if summary is None:
                what = [info.name, t("save_unreadable")]
            else:  # an autosave's file name says nothing: its scenario does
                what = [names.get(summary.scenario, summary.scenario) if info.kind == "auto" else info.name, date_text(summary.date)]
            text = "  ·  ".join([f"{t('save_kind_' + info.kind)}  {what[0]}", *what[1:], t("saved_at", when=stamp)])
            self.slot_buttons[info.name] = self.button(pygame.Rect((w - bw) // 2, y, bw, bh), text,
                                                       lambda p=info.path: load_and_play(self.app, p), t("tip_load_slot"))
            y += bh + self.s(6)
        self.back = self.button(pygame.Rect(pad, h - pad - bh, self.s(160), bh), t("back"), self.on_escape, t("tip_back"))

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.app.pop(self)
        return True
