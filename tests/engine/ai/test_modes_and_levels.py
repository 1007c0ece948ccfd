"""The AI under every historical-events mode and at every level.

Historical-events mode decides who takes an event's choice: "off" — the AI chooses freely (by
its interest and plans, never by which choice was historical); "ai" — the rules take history's
choice for AI factions before the AI is asked; "all" — for humans too. Levels change how well
the AI decides (look-ahead, care), not what it is given.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from engine.ai.controller import play_turn
from engine.ai.levels import LEVELS, level_of
from engine.ai.player import AIPlayer
from engine.calendar import parse_month
from engine.scenario import Scenario, find_scenario, load_scenario
from engine.setup import new_game
from engine.state import GameState


@lru_cache(maxsize=None)
def _scenario() -> Scenario:
    return load_scenario(find_scenario("jin_xia_1211"))


def _play(mode: str, level: str = "normal", until: str = "1215-12", humans: tuple[str, ...] = ()) -> GameState:
    scen = _scenario()
    state = new_game(scen, seed=3, historical_mode=mode, ai_level=level, humans=humans)
    ai = AIPlayer()
    last = parse_month(until)
    while not state.over and state.date <= last:
        state, _ = play_turn(state, {f: ai for f in scen.states}, [])
    return state


def test_mode_ai_takes_historys_choices_for_the_ai() -> None:
    state = _play("ai")
    choices = [r for r in state.log if r.kind == "event" and r.get("choice")]
    assert choices and all(r.get("forced") and r.get("historical") for r in choices)


def test_mode_off_lets_the_ai_choose_by_its_own_lights() -> None:
    state = _play("off")
    choices = [r for r in state.log if r.kind == "event" and r.get("choice")]
    assert choices and not any(r.get("forced") for r in choices)
    # its plan (the line of the river and the passes) makes Jin move the court south …
    assert state.fired.get("jin_move_south_1214") == "move"
    # … and Song, seeing no reason to keep paying, stops the annual silver
    assert state.fired.get("song_stop_payments_1214") == "stop"


def test_mode_all_forces_history_on_a_human_seat_too() -> None:
    state = _play("all", humans=("jin",), until="1214-09")
    jin = [r for r in state.log if r.kind == "event" and r.get("choice") and r.actors == ("jin",)]
    assert jin and all(r.get("forced") for r in jin)


@pytest.mark.parametrize("level", sorted(LEVELS))
def test_every_level_plays_without_error(level: str) -> None:
    state = _play("off", level=level, until="1212-06")
    assert level_of(state).name == level and state.date > parse_month("1212-06")


def test_levels_differ_in_care_not_in_means() -> None:
    easy, normal, hard = LEVELS["easy"], LEVELS["normal"], LEVELS["hard"]
    assert easy.reach_days < normal.reach_days <= hard.reach_days
    assert not easy.concentrate and normal.concentrate and hard.concentrate
    assert hard.event_months > normal.event_months and hard.military_months > normal.military_months
    fields = set(type(easy).__dataclass_fields__)
    assert not fields & {"silver", "men", "bonus", "morale", "dice"}
