"""Goals on screen: the goals window during play (top-bar button and O) and the end screen show
the engine's scoring -- a dated goal judged in its month keeps its outcome after it is lost."""

from __future__ import annotations

import dataclasses

import pygame

from tests.game.helpers import map_scene, start_mini


def _add_dated_goal(m, points: int = 12) -> None:  # type: ignore[no-untyped-def]
    """Give Steppe a goal judged at the end of this month: the flag "won" must be set."""
    from engine.calendar import format_month
    from engine.scenario.model import GoalDef

    session = m.session
    goal = GoalDef.model_validate({"id": "g_dated", "state": "steppe", "name": {"zh": "限期之功", "en": "Deadline deed"},
                                   "points": points, "condition": {"flag": "won"}, "by": format_month(session.state.date)})
    scen = dataclasses.replace(session.scenario, goals=session.scenario.goals + (goal,))
    session.scenario = scen
    session.state.scen = scen


def test_goals_window_shows_open_then_judged_goals_and_the_end_screen_scores_them() -> None:
    from game.scenes.end import EndScene
    from game.scenes.goals import GoalsDialog

    d = start_mini(("steppe",))
    m = map_scene(d)
    _add_dated_goal(m)
    m.session.state.flags.add("won")
    d.click(m.hud.bar_buttons["goals"])
    assert isinstance(d.top, GoalsDialog)
    text = d.top.text.html_text
    assert "Deadline deed" in text and "open" in text and "holds now" in text and "0 of 42 points" in text
    d.click(d.top.close_button)
    assert d.top is m

    d.click(m.hud.end_button)  # the month closes with the flag set: the goal is met, for good
    assert m.session.state.goal_outcomes == {"g_dated": True}
    m.session.state.flags.discard("won")
    d.key(pygame.K_o)
    assert isinstance(d.top, GoalsDialog)
    text = d.top.text.html_text
    assert "✓" in text and "Deadline deed +12" in text and "met" in text and "12 of 42 points" in text
    d.key(pygame.K_ESCAPE)

    m.show_end()
    d.frames(2)
    assert isinstance(d.top, EndScene)
    score = d.top.score_box.html_text
    assert "Deadline deed +12" in score and "12 of 42 points" in score  # the capital goal (30) failed
    assert "Take the capital (+30)" in score and "×" in score


def test_the_goals_shortcut_is_listed_in_the_help() -> None:
    from game.scenes.help import shortcut_html

    assert "<b>O</b>" in shortcut_html()
