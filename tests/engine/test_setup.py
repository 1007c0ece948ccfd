"""Setting up a game: the opening state, bookmarks with dated history applied, bad options."""

from __future__ import annotations

import pytest

from engine.setup import SetupError, new_game
from engine_testkit import month


def test_the_opening_state_is_the_scenarios(mini_scen) -> None:
    state = new_game(mini_scen, seed=1)
    assert state.date == mini_scen.start
    assert {pid: p.owner for pid, p in state.places.items()} == {pid: p.owner for pid, p in mini_scen.places.items()}
    assert set(state.armies) == {a.id for a in mini_scen.armies}
    assert state.wars == set() and state.pending == [] and state.order_count == 0


def test_a_bookmark_applies_the_dated_history_before_it(mini_scen) -> None:
    state = new_game(mini_scen, start=month("1201-06"), seed=1)
    assert state.date == month("1201-06")
    assert state.at_war("steppe", "empire")  # 1200-04
    assert state.places["border_fort"].owner == "steppe" and state.places["the_pass"].owner == "steppe"  # 1201-02
    assert state.polities["steppe"].siege_skill == 1  # 1201-05
    assert state.polities["empire"].ruler == "emperor_b"  # in play, 1201-05, before the start


def test_events_already_under_way_at_a_bookmark_count_as_history(mini_scen) -> None:
    state = new_game(mini_scen, start=month("1201-06"), seed=1)
    assert state.fired.get("khan_attacks") == "" and state.fired.get("levy_call") == "refuse"


def test_history_in_the_start_month_is_applied_once(mini_scen) -> None:
    state = new_game(mini_scen, start=month("1201-05"), seed=1)
    assert state.polities["empire"].ruler == "emperor_b"  # in play: applied by opening the month
    assert state.polities["steppe"].siege_skill == 1  # not twice


def test_the_same_seed_gives_the_same_start(mini_scen) -> None:
    assert new_game(mini_scen, seed=4).state_hash() == new_game(mini_scen, seed=4).state_hash()


def test_humans_are_recorded_sorted(mini_scen) -> None:
    assert new_game(mini_scen, humans=["steppe", "empire", "steppe"]).setup.humans == ("empire", "steppe")


@pytest.mark.parametrize("kwargs, words", [
    ({"start": month("1199-12")}, "outside the scenario's calendar"),
    ({"start": month("1204-01")}, "outside the scenario's calendar"),
    ({"start": month("1201-01"), "end": month("1200-12")}, "end 1200-12 must lie between"),
    ({"humans": ["atlantis"]}, "'atlantis' is not a playable state"),
    ({"turn_months": 2}, "one month or one season"),
    ({"historical_mode": "sometimes"}, "historical-events mode"),
    ({"ai_level": "godlike"}, "AI level"),
])
def test_bad_set_ups_are_refused(mini_scen, kwargs: dict, words: str) -> None:
    with pytest.raises(SetupError, match=words):
        new_game(mini_scen, **kwargs)


def test_a_state_that_is_not_playable_cannot_be_human(duel_scen) -> None:
    with pytest.raises(SetupError, match="'grey' is not a playable state"):
        new_game(duel_scen, humans=["grey"])
