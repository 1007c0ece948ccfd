"""Goals in words, and the goals window players open from the map (button or O).

The scoring is the engine's (:mod:`engine.goals`): a dated goal is judged at the end of its
month and keeps that result. This module only shows it -- a line per goal with its status,
its points and when it is judged -- for this window and for the end screen.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from engine import goals
from engine.scenario import Scenario
from game.i18n import language, t
from game.scenes.dialogs import DialogScene
from game.words import date_text, state_name

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.map_scene import MapScene

STATUS_MARK = {goals.MET: "✓", goals.FAILED: "×", goals.PENDING: "○", goals.VOID: "–"}
STATUS_COLOUR = {goals.MET: "#8fc47a", goals.FAILED: "#dd7b70", goals.PENDING: "#e2b650", goals.VOID: "#9a968a"}


def goal_line(outcome: goals.GoalOutcome, final: bool = False) -> str:
    """One goal as an HTML line: mark, name, points, and when (or whether) it is judged. On the
    end screen (``final``) an undated goal does not repeat that it was judged at the end."""
    g = outcome.goal
    mark = f'<font color="{STATUS_COLOUR[outcome.status]}">{STATUS_MARK[outcome.status]}</font>'
    points = f"{outcome.points:+d}" if outcome.status == goals.MET else f"({g.points:+d})"
    notes = [t("goal_" + outcome.status)]
    if g.by is not None and outcome.status != goals.VOID:
        notes.append(t("goal_due", date=date_text(outcome.due)))
    elif not final and outcome.status != goals.VOID:
        notes.append(t("goal_due_end"))
    if outcome.status == goals.PENDING:
        notes.append(t("goal_holds_now") if outcome.holds_now else t("goal_not_yet"))
    return f"{mark} {html.escape(g.name.get(language()))} {points} <font color='#9a968a'>· {html.escape(' · '.join(notes))}</font>"


def score_heading(scen: Scenario, score: goals.FactionScore) -> str:
    """"<b>Jin</b> — 40 of 210 points"."""
    return f"<b>{html.escape(state_name(scen, score.faction))}</b> — " + html.escape(
        t("goal_score", points=score.points, possible=score.possible)
    )


def score_html(score: goals.FactionScore, final: bool = False) -> str:
    """A faction's goal lines (no heading); a note when it has none."""
    if not score.goals:
        return html.escape(t("no_goals"))
    return "<br>".join(goal_line(o, final) for o in score.goals)


class GoalsDialog(DialogScene):
    """The current player's goals with their status now, and the other states' points."""

    width = 760
    height = 560

    def __init__(self, app: "App", map_scene: "MapScene") -> None:
        super().__init__(app, t("goals"))
        self.map = map_scene

    def build(self) -> None:
        r = self.inner()
        pad = self.s(8)
        bh = self.s(30)
        self.text = self.text_box(pygame.Rect(pad, pad, r.width - 2 * pad, r.height - bh - 3 * pad), self.body())
        self.close_button = self.button(pygame.Rect(r.width - self.s(160) - pad, r.height - bh - pad, self.s(160), bh),
                                        t("close"), self.dismiss, t("tip_close"))

    def body(self) -> str:
        session = self.map.session
        scen = session.scenario
        state = session.state
        me = self.map.faction
        scores = goals.score(state)
        parts = [html.escape(t("goals_intro"))]
        if me is not None:
            parts.append(score_heading(scen, scores[me]) + "<br>" + score_html(scores[me]))
        others = [s for sid, s in sorted(scores.items()) if sid != me and s.goals]
        if others:
            lines = [f"<b>{html.escape(t('goals_others'))}</b>"]
            lines += [score_heading(scen, s) for s in others]
            parts.append("<br>".join(lines))
        return "<br><br>".join(parts)
