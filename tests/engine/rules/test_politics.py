"""Captures, falls of states, declarations of war, treaties and their breach rules."""

from __future__ import annotations

from engine.rules import politics
from engine.state import GameState, LogRecord, Pending, Treaty
from engine_testkit import clear_armies, kinds, put_army


def _out() -> list[LogRecord]:
    return []


def test_losing_the_capital_moves_it_and_costs_legitimacy(duel: GameState) -> None:
    out = _out()
    legit = duel.polities["blue"].legitimacy
    politics.capture(duel, "blue_city", "red", out)
    blue = duel.polities["blue"]
    # the best remaining seat: a prefecture before forts, counties and passes
    assert blue.capital == "south_port"
    assert blue.legitimacy == legit - 10
    assert duel.places["blue_city"].owner == "red"
    moved = next(r for r in out if r.kind == "capital_moved")
    assert (moved.place, moved.get("previous"), moved.get("reason")) == ("south_port", "blue_city", "capital_lost")


def test_an_unbesieged_seat_is_preferred_for_the_new_capital(duel: GameState) -> None:
    duel.set_place("south_port", besieger="red")
    politics.capture(duel, "blue_city", "red", _out())
    assert duel.polities["blue"].capital != "south_port"
    assert duel.places[duel.polities["blue"].capital].owner == "blue"


def test_armies_in_a_lost_place_fall_back_or_disband(duel: GameState) -> None:
    out = _out()
    politics.capture(duel, "blue_city", "red", out)
    assert duel.armies["blue_guard"].place in {p.id for p in duel.places_of("blue")}
    clear_armies(duel)
    put_army(duel, "trapped", "grey", "grey_town", (0, 0, 1000, 0))
    politics.capture(duel, "grey_town", "red", out)
    assert "trapped" not in duel.armies


def test_a_state_with_no_place_left_falls(duel: GameState) -> None:
    duel.pending.append(Pending(duel.take_id(), "offer", "blue", other="grey", ref="alliance", role="a"))
    duel.wars.add(("blue", "grey"))
    out = _out()
    politics.capture(duel, "grey_town", "red", out)
    grey = duel.polities["grey"]
    assert not grey.alive and grey.capital is None
    assert "state_fallen" in kinds(out)
    assert all("grey" not in t.states for t in duel.treaties.values())
    assert not any("grey" in w for w in duel.wars)
    assert all("grey" not in (p.faction, p.other) for p in duel.pending)
    assert "grey" not in duel.alive()


def test_capture_ends_a_siege_and_hands_over_the_place(duel: GameState) -> None:
    duel.set_place("fortress", besieger="red", siege_months=4)
    politics.capture(duel, "fortress", "red", _out(), garrison=700)
    fort = duel.places["fortress"]
    assert (fort.owner, fort.besieger, fort.siege_months, fort.garrison) == ("red", None, 0, 700)


def test_declaring_war_without_cause_costs_legitimacy(duel: GameState) -> None:
    out = _out()
    legit = duel.polities["red"].legitimacy
    politics.declare_war(duel, "red", "grey", out)
    assert duel.at_war("red", "grey") and duel.at_war("grey", "red")
    assert duel.polities["red"].legitimacy == legit + duel.scen.rules.war_without_cause_legitimacy
    assert [(r.kind, r.actors) for r in out] == [("war_declared", ("red", "grey"))]


def test_a_casus_belli_makes_war_free_and_is_used_up(duel: GameState) -> None:
    duel.set_polity("red", casus_belli=("grey",))
    legit = duel.polities["red"].legitimacy
    politics.declare_war(duel, "red", "grey", _out())
    assert duel.polities["red"].legitimacy == legit
    assert duel.polities["red"].casus_belli == ()


def test_war_by_event_or_alliance_costs_nothing(duel: GameState) -> None:
    legit = duel.polities["red"].legitimacy
    politics.declare_war(duel, "red", "grey", _out(), cause="event")
    assert duel.polities["red"].legitimacy == legit


def test_declaring_war_ends_peace_treaties_and_applies_their_breach_rule(duel: GameState) -> None:
    out = _out()
    legit = duel.polities["blue"].legitimacy
    politics.declare_war(duel, "blue", "grey", out)
    assert "grey_blue_markets" not in duel.treaties
    ended = [r for r in out if r.kind == "treaty_ended"]
    assert [r.get("treaty") for r in ended] == ["grey_blue_markets"]
    # border markets have no breach rule for war: only the cost of war without cause
    assert duel.polities["blue"].legitimacy == legit + duel.scen.rules.war_without_cause_legitimacy


def test_breaking_a_truce_by_war_costs_its_breach_penalty_too(duel: GameState) -> None:
    duel.wars.clear()
    truce = politics.start_treaty(duel, "truce", {"a": "blue", "b": "red"}, _out())
    legit = duel.polities["red"].legitimacy
    out = _out()
    politics.declare_war(duel, "red", "blue", out)
    assert truce.id not in duel.treaties
    broken = next(r for r in out if r.kind == "treaty_broken")
    assert (broken.actors[0], broken.get("how")) == ("red", "war_declared")
    assert duel.polities["red"].legitimacy == legit - 15 + duel.scen.rules.war_without_cause_legitimacy
    assert "red" in duel.polities["blue"].casus_belli


def test_declaring_war_calls_the_victims_allies(duel: GameState) -> None:
    duel.wars.clear()
    duel.treaties["pact"] = Treaty("pact", "alliance", (("a", "blue"), ("b", "grey")), duel.date)
    out = _out()
    politics.declare_war(duel, "red", "grey", out)
    call = next(p for p in duel.pending if p.kind == "call")
    assert (call.faction, call.other, call.ref, call.role) == ("blue", "grey", "pact", "red")
    assert "call_to_arms" in kinds(out)


def test_no_call_to_an_ally_already_at_war_with_the_attacker(duel: GameState) -> None:
    duel.treaties["pact"] = Treaty("pact", "alliance", (("a", "blue"), ("b", "grey")), duel.date)
    politics.declare_war(duel, "red", "grey", _out())
    assert [p for p in duel.pending if p.kind == "call"] == []


def test_declaring_war_twice_changes_nothing(duel: GameState) -> None:
    before = duel.to_json()
    politics.declare_war(duel, "red", "blue", _out())
    assert duel.to_json() == before


def test_peace_lifts_sieges_between_the_two(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "fortress", (0, 0, 9000, 0), task="besiege")
    duel.set_place("fortress", besieger="red", siege_months=2)
    out = _out()
    politics.make_peace(duel, "red", "blue", out)
    assert not duel.at_war("red", "blue")
    assert duel.places["fortress"].besieger is None and duel.armies["r"].task == "idle"
    assert kinds(out) == ["peace"]


def test_a_peace_treaty_ends_the_war(duel: GameState) -> None:
    politics.start_treaty(duel, "peace", {"a": "blue", "b": "red"}, _out())
    assert not duel.at_war("red", "blue")


def test_investiture_grants_legitimacy_at_signing_and_at_succession(duel: GameState) -> None:
    legit = duel.polities["grey"].legitimacy
    out = _out()
    politics.start_treaty(duel, "tributary", {"overlord": "red", "vassal": "grey"}, out)
    assert duel.polities["grey"].legitimacy == legit + 5
    politics.set_ruler(duel, "grey", "grey_heir", out)  # a new ruler is invested again
    assert duel.polities["grey"].legitimacy == legit + 10
    assert kinds(out).count("investiture") == 2


def test_succession_clears_the_heir_who_took_the_throne(duel: GameState) -> None:
    out = _out()
    politics.set_ruler(duel, "red", "red_heir", out)
    red = duel.polities["red"]
    assert (red.ruler, red.heir) == ("red_heir", None)
    assert [(r.kind, r.get("ruler"), r.get("previous")) for r in out] == [("succession", "red_heir", "red_khan")]


def test_legitimacy_is_clamped(duel: GameState) -> None:
    assert politics.clamp_legit(-7) == 0 and politics.clamp_legit(140) == 100 and politics.clamp_legit(42) == 42


def test_a_fallen_states_sieges_are_lifted(duel: GameState) -> None:
    # Grey besieges Blue's city, then loses its only town to Red and falls: nobody besieges
    # the city any more, and a siege by a state that no longer exists must not linger.
    duel.wars.add(("blue", "grey"))
    put_army(duel, "g", "grey", "blue_city", (0, 0, 9000, 0), task="besiege")
    duel.set_place("blue_city", besieger="grey", siege_months=1)
    politics.capture(duel, "grey_town", "red", _out())
    assert not duel.polities["grey"].alive
    assert duel.places["blue_city"].besieger is None and duel.places["blue_city"].siege_months == 0
