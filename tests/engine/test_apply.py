"""``apply``: what each order does, turn order and month resolution, and that the input state
is never changed."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from engine import orders as o
from engine.apply import apply
from engine.legality import IllegalOrder, legal_orders, recruit_cost
from engine.rules import politics
from engine.scenario.model import EventDef
from engine.setup import new_game
from engine.state import GameState, Pending, Treaty
from engine_testkit import at_date, build, clear_armies, kinds, put_army


def _deep(state: GameState) -> dict:
    return copy.deepcopy(state.to_json())


# ---------------------------------------------------------------- turns and months


def test_the_month_resolves_when_the_last_living_faction_ends_its_turn(duel: GameState) -> None:
    date = duel.date
    w, out = apply(duel, o.EndTurn("blue"))
    assert (w.date, w.done, out) == (date, {"blue"}, [])
    w, out = apply(w, o.EndTurn("grey"))
    assert w.date == date
    w, out = apply(w, o.EndTurn("red"))
    assert w.date == date + 1 and w.done == set()


def test_a_fallen_faction_is_not_waited_for(mini: GameState) -> None:
    # the kingdom's places go to the empire and it falls
    for p in mini.places_of("kingdom"):
        politics.capture(mini, p.id, "empire", [])
    assert not mini.polities["kingdom"].alive
    w, _ = apply(mini, o.EndTurn("empire"))
    w, _ = apply(w, o.EndTurn("steppe"))
    assert w.date == mini.date + 1


def test_end_turn_is_refused_while_decisions_wait(duel: GameState) -> None:
    duel.pending.append(Pending(duel.take_id(), "offer", "red", other="grey", ref="alliance", role="a"))
    with pytest.raises(IllegalOrder, match="waiting decision"):
        apply(duel, o.EndTurn("red"))
    answered, _ = apply(duel, o.Answer("red", duel.pending[0].id, False))
    apply(answered, o.EndTurn("red"))


def test_a_season_turn_resolves_three_months(duel_scen) -> None:
    state = new_game(duel_scen, seed=1, turn_months=3)
    for f in state.alive():
        state, _ = apply(state, o.EndTurn(f))
    assert state.date == duel_scen.start + 3


def test_a_season_turn_stops_when_a_decision_arises(duel_scen) -> None:
    # with history not forced, the council (1200-06) waits for Red
    state = new_game(duel_scen, start=duel_scen.start + 4, seed=1, turn_months=3, historical_mode="off")
    for f in state.alive():
        state, _ = apply(state, o.EndTurn(f))
    assert state.date == duel_scen.start + 5
    assert [p.ref for p in state.pending] == ["council"]


def test_the_game_ends_after_its_last_month(duel_scen) -> None:
    state = new_game(duel_scen, start=duel_scen.end, seed=1)
    for f in state.alive():
        state, out = apply(state, o.EndTurn(f))
    assert state.over and "game_over" in kinds(out)
    with pytest.raises(IllegalOrder, match="the game is over"):
        apply(state, o.EndTurn("red"))


def test_apply_never_changes_its_input_even_when_a_month_resolves(duel: GameState) -> None:
    duel.setup = dataclasses.replace(duel.setup, historical_mode="off")
    at_date(duel, "1200-05")
    put_army(duel, "r", "red", "fortress", (0, 0, 30000, 0), task="besiege")
    put_army(duel, "s", "red", "open_village", (0, 0, 3000, 0))
    put_army(duel, "b", "blue", "open_village", (0, 0, 9000, 0))
    w = duel
    for f in ("blue", "grey"):
        w, _ = apply(w, o.EndTurn(f))
    before = _deep(w)
    rng = w.rng
    new, out = apply(w, o.EndTurn("red"))
    assert {"battle", "siege_started", "event_pending"} <= set(kinds(out))
    assert _deep(w) == before and w.rng is rng
    assert new.to_json() != before


def test_records_are_returned_and_logged(duel: GameState) -> None:
    new, out = apply(duel, o.DeclareWar("red", "grey"))
    assert out and new.log == duel.log + out
    assert new.order_count == duel.order_count + 1


# ---------------------------------------------------------------- what each order does


def test_move_sets_a_standing_march(duel: GameState) -> None:
    at_date(duel, "1200-07")
    new, _ = apply(duel, o.Move("red", "red_horde", "blue_city"))
    army = new.armies["red_horde"]
    assert (army.task, army.path, army.progress) == ("move", ("open_village", "fortress", "blue_city"), 0)


def test_hold_stops_a_march(duel: GameState) -> None:
    w, _ = apply(duel, o.Move("red", "red_horde", "open_village"))
    w, _ = apply(w, o.Hold("red", "red_horde"))
    assert (w.armies["red_horde"].task, w.armies["red_horde"].path) == ("idle", ())


def test_besiege_and_assault_start_a_siege_at_once(duel: GameState) -> None:
    put_army(duel, "x", "red", "fortress", (0, 0, 5000, 0))
    for order in (o.Besiege("red", "x"), o.Assault("red", "x")):
        w, out = apply(duel, order)
        assert w.places["fortress"].besieger == "red" and kinds(out) == ["siege_started"]
        assert w.armies["x"].task == order.kind


def test_raid_sets_the_task(duel: GameState) -> None:
    put_army(duel, "x", "red", "fortress", (0, 0, 5000, 0))
    w, out = apply(duel, o.Raid("red", "x"))
    assert w.armies["x"].task == "raid" and w.places["fortress"].besieger is None and out == []


@pytest.mark.parametrize("troops, amount", [((0, 0, 20000, 0), 1000), ((10000, 0, 5000, 0), 1000),
                                            ((333, 333, 334, 0), 500), ((1, 1, 1, 0), 1)])
def test_garrison_leaves_exactly_the_men_asked_for(duel: GameState, troops, amount: int) -> None:
    put_army(duel, "x", "red", "red_camp", troops)
    size = sum(troops)
    w, _ = apply(duel, o.Garrison("red", "x", amount))
    assert w.places["red_camp"].garrison == duel.places["red_camp"].garrison + amount
    assert w.armies["x"].size == size - amount


def test_garrisoning_a_whole_army_disbands_it(duel: GameState) -> None:
    w, _ = apply(duel, o.Garrison("red", "red_horde", 20000))
    assert "red_horde" not in w.armies and w.places["red_camp"].garrison == 20000


def test_muster_leads_men_out_of_the_garrison(duel: GameState) -> None:
    clear_armies(duel)
    w, out = apply(duel, o.Muster("blue", "blue_city", 4000))
    assert w.places["blue_city"].garrison == 12000 - 4000
    (army,) = w.armies.values()
    assert (army.owner, army.place, army.troops) == ("blue", "blue_city", (0, 0, 4000, 0))
    assert kinds(out) == ["army_raised"]


def test_recruits_join_an_idle_army_at_the_place(duel: GameState) -> None:
    red = duel.polities["red"]
    w, out = apply(duel, o.Recruit("red", "red_camp", "steppe_cavalry", 5000))
    assert w.armies["red_horde"].troops == (25000, 0, 0, 0)
    assert w.polities["red"].manpower == red.manpower - 5000
    assert w.polities["red"].treasury == red.treasury - recruit_cost(duel, 5000, "steppe_cavalry")
    assert kinds(out) == ["recruited"]


def test_steppe_horsemen_are_cheaper_to_raise(duel: GameState) -> None:
    assert 0 < recruit_cost(duel, 10000, "steppe_cavalry") < recruit_cost(duel, 10000, "infantry")


def test_merge_joins_two_armies(duel: GameState) -> None:
    put_army(duel, "x", "red", "red_camp", (0, 0, 5000, 0))
    w, _ = apply(duel, o.Merge("red", "x", "red_horde"))
    assert "x" not in w.armies
    assert w.armies["red_horde"].troops == (20000, 0, 5000, 0) and w.armies["red_horde"].commander == "red_noyan"


def test_moving_the_capital_costs_legitimacy(duel: GameState) -> None:
    w, out = apply(duel, o.MoveCapital("blue", "south_port"))
    assert w.polities["blue"].capital == "south_port"
    assert w.polities["blue"].legitimacy == duel.polities["blue"].legitimacy - 3
    assert kinds(out) == ["capital_moved"]


def test_declare_war(duel: GameState) -> None:
    w, out = apply(duel, o.DeclareWar("grey", "red"))
    assert w.at_war("red", "grey") and kinds(out) == ["war_declared"]


def test_an_offer_waits_for_an_answer_and_makes_the_treaty(duel: GameState) -> None:
    w, out = apply(duel, o.ProposeTreaty("red", "grey", "alliance", "a"))
    (offer,) = w.pending
    assert (offer.kind, offer.faction, offer.other, offer.ref, offer.role) == ("offer", "grey", "red", "alliance", "a")
    refused, out = apply(w, o.Answer("grey", offer.id, False))
    assert kinds(out) == ["treaty_refused"] and len(refused.treaties) == 1
    accepted, out = apply(w, o.Answer("grey", offer.id, True))
    (made,) = [t for t in accepted.treaties.values() if t.type == "alliance"]
    assert made.parties == (("a", "red"), ("b", "grey")) and accepted.pending == []


def test_a_peace_offer_accepted_ends_the_war(duel: GameState) -> None:
    w, _ = apply(duel, o.ProposeTreaty("red", "blue", "truce", "a"))
    w, _ = apply(w, o.Answer("blue", w.pending[0].id, True))
    assert not w.at_war("red", "blue")


def test_renouncing_a_treaty_costs_legitimacy(duel: GameState) -> None:
    w, out = apply(duel, o.BreakTreaty("grey", "grey_blue_markets"))
    assert "grey_blue_markets" not in w.treaties
    assert w.polities["grey"].legitimacy == duel.polities["grey"].legitimacy + duel.scen.rules.war_without_cause_legitimacy
    assert kinds(out) == ["treaty_broken", "treaty_ended"]


def test_answering_a_call_to_arms(duel: GameState) -> None:
    duel.wars.clear()
    duel.treaties["pact"] = Treaty("pact", "alliance", (("a", "blue"), ("b", "grey")), duel.date)
    w, _ = apply(duel, o.DeclareWar("red", "grey"))
    call = next(p for p in w.pending if p.kind == "call")
    joined, _ = apply(w, o.Answer("blue", call.id, True))
    assert joined.at_war("blue", "red")
    assert joined.polities["blue"].legitimacy == w.polities["blue"].legitimacy  # a just war
    stayed, out = apply(w, o.Answer("blue", call.id, False))
    assert not stayed.at_war("blue", "red") and "call_refused" in kinds(out)


def test_the_month_resolves_when_the_last_faction_still_to_act_falls(duel: GameState) -> None:
    # Red, the last to act, takes an event choice that hands its last places away and falls:
    # every living faction has now ended its turn, so the month must resolve (otherwise
    # nobody may give an order and the game is stuck).
    surrender = build(EventDef, {
        "id": "surrender", "title": {"zh": "降", "en": "Surrender"}, "window": {"from": "1200-01"}, "actor": "red",
        "choices": [{"id": "yield", "text": {"zh": "降", "en": "Yield"}, "historical": True, "effects": [
            {"set_owner": {"place": "red_camp", "state": "blue"}},
            {"set_owner": {"place": "red_pasture", "state": "blue"}}]}]})
    duel.scen = dataclasses.replace(duel.scen, events={"surrender": surrender})
    duel.pending.append(Pending(duel.take_id(), "event", "red", ref="surrender"))
    w, _ = apply(duel, o.EndTurn("blue"))
    w, _ = apply(w, o.EndTurn("grey"))
    w, _ = apply(w, o.ChooseEvent("red", duel.pending[0].id, "yield"))
    assert not w.polities["red"].alive
    assert w.date == duel.date + 1 or any(legal_orders(w, f) for f in w.alive())
