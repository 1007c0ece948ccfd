"""Every effect kind, and effects that cannot apply doing nothing (history and events are
written for the real course of events; a diverged game must not crash on them)."""

from __future__ import annotations

import pytest

from engine.rules.effects import apply_effects
from engine.scenario import model as m
from engine.state import GameState, LogRecord
from engine_testkit import clear_armies, eff, kinds, put_army


def _apply(w: GameState, *effects: dict) -> list[LogRecord]:
    out: list[LogRecord] = []
    apply_effects(w, tuple(eff(e) for e in effects), out)
    return out


COVERED: set[str] = set()


def covers(*names: str):
    COVERED.update(names)
    return lambda f: f


@covers("set_owner")
def test_set_owner_hands_the_place_over_with_half_its_garrison(duel: GameState) -> None:
    out = _apply(duel, {"set_owner": {"place": "fortress", "state": "red"}})
    assert duel.places["fortress"].owner == "red" and duel.places["fortress"].garrison == 2500
    assert [(r.kind, r.get("how")) for r in out] == [("capture", "history")]


@covers("cede_all")
def test_cede_all_hands_over_every_place_the_state_still_holds(duel: GameState) -> None:
    blue = sorted(pid for pid, p in duel.places.items() if p.owner == "blue")
    out = _apply(duel, {"cede_all": {"state": "blue", "to": "red"}})
    assert [r.place for r in out if r.kind == "capture"] == blue
    assert all(duel.places[pid].owner == "red" for pid in blue) and duel.places["grey_town"].owner == "grey"
    assert duel.places["fortress"].garrison == 2500
    assert _apply(duel, {"cede_all": {"state": "blue", "to": "red"}}) == []  # nothing left to cede


def test_set_owner_to_the_owner_does_nothing(duel: GameState) -> None:
    before = duel.to_json()
    assert _apply(duel, {"set_owner": {"place": "fortress", "state": "blue"}}) == []
    assert duel.to_json() == before


def test_set_owner_revives_a_fallen_state(duel: GameState) -> None:
    _apply(duel, {"set_owner": {"place": "grey_town", "state": "red"}})
    assert not duel.polities["grey"].alive
    _apply(duel, {"set_owner": {"place": "grey_town", "state": "grey"}})
    assert duel.polities["grey"].alive and duel.places["grey_town"].owner == "grey"


@covers("set_ruler", "set_heir")
def test_set_ruler_and_heir(duel: GameState) -> None:
    _apply(duel, {"set_heir": {"state": "blue", "ruler": "blue_king"}})
    assert duel.polities["blue"].heir == "blue_king"
    out = _apply(duel, {"set_ruler": {"state": "red", "ruler": "red_heir"}})
    assert duel.polities["red"].ruler == "red_heir" and kinds(out) == ["succession"]
    assert _apply(duel, {"set_ruler": {"state": "red", "ruler": "red_heir"}}) == []  # already


def test_set_ruler_of_a_fallen_state_does_nothing(duel: GameState) -> None:
    duel.set_polity("red", alive=False)
    assert _apply(duel, {"set_ruler": {"state": "red", "ruler": "red_heir"}}) == []
    assert duel.polities["red"].ruler == "red_khan"


@covers("move_capital")
def test_move_capital_only_to_a_place_the_state_holds(duel: GameState) -> None:
    assert _apply(duel, {"move_capital": {"state": "blue", "place": "red_camp"}}) == []
    assert duel.polities["blue"].capital == "blue_city"
    out = _apply(duel, {"move_capital": {"state": "blue", "place": "south_port"}})
    assert duel.polities["blue"].capital == "south_port" and kinds(out) == ["capital_moved"]


@covers("treasury", "grain", "manpower")
@pytest.mark.parametrize("field", ["treasury", "grain", "manpower"])
def test_amount_effects_add_and_never_go_below_zero(duel: GameState, field: str) -> None:
    start = getattr(duel.polities["red"], field)
    _apply(duel, {field: {"state": "red", "amount": 40}})
    assert getattr(duel.polities["red"], field) == start + 40
    _apply(duel, {field: {"state": "red", "amount": -10 ** 9}})
    assert getattr(duel.polities["red"], field) == 0


@covers("legitimacy")
def test_legitimacy_stays_within_0_and_100(duel: GameState) -> None:
    _apply(duel, {"legitimacy": {"state": "red", "amount": -5}})
    assert duel.polities["red"].legitimacy == 55
    _apply(duel, {"legitimacy": {"state": "red", "amount": 500}})
    assert duel.polities["red"].legitimacy == 100
    _apply(duel, {"legitimacy": {"state": "red", "amount": -500}})
    assert duel.polities["red"].legitimacy == 0


@covers("siege_skill")
def test_siege_skill_stays_within_0_and_3(duel: GameState) -> None:
    _apply(duel, {"siege_skill": {"state": "red", "amount": 1}})
    assert duel.polities["red"].siege_skill == 1
    _apply(duel, {"siege_skill": {"state": "red", "amount": 9}})
    assert duel.polities["red"].siege_skill == 3
    _apply(duel, {"siege_skill": {"state": "red", "amount": -9}})
    assert duel.polities["red"].siege_skill == 0


@covers("garrison", "walls", "population")
def test_place_effects_and_their_bounds(duel: GameState) -> None:
    _apply(duel, {"garrison": {"place": "fortress", "amount": 1000}}, {"walls": {"place": "fortress", "amount": 3}},
           {"population": {"place": "fortress", "percent": -30}})
    fort = duel.places["fortress"]
    assert (fort.garrison, fort.walls, fort.population) == (6000, 5, 7000)
    _apply(duel, {"garrison": {"place": "fortress", "amount": -10 ** 6}}, {"walls": {"place": "fortress", "amount": -9}},
           {"population": {"place": "fortress", "percent": -100}})
    fort = duel.places["fortress"]
    assert (fort.garrison, fort.walls, fort.population) == (0, 0, 0)


@covers("start_treaty")
def test_start_treaty_with_length_and_terms(duel: GameState) -> None:
    out = _apply(duel, {"start_treaty": {"id": "deal", "type": "tributary", "parties": {"overlord": "red", "vassal": "grey"},
                                         "months": 24, "terms": {"silver": 70}}})
    t = duel.treaties["deal"]
    assert (t.type, t.parties, t.until, t.term("silver", 0)) == ("tributary", (("overlord", "red"), ("vassal", "grey")), duel.date + 24, 70)
    assert kinds(out) == ["treaty_made", "investiture"]


def test_start_treaty_that_cannot_apply_does_nothing(duel: GameState) -> None:
    spec = {"start_treaty": {"id": "grey_blue_markets", "type": "border_markets", "parties": {"a": "grey", "b": "blue"}}}
    assert _apply(duel, spec) == []  # the id is taken
    duel.set_polity("grey", alive=False)
    assert _apply(duel, {"start_treaty": {"type": "alliance", "parties": {"a": "grey", "b": "red"}}}) == []
    assert list(duel.treaties) == ["grey_blue_markets"]


@covers("end_treaty")
def test_end_treaty_by_type_and_party(duel: GameState) -> None:
    assert _apply(duel, {"end_treaty": {"type": "alliance"}}) == []
    assert _apply(duel, {"end_treaty": {"type": "border_markets", "parties": {"a": "blue"}}}) == []  # Blue is b
    out = _apply(duel, {"end_treaty": {"type": "border_markets", "parties": {"b": "blue"}}})
    assert duel.treaties == {} and [(r.kind, r.get("reason")) for r in out] == [("treaty_ended", "event")]


@covers("war", "peace")
def test_war_and_peace(duel: GameState) -> None:
    legit = duel.polities["grey"].legitimacy
    _apply(duel, {"war": {"a": "grey", "b": "red"}})
    assert duel.at_war("grey", "red") and duel.polities["grey"].legitimacy == legit  # history costs nothing
    assert _apply(duel, {"war": {"a": "grey", "b": "red"}}) == []
    _apply(duel, {"peace": {"a": "red", "b": "grey"}})
    assert not duel.at_war("grey", "red")
    assert _apply(duel, {"peace": {"a": "red", "b": "grey"}}) == []


def test_war_with_a_fallen_state_does_nothing(duel: GameState) -> None:
    duel.set_polity("grey", alive=False)
    assert _apply(duel, {"war": {"a": "grey", "b": "red"}}) == [] and not duel.at_war("grey", "red")


@covers("spawn_army", "remove_army", "reinforce")
def test_armies_come_grow_and_go(duel: GameState) -> None:
    spec = {"spawn_army": {"id": "tumen", "state": "red", "place": "red_pasture", "commander": "red_noyan",
                           "troops": {"steppe_cavalry": 10000}}}
    assert kinds(_apply(duel, spec)) == ["army_raised"]
    army = duel.armies["tumen"]
    assert (army.owner, army.place, army.troops, army.commander) == ("red", "red_pasture", (10000, 0, 0, 0), "red_noyan")
    assert _apply(duel, spec) == [] and duel.armies["tumen"] == army  # already there
    _apply(duel, {"reinforce": {"army": "tumen", "troops": {"steppe_cavalry": 500, "siege": 100}}})
    assert duel.armies["tumen"].troops == (10500, 0, 0, 100)
    assert kinds(_apply(duel, {"remove_army": {"army": "tumen"}})) == ["army_left"]
    assert "tumen" not in duel.armies


def test_army_effects_that_cannot_apply_do_nothing(duel: GameState) -> None:
    duel.set_polity("grey", alive=False)
    before = duel.to_json()
    out = _apply(duel, {"spawn_army": {"id": "ghosts", "state": "grey", "place": "grey_town", "troops": {"infantry": 5}}},
                 {"remove_army": {"army": "nobody"}}, {"reinforce": {"army": "nobody", "troops": {"infantry": 5}}})
    assert out == [] and duel.to_json() == before


@covers("set_flag", "clear_flag")
def test_flags(duel: GameState) -> None:
    _apply(duel, {"set_flag": "rode_out"})
    assert duel.flags == {"rode_out"}
    _apply(duel, {"clear_flag": "rode_out"}, {"clear_flag": "never_set"})
    assert duel.flags == set()


@covers("commander")
def test_a_commander_leaves_his_army_and_may_return(duel: GameState) -> None:
    out = _apply(duel, {"commander": {"commander": "red_noyan", "active": False}})
    assert duel.armies["red_horde"].commander is None and "red_noyan" in duel.commanders_gone
    assert [(r.kind, r.actors, r.get("commander")) for r in out] == [("commander_gone", ("red",), "red_noyan")]
    assert _apply(duel, {"commander": {"commander": "red_noyan", "active": False}}) == []
    _apply(duel, {"commander": {"commander": "red_noyan", "active": True}})
    assert "red_noyan" not in duel.commanders_gone


@covers("log")
def test_log_writes_a_record(duel: GameState) -> None:
    out = _apply(duel, {"log": {"kind": "omen", "actors": ["red", "blue"], "place": "fortress", "note": "comet"}})
    assert [(r.kind, r.actors, r.place, r.get("note")) for r in out] == [("omen", ("red", "blue"), "fortress", "comet")]


def test_every_effect_kind_is_covered() -> None:
    assert COVERED == set(m.EFFECT_KINDS)


def test_effects_apply_in_order(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "x", "red", "red_camp", (0, 0, 1000, 0))
    _apply(duel, {"remove_army": {"army": "x"}}, {"spawn_army": {"id": "x", "state": "red", "place": "red_pasture",
                                                                 "troops": {"infantry": 7}}})
    assert duel.armies["x"].place == "red_pasture"
