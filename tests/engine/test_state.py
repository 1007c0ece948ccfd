"""The state: troop arithmetic, cheap copies that share nothing mutable, JSON and hashing."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.state import GameState, state_from_json, troops_add, troops_take, troops_total

troops = st.tuples(*[st.integers(0, 200000)] * 4)


@settings(max_examples=200, deadline=None)
@given(t=troops, amount=st.integers(-5, 900000))
def test_troops_take_takes_exactly_and_in_proportion(t, amount: int) -> None:
    taken, left = troops_take(t, amount)
    total = troops_total(t)
    assert troops_total(taken) == max(0, min(amount, total))
    assert troops_add(taken, left) == t
    assert all(x >= 0 for x in taken + left)
    if total:
        for kind in range(4):
            assert abs(taken[kind] - t[kind] * troops_total(taken) / total) < 1


def test_a_copy_shares_no_container(duel: GameState) -> None:
    copy = duel.copy()
    copy.set_place("fortress", garrison=1)
    copy.set_polity("red", treasury=1)
    del copy.armies["red_horde"]
    copy.wars.clear()
    copy.flags.add("x")
    copy.fired["x"] = ""
    copy.log.append(copy.log[0] if copy.log else None)  # type: ignore[arg-type]
    copy.done.add("red")
    copy.commanders_gone.add("red_noyan")
    copy.treaties.clear()
    assert duel.places["fortress"].garrison == 5000 and duel.polities["red"].treasury == 1000
    assert "red_horde" in duel.armies and duel.wars and not duel.flags and not duel.fired
    assert not duel.log and not duel.done and not duel.commanders_gone and duel.treaties


def test_json_round_trip(duel: GameState) -> None:
    text = json.dumps(duel.to_json())
    again = state_from_json(json.loads(text), duel.scen)
    assert again.to_json() == duel.to_json() and again.state_hash() == duel.state_hash()


def test_unknown_fields_in_json_are_refused(duel: GameState) -> None:
    data = duel.to_json()
    data["places"]["fortress"]["moat"] = 3
    with pytest.raises(ValueError, match="moat"):
        state_from_json(data)


def test_any_change_changes_the_hash(duel: GameState) -> None:
    other = duel.copy()
    other.set_place("fortress", food=2)
    assert other.state_hash() != duel.state_hash()
