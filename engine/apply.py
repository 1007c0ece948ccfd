"""``apply(state, order)``: the one entry point that changes a game.

It checks the order (:func:`engine.legality.why_illegal`), works on a copy of the state, and
returns the new state with the log records the order produced. The input state is never
changed. When the last living faction ends its turn, the turn's months are resolved here.
"""

from __future__ import annotations

from typing import Callable

from engine import orders as o
from engine.legality import IllegalOrder, recruit_cost, why_illegal
from engine.rules import events, month, politics
from engine.rules.geography import plan_path
from engine.rules.treaties import levy_limit
from engine.scenario.model import TROOP_KINDS
from engine.state import Army, GameState, LogRecord, Pending, rec, troops_add, troops_take, troops_total


def apply(state: GameState, order: o.Order) -> tuple[GameState, list[LogRecord]]:
    """Apply ``order``; return the new state and what happened.

    Raises:
        IllegalOrder: the order is not legal now (the reason says why).
    """
    reason = why_illegal(state, order)
    if reason is not None:
        raise IllegalOrder(order, reason)
    w = state.copy()
    out: list[LogRecord] = []
    _HANDLERS[type(order)](w, order, out)
    _resolve_if_all_done(w, out)
    w.order_count += 1
    w.log.extend(out)
    return w, out


def _move(w: GameState, order: o.Move, out: list[LogRecord]) -> None:
    found = plan_path(w, order.army, order.to)
    assert found is not None
    w.set_army(order.army, task="move", path=tuple(found[0]), progress=0)


def _set_task(task: str) -> Callable[[GameState, o.Order, list[LogRecord]], None]:
    def handler(w: GameState, order: o.Order, out: list[LogRecord]) -> None:
        army = w.set_army(order.army, task=task, path=(), progress=0)  # type: ignore[attr-defined]
        place = w.places[army.place]
        if task in ("besiege", "assault") and place.besieger is None:
            w.set_place(place.id, besieger=army.owner, siege_months=0)
            out.append(rec(w.date, "siege_started", (army.owner, place.owner), place.id, army=army.id))

    return handler


def _garrison(w: GameState, order: o.Garrison, out: list[LogRecord]) -> None:
    army = w.armies[order.army]
    place = w.places[army.place]
    _, left = troops_take(army.troops, order.amount)
    w.set_place(place.id, garrison=place.garrison + order.amount)
    if troops_total(left) == 0:
        del w.armies[army.id]
    else:
        w.set_army(army.id, troops=left)


def _muster(w: GameState, order: o.Muster, out: list[LogRecord]) -> None:
    place = w.places[order.place]
    w.set_place(place.id, garrison=place.garrison - order.amount)
    _add_troops(w, order.faction, place.id, (0, 0, order.amount, 0), out)


def _add_troops(w: GameState, faction: str, place_id: str, troops: tuple[int, int, int, int], out: list[LogRecord]) -> None:
    """Troops join an idle army of the faction at the place, or form a new one."""
    for aid, army in sorted(w.armies.items()):
        if army.owner == faction and army.place == place_id and army.task == "idle":
            w.set_army(aid, troops=troops_add(army.troops, troops))
            return
    aid = f"{faction}_{w.take_id()}"
    w.armies[aid] = Army(aid, faction, place_id, troops, None, 70)
    out.append(rec(w.date, "army_raised", (faction,), place_id, army=aid))


def _recruit(w: GameState, order: o.Recruit, out: list[LogRecord]) -> None:
    pol = w.polities[order.faction]
    w.set_polity(order.faction, treasury=pol.treasury - recruit_cost(w, order.amount, order.troop), manpower=pol.manpower - order.amount)
    troops = [0, 0, 0, 0]
    troops[TROOP_KINDS.index(order.troop)] = order.amount
    _add_troops(w, order.faction, order.place, tuple(troops), out)  # type: ignore[arg-type]
    out.append(rec(w.date, "recruited", (order.faction,), order.place, troop=order.troop, amount=order.amount))


def _merge(w: GameState, order: o.Merge, out: list[LogRecord]) -> None:
    army, into = w.armies[order.army], w.armies[order.into]
    w.set_army(into.id, troops=troops_add(into.troops, army.troops), commander=into.commander or army.commander)
    del w.armies[army.id]


def _move_capital(w: GameState, order: o.MoveCapital, out: list[LogRecord]) -> None:
    pol = w.polities[order.faction]
    w.set_polity(order.faction, legitimacy=politics.clamp_legit(pol.legitimacy - 3))
    politics.move_capital(w, order.faction, order.place, out)


def _declare(w: GameState, order: o.DeclareWar, out: list[LogRecord]) -> None:
    politics.declare_war(w, order.faction, order.target, out)


def _propose(w: GameState, order: o.ProposeTreaty, out: list[LogRecord]) -> None:
    w.pending.append(Pending(w.take_id(), "offer", order.to, other=order.faction, ref=order.type, role=order.role, date=w.date))
    out.append(rec(w.date, "treaty_offered", (order.faction, order.to), type=order.type, role=order.role))


def _break(w: GameState, order: o.BreakTreaty, out: list[LogRecord]) -> None:
    treaty = w.treaties[order.treaty]
    pol = w.polities[order.faction]
    w.set_polity(order.faction, legitimacy=politics.clamp_legit(pol.legitimacy + w.scen.rules.war_without_cause_legitimacy))
    out.append(rec(w.date, "treaty_broken", (order.faction,) + tuple(s for s in treaty.states if s != order.faction),
                   treaty=treaty.id, type=treaty.type, how="renounced"))
    politics.end_treaty(w, treaty.id, out, reason="renounced")


def _demand_levy(w: GameState, order: o.DemandLevy, out: list[LogRecord]) -> None:
    limit = levy_limit(w, order.treaty)
    assert limit is not None
    overlord, vassal, _ = limit
    w.pending.append(Pending(w.take_id(), "levy", vassal, other=overlord, ref=order.treaty, amount=order.amount, date=w.date))
    out.append(rec(w.date, "levy_demanded", (overlord, vassal), treaty=order.treaty, amount=order.amount))


def _answer(w: GameState, order: o.Answer, out: list[LogRecord]) -> None:
    p = next(x for x in w.pending if x.id == order.pending)
    w.pending = [x for x in w.pending if x.id != p.id]
    if p.kind == "offer":
        _answer_offer(w, p, order.accept, out)
    elif p.kind == "levy":
        _answer_levy(w, p, order.accept, out)
    elif p.kind == "tribute":
        _answer_tribute(w, p, order.accept, out)
    elif p.kind == "call":
        _answer_call(w, p, order.accept, out)


def _answer_offer(w: GameState, p: Pending, accept: bool, out: list[LogRecord]) -> None:
    assert p.other is not None and p.ref is not None and p.role is not None
    if not accept:
        out.append(rec(w.date, "treaty_refused", (p.faction, p.other), type=p.ref))
        return
    if not w.polities[p.other].alive:
        return
    ttype = w.scen.treaty_types[p.ref]
    other_role = next(r for r in ttype.roles if r != p.role)
    politics.start_treaty(w, p.ref, {p.role: p.other, other_role: p.faction}, out)


def _answer_levy(w: GameState, p: Pending, accept: bool, out: list[LogRecord]) -> None:
    assert p.other is not None and p.ref is not None
    treaty = w.treaties.get(p.ref)
    if treaty is None:
        return
    if not accept:
        out.append(rec(w.date, "levy_refused", (p.faction, p.other), treaty=p.ref, amount=p.amount))
        politics.breach(w, treaty, p.faction, "levy_refused", out)
        return
    sent = _take_men(w, p.faction, p.amount)
    capital = w.polities[p.faction].capital or next(iter(sorted(pl.id for pl in w.places_of(p.faction))), None)
    if sent and capital:
        aid = f"levy_{p.faction}_{w.take_id()}"
        w.armies[aid] = Army(aid, p.other, capital, (0, sent // 3, sent - sent // 3, 0), None, 60)
    out.append(rec(w.date, "levy_sent", (p.faction, p.other), treaty=p.ref, amount=sent))


def _take_men(w: GameState, faction: str, amount: int) -> int:
    """Men for a levy: from the manpower pool first, then from the largest armies."""
    pol = w.polities[faction]
    from_pool = min(pol.manpower, amount)
    w.set_polity(faction, manpower=pol.manpower - from_pool)
    need = amount - from_pool
    for army in sorted(w.armies_of(faction), key=lambda a: (-a.size, a.id)):
        if need <= 0:
            break
        take = min(need, army.size)
        _, left = troops_take(army.troops, take)
        need -= take
        if troops_total(left) == 0:
            del w.armies[army.id]
        else:
            w.set_army(army.id, troops=left)
    return amount - max(0, need)


def _answer_tribute(w: GameState, p: Pending, accept: bool, out: list[LogRecord]) -> None:
    assert p.other is not None and p.ref is not None
    treaty = w.treaties.get(p.ref)
    if treaty is None:
        return
    kind = p.role or "tribute"
    if not accept:
        out.append(rec(w.date, f"{kind}_withheld", (p.faction, p.other), treaty=p.ref, silver=p.amount))
        politics.breach(w, treaty, p.faction, f"{kind}_withheld", out)
        return
    payer, payee = w.polities[p.faction], w.polities[p.other]
    silver, grain = min(p.amount, payer.treasury), min(p.grain, payer.grain)
    w.set_polity(p.faction, treasury=payer.treasury - silver, grain=payer.grain - grain)
    w.set_polity(p.other, treasury=payee.treasury + silver, grain=payee.grain + grain)
    out.append(rec(w.date, f"{kind}_paid", (p.faction, p.other), treaty=p.ref, silver=silver, grain=grain))


def _answer_call(w: GameState, p: Pending, accept: bool, out: list[LogRecord]) -> None:
    assert p.other is not None and p.ref is not None and p.role is not None
    attacker = p.role
    if accept:
        if w.polities[attacker].alive:
            politics.declare_war(w, p.faction, attacker, out, cause="ally")
        return
    treaty = w.treaties.get(p.ref)
    out.append(rec(w.date, "call_refused", (p.faction, p.other), against=attacker))
    if treaty is not None:
        politics.breach(w, treaty, p.faction, "ally_abandoned", out)


def _choose(w: GameState, order: o.ChooseEvent, out: list[LogRecord]) -> None:
    p = next(x for x in w.pending if x.id == order.pending)
    w.pending = [x for x in w.pending if x.id != p.id]
    events.take_choice(w, w.scen.events[p.ref], order.choice, out)


def _end_turn(w: GameState, order: o.EndTurn, out: list[LogRecord]) -> None:
    w.done.add(order.faction)


def _resolve_if_all_done(w: GameState, out: list[LogRecord]) -> None:
    """When every living faction has ended its turn, the turn's months resolve. Checked after
    every order, not only EndTurn: the last faction to act may fall through its own order."""
    if not w.done or w.over or not all(f in w.done for f in w.alive()):
        return
    for _ in range(w.setup.turn_months):
        month.resolve_month(w, out)
        if w.over or w.pending:
            break
    w.done = set()


_HANDLERS: dict[type, Callable[[GameState, o.Order, list[LogRecord]], None]] = {
    o.Move: _move,  # type: ignore[dict-item]
    o.Hold: _set_task("idle"),
    o.Besiege: _set_task("besiege"),
    o.Assault: _set_task("assault"),
    o.Raid: _set_task("raid"),
    o.Garrison: _garrison,  # type: ignore[dict-item]
    o.Muster: _muster,  # type: ignore[dict-item]
    o.Recruit: _recruit,  # type: ignore[dict-item]
    o.Merge: _merge,  # type: ignore[dict-item]
    o.MoveCapital: _move_capital,  # type: ignore[dict-item]
    o.DeclareWar: _declare,  # type: ignore[dict-item]
    o.ProposeTreaty: _propose,  # type: ignore[dict-item]
    o.BreakTreaty: _break,  # type: ignore[dict-item]
    o.DemandLevy: _demand_levy,  # type: ignore[dict-item]
    o.Answer: _answer,  # type: ignore[dict-item]
    o.ChooseEvent: _choose,  # type: ignore[dict-item]
    o.EndTurn: _end_turn,  # type: ignore[dict-item]
}
