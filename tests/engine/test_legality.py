"""Legality: every order ``legal_orders`` lists applies; every order kind has illegal cases,
refused with their reason and without changing the state."""

from __future__ import annotations

import dataclasses
from typing import Callable

import pytest

from engine import orders as o
from engine.apply import apply
from engine.legality import IllegalOrder, legal_orders, why_illegal
from engine.rules import events, politics, treaties
from engine.setup import new_game
from engine.state import GameState, LogRecord, Pending
from engine_testkit import Draws, at_date, put_army, random_play

# ---------------------------------------------------------------- states to try every order in


def _with_every_kind_of_decision(duel: GameState) -> GameState:
    """Duel with an event choice, a treaty offer, a levy, a tribute and a call to arms waiting."""
    w = duel.copy()
    w.setup = dataclasses.replace(w.setup, historical_mode="off")
    at_date(w, "1200-06")
    out: list[LogRecord] = []
    events.fire(w, out, Draws(random=0.0))  # the council waits for Red
    tid = politics.start_treaty(w, "tributary", {"overlord": "red", "vassal": "grey"}, out).id
    w.date += 3
    treaties.month_start(w, out)  # tribute due from Grey
    w, _ = apply(w, o.DemandLevy("red", tid, 2000))
    w, _ = apply(w, o.ProposeTreaty("blue", "grey", "alliance", "a"))
    w.pending.append(Pending(w.take_id(), "call", "grey", other="red", ref=tid, role="blue", date=w.date))
    assert {p.kind for p in w.pending} == {"event", "tribute", "levy", "offer", "call"}
    return w


@pytest.fixture(scope="module")
def sample_states(mini_scen, duel_scen) -> list[GameState]:
    duel = new_game(duel_scen, seed=1)
    mini_off = new_game(mini_scen, seed=3, historical_mode="off")
    return [
        new_game(mini_scen, seed=1),
        new_game(mini_scen, start=mini_scen.start + 17, seed=1),  # the 1201-06 bookmark
        duel,
        _with_every_kind_of_decision(duel),
        *random_play(mini_off, 150, seed=5)[2][::15],
        *random_play(duel, 150, seed=6)[2][::15],
    ]


def test_every_listed_order_applies_and_leaves_its_input_alone(sample_states: list[GameState]) -> None:
    tried: set[str] = set()
    for state in sample_states:
        snapshot = state.to_json()
        for faction in state.alive():
            for order in legal_orders(state, faction):
                assert why_illegal(state, order) is None
                new, records = apply(state, order)
                assert new.order_count == state.order_count + 1
                assert new.log[len(state.log):] == records
                tried.add(order.kind)
        assert state.to_json() == snapshot
    # the sample reaches every order kind
    assert tried == set(o.ORDER_TYPES)


def test_no_orders_for_a_faction_that_cannot_act(duel: GameState) -> None:
    duel.done.add("red")
    assert legal_orders(duel, "red") == []
    assert legal_orders(duel, "nobody") == []


def test_listed_orders_are_the_factions_own(duel: GameState) -> None:
    for f in duel.alive():
        assert {x.faction for x in legal_orders(duel, f)} == {f}


# ---------------------------------------------------------------- illegal cases, kind by kind

Build = Callable[[GameState], GameState]


def _same(w: GameState) -> GameState:
    return w


def _army_at(place: str, task: str = "idle", aid: str = "x", owner: str = "red") -> Build:
    def build(w: GameState) -> GameState:
        put_army(w, aid, owner, place, (0, 0, 5000, 0), task=task)
        return w

    return build


def _red_set(**changes) -> Build:
    def build(w: GameState) -> GameState:
        w.set_polity("red", **changes)
        return w

    return build


def _place_set(pid: str, **changes) -> Build:
    def build(w: GameState) -> GameState:
        w.set_place(pid, **changes)
        return w

    return build


def _tributary(w: GameState) -> GameState:
    politics.start_treaty(w, "tributary", {"overlord": "red", "vassal": "grey"}, [], tid="tt")
    return w


def _levy_waiting(w: GameState) -> GameState:
    w = _tributary(w)
    w.pending.append(Pending(w.take_id(), "levy", "grey", other="red", ref="tt", amount=100))
    return w


def _offer_waiting(w: GameState) -> GameState:
    w.pending.append(Pending(77, "offer", "red", other="grey", ref="alliance", role="a"))
    return w


def _event_waiting(w: GameState) -> GameState:
    w.pending.append(Pending(78, "event", "red", ref="council"))
    return w


def _over(w: GameState) -> GameState:
    w.over = True
    return w


def _red_fallen(w: GameState) -> GameState:
    w.set_polity("red", alive=False)
    return w


def _grey_fallen(w: GameState) -> GameState:
    w.set_polity("grey", alive=False)
    return w


def _red_done(w: GameState) -> GameState:
    w.done.add("red")
    return w


ILLEGAL: list[tuple[str, Build, o.Order, str]] = [
    # Move
    ("move-no-army", _same, o.Move("red", "ghost", "open_village"), "no army 'ghost'"),
    ("move-not-yours", _same, o.Move("red", "blue_guard", "fortress"), "is not yours"),
    ("move-no-place", _same, o.Move("red", "red_horde", "atlantis"), "no place 'atlantis'"),
    ("move-already-there", _same, o.Move("red", "red_horde", "red_camp"), "already there"),
    ("move-neutral", _same, o.Move("red", "red_horde", "grey_town"), "neutral land blocks it"),
    # Hold
    ("hold-idle", _same, o.Hold("red", "red_horde"), "idle already"),
    ("hold-not-yours", _same, o.Hold("red", "blue_guard"), "is not yours"),
    # Besiege, Assault, Raid
    ("besiege-own-land", _same, o.Besiege("red", "red_horde"), "your own land"),
    ("besiege-not-at-war", _army_at("grey_town"), o.Besiege("red", "x"), "not at war with grey"),
    ("besiege-again", _army_at("fortress", "besiege"), o.Besiege("red", "x"), "already doing that"),
    ("assault-own-land", _same, o.Assault("red", "red_horde"), "your own land"),
    ("assault-not-at-war", _army_at("grey_town"), o.Assault("red", "x"), "not at war with grey"),
    ("assault-again", _army_at("fortress", "assault"), o.Assault("red", "x"), "already doing that"),
    ("raid-own-land", _same, o.Raid("red", "red_horde"), "your own land"),
    ("raid-not-at-war", _army_at("grey_town"), o.Raid("red", "x"), "not at war with grey"),
    ("raid-again", _army_at("fortress", "raid"), o.Raid("red", "x"), "already doing that"),
    # Garrison
    ("garrison-enemy-place", _army_at("fortress"), o.Garrison("red", "x", 1000), "only places you hold"),
    ("garrison-zero", _same, o.Garrison("red", "red_horde", 0), "amount must be 1..20000"),
    ("garrison-too-many", _same, o.Garrison("red", "red_horde", 20001), "amount must be 1..20000"),
    # Muster
    ("muster-not-yours", _same, o.Muster("red", "fortress", 1000), "fortress is not yours"),
    ("muster-no-place", _same, o.Muster("red", "atlantis", 1000), "no place 'atlantis'"),
    ("muster-empty", _same, o.Muster("red", "red_camp", 1000), "amount must be 1..0"),
    # Recruit
    ("recruit-besieged", _place_set("red_camp", besieger="blue"), o.Recruit("red", "red_camp", "infantry", 1000), "besieged"),
    ("recruit-unknown-kind", _same, o.Recruit("red", "red_camp", "elephants", 1000), "no troop kind 'elephants'"),
    ("recruit-zero", _same, o.Recruit("red", "red_camp", "infantry", 0), "amount must be positive"),
    ("recruit-no-pasture", _same, o.Recruit("blue", "blue_city", "steppe_cavalry", 1000), "pasture"),
    ("recruit-no-siege-craft", _same, o.Recruit("red", "red_camp", "siege", 1000), "no siege craft"),
    ("recruit-no-men", _red_set(manpower=500), o.Recruit("red", "red_camp", "infantry", 1000), "not enough manpower"),
    ("recruit-no-silver", _red_set(treasury=0), o.Recruit("red", "red_camp", "infantry", 1000), "not enough silver"),
    ("recruit-not-yours", _same, o.Recruit("red", "blue_city", "infantry", 1000), "is not yours"),
    # Merge
    ("merge-itself", _same, o.Merge("red", "red_horde", "red_horde"), "into itself"),
    ("merge-apart", _army_at("red_pasture"), o.Merge("red", "x", "red_horde"), "one place"),
    ("merge-into-foreign", _army_at("blue_city"), o.Merge("red", "x", "blue_guard"), "is not yours"),
    # MoveCapital
    ("capital-already", _same, o.MoveCapital("blue", "blue_city"), "already your capital"),
    ("capital-besieged", _place_set("south_port", besieger="red"), o.MoveCapital("blue", "south_port"), "besieged"),
    ("capital-fort", _same, o.MoveCapital("blue", "fortress"), "only a city"),
    ("capital-not-yours", _same, o.MoveCapital("red", "blue_city"), "is not yours"),
    # DeclareWar
    ("war-self", _same, o.DeclareWar("red", "red"), "no other state"),
    ("war-unknown", _same, o.DeclareWar("red", "atlantis"), "no other state"),
    ("war-again", _same, o.DeclareWar("red", "blue"), "already at war"),
    ("war-fallen", _grey_fallen, o.DeclareWar("red", "grey"), "grey has fallen"),
    # ProposeTreaty
    ("offer-unknown-type", _same, o.ProposeTreaty("red", "grey", "marriage", "a"), "no treaty type 'marriage'"),
    ("offer-self", _same, o.ProposeTreaty("red", "red", "alliance", "a"), "no other living state"),
    ("offer-fallen", _grey_fallen, o.ProposeTreaty("red", "grey", "alliance", "a"), "no other living state"),
    ("offer-bad-role", _same, o.ProposeTreaty("red", "grey", "tributary", "emperor"), "no role 'emperor'"),
    ("offer-second-role", _same, o.ProposeTreaty("red", "grey", "alliance", "b"), "first role"),
    ("offer-in-force", _same, o.ProposeTreaty("blue", "grey", "border_markets", "a"), "already in force"),
    ("offer-truce-in-peace", _same, o.ProposeTreaty("red", "grey", "truce", "a"), "not at war"),
    ("offer-twice", _offer_waiting, o.ProposeTreaty("grey", "red", "alliance", "a"), "already waiting"),
    # BreakTreaty
    ("break-unknown", _same, o.BreakTreaty("red", "no_such"), "no treaty 'no_such'"),
    ("break-not-party", _same, o.BreakTreaty("red", "grey_blue_markets"), "not a party"),
    # DemandLevy
    ("levy-no-right", _same, o.DemandLevy("blue", "grey_blue_markets", 1000), "no right to levy"),
    ("levy-as-vassal", _tributary, o.DemandLevy("grey", "tt", 1000), "no right to levy"),
    ("levy-too-many", _tributary, o.DemandLevy("red", "tt", 4001), "amount must be 1..4000"),
    ("levy-waiting", _levy_waiting, o.DemandLevy("red", "tt", 1000), "already waiting"),
    # Answer
    ("answer-nothing", _same, o.Answer("red", 999, True), "no decision 999 waits for you"),
    ("answer-others", _offer_waiting, o.Answer("grey", 77, True), "no decision 77 waits for you"),
    ("answer-an-event", _event_waiting, o.Answer("red", 78, True), "not answered this way"),
    # ChooseEvent
    ("choose-unknown-choice", _event_waiting, o.ChooseEvent("red", 78, "flee"), "has no choice 'flee'"),
    ("choose-an-offer", _offer_waiting, o.ChooseEvent("red", 77, "ride"), "not answered this way"),
    ("choose-nothing", _same, o.ChooseEvent("red", 5, "ride"), "no decision 5 waits for you"),
    # EndTurn
    ("end-turn-decisions-wait", _offer_waiting, o.EndTurn("red"), "waiting decision"),
    ("end-turn-twice", _red_done, o.EndTurn("red"), "ended your turn"),
    # any order, for the faction
    ("game-over", _over, o.EndTurn("red"), "the game is over"),
    ("fallen-faction", _red_fallen, o.Move("red", "red_horde", "open_village"), "red has fallen"),
    ("turn-ended", _red_done, o.Move("red", "red_horde", "open_village"), "ended your turn"),
    ("unknown-faction", _same, o.EndTurn("atlantis"), "no state 'atlantis'"),
]


@pytest.mark.parametrize("build, order, reason", [c[1:] for c in ILLEGAL], ids=[c[0] for c in ILLEGAL])
def test_illegal_order_is_refused_with_its_reason_and_changes_nothing(duel: GameState, build: Build,
                                                                       order: o.Order, reason: str) -> None:
    w = build(duel)
    snapshot = w.to_json()
    found = why_illegal(w, order)
    assert found is not None and reason in found, found
    with pytest.raises(IllegalOrder) as caught:
        apply(w, order)
    assert caught.value.reason == found and caught.value.order == order
    assert w.to_json() == snapshot


def test_every_order_kind_has_an_illegal_case() -> None:
    assert {order.kind for _, _, order, _ in ILLEGAL} == set(o.ORDER_TYPES)


def test_an_unknown_order_class_is_refused(duel: GameState) -> None:
    assert why_illegal(duel, o.Order("red")) == "unknown order Order"
