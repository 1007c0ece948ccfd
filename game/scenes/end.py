"""The end of the game: each faction's goals and what it holds, and a summary of the log.

Goal scoring belongs to the engine; until it offers one, the screen shows each goal with
whether its condition holds in the final state (through the engine's condition evaluator).
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

import pygame

from engine.rules.conditions import holds, men_under_arms
from game.i18n import language, t
from game.scene import Scene, fill_background
from game.words import date_text, number, record_text, state_name

if TYPE_CHECKING:
    from game.app import App
    from game.session import Session

NOTABLE = ("capture", "battle", "war_declared", "peace", "treaty_made", "treaty_broken", "succession", "capital_moved", "state_fallen", "event")


class EndScene(Scene):
    def __init__(self, app: "App", session: "Session") -> None:
        super().__init__(app)
        self.session = session

    def build(self) -> None:
        w, h = self.app.screen.get_size()
        pad = self.s(24)
        bh = self.s(40)
        self.label(pygame.Rect(0, self.s(12), w, self.s(44)), t("game_over"), object_id="#heading")
        col = (w - 3 * pad) // 2
        self.text_box(pygame.Rect(pad, self.s(64), col, h - self.s(64) - 2 * pad - bh), self._standings())
        self.text_box(pygame.Rect(2 * pad + col, self.s(64), col, h - self.s(64) - 2 * pad - bh), self._summary())
        self.menu = self.button(pygame.Rect(w - pad - self.s(220), h - pad - bh, self.s(220), bh), t("to_title"), self.to_title, t("tip_to_title"))

    def _standings(self) -> str:
        scen = self.session.scenario
        state = self.session.state
        lang = language()
        parts = [f"<b>{html.escape(t('final_date', date=date_text(state.date)))}</b>"]
        for sid in sorted(scen.states, key=lambda s: -len(state.places_of(s))):
            pol = state.polities[sid]
            who = t("human") if sid in self.session.humans else t("ai")
            head = f"<b>{html.escape(state_name(scen, sid))}</b> ({html.escape(who)})"
            if not pol.alive:
                head += " — " + html.escape(t("fallen"))
            lines = [head, html.escape(t("held_summary", places=len(state.places_of(sid)), men=number(men_under_arms(state, sid))))]
            score = 0
            for goal in (g for g in scen.goals if g.state == sid):
                name = html.escape(f"{goal.name.get(lang)} ({goal.points:+d})")
                if goal.by is not None and goal.by < state.setup.end:
                    # Dated goals are judged at their date, which needs the game's history:
                    # the engine's scoring will do that; the final state cannot.
                    lines.append(f"○ {name} — {html.escape(t('goal_pending'))}")
                    continue
                met = holds(state, goal.condition)
                score += goal.points if met else 0
                lines.append(("✓ " if met else "× ") + name)
            if any(g.state == sid for g in scen.goals):
                lines.append(html.escape(t("goal_points", points=score)))
            parts.append("<br>".join(lines))
        return "<br><br>".join(parts)

    def _summary(self) -> str:
        scen = self.session.scenario
        log = self.session.state.log
        counts = Counter(r.kind for r in log)
        lines = [f"<b>{html.escape(t('log_summary'))}</b>"]
        lines += [html.escape(t("count_" + k, n=counts[k])) for k in ("capture", "battle", "war_declared", "treaty_made", "event") if counts[k]]
        lines.append("")
        lines.append(f"<b>{html.escape(t('notable_events'))}</b>")
        notable = [r for r in log if r.kind in NOTABLE][-40:]
        lines += [html.escape(f"{date_text(r.date)} {record_text(scen, r)}") for r in notable]
        return "<br>".join(lines)

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.to_title()
        return True

    def to_title(self) -> None:
        from game.scenes.title import TitleScene

        self.app.reset(TitleScene(self.app))
