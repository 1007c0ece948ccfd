"""Treaty obligations over time: dues become decisions for the payer; truces run out."""

from __future__ import annotations

import pytest

from engine import orders as o
from engine.apply import apply
from engine.rules import politics, treaties
from engine.state import GameState, LogRecord, Pending
from engine_testkit import kinds, put_army

# The duel's tributary: the vassal owes 30 silver and 10 grain every 3 months, the overlord
# may levy up to 4,000 men; withholding tribute costs 4 legitimacy and ends the treaty,
# refusing a levy costs 3 and does not.


def _tributary(duel: GameState, **kw) -> tuple[GameState, str]:
    out: list[LogRecord] = []
    treaty = politics.start_treaty(duel, "tributary", {"overlord": "red", "vassal": "grey"}, out, **kw)
    return duel, treaty.id


def _month_start(w: GameState) -> list[LogRecord]:
    out: list[LogRecord] = []
    treaties.month_start(w, out)
    return out


def _dues(w: GameState) -> list[Pending]:
    return [p for p in w.pending if p.kind == "tribute"]


def test_tribute_falls_due_every_few_months_as_a_decision(duel: GameState) -> None:
    w, tid = _tributary(duel)
    since = w.date
    due = []
    for k in range(1, 10):
        w.date = since + k
        _month_start(w)
        if _dues(w):
            due.append(k)
            p = _dues(w)[0]
            assert (p.faction, p.other, p.ref, p.amount, p.grain, p.role) == ("grey", "red", tid, 30, 10, "tribute")
            w.pending = []
    assert due == [3, 6, 9]


def test_treaty_terms_override_the_type(duel: GameState) -> None:
    w, _ = _tributary(duel, terms=(("silver", 99),))
    w.date += 3
    _month_start(w)
    assert _dues(w)[0].amount == 99 and _dues(w)[0].grain == 10


def _due_now(duel: GameState) -> tuple[GameState, str, Pending]:
    w, tid = _tributary(duel)
    w.date += 3
    _month_start(w)
    return w, tid, _dues(w)[0]


def test_paying_tribute_moves_silver_and_grain(duel: GameState) -> None:
    w, tid, due = _due_now(duel)
    red, grey = w.polities["red"], w.polities["grey"]
    after, out = apply(w, o.Answer("grey", due.id, True))
    assert after.polities["grey"].treasury == grey.treasury - 30 and after.polities["grey"].grain == grey.grain - 10
    assert after.polities["red"].treasury == red.treasury + 30 and after.polities["red"].grain == red.grain + 10
    assert kinds(out) == ["tribute_paid"] and tid in after.treaties and after.pending == []


def test_a_payer_short_of_silver_pays_what_it_has(duel: GameState) -> None:
    w, _, due = _due_now(duel)
    w.set_polity("grey", treasury=12)
    after, out = apply(w, o.Answer("grey", due.id, True))
    assert after.polities["grey"].treasury == 0 and out[0].get("silver") == 12


def test_withholding_tribute_breaks_the_treaty_by_its_breach_rule(duel: GameState) -> None:
    w, tid, due = _due_now(duel)
    legit = w.polities["grey"].legitimacy
    after, out = apply(w, o.Answer("grey", due.id, False))
    assert kinds(out)[:2] == ["tribute_withheld", "treaty_broken"]
    assert after.polities["grey"].legitimacy == legit - 4
    assert tid not in after.treaties
    assert "grey" in after.polities["red"].casus_belli


def test_annual_payments_fall_due_as_payments(duel: GameState) -> None:
    out: list[LogRecord] = []
    t = politics.start_treaty(duel, "annual_payments", {"payer": "blue", "payee": "grey"}, out)
    duel.date += 12
    _month_start(duel)
    p = _dues(duel)[0]
    assert (p.faction, p.other, p.amount, p.role) == ("blue", "grey", 50, "payment")
    after, recs = apply(duel, o.Answer("blue", p.id, False))
    assert kinds(recs)[0] == "payment_withheld"
    assert t.id not in after.treaties
    assert after.polities["grey"].casus_belli == ()  # this breach rule grants no cause


def test_a_truce_makes_peace_and_runs_out(duel: GameState) -> None:
    out: list[LogRecord] = []
    truce = politics.start_treaty(duel, "truce", {"a": "blue", "b": "red"}, out)
    assert not duel.at_war("red", "blue")
    assert truce.until == truce.since + 6  # the duel's truce lasts 6 months
    duel.date = truce.since + 5
    assert _month_start(duel) == [] and truce.id in duel.treaties
    duel.date = truce.since + 6
    ended = _month_start(duel)
    assert truce.id not in duel.treaties
    assert [(r.kind, r.get("reason")) for r in ended] == [("treaty_ended", "expired")]


def test_a_treaty_in_its_first_month_owes_nothing(duel: GameState) -> None:
    _tributary(duel)
    _month_start(duel)
    assert _dues(duel) == []


def test_levy_limit_names_overlord_vassal_and_cap(duel: GameState) -> None:
    w, tid = _tributary(duel)
    assert treaties.levy_limit(w, tid) == ("red", "grey", 4000)
    assert treaties.levy_limit(w, "grey_blue_markets") is None
    assert treaties.levy_limit(w, "no_such_treaty") is None


def test_a_levy_sent_becomes_the_overlords_army(duel: GameState) -> None:
    w, tid = _tributary(duel)
    w, _ = apply(w, o.DemandLevy("red", tid, 3000))
    levy = next(p for p in w.pending if p.kind == "levy")
    manpower = w.polities["grey"].manpower
    after, out = apply(w, o.Answer("grey", levy.id, True))
    assert kinds(out) == ["levy_sent"] and out[0].get("amount") == 3000
    sent = [a for a in after.armies.values() if a.id not in w.armies]
    assert len(sent) == 1 and sent[0].owner == "red" and sent[0].size == 3000
    assert after.polities["grey"].manpower == manpower - 3000


def test_refusing_a_levy_follows_the_breach_rule(duel: GameState) -> None:
    w, tid = _tributary(duel)
    w, _ = apply(w, o.DemandLevy("red", tid, 3000))
    levy = next(p for p in w.pending if p.kind == "levy")
    legit = w.polities["grey"].legitimacy
    after, out = apply(w, o.Answer("grey", levy.id, False))
    assert kinds(out)[:2] == ["levy_refused", "treaty_broken"]
    assert after.polities["grey"].legitimacy == legit - 3
    assert tid in after.treaties  # ends_treaty: false
    assert "grey" in after.polities["red"].casus_belli


@pytest.mark.parametrize("kind", ["levy", "tribute"])
def test_ending_a_treaty_withdraws_its_waiting_decisions(duel: GameState, kind: str) -> None:
    w, tid = _tributary(duel)
    w.pending.append(Pending(w.take_id(), kind, "grey", other="red", ref=tid, amount=10))
    politics.end_treaty(w, tid, [])
    assert w.pending == []


def test_a_levy_drawn_from_the_vassals_armies_loses_no_men(duel: GameState) -> None:
    w, tid = _tributary(duel)
    w.set_polity("grey", manpower=0)
    put_army(w, "g", "grey", "grey_town", (333, 333, 334, 0))
    w, _ = apply(w, o.DemandLevy("red", tid, 500))
    levy = next(p for p in w.pending if p.kind == "levy")
    after, out = apply(w, o.Answer("grey", levy.id, True))
    sent = out[0].get("amount")
    assert sent == 500
    assert after.armies["g"].size + sent == 1000
