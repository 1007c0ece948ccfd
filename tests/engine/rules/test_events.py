"""Events (window, condition, chance, choices and the historical-events mode) and in-play
history."""

from __future__ import annotations

import dataclasses

import pytest

from engine import orders as o
from engine.apply import apply
from engine.rules import events
from engine.scenario.model import HistoryDef
from engine.setup import new_game
from engine.state import GameState, LogRecord
from engine_testkit import Draws, at_date, build, end_month, kinds

# The duel's events: "windfall" (1200-02..04, while Blue holds open_village, chance 0.5:
# +100 silver for Red) and "council" (1200-06..08, a decision for Red; history rode out).


def _fire(w: GameState, gen=None) -> list[LogRecord]:
    out: list[LogRecord] = []
    events.fire(w, out, gen if gen is not None else Draws(random=0.0))
    return out


def _mode(w: GameState, mode: str, humans: tuple[str, ...] = ()) -> GameState:
    w.setup = dataclasses.replace(w.setup, historical_mode=mode, humans=humans)
    return w


@pytest.mark.parametrize("when", ["1200-01", "1200-05", "1201-03"])
def test_no_event_outside_its_window(duel: GameState, when: str) -> None:
    at_date(duel, when)
    assert _fire(duel) == [] and duel.fired == {}


def test_an_event_fires_in_its_window_and_applies_its_effects(duel: GameState) -> None:
    at_date(duel, "1200-02")
    treasury = duel.polities["red"].treasury
    out = _fire(duel)
    assert [(r.kind, r.get("event")) for r in out] == [("event", "windfall")]
    assert duel.fired == {"windfall": ""}
    assert duel.polities["red"].treasury == treasury + 100


def test_a_chance_event_fires_only_when_the_draw_falls_below_its_chance(duel: GameState) -> None:
    at_date(duel, "1200-03")
    lucky, unlucky = duel.copy(), duel.copy()
    assert kinds(_fire(lucky, Draws(random=0.49))) == ["event"]
    assert _fire(unlucky, Draws(random=0.5)) == [] and unlucky.fired == {}


def test_the_chance_is_drawn_from_the_games_generator(duel: GameState) -> None:
    at_date(duel, "1200-03")
    draws = Draws(random=0.9)
    _fire(duel, draws)
    assert draws.calls == 1


def test_an_event_waits_for_its_condition(duel: GameState) -> None:
    at_date(duel, "1200-03")
    duel.set_place("open_village", owner="red")
    assert _fire(duel) == []


def test_an_event_fires_once(duel: GameState) -> None:
    at_date(duel, "1200-02")
    _fire(duel)
    at_date(duel, "1200-03")
    assert _fire(duel) == []


def test_choices_become_a_pending_decision_when_history_is_not_forced(duel: GameState) -> None:
    w = _mode(at_date(duel, "1200-06"), "off")
    out = _fire(w)
    assert kinds(out) == ["event_pending"]
    (p,) = w.pending
    assert (p.kind, p.faction, p.ref) == ("event", "red", "council")
    assert "council" not in w.fired
    assert _fire(w) == [] and len(w.pending) == 1  # a waiting event is not raised twice


def test_history_is_forced_on_ai_factions_in_ai_mode(duel: GameState) -> None:
    w = _mode(at_date(duel, "1200-06"), "ai", humans=("blue",))
    legit = w.polities["red"].legitimacy
    out = _fire(w)
    assert w.pending == []
    assert w.fired == {"council": "ride"}
    assert "rode_out" in w.flags and w.polities["red"].legitimacy == legit + 5
    record = next(r for r in out if r.kind == "event")
    assert (record.get("choice"), record.get("historical"), record.get("forced")) == ("ride", True, True)


def test_a_human_decides_in_ai_mode(duel: GameState) -> None:
    w = _mode(at_date(duel, "1200-06"), "ai", humans=("red",))
    _fire(w)
    assert [(p.kind, p.faction) for p in w.pending] == [("event", "red")]


def test_history_is_forced_on_humans_too_in_all_mode(duel: GameState) -> None:
    w = _mode(at_date(duel, "1200-06"), "all", humans=("red",))
    _fire(w)
    assert w.pending == [] and w.fired == {"council": "ride"}


def test_a_pending_choice_is_taken_by_an_order(duel: GameState) -> None:
    w = _mode(at_date(duel, "1200-06"), "off")
    _fire(w)
    legit = w.polities["red"].legitimacy
    after, out = apply(w, o.ChooseEvent("red", w.pending[0].id, "wait"))
    assert after.pending == [] and after.fired == {"council": "wait"}
    assert after.polities["red"].legitimacy == legit - 5 and "rode_out" not in after.flags
    record = next(r for r in out if r.kind == "event")
    assert (record.get("choice"), record.get("historical"), record.get("forced")) == ("wait", False, False)


def test_a_fallen_actors_event_does_not_fire(duel: GameState) -> None:
    w = _mode(at_date(duel, "1200-06"), "off")
    w.set_polity("red", alive=False)
    assert _fire(w) == []


def test_in_play_history_applies_when_the_game_reaches_its_month(duel_scen) -> None:
    state = new_game(duel_scen, seed=1)
    assert state.polities["red"].ruler == "red_khan"
    state = end_month(end_month(state))  # 1200-01 -> 1200-03
    assert state.polities["red"].ruler == "red_heir"
    assert any(r.kind == "succession" and r.get("ruler") == "red_heir" for r in state.log)


def test_history_before_a_later_start_is_applied_at_set_up(duel_scen) -> None:
    state = new_game(duel_scen, start=duel_scen.start + 5, seed=1)
    assert state.polities["red"].ruler == "red_heir"


def _conditional_death(duel_scen):
    entry = build(HistoryDef, {"date": "1200-03", "in_play": True, "condition": {"flag": "omen"},
                               "effects": [{"set_ruler": {"state": "red", "ruler": "red_heir"}}]})
    return dataclasses.replace(duel_scen, history=(entry,))


def test_in_play_history_with_a_condition_applies_only_if_it_holds(duel_scen) -> None:
    scen = _conditional_death(duel_scen)
    quiet = end_month(end_month(new_game(scen, seed=1)))
    assert quiet.polities["red"].ruler == "red_khan"
    omen = new_game(scen, seed=1)
    omen.flags.add("omen")
    omen = end_month(end_month(omen))
    assert omen.polities["red"].ruler == "red_heir"


def test_a_bookmark_applies_history_whatever_its_condition(duel_scen) -> None:
    state = new_game(_conditional_death(duel_scen), start=duel_scen.start + 4, seed=1)
    assert state.polities["red"].ruler == "red_heir"
