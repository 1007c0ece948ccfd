"""The new-game screen: scenario, start bookmark, what-if overlays, human/AI seats, AI level,
turn length, seed and the historical-events mode.

Choices are kept in plain attributes (not in the widgets) so that a language switch, which
rebuilds every widget, keeps them.
"""

from __future__ import annotations

import html
import secrets
from pathlib import Path
from typing import Any

import pygame
import pygame_gui

from engine.calendar import format_month
from engine.scenario import Scenario, ScenarioError, load_scenario
from game import catalog
from game.i18n import language, t
from game.scene import Scene, fill_background
from game.session import GameOptions, Session

AI_LEVELS = ("easy", "normal", "hard")
HISTORICAL_MODES = ("off", "ai", "all")


class NewGameScene(Scene):
    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.entries = catalog.list_scenarios(getattr(app, "extra_scenarios", None))
        self.entry: catalog.ScenarioEntry | None = None
        self.scenario: Scenario | None = None
        self.error: str | None = None
        self.whatifs: list[catalog.WhatIfEntry] = []
        self.chosen_whatifs: set[Path] = set()
        self.start: int | None = None
        self.humans: set[str] = set()
        self.ai_level = "normal"
        self.turn_months = 1
        self.historical_mode = "ai"
        self.seed = secrets.randbelow(99999) + 1
        if self.entries:
            preferred = next((e for e in self.entries if e.id == "jin_xia_1211"), self.entries[0])
            self._choose_scenario(preferred)

    # ------------------------------------------------------------ choices
    def _choose_scenario(self, entry: catalog.ScenarioEntry) -> None:
        self.entry = entry
        self.error = None
        self.chosen_whatifs = set()
        self.humans = set()
        try:
            self.scenario = load_scenario(entry.folder)
        except ScenarioError as err:
            self.scenario = None
            self.error = str(err)
            self.whatifs = []
            return
        except OSError as err:
            self.scenario = None
            self.error = str(err)
            self.whatifs = []
            return
        self.start = self.scenario.start
        self.whatifs = catalog.whatif_entries(self.scenario.whatif_files)
        if self.scenario.playable:
            self.humans = {self.scenario.playable[0]}

    def choose_scenario(self, entry: catalog.ScenarioEntry) -> None:
        self._choose_scenario(entry)
        self.rebuild()

    def choose(self, attr: str, value: Any) -> None:
        setattr(self, attr, value)
        self.rebuild()

    def toggle_human(self, state: str) -> None:
        self.humans ^= {state}
        self.rebuild()

    def toggle_whatif(self, path: Path) -> None:
        self.chosen_whatifs ^= {path}
        self.rebuild()

    def new_seed(self) -> None:
        self.seed = secrets.randbelow(99999) + 1
        self.rebuild()

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.app.screen.get_size()
        lang = language()
        pad = self.s(24)
        gap = self.s(6)
        bh = self.s(32)
        col = (w - 4 * pad) // 3
        xa, xb, xc = pad, 2 * pad + col, 3 * pad + 2 * col
        self.label(pygame.Rect(0, self.s(10), w, self.s(40)), t("new_game"), object_id="#heading")
        top = self.s(58)

        # Column A: scenarios and the description (or the load errors).
        y = top
        self.label(pygame.Rect(xa, y, col, bh), t("scenario"), object_id="#bold")
        y += bh
        self.scenario_buttons = {}
        for entry in self.entries:
            text = entry.name(lang) + (f"  ({t('user_scenario')})" if entry.user else "")
            btn = self.button(pygame.Rect(xa, y, col, bh), text, lambda e=entry: self.choose_scenario(e), t("tip_scenario"))
            if entry is self.entry:
                btn.select()
            self.scenario_buttons[entry.folder.name] = btn
            y += bh + gap
        if self.error:
            desc = f"<b>{html.escape(t('scenario_broken'))}</b><br>{html.escape(self.error)}"
        elif self.scenario is not None and self.scenario.header.description is not None:
            desc = html.escape(self.scenario.header.description.get(lang)).replace("\n", "<br>")
        else:
            desc = ""
        self.text_box(pygame.Rect(xa, y + gap, col, h - y - pad - bh - 2 * gap - self.s(8)), desc)

        # Column B: start date and what-ifs.
        y = top
        self.label(pygame.Rect(xb, y, col, bh), t("start_date"), object_id="#bold")
        y += bh
        self.bookmark_buttons = {}
        if self.scenario is not None:
            marks = list(self.scenario.header.calendar.bookmarks) or []
            half = (col - gap) // 2
            for i, mark in enumerate(marks):
                x = xb + (i % 2) * (half + gap)
                text = f"{format_month(mark.date)} {mark.name.get(lang)}"
                tip = mark.note.get(lang) if mark.note is not None else text
                btn = self.button(pygame.Rect(x, y, half, bh), text, lambda d=mark.date: self.choose("start", d), tip)
                if mark.date == self.start:
                    btn.select()
                self.bookmark_buttons[mark.date] = btn
                if i % 2 == 1 or i == len(marks) - 1:
                    y += bh + gap
        y += self.s(10)
        self.label(pygame.Rect(xb, y, col, bh), t("whatifs"), object_id="#bold")
        y += bh
        self.whatif_buttons = {}
        if not self.whatifs:
            self.label(pygame.Rect(xb, y, col, bh), t("no_whatifs"), object_id="#dim")
            y += bh
        for entry in self.whatifs:
            on = entry.path in self.chosen_whatifs
            btn = self.button(pygame.Rect(xb, y, col, bh), ("■ " if on else "□ ") + entry.title(lang),
                              lambda p=entry.path: self.toggle_whatif(p), entry.note(lang) or entry.title(lang))
            if on:
                btn.select()
            self.whatif_buttons[entry.id] = btn
            y += bh + gap
        notes = [f"<b>{html.escape(e.title(lang))}</b><br>{html.escape(e.note(lang))}" for e in self.whatifs if e.path in self.chosen_whatifs]
        self.text_box(pygame.Rect(xb, y + gap, col, max(self.s(40), h - y - pad - bh - 2 * gap - self.s(8))),
                      "<br><br>".join(notes) if notes else html.escape(t("whatif_hint")))

        # Column C: seats and options.
        y = top
        self.label(pygame.Rect(xc, y, col, bh), t("factions"), object_id="#bold")
        y += bh
        self.seat_buttons = {}
        if self.scenario is not None:
            for sid in self.scenario.playable:
                state = self.scenario.states[sid]
                self.label(pygame.Rect(xc, y, col // 2, bh), state.name.get(lang))
                human = sid in self.humans
                btn = self.button(pygame.Rect(xc + col // 2, y, col // 2, bh), t("human") if human else t("ai"),
                                  lambda s=sid: self.toggle_human(s), t("tip_seat"))
                if human:
                    btn.select()
                self.seat_buttons[sid] = btn
                y += bh + gap
        y += self.s(6)
        self.option_buttons: dict[tuple[str, Any], Any] = {}
        for attr, values, label in (
            ("ai_level", AI_LEVELS, "ai_level"),
            ("turn_months", (1, 3), "turn_length"),
            ("historical_mode", HISTORICAL_MODES, "historical_mode"),
        ):
            self.label(pygame.Rect(xc, y, col, bh), t(label), object_id="#bold")
            y += bh
            bw = (col - gap * (len(values) - 1)) // len(values)
            for i, value in enumerate(values):
                key = f"{attr}_{value}"
                btn = self.button(pygame.Rect(xc + i * (bw + gap), y, bw, bh), t(key), lambda a=attr, v=value: self.choose(a, v), t("tip_" + key))
                if getattr(self, attr) == value:
                    btn.select()
                self.option_buttons[(attr, value)] = btn
            y += bh + gap
        self.label(pygame.Rect(xc, y, col, bh), t("seed"), object_id="#bold")
        y += bh
        self.seed_entry = pygame_gui.elements.UITextEntryLine(
            pygame.Rect(xc, y, col // 2, bh), manager=self.manager, container=self.container
        )
        self.seed_entry.set_allowed_characters("numbers")
        self.seed_entry.set_text(str(self.seed))
        self.button(pygame.Rect(xc + col // 2 + gap, y, col // 2 - gap, bh), t("new_seed"), self.new_seed, t("tip_new_seed"))

        # Bottom row.
        bw = self.s(180)
        self.back = self.button(pygame.Rect(pad, h - pad - bh, bw, bh), t("back"), self.on_escape, t("tip_back"))
        ready = self.scenario is not None and bool(self.humans)
        self.start_button = self.button(pygame.Rect(w - pad - bw, h - pad - bh, bw, bh), t("start"), self.start_game,
                                        t("tip_start") if ready else t("tip_start_disabled"), object_id="#accent", enabled=ready)

    def handle_ui_event(self, event: pygame.event.Event) -> bool:
        if event.type in (pygame_gui.UI_TEXT_ENTRY_CHANGED, pygame_gui.UI_TEXT_ENTRY_FINISHED) and event.ui_element is getattr(self, "seed_entry", None):
            text = self.seed_entry.get_text()
            self.seed = int(text) if text.isdigit() else self.seed
            return True
        return super().handle_ui_event(event)

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.app.pop(self)
        return True

    # ------------------------------------------------------------ starting
    def options(self) -> GameOptions:
        assert self.entry is not None
        text = self.seed_entry.get_text() if hasattr(self, "seed_entry") else ""
        if text.isdigit():
            self.seed = int(text)
        return GameOptions(
            scenario_folder=self.entry.folder,
            overlays=tuple(sorted(self.chosen_whatifs)),
            start=self.start,
            humans=tuple(sorted(self.humans)),
            ai_level=self.ai_level,
            turn_months=self.turn_months,
            seed=self.seed,
            historical_mode=self.historical_mode,
        )

    def start_game(self) -> None:
        from engine.setup import SetupError
        from game.scenes.map_scene import begin_game

        if self.entry is None or not self.humans:
            return
        options = self.options()
        try:
            scenario = load_scenario(options.scenario_folder, options.overlays) if options.overlays else self.scenario
            assert scenario is not None
            session = Session.start(scenario, options)
        except (ScenarioError, SetupError) as err:
            self.app.message(t("cannot_start"), str(err))
            return
        begin_game(self.app, session)
