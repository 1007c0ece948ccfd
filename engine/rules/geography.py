"""The route graph, seasonal travel times and path finding.

Winter (Dec–Feb) slows armies north of ``rules.north_latitude``; in deep winter a route marked
``freezes`` saves its crossing's ferry delay (``rules.crossing_delay_days``) on the ice.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from engine.calendar import month_of
from engine.scenario import Scenario
from engine.scenario.model import RouteDef
from engine.state import GameState


@dataclass(frozen=True)
class Graph:
    """Neighbours of every place, with the route that joins them."""

    neighbours: dict[str, tuple[tuple[str, RouteDef], ...]]


_GRAPHS: dict[int, tuple[Scenario, Graph]] = {}


def graph(scen: Scenario) -> Graph:
    """The route graph of ``scen`` (built once per scenario object)."""
    hit = _GRAPHS.get(id(scen))
    if hit is not None and hit[0] is scen:
        return hit[1]
    adj: dict[str, list[tuple[str, RouteDef]]] = {pid: [] for pid in scen.places}
    for route in scen.routes:
        adj[route.from_].append((route.to, route))
        adj[route.to].append((route.from_, route))
    g = Graph({pid: tuple(sorted(n, key=lambda x: x[0])) for pid, n in adj.items()})
    _GRAPHS[id(scen)] = (scen, g)
    return g


def is_deep_winter(month_index: int) -> bool:
    return month_of(month_index) in (12, 1, 2)


def route_days(scen: Scenario, route: RouteDef, month_index: int) -> int:
    """Days to travel ``route`` in the given month."""
    rules = scen.rules
    days = route.days
    if route.freezes and is_deep_winter(month_index):
        # the ice road saves the ferry delay; a route that is little more than the crossing
        # itself takes the frozen-crossing time
        days = max(min(days, rules.frozen_crossing_days), days - rules.crossing_delay_days)
    if is_deep_winter(month_index):
        lat = max(scen.places[route.from_].lat, scen.places[route.to].lat)
        if lat >= rules.north_latitude:
            days = int(round(days * rules.winter_north_slowdown))
    return max(1, days)


def may_enter(state: GameState, faction: str, place_id: str) -> bool:
    """An army may enter its own places, enemies' places (at war) and places of states it
    has a treaty with (military access); not neutral land."""
    owner = state.places[place_id].owner
    if owner == faction or state.at_war(faction, owner):
        return True
    return any(faction in t.states and owner in t.states for t in state.treaties.values())


def plan_path(state: GameState, army_id: str, dest: str) -> tuple[list[str], int] | None:
    """The quickest way for the army to ``dest``: the places after its own, and the days.

    Enemy places may lie on the way (the march stops at the first walled one); neutral land
    may not. None when there is no way.
    """
    scen: Scenario = state.scen
    army = state.armies[army_id]
    start = army.place
    if dest == start or dest not in scen.places:
        return None
    g = graph(scen)
    best = {start: 0}
    prev: dict[str, str] = {}
    heap = [(0, start)]
    while heap:
        days, here = heapq.heappop(heap)
        if here == dest:
            break
        if days > best.get(here, 1 << 30):
            continue
        for nxt, route in g.neighbours[here]:
            if not may_enter(state, army.owner, nxt):
                continue
            nd = days + route_days(scen, route, state.date)
            if nd < best.get(nxt, 1 << 30):
                best[nxt] = nd
                prev[nxt] = here
                heapq.heappush(heap, (nd, nxt))
    if dest not in best:
        return None
    path = [dest]
    while path[-1] != start:
        path.append(prev[path[-1]])
    path.reverse()
    return path[1:], best[dest]


def route_between(scen: Scenario, a: str, b: str) -> RouteDef | None:
    for nxt, route in graph(scen).neighbours[a]:
        if nxt == b:
            return route
    return None
