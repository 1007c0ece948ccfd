"""Which orders are legal: the one source of legality for the UI, the AI and the tests.

``why_illegal`` gives the reason an order cannot be applied (None when it can);
``legal_orders`` lists a faction's legal orders, with standard amounts for orders that take one.
"""

from __future__ import annotations

from typing import Callable

from engine import orders as o
from engine.rules.geography import may_enter, plan_path, graph
from engine.rules.politics import CAPITAL_RANKS
from engine.rules.treaties import levy_limit
from engine.scenario.model import TROOP_KINDS
from engine.state import GameState


class IllegalOrder(Exception):
    """The order cannot be applied; ``reason`` says why. The state is unchanged."""

    def __init__(self, order: o.Order, reason: str) -> None:
        super().__init__(f"{order.kind} by {order.faction}: {reason}")
        self.order = order
        self.reason = reason


def recruit_cost(state: GameState, amount: int, troop: str = "infantry") -> int:
    """Silver to raise ``amount`` men of ``troop`` kind (steppe horsemen cost less)."""
    rules = state.scen.rules
    per_1000 = rules.recruit_silver_per_1000 * (rules.steppe_cost_factor if troop == "steppe_cavalry" else 1.0)
    return int(amount * per_1000 + 999) // 1000


def _army(s: GameState, order: o.Order, army_id: str) -> str | None:
    army = s.armies.get(army_id)
    if army is None:
        return f"no army {army_id!r}"
    if army.owner != order.faction:
        return f"army {army_id!r} is not yours"
    return None


def _enemy_here(s: GameState, order: o.Order, army_id: str) -> str | None:
    army = s.armies[army_id]
    owner = s.places[army.place].owner
    if owner == order.faction:
        return "the army stands in your own land"
    if not s.at_war(order.faction, owner):
        return f"you are not at war with {owner}"
    return None


def _own_place(s: GameState, order: o.Order, place_id: str) -> str | None:
    place = s.places.get(place_id)
    if place is None:
        return f"no place {place_id!r}"
    if place.owner != order.faction:
        return f"{place_id} is not yours"
    return None


def _move(s: GameState, order: o.Move) -> str | None:
    if order.to not in s.places:
        return f"no place {order.to!r}"
    if s.armies[order.army].place == order.to:
        return "the army is already there"
    if plan_path(s, order.army, order.to) is None:
        return f"no way for the army to reach {order.to} (neutral land blocks it)"
    return None


def _task(task: str) -> Callable[[GameState, o.Order], str | None]:
    def check(s: GameState, order: o.Order) -> str | None:
        army = s.armies[order.army]  # type: ignore[attr-defined]
        if army.task == task:
            return f"the army is already doing that ({task})"
        return _enemy_here(s, order, order.army)  # type: ignore[attr-defined]

    return check


def _hold(s: GameState, order: o.Hold) -> str | None:
    return "the army is idle already" if s.armies[order.army].task == "idle" else None


def _garrison(s: GameState, order: o.Garrison) -> str | None:
    army = s.armies[order.army]
    if s.places[army.place].owner != order.faction:
        return "armies garrison only places you hold"
    if not 0 < order.amount <= army.size:
        return f"amount must be 1..{army.size}"
    return None


def _muster(s: GameState, order: o.Muster) -> str | None:
    reason = _own_place(s, order, order.place)
    if reason:
        return reason
    if not 0 < order.amount <= s.places[order.place].garrison:
        return f"amount must be 1..{s.places[order.place].garrison} (the garrison)"
    return None


def _recruit(s: GameState, order: o.Recruit) -> str | None:
    reason = _own_place(s, order, order.place)
    if reason:
        return reason
    place = s.places[order.place]
    pol = s.polities[order.faction]
    if place.besieger is not None:
        return "the place is besieged"
    if order.troop not in TROOP_KINDS:
        return f"no troop kind {order.troop!r}"
    if order.amount <= 0:
        return "amount must be positive"
    if order.troop == "steppe_cavalry" and "pasture" not in s.scen.places[order.place].flags:
        return "steppe cavalry is raised only on pasture land"
    if order.troop == "siege" and pol.siege_skill < 1:
        return "your state has no siege craft yet"
    if order.amount > pol.manpower:
        return f"not enough manpower ({pol.manpower})"
    cost = recruit_cost(s, order.amount, order.troop)
    if cost > pol.treasury:
        return f"not enough silver ({pol.treasury} of {cost})"
    return None


def _merge(s: GameState, order: o.Merge) -> str | None:
    reason = _army(s, order, order.into)
    if reason:
        return reason
    if order.into == order.army:
        return "an army cannot merge into itself"
    if s.armies[order.into].place != s.armies[order.army].place:
        return "both armies must stand at one place"
    return None


def _move_capital(s: GameState, order: o.MoveCapital) -> str | None:
    reason = _own_place(s, order, order.place)
    if reason:
        return reason
    if s.polities[order.faction].capital == order.place:
        return "it is already your capital"
    if s.places[order.place].besieger is not None:
        return "the place is besieged"
    if s.scen.places[order.place].rank not in CAPITAL_RANKS:
        return "only a city can be a capital"
    return None


def _declare(s: GameState, order: o.DeclareWar) -> str | None:
    if order.target not in s.polities or order.target == order.faction:
        return f"no other state {order.target!r}"
    if not s.polities[order.target].alive:
        return f"{order.target} has fallen"
    if s.at_war(order.faction, order.target):
        return "you are already at war"
    return None


def _propose(s: GameState, order: o.ProposeTreaty) -> str | None:
    ttype = s.scen.treaty_types.get(order.type)
    if ttype is None:
        return f"no treaty type {order.type!r}"
    if not ttype.offerable:
        return "this treaty cannot be offered"
    if order.to not in s.polities or order.to == order.faction or not s.polities[order.to].alive:
        return f"no other living state {order.to!r}"
    if order.role not in ttype.roles:
        return f"the treaty has no role {order.role!r}"
    if ttype.symmetric and order.role != ttype.roles[0]:
        return "equal treaties are offered in the first role"
    if any(t.type == order.type for t in s.treaties_between(order.faction, order.to)):
        return "such a treaty is already in force"
    if s.at_war(order.faction, order.to) and not ttype.peace:
        return "at war, offer peace or a truce first"
    if not s.at_war(order.faction, order.to) and ttype.id in ("peace", "truce") and not ttype.obligations:
        return "you are not at war"
    if any(p.kind == "offer" and p.ref == order.type and {p.faction, p.other} == {order.faction, order.to} for p in s.pending):
        return "an offer is already waiting"
    return None


def _break(s: GameState, order: o.BreakTreaty) -> str | None:
    treaty = s.treaties.get(order.treaty)
    if treaty is None:
        return f"no treaty {order.treaty!r}"
    if order.faction not in treaty.states:
        return "you are not a party to it"
    return None


def _levy(s: GameState, order: o.DemandLevy) -> str | None:
    limit = levy_limit(s, order.treaty)
    if limit is None or limit[0] != order.faction:
        return "that treaty gives you no right to levy troops"
    if not 0 < order.amount <= limit[2]:
        return f"amount must be 1..{limit[2]}"
    if any(p.kind == "levy" and p.ref == order.treaty for p in s.pending):
        return "a levy is already waiting for an answer"
    return None


def _pending(kinds: tuple[str, ...]) -> Callable[[GameState, o.Order], str | None]:
    def check(s: GameState, order: o.Order) -> str | None:
        pid = order.pending  # type: ignore[attr-defined]
        p = next((x for x in s.pending if x.id == pid), None)
        if p is None or p.faction != order.faction:
            return f"no decision {pid} waits for you"
        if p.kind not in kinds:
            return f"decision {pid} is a {p.kind}, not answered this way"
        if isinstance(order, o.ChooseEvent):
            event = s.scen.events[p.ref]
            if order.choice not in {c.id for c in event.choices}:
                return f"event {p.ref} has no choice {order.choice!r}"
        return None

    return check


def _end_turn(s: GameState, order: o.EndTurn) -> str | None:
    waiting = s.pending_for(order.faction)
    if waiting:
        return f"answer the {len(waiting)} waiting decision(s) first"
    return None


_ARMY_ORDERS = (o.Move, o.Hold, o.Besiege, o.Assault, o.Raid, o.Garrison, o.Merge)

_CHECKS: dict[type, Callable[[GameState, o.Order], str | None]] = {
    o.Move: _move,  # type: ignore[dict-item]
    o.Hold: _hold,  # type: ignore[dict-item]
    o.Besiege: _task("besiege"),
    o.Assault: _task("assault"),
    o.Raid: _task("raid"),
    o.Garrison: _garrison,  # type: ignore[dict-item]
    o.Muster: _muster,  # type: ignore[dict-item]
    o.Recruit: _recruit,  # type: ignore[dict-item]
    o.Merge: _merge,  # type: ignore[dict-item]
    o.MoveCapital: _move_capital,  # type: ignore[dict-item]
    o.DeclareWar: _declare,  # type: ignore[dict-item]
    o.ProposeTreaty: _propose,  # type: ignore[dict-item]
    o.BreakTreaty: _break,  # type: ignore[dict-item]
    o.DemandLevy: _levy,  # type: ignore[dict-item]
    o.Answer: _pending(("offer", "levy", "tribute", "call")),
    o.ChooseEvent: _pending(("event",)),
    o.EndTurn: _end_turn,  # type: ignore[dict-item]
}


def faction_reason(state: GameState, faction: str) -> str | None:
    """Why ``faction`` cannot give any order now (game over, fallen, turn ended), or None."""
    if state.over:
        return "the game is over"
    pol = state.polities.get(faction)
    if pol is None:
        return f"no state {faction!r}"
    if not pol.alive:
        return f"{faction} has fallen"
    if faction in state.done:
        return "you have ended your turn"
    return None


def why_illegal(state: GameState, order: o.Order) -> str | None:
    """The reason ``order`` cannot be applied now, or None if it can."""
    check = _CHECKS.get(type(order))
    if check is None:
        return f"unknown order {type(order).__name__}"
    reason = faction_reason(state, order.faction)
    if reason:
        return reason
    if isinstance(order, _ARMY_ORDERS):
        reason = _army(state, order, order.army)  # type: ignore[attr-defined]
        if reason:
            return reason
    return check(state, order)


def legal_orders(state: GameState, faction: str) -> list[o.Order]:
    """Every legal order of ``faction`` now (amounts at standard sizes)."""
    f = faction
    if faction_reason(state, f):
        return []
    candidates: list[o.Order] = []
    for p in state.pending_for(f):
        if p.kind == "event":
            candidates += [o.ChooseEvent(f, p.id, c.id) for c in state.scen.events[p.ref].choices]
        else:
            candidates += [o.Answer(f, p.id, True), o.Answer(f, p.id, False)]
    for army in state.armies_of(f):
        reach = _reachable(state, army.id)
        candidates += [o.Move(f, army.id, dest) for dest in reach]
        candidates += [o.Hold(f, army.id), o.Besiege(f, army.id), o.Assault(f, army.id), o.Raid(f, army.id)]
        candidates += [o.Garrison(f, army.id, n) for n in _amounts(army.size)]
        candidates += [o.Merge(f, army.id, other.id) for other in state.armies_of(f) if other.id != army.id and other.place == army.place]
    for place in state.places_of(f):
        candidates += [o.Muster(f, place.id, n) for n in _amounts(place.garrison)]
        candidates += [o.Recruit(f, place.id, kind, n) for kind in TROOP_KINDS for n in (1000, 5000, 10000)]
        candidates.append(o.MoveCapital(f, place.id))
    for other in state.alive():
        if other == f:
            continue
        candidates.append(o.DeclareWar(f, other))
        for ttype in state.scen.treaty_types.values():
            roles = ttype.roles[:1] if ttype.symmetric else ttype.roles
            candidates += [o.ProposeTreaty(f, other, ttype.id, role) for role in roles]
    candidates += [o.BreakTreaty(f, t.id) for t in state.treaties.values() if f in t.states]
    for tid in sorted(state.treaties):
        limit = levy_limit(state, tid)
        if limit and limit[0] == f:
            candidates.append(o.DemandLevy(f, tid, limit[2]))
    candidates.append(o.EndTurn(f))
    return [c for c in candidates if why_illegal(state, c) is None]


def _amounts(total: int) -> list[int]:
    return sorted({n for n in (1000, total // 2, total) if 0 < n <= total})


def _reachable(state: GameState, army_id: str) -> list[str]:
    """Places the army can be ordered to (one search, not one per destination)."""
    army = state.armies[army_id]
    seen = {army.place}
    stack = [army.place]
    g = graph(state.scen)
    while stack:
        here = stack.pop()
        for nxt, _ in g.neighbours[here]:
            if nxt not in seen and may_enter(state, army.owner, nxt):
                seen.add(nxt)
                stack.append(nxt)
    seen.discard(army.place)
    return sorted(seen)
