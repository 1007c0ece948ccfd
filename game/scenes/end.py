"""The end of the game: each faction's goals and score on the left; on the right, the other
sections, one at a time behind tabs (the log's summary, the history check).

The score is the engine's (:func:`engine.goals.score`): dated goals were judged in their own
month as the game went on, the others on the final state. Each section is a method returning
the HTML of its text box; to add one, write the method and list it in :meth:`side_sections`.
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Callable

import pygame

from engine import goals
from engine.rules.conditions import men_under_arms
from game.i18n import t
from game.scene import Scene, fill_background
from game.scenes.goals import score_heading, score_html
from game.words import date_text, number, record_text

if TYPE_CHECKING:
    from game.app import App
    from game.session import Session

NOTABLE = ("capture", "battle", "war_declared", "peace", "treaty_made", "treaty_broken", "succession", "capital_moved", "state_fallen", "event")


class EndScene(Scene):
    def __init__(self, app: "App", session: "Session") -> None:
        super().__init__(app)
        self.session = session
        #: the side section shown (kept across rebuilds, e.g. a language switch).
        self.shown = self.side_sections()[0][0]

    # ------------------------------------------------------------ sections
    def side_sections(self) -> list[tuple[str, str, Callable[[], str]]]:
        """(key, tab title, HTML builder) of the sections shown beside the score, in tab order."""
        return [("log", t("log_summary"), self.log_section), ("history", t("history_tab"), self.chronology_section)]

    def score_section(self) -> str:
        """Every faction: points of the possible, what it holds, and each goal's outcome; the
        best share first."""
        scen = self.session.scenario
        state = self.session.state
        scores = goals.score(state, final=True)

        def share(sid: str) -> tuple[float, str]:
            s = scores[sid]
            return (-(s.points / s.possible) if s.possible else 0.0, sid)

        parts = [f"<b>{html.escape(t('final_date', date=date_text(min(state.date, state.setup.end))))}</b>"]
        for sid in sorted(scen.states, key=share):
            pol = state.polities[sid]
            who = t("human") if sid in self.session.humans else t("ai")
            head = f"{score_heading(scen, scores[sid])} ({html.escape(who)})"
            if not pol.alive:
                head += " — " + html.escape(t("fallen"))
            held = html.escape(t("held_summary", places=len(state.places_of(sid)), men=number(men_under_arms(state, sid))))
            parts.append("<br>".join([head, held, score_html(scores[sid], final=True)]))
        return "<br><br>".join(parts)

    def log_section(self) -> str:
        """Counts of battles, captures, wars, treaties and events, and the last notable records."""
        scen = self.session.scenario
        log = self.session.state.log
        counts = Counter(r.kind for r in log)
        lines = [html.escape(t("count_" + k, n=counts[k])) for k in ("capture", "battle", "war_declared", "treaty_made", "event") if counts[k]]
        lines.append("")
        lines.append(f"<b>{html.escape(t('notable_events'))}</b>")
        notable = [r for r in log if r.kind in NOTABLE][-40:]
        lines += [html.escape(f"{date_text(r.date)} {record_text(scen, r)}") for r in notable]
        return "<br>".join(lines)

    def chronology_section(self) -> str:
        """How this game compares with the real history: the score, its breakdown, every major
        divergence with its cause, and the milestones (see game.scenes.chronicle)."""
        from game.scenes.chronicle import comparison_html

        return comparison_html(self.session.state)

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.app.screen.get_size()
        pad = self.s(24)
        bh = self.s(40)
        tab_h = self.s(32)
        top = self.s(64)
        self.label(pygame.Rect(0, self.s(12), w, self.s(44)), t("game_over"), object_id="#heading")
        col = (w - 3 * pad) // 2
        bottom = h - 2 * pad - bh
        self.score_box = self.text_box(pygame.Rect(pad, top, col, bottom - top), self.score_section())
        sections = self.side_sections()
        if self.shown not in {key for key, _, _ in sections}:
            self.shown = sections[0][0]
        x = 2 * pad + col
        self.tabs: dict[str, object] = {}
        tab_w = min(self.s(200), (col - self.s(4) * (len(sections) - 1)) // len(sections))
        for i, (key, title, _) in enumerate(sections):
            btn = self.button(pygame.Rect(x + i * (tab_w + self.s(4)), top, tab_w, tab_h), title,
                              lambda key=key: self.show(key), title)
            if key == self.shown:
                btn.select()
            self.tabs[key] = btn
        builder = next(b for key, _, b in sections if key == self.shown)
        self.side_box = self.text_box(pygame.Rect(x, top + tab_h + self.s(6), col, bottom - top - tab_h - self.s(6)), builder())
        self.menu = self.button(pygame.Rect(w - pad - self.s(220), h - pad - bh, self.s(220), bh), t("to_title"), self.to_title, t("tip_to_title"))

    def show(self, key: str) -> None:
        """Switch the right-hand column to section ``key``."""
        self.shown = key
        self.rebuild()

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.to_title()
        return True

    def to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.app.reset(TitleScene(self.app))
