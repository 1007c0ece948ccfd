"""Goals: a dated goal is judged in its own month and keeps that outcome; an undated one is
judged at the end; before its month a goal is pending; a month that passed before the game
began voids it. The outcomes live in the state (copied, saved and hashed with it)."""

from __future__ import annotations

import dataclasses
import json

from engine import goals
from engine.scenario import Scenario
from engine.scenario.model import GoalDef
from engine.setup import new_game
from engine.state import GameState, state_from_json
from engine_testkit import build, end_month, month


def _with_goals(scen: Scenario, *specs: dict) -> Scenario:
    return dataclasses.replace(scen, goals=tuple(build(GoalDef, s) for s in specs))


def _goal(gid: str, flag: str, points: int, by: str | None = None, state: str = "steppe") -> dict:
    spec = {"id": gid, "state": state, "name": {"zh": gid, "en": gid}, "points": points, "condition": {"flag": flag}}
    if by is not None:
        spec["by"] = by
    return spec


def _outcome(state: GameState, gid: str, faction: str = "steppe") -> goals.GoalOutcome:
    return next(g for g in goals.score(state)[faction].goals if g.goal.id == gid)


def _play_until(state: GameState, date: int) -> GameState:
    while state.date < date and not state.over:
        state = end_month(state)
    return state


def test_a_dated_goal_is_pending_before_its_month_with_a_hint(mini_scen: Scenario) -> None:
    scen = _with_goals(mini_scen, _goal("g_dated", "won", 20, by="1200-03"))
    state = new_game(scen, seed=1)
    out = _outcome(state, "g_dated")
    assert (out.status, out.points, out.holds_now, out.due) == ("pending", 0, False, month("1200-03"))
    state.flags.add("won")
    out = _outcome(state, "g_dated")
    assert out.status == "pending" and out.holds_now and out.points == 0
    state = _play_until(state, month("1200-03"))  # its month has come but not closed
    assert _outcome(state, "g_dated").status == "pending"


def test_a_dated_goal_met_in_its_month_still_counts_after_it_is_lost(mini_scen: Scenario) -> None:
    scen = _with_goals(mini_scen, _goal("g_dated", "won", 20, by="1200-03"), _goal("g_end", "won", 7))
    state = new_game(scen, seed=1)
    state.flags.add("won")
    state = _play_until(state, month("1200-04"))  # 1200-03 has closed with the flag set
    assert state.goal_outcomes == {"g_dated": True}
    state.flags.discard("won")
    state = _play_until(state, month("1201-01"))
    out = _outcome(state, "g_dated")
    assert (out.status, out.points, out.holds_now) == ("met", 20, False)
    assert _outcome(state, "g_end").status == "pending"
    assert goals.score(state)["steppe"].points == 20


def test_a_dated_goal_missed_in_its_month_stays_failed_when_met_later(mini_scen: Scenario) -> None:
    scen = _with_goals(mini_scen, _goal("g_dated", "won", 20, by="1200-02"))
    state = _play_until(new_game(scen, seed=1), month("1200-03"))
    state.flags.add("won")
    state = end_month(state)
    out = _outcome(state, "g_dated")
    assert (out.status, out.points, out.holds_now) == ("failed", 0, True)


def test_undated_goals_are_judged_at_the_end_of_the_game(mini_scen: Scenario) -> None:
    scen = _with_goals(
        mini_scen,
        _goal("g_kept", "kept", 30),
        _goal("g_lost", "lost", 10),
        _goal("g_penalty", "kept", -5, state="empire"),
        _goal("g_late", "kept", 4, by="1210-01"),  # after this game's last month: judged at the end
    )
    state = new_game(scen, seed=1, end=month("1200-04"))
    state.flags.add("lost")
    state = _play_until(state, month("1200-04"))
    assert _outcome(state, "g_kept").status == "pending" and state.goal_outcomes == {}
    state.flags.discard("lost")
    state.flags.add("kept")
    state = end_month(state)
    assert state.over
    steppe = goals.score(state)["steppe"]
    assert {g.goal.id: g.status for g in steppe.goals} == {"g_kept": "met", "g_lost": "failed", "g_late": "met"}
    assert (steppe.points, steppe.possible, steppe.judged) == (34, 44, 3)
    empire = goals.score(state)["empire"]
    assert empire.points == -5 and empire.possible == 0
    assert goals.score(state)["kingdom"].goals == ()


def test_a_goal_whose_month_passed_before_the_start_is_void(mini_scen: Scenario) -> None:
    scen = _with_goals(mini_scen, _goal("g_early", "won", 20, by="1200-06"), _goal("g_end", "won", 5))
    state = new_game(scen, start=month("1201-06"), seed=1)
    state.flags.add("won")
    steppe = goals.score(state)["steppe"]
    assert [(g.goal.id, g.status, g.points) for g in steppe.goals] == [("g_early", "void", 0), ("g_end", "pending", 0)]
    assert steppe.possible == 5


def test_a_game_ended_early_judges_open_goals_on_the_state_it_stopped_in(mini_scen: Scenario) -> None:
    scen = _with_goals(mini_scen, _goal("g_dated", "won", 20, by="1200-09"), _goal("g_end", "won", 5))
    state = _play_until(new_game(scen, seed=1), month("1200-03"))
    state.flags.add("won")
    assert [g.status for g in goals.score(state)["steppe"].goals] == ["pending", "pending"]
    final = goals.score(state, final=True)["steppe"]
    assert [g.status for g in final.goals] == ["met", "met"] and final.points == 25


def test_outcomes_are_copied_saved_and_hashed_with_the_state(mini_scen: Scenario) -> None:
    scen = _with_goals(mini_scen, _goal("g_dated", "won", 20, by="1200-01"))
    start = new_game(scen, seed=1)
    plain_hash = start.state_hash()
    assert "goal_outcomes" not in start.to_json()  # absent while empty: older saves keep their hash
    state = end_month(start)
    assert state.goal_outcomes == {"g_dated": False} and start.goal_outcomes == {}
    copy = state.copy()
    copy.goal_outcomes["g_dated"] = True
    assert state.goal_outcomes["g_dated"] is False
    again = state_from_json(json.loads(json.dumps(state.to_json())), scen)
    assert again.goal_outcomes == state.goal_outcomes and again.state_hash() == state.state_hash()
    assert copy.state_hash() != state.state_hash() != plain_hash
