"""Changes of owner, ruler, capital, war and treaty — shared by orders, effects and the month.

Each function changes the working state ``w`` in place (it is always a fresh copy made by
``apply``) and appends structured records to ``out``.
"""

from __future__ import annotations

from typing import Any

from engine.scenario import model as m
from typing import Iterator

from engine.state import Army, GameState, LogRecord, Treaty, rec

CAPITAL_RANKS = ("capital", "secondary_capital", "prefecture", "subprefecture")


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def declare_war(w: GameState, a: str, b: str, out: list[LogRecord], cause: str = "declared") -> None:
    """Start a war; treaties between the two that keep the peace end (and count as breaches
    by ``a`` when ``cause`` is "declared")."""
    if a == b or w.at_war(a, b):
        return
    for t in w.treaties_between(a, b):
        ttype = w.scen.treaty_types[t.type]
        if ttype.peace:
            if cause == "declared":
                breach(w, t, a, "war_declared", out)
            if t.id in w.treaties:
                end_treaty(w, t.id, out, reason="war")
    w.wars.add(pair(a, b))
    if cause == "declared" and b not in w.polities[a].casus_belli:
        w.set_polity(a, legitimacy=clamp_legit(w.polities[a].legitimacy + w.scen.rules.war_without_cause_legitimacy))
    if b in w.polities[a].casus_belli:
        w.set_polity(a, casus_belli=tuple(x for x in w.polities[a].casus_belli if x != b))
    out.append(rec(w.date, "war_declared", (a, b), cause=cause))
    _call_allies(w, a, b, out)


def _call_allies(w: GameState, attacker: str, defender: str, out: list[LogRecord]) -> None:
    """Allies bound to defend the attacked state get a call to arms to answer."""
    for _, t in sorted(w.treaties.items()):
        if defender not in t.states:
            continue
        ally = next(s for s in t.states if s != defender)
        if ally == attacker or w.at_war(ally, attacker) or not w.polities[ally].alive:
            continue
        ttype = w.scen.treaty_types[t.type]
        for ob in ttype.obligations:
            if isinstance(ob, m.DefenceOb):
                by, of = ob.defence.by, ob.defence.of
                if (by in ("any", t.role_of(ally))) and (of in ("any", t.role_of(defender))):
                    w.pending.append(_pending(w, "call", ally, other=defender, ref=t.id, role=attacker))
                    out.append(rec(w.date, "call_to_arms", (defender, ally), against=attacker, treaty=t.id))
                    break


def _pending(w: GameState, kind: str, faction: str, **kw: Any) -> Any:
    from engine.state import Pending

    return Pending(id=w.take_id(), kind=kind, faction=faction, date=w.date, **kw)


def armies_on_task(w: GameState, task: str) -> Iterator[Army]:
    """Armies (in id order) doing ``task`` against an enemy at their place. An army whose task
    no longer makes sense — the place is its own now, or peace was made — goes idle."""
    for aid in sorted(w.armies):
        army = w.armies.get(aid)
        if army is None or army.task != task:
            continue
        owner = w.places[army.place].owner
        if owner == army.owner or not w.at_war(army.owner, owner):
            w.set_army(aid, task="idle")
            continue
        yield army


def make_peace(w: GameState, a: str, b: str, out: list[LogRecord]) -> None:
    if not w.at_war(a, b):
        return
    w.wars.discard(pair(a, b))
    for pid, place in list(w.places.items()):
        if place.besieger in (a, b) and place.owner in (a, b):
            w.set_place(pid, besieger=None, siege_months=0)
    for aid, army in list(w.armies.items()):
        if army.owner in (a, b) and army.task in ("besiege", "assault", "raid"):
            owner = w.places[army.place].owner
            if owner in (a, b) and owner != army.owner:
                w.set_army(aid, task="idle")
    out.append(rec(w.date, "peace", (a, b)))


def start_treaty(w: GameState, type_id: str, parties: dict[str, str], out: list[LogRecord], tid: str | None = None,
                 months: int | None = None, terms: tuple[tuple[str, Any], ...] = ()) -> Treaty:
    """Put a treaty in force; a treaty that keeps the peace ends a war between its parties."""
    ttype = w.scen.treaty_types[type_id]
    ordered = tuple((role, parties[role]) for role in ttype.roles)
    tid = tid or f"{type_id}_{'_'.join(s for _, s in ordered)}_{w.date}"
    while tid in w.treaties:
        tid = f"{tid}_{w.take_id()}"
    length = months or ttype.months
    treaty = Treaty(tid, type_id, ordered, w.date, w.date + length if length else None, terms)
    a, b = treaty.states
    if ttype.peace and w.at_war(a, b):
        make_peace(w, a, b, out)
    w.treaties[tid] = treaty
    out.append(rec(w.date, "treaty_made", treaty.states, treaty=tid, type=type_id))
    for ob in ttype.obligations:
        if isinstance(ob, m.InvestitureOb):
            vassal = treaty.party(ob.investiture.to)
            gain = treaty.term("legitimacy", ob.investiture.legitimacy)
            w.set_polity(vassal, legitimacy=clamp_legit(w.polities[vassal].legitimacy + gain))
            out.append(rec(w.date, "investiture", (treaty.party(ob.investiture.by), vassal), treaty=tid))
    return treaty


def end_treaty(w: GameState, tid: str, out: list[LogRecord], reason: str = "ended") -> None:
    treaty = w.treaties.pop(tid, None)
    if treaty is None:
        return
    w.pending = [p for p in w.pending if not (p.ref == tid and p.kind in ("levy", "tribute", "call"))]
    out.append(rec(w.date, "treaty_ended", treaty.states, treaty=tid, type=treaty.type, reason=reason))


def breach(w: GameState, treaty: Treaty, breaker: str, how: str, out: list[LogRecord]) -> None:
    """Apply the treaty type's breach rule for ``how`` (levy_refused, tribute_withheld …)."""
    ttype = w.scen.treaty_types[treaty.type]
    out.append(rec(w.date, "treaty_broken", (breaker,) + tuple(s for s in treaty.states if s != breaker), treaty=treaty.id, type=treaty.type, how=how))
    for rule in ttype.breach:
        if rule.when != how:
            continue
        if rule.legitimacy:
            p = w.polities[breaker]
            w.set_polity(breaker, legitimacy=clamp_legit(p.legitimacy + rule.legitimacy))
        if rule.casus_belli:
            for other in treaty.states:
                if other != breaker and breaker not in w.polities[other].casus_belli:
                    w.set_polity(other, casus_belli=w.polities[other].casus_belli + (breaker,))
        if rule.ends_treaty:
            end_treaty(w, treaty.id, out, reason=how)
        return


def clamp_legit(value: int) -> int:
    return max(0, min(100, value))


def set_ruler(w: GameState, state_id: str, ruler: str, out: list[LogRecord]) -> None:
    """A new ruler: the heir slot clears if he was the heir; investing treaties re-invest."""
    pol = w.polities[state_id]
    if pol.ruler == ruler:
        return
    heir = None if pol.heir == ruler else pol.heir
    w.set_polity(state_id, ruler=ruler, heir=heir)
    out.append(rec(w.date, "succession", (state_id,), ruler=ruler, previous=pol.ruler))
    for t in list(w.treaties.values()):
        for ob in w.scen.treaty_types[t.type].obligations:
            if isinstance(ob, m.InvestitureOb) and t.party(ob.investiture.to) == state_id:
                gain = t.term("legitimacy", ob.investiture.legitimacy)
                w.set_polity(state_id, legitimacy=clamp_legit(w.polities[state_id].legitimacy + gain))
                out.append(rec(w.date, "investiture", (t.party(ob.investiture.by), state_id), treaty=t.id))


def move_capital(w: GameState, state_id: str, place: str, out: list[LogRecord], reason: str = "moved") -> None:
    old = w.polities[state_id].capital
    if old == place:
        return
    w.set_polity(state_id, capital=place)
    out.append(rec(w.date, "capital_moved", (state_id,), place, previous=old, reason=reason))


def capture(w: GameState, place_id: str, taker: str, out: list[LogRecord], how: str = "captured", garrison: int = 0) -> None:
    """``taker`` takes the place: sieges end, a lost capital moves, a state with nothing
    left falls."""
    place = w.places[place_id]
    loser = place.owner
    if loser == taker:
        return
    w.set_place(place_id, owner=taker, besieger=None, siege_months=0, garrison=garrison,
                prosperity=max(0, place.prosperity - 20),
                food=min(place.food, w.scen.places[place_id].food))
    out.append(rec(w.date, "capture", (taker, loser), place_id, how=how))
    for aid, army in sorted(w.armies.items()):
        if army.place == place_id and army.owner == loser:
            retreat(w, aid, out)
    lp = w.polities[loser]
    if lp.capital == place_id:
        w.set_polity(loser, legitimacy=clamp_legit(lp.legitimacy - 10))
        new_cap = best_capital(w, loser)
        if new_cap:
            move_capital(w, loser, new_cap, out, reason="capital_lost")
        else:
            w.set_polity(loser, capital=None)
    if not any(p.owner == loser for p in w.places.values()):
        fall(w, loser, out)


def best_capital(w: GameState, state_id: str) -> str | None:
    """The largest place the state still holds, preferring capitals and prefectures."""
    ranks = {r: i for i, r in enumerate(CAPITAL_RANKS)}
    candidates = [p for p in w.places.values() if p.owner == state_id and p.besieger is None]
    if not candidates:
        candidates = [p for p in w.places.values() if p.owner == state_id]
    if not candidates:
        return None
    return min(candidates, key=lambda p: (ranks.get(w.scen.places[p.id].rank, 9), -p.population, p.id)).id


def retreat(w: GameState, army_id: str, out: list[LogRecord]) -> None:
    """A beaten or cut-off army falls back to a neighbouring place its owner holds, else to
    friendly (treaty) land that is not at war with it; with neither, it breaks up."""
    from engine.rules.geography import graph, may_enter

    army = w.armies[army_id]
    neighbours = [nxt for nxt, _ in graph(w.scen).neighbours[army.place]]
    own = [n for n in neighbours if w.places[n].owner == army.owner]
    friendly = [n for n in neighbours if not w.at_war(w.places[n].owner, army.owner) and may_enter(w, army.owner, n)]
    for nxt in own or friendly:
        w.set_army(army_id, place=nxt, task="idle", path=(), progress=0)
        return
    del w.armies[army_id]
    out.append(rec(w.date, "army_destroyed", (army.owner,), army.place, army=army_id))


def fall(w: GameState, state_id: str, out: list[LogRecord]) -> None:
    """A state with no place left falls: its armies disband, wars and treaties end."""
    pol = w.polities[state_id]
    if not pol.alive:
        return
    w.set_polity(state_id, alive=False, capital=None)
    for aid in [a for a, army in w.armies.items() if army.owner == state_id]:
        del w.armies[aid]
    for pid in [p for p, place in w.places.items() if place.besieger == state_id]:
        w.set_place(pid, besieger=None, siege_months=0)
    for tid in [t for t, treaty in w.treaties.items() if state_id in treaty.states]:
        end_treaty(w, tid, out, reason="fallen")
    w.wars = {p for p in w.wars if state_id not in p}
    w.pending = [p for p in w.pending if p.faction != state_id and p.other != state_id]
    w.done.discard(state_id)
    out.append(rec(w.date, "state_fallen", (state_id,)))
