"""The briefing a human faction reads before its first turn (Markdown from the scenario)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import pygame

from game.i18n import language, t
from game.markdown import to_html
from game.scene import Scene, fill_background

if TYPE_CHECKING:
    from game.app import App
    from game.session import Session


def briefing_text(session: "Session", faction: str, lang: str) -> str | None:
    """The briefing in ``lang``; traditional Chinese falls back to simplified, then English."""
    found = session.scenario.briefings
    for code in (lang, "zh" if lang == "zh_hant" else "en", "en", "zh"):
        text = found.get((faction, code))
        if text:
            return text
    return None


class BriefingScene(Scene):
    def __init__(self, app: "App", session: "Session", faction: str, on_done: Callable[[], None]) -> None:
        super().__init__(app)
        self.session = session
        self.faction = faction
        self.on_done = on_done
        self.show_spoilers = False

    def build(self) -> None:
        w, h = self.app.screen.get_size()
        lang = language()
        pad = self.s(28)
        bh = self.s(40)
        name = self.session.scenario.states[self.faction].name.get(lang)
        self.label(pygame.Rect(pad, self.s(14), w - 2 * pad, self.s(44)), t("briefing_title", state=name), object_id="#heading")
        text = briefing_text(self.session, self.faction, lang) or t("no_briefing")
        body, has_spoiler = to_html(text, self.show_spoilers, t("spoiler_hidden"))
        self.body = self.text_box(pygame.Rect(pad, self.s(66), w - 2 * pad, h - self.s(66) - 2 * pad - bh), body)
        self.spoiler_button = None
        if has_spoiler:
            self.spoiler_button = self.button(
                pygame.Rect(pad, h - pad - bh, self.s(220), bh),
                t("hide_spoilers") if self.show_spoilers else t("show_spoilers"),
                self.toggle_spoilers,
                t("tip_spoilers"),
            )
        self.go = self.button(pygame.Rect(w - pad - self.s(220), h - pad - bh, self.s(220), bh), t("to_the_map"), self.done,
                              t("tip_to_the_map"), object_id="#accent")

    def toggle_spoilers(self) -> None:
        self.show_spoilers = not self.show_spoilers
        self.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.done()
            return True
        return super().handle_event(event)

    def on_escape(self) -> bool:
        self.done()
        return True

    def done(self) -> None:
        self.session.briefed.add(self.faction)
        self.app.pop(self)
        self.on_done()
