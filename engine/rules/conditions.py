"""Evaluating conditions: the closed vocabulary shared by events, milestones and goals."""

from __future__ import annotations

from typing import Callable

from engine.scenario import model as m
from engine.state import GameState, troops_total


def _count(value: int, c: m.StateCount) -> bool:
    return (c.min is None or value >= c.min) and (c.max is None or value <= c.max)


def men_under_arms(state: GameState, faction: str) -> int:
    armies = sum(troops_total(a.troops) for a in state.armies.values() if a.owner == faction)
    return armies + sum(p.garrison for p in state.places.values() if p.owner == faction)


def treaty_matches(state: GameState, q: m.TreatyQuery) -> bool:
    for t in state.treaties.values():
        if t.type != q.type:
            continue
        if all(t.role_of(state_id) == role for role, state_id in q.parties.items()):
            return True
    return False


def _places_held(state: GameState, faction: str) -> int:
    return sum(1 for p in state.places.values() if p.owner == faction)


_HANDLERS: dict[type, Callable[[GameState, object], bool]] = {
    m.AllCond: lambda s, c: all(holds(s, x) for x in c.all),  # type: ignore[attr-defined]
    m.AnyCond: lambda s, c: any(holds(s, x) for x in c.any),  # type: ignore[attr-defined]
    m.NotCond: lambda s, c: not holds(s, c.not_),  # type: ignore[attr-defined]
    m.OwnerCond: lambda s, c: s.places[c.owner.place].owner == c.owner.state,  # type: ignore[attr-defined]
    m.AtWarCond: lambda s, c: s.at_war(c.at_war.a, c.at_war.b),  # type: ignore[attr-defined]
    m.TreatyCond: lambda s, c: treaty_matches(s, c.treaty),  # type: ignore[attr-defined]
    m.DateCond: lambda s, c: (c.date.from_ is None or s.date >= c.date.from_) and (c.date.to is None or s.date <= c.date.to),  # type: ignore[attr-defined]
    m.PlacesHeldCond: lambda s, c: _count(_places_held(s, c.places_held.state), c.places_held),  # type: ignore[attr-defined]
    m.TroopsCond: lambda s, c: _count(men_under_arms(s, c.troops.state), c.troops),  # type: ignore[attr-defined]
    m.TreasuryCond: lambda s, c: _count(s.polities[c.treasury.state].treasury, c.treasury),  # type: ignore[attr-defined]
    m.LegitimacyCond: lambda s, c: _count(s.polities[c.legitimacy.state].legitimacy, c.legitimacy),  # type: ignore[attr-defined]
    m.RulerCond: lambda s, c: s.polities[c.ruler.state].ruler == c.ruler.ruler,  # type: ignore[attr-defined]
    m.CapitalCond: lambda s, c: s.polities[c.capital.state].capital == c.capital.place,  # type: ignore[attr-defined]
    m.FlagCond: lambda s, c: c.flag in s.flags,  # type: ignore[attr-defined]
    m.AliveCond: lambda s, c: s.polities[c.alive].alive,  # type: ignore[attr-defined]
    m.BesiegedCond: lambda s, c: s.places[c.besieged].besieger is not None,  # type: ignore[attr-defined]
    m.CommanderCond: lambda s, c: c.commander_active not in s.commanders_gone and _commander_in_service(s, c.commander_active),  # type: ignore[attr-defined]
    m.EventFiredCond: lambda s, c: c.event_fired.event in s.fired and (c.event_fired.choice is None or s.fired[c.event_fired.event] == c.event_fired.choice),  # type: ignore[attr-defined]
}


def _commander_in_service(state: GameState, cid: str) -> bool:
    cmd = state.scen.commanders.get(cid)
    return cmd is not None and cmd.active.contains(state.date)


def holds(state: GameState, cond: object | None) -> bool:
    """Whether ``cond`` holds in ``state`` (no condition always holds)."""
    if cond is None:
        return True
    return _HANDLERS[type(cond)](state, cond)
