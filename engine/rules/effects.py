"""Applying effects: the closed vocabulary shared by history, events and event choices.

An effect that cannot apply in the current state (an army already gone, a place already held)
does nothing rather than fail: history and events are written for the real course of events,
and a diverged game must not crash on them.
"""

from __future__ import annotations

from typing import Callable

from engine.rules import politics
from engine.scenario import model as m
from engine.state import Army, GameState, LogRecord, rec


def _delta(w: GameState, state_id: str, field: str, amount: int) -> None:
    pol = w.polities[state_id]
    value = getattr(pol, field) + amount
    if field == "legitimacy":
        value = politics.clamp_legit(value)
    elif field == "siege_skill":
        value = max(0, min(3, value))
    w.set_polity(state_id, **{field: max(0, value)})


def _give(w: GameState, place_id: str, state: str, out: list[LogRecord]) -> None:
    """The place changes hands by history, not by arms: half its garrison (at least 500) stays."""
    place = w.places[place_id]
    if place.owner != state:
        keep = max(place.garrison // 2, 500)
        politics.capture(w, place.id, state, out, how="history", garrison=keep)
        if not w.polities[state].alive:
            w.set_polity(state, alive=True)


def _cede_all(w: GameState, e: m.CedeAllEff, out: list[LogRecord]) -> None:
    for pid in sorted(pid for pid, p in w.places.items() if p.owner == e.cede_all.state):
        _give(w, pid, e.cede_all.to, out)


def _spawn(w: GameState, e: m.SpawnArmyEff, out: list[LogRecord]) -> None:
    spec = e.spawn_army
    if not w.polities[spec.state].alive:
        return
    if spec.id in w.armies:
        old = w.armies[spec.id]
        if old.owner == spec.state:
            return
        del w.armies[spec.id]
    w.armies[spec.id] = Army(spec.id, spec.state, spec.place, spec.troops.as_tuple(), spec.commander, spec.morale)
    out.append(rec(w.date, "army_raised", (spec.state,), spec.place, army=spec.id))


def _remove(w: GameState, e: m.RemoveArmyEff, out: list[LogRecord]) -> None:
    army = w.armies.pop(e.remove_army.army, None)
    if army is not None:
        out.append(rec(w.date, "army_left", (army.owner,), army.place, army=army.id))


def _reinforce(w: GameState, e: m.ReinforceEff, out: list[LogRecord]) -> None:
    army = w.armies.get(e.reinforce.army)
    if army is not None:
        t = e.reinforce.troops.as_tuple()
        w.set_army(army.id, troops=tuple(x + y for x, y in zip(army.troops, t)))  # type: ignore[arg-type]


def _start(w: GameState, e: m.StartTreatyEff, out: list[LogRecord]) -> None:
    spec = e.start_treaty
    if not all(w.polities[s].alive for s in spec.parties.values()):
        return
    if spec.id and spec.id in w.treaties:
        return
    terms = tuple(sorted((k, v) for k, v in (spec.terms.model_dump() if spec.terms else {}).items() if v is not None))
    politics.start_treaty(w, spec.type, dict(spec.parties), out, tid=spec.id, months=spec.months, terms=terms)


def _end(w: GameState, e: m.EndTreatyEff, out: list[LogRecord]) -> None:
    spec = e.end_treaty
    for tid, t in sorted(w.treaties.items()):
        if spec.id is not None and tid != spec.id:
            continue
        if spec.type is not None and t.type != spec.type:
            continue
        if all(t.role_of(s) == role for role, s in spec.parties.items()):
            politics.end_treaty(w, tid, out, reason="event")


def _place_delta(w: GameState, place_id: str, field: str, amount: int, lo: int = 0, hi: int = 10**9) -> None:
    place = w.places[place_id]
    w.set_place(place_id, **{field: max(lo, min(hi, getattr(place, field) + amount))})


def _commander(w: GameState, e: m.CommanderEff, out: list[LogRecord]) -> None:
    cid = e.commander.commander
    if e.commander.active:
        w.commanders_gone.discard(cid)
        return
    if cid not in w.commanders_gone:
        w.commanders_gone.add(cid)
        for aid, army in sorted(w.armies.items()):
            if army.commander == cid:
                w.set_army(aid, commander=None)
        out.append(rec(w.date, "commander_gone", (w.scen.commander_state.get(cid, ""),), commander=cid))


def _alive(w: GameState, *states: str) -> bool:
    return all(w.polities[s].alive for s in states)


_APPLY: dict[type, Callable[[GameState, object, list[LogRecord]], None]] = {
    m.SetOwnerEff: lambda w, e, out: _give(w, e.set_owner.place, e.set_owner.state, out),  # type: ignore[attr-defined]
    m.CedeAllEff: _cede_all,  # type: ignore[dict-item]
    m.SetRulerEff: lambda w, e, out: _alive(w, e.set_ruler.state) and politics.set_ruler(w, e.set_ruler.state, e.set_ruler.ruler, out),  # type: ignore[attr-defined]
    m.SetHeirEff: lambda w, e, out: w.set_polity(e.set_heir.state, heir=e.set_heir.ruler),  # type: ignore[attr-defined]
    m.MoveCapitalEff: lambda w, e, out: (w.places[e.move_capital.place].owner == e.move_capital.state) and politics.move_capital(w, e.move_capital.state, e.move_capital.place, out),  # type: ignore[attr-defined]
    m.TreasuryEff: lambda w, e, out: _delta(w, e.treasury.state, "treasury", e.treasury.amount),  # type: ignore[attr-defined]
    m.GrainEff: lambda w, e, out: _delta(w, e.grain.state, "grain", e.grain.amount),  # type: ignore[attr-defined]
    m.ManpowerEff: lambda w, e, out: _delta(w, e.manpower.state, "manpower", e.manpower.amount),  # type: ignore[attr-defined]
    m.LegitimacyEff: lambda w, e, out: _delta(w, e.legitimacy.state, "legitimacy", e.legitimacy.amount),  # type: ignore[attr-defined]
    m.SiegeSkillEff: lambda w, e, out: _delta(w, e.siege_skill.state, "siege_skill", e.siege_skill.amount),  # type: ignore[attr-defined]
    m.GarrisonEff: lambda w, e, out: _place_delta(w, e.garrison.place, "garrison", e.garrison.amount),  # type: ignore[attr-defined]
    m.WallsEff: lambda w, e, out: _place_delta(w, e.walls.place, "walls", e.walls.amount, 0, 5),  # type: ignore[attr-defined]
    m.PopulationEff: lambda w, e, out: w.set_place(e.population.place, population=max(0, w.places[e.population.place].population * (100 + e.population.percent) // 100)),  # type: ignore[attr-defined]
    m.StartTreatyEff: _start,  # type: ignore[dict-item]
    m.EndTreatyEff: _end,  # type: ignore[dict-item]
    m.WarEff: lambda w, e, out: _alive(w, e.war.a, e.war.b) and politics.declare_war(w, e.war.a, e.war.b, out, cause="event"),  # type: ignore[attr-defined]
    m.PeaceEff: lambda w, e, out: politics.make_peace(w, e.peace.a, e.peace.b, out),  # type: ignore[attr-defined]
    m.SpawnArmyEff: _spawn,  # type: ignore[dict-item]
    m.RemoveArmyEff: _remove,  # type: ignore[dict-item]
    m.ReinforceEff: _reinforce,  # type: ignore[dict-item]
    m.SetFlagEff: lambda w, e, out: w.flags.add(e.set_flag),  # type: ignore[attr-defined]
    m.ClearFlagEff: lambda w, e, out: w.flags.discard(e.clear_flag),  # type: ignore[attr-defined]
    m.CommanderEff: _commander,  # type: ignore[dict-item]
    m.LogEff: lambda w, e, out: out.append(rec(w.date, e.log.kind, e.log.actors, e.log.place, note=e.log.note)),  # type: ignore[attr-defined]
}


def apply_effects(w: GameState, effects: tuple[object, ...], out: list[LogRecord]) -> None:
    """Apply ``effects`` in order to the working state."""
    for effect in effects:
        _APPLY[type(effect)](w, effect, out)
