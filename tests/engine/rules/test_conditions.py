"""Every condition kind, true and false, on the duel's opening state.

Duel opening: Red (capital red_camp, ruler red_khan, 1,000 silver, legitimacy 60, two places,
20,000 riders) at war with Blue (five places); Grey and Blue share border markets.
"""

from __future__ import annotations

import dataclasses

import pytest

from engine.rules.conditions import holds, men_under_arms
from engine.scenario import model as m
from engine.state import GameState
from engine_testkit import cond, month

TRUE_AND_FALSE = [
    ({"owner": {"place": "red_camp", "state": "red"}}, {"owner": {"place": "red_camp", "state": "blue"}}),
    ({"at_war": {"a": "blue", "b": "red"}}, {"at_war": {"a": "red", "b": "grey"}}),
    ({"treaty": {"type": "border_markets", "parties": {"a": "grey", "b": "blue"}}},
     {"treaty": {"type": "border_markets", "parties": {"a": "blue"}}}),
    ({"treaty": {"type": "border_markets"}}, {"treaty": {"type": "alliance"}}),
    ({"date": {"from": "1200-01", "to": "1200-01"}}, {"date": {"from": "1200-02"}}),
    ({"date": {"to": "1200-06"}}, {"date": {"to": "1199-12"}}),
    ({"places_held": {"state": "red", "min": 2, "max": 2}}, {"places_held": {"state": "red", "min": 3}}),
    ({"places_held": {"state": "blue", "max": 5}}, {"places_held": {"state": "blue", "max": 4}}),
    ({"troops": {"state": "red", "min": 20000}}, {"troops": {"state": "red", "min": 20001}}),
    ({"treasury": {"state": "red", "min": 1000, "max": 1000}}, {"treasury": {"state": "red", "max": 999}}),
    ({"legitimacy": {"state": "red", "min": 60}}, {"legitimacy": {"state": "red", "min": 61}}),
    ({"ruler": {"state": "red", "ruler": "red_khan"}}, {"ruler": {"state": "red", "ruler": "red_heir"}}),
    ({"capital": {"state": "blue", "place": "blue_city"}}, {"capital": {"state": "blue", "place": "south_port"}}),
    ({"alive": "grey"}, {"not": {"alive": "grey"}}),
    ({"commander_active": "red_noyan"}, {"not": {"commander_active": "red_noyan"}}),
    ({"all": [{"alive": "red"}, {"at_war": {"a": "red", "b": "blue"}}]},
     {"all": [{"alive": "red"}, {"at_war": {"a": "red", "b": "grey"}}]}),
    ({"any": [{"alive": "red"}, {"flag": "nothing"}]}, {"any": [{"flag": "nothing"}, {"flag": "nor_this"}]}),
    ({"not": {"flag": "nothing"}}, {"not": {"alive": "red"}}),
]


@pytest.mark.parametrize("true, false", TRUE_AND_FALSE, ids=[next(iter(t)) for t, _ in TRUE_AND_FALSE])
def test_condition_kinds(duel: GameState, true: dict, false: dict) -> None:
    assert holds(duel, cond(true)) is True
    assert holds(duel, cond(false)) is False


def test_every_condition_kind_is_covered() -> None:
    covered = {next(iter(t)) for t, _ in TRUE_AND_FALSE} | {"flag", "besieged", "event_fired"}
    assert covered == set(m.CONDITION_KINDS)


def test_no_condition_always_holds(duel: GameState) -> None:
    assert holds(duel, None)


def test_flag(duel: GameState) -> None:
    c = cond({"flag": "rode_out"})
    assert not holds(duel, c)
    duel.flags.add("rode_out")
    assert holds(duel, c)


def test_besieged(duel: GameState) -> None:
    c = cond({"besieged": "fortress"})
    assert not holds(duel, c)
    duel.set_place("fortress", besieger="red")
    assert holds(duel, c)


def test_event_fired_with_and_without_a_choice(duel: GameState) -> None:
    any_choice, wait = cond({"event_fired": {"event": "council"}}), cond({"event_fired": {"event": "council", "choice": "wait"}})
    assert not holds(duel, any_choice)
    duel.fired["council"] = "ride"
    assert holds(duel, any_choice) and not holds(duel, wait)
    duel.fired["council"] = "wait"
    assert holds(duel, wait)


def test_a_commander_gone_or_out_of_service_is_not_active(duel: GameState) -> None:
    c = cond({"commander_active": "red_noyan"})
    gone = duel.copy()
    gone.commanders_gone.add("red_noyan")
    assert holds(duel, c) and not holds(gone, c)
    # a commander whose service span has ended
    noyan = duel.scen.commanders["red_noyan"]
    retired = noyan.model_copy(update={"active": noyan.active.model_copy(update={"to": month("1199-12")})})
    duel.scen = dataclasses.replace(duel.scen, commanders={**duel.scen.commanders, "red_noyan": retired})
    assert not holds(duel, c)


def test_men_under_arms_counts_armies_and_garrisons(duel: GameState) -> None:
    assert men_under_arms(duel, "red") == 20000
    assert men_under_arms(duel, "blue") == 20000 + 5000 + 12000 + 3000
    assert men_under_arms(duel, "grey") == 2000
