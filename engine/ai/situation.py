"""What the AI sees of the board this turn: worth of places, strength of armies and walls,
marching distances, and which of its places an enemy can reach soon.

Everything here reads the state and the rules' own formulas (``engine.rules.troops``,
``engine.rules.combat``), so the AI's estimates follow the rules when a coefficient changes.
Distances that ignore ownership depend only on the map and the season, so they are cached
for the whole game; distances an army can really march (neutral land blocks, a march stops at
the first held enemy place) are computed per turn.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from engine.rules.combat import army_field_power
from engine.rules.geography import graph, is_deep_winter, may_enter, route_days
from engine.rules.troops import skill_factor, wall_power
from engine.scenario import Scenario
from engine.state import Army, GameState, Place

#: what holding a place of each rank is worth beyond its people (a pass guards a road).
RANK_WORTH = {"capital": 8.0, "secondary_capital": 5.0, "prefecture": 2.0, "subprefecture": 1.0,
              "county": 0.5, "fort": 1.0, "pass": 3.0, "camp": 0.5}
#: how far (days) an enemy army counts as a threat to a place.
THREAT_DAYS = 35
#: how far (days) an enemy army at rest threatens the places around it.
IDLE_REACH = 15
#: the longest distance any AI search looks (days).
SEARCH_DAYS = 150


def place_worth(state: GameState, pid: str) -> float:
    """What holding the place is worth: 1, plus a point per 100,000 people, plus its rank."""
    pdef = state.scen.places[pid]
    return 1.0 + state.places[pid].population / 100000.0 + RANK_WORTH.get(pdef.rank, 0.5)


def field_power(state: GameState, army: Army, place_id: str | None = None) -> float:
    """The army's strength in a field battle at ``place_id`` (default: where it stands)."""
    return army_field_power(state, army, place_id or army.place)


def assault_power(state: GameState, army: Army) -> float:
    """The army's strength against walls, as the assault rule reckons it (without the dice)."""
    scen = state.scen
    skill = scen.commanders[army.commander].siege if army.commander and army.commander in scen.commanders else 1
    return wall_power(army.troops, state.polities[army.owner].siege_skill, scen.rules) * skill_factor(skill, scen.rules)


def wall_defence(state: GameState, place: Place) -> float:
    """The garrison's strength behind its walls, as the assault rule reckons it."""
    rules = state.scen.rules
    hunger = 0.6 if place.food == 0 else 1.0
    return max(1.0, place.garrison * (1.0 + rules.wall_strength_per_level * place.walls) * hunger)


def months_to_starve(state: GameState, place: Place, besiegers: int) -> float:
    """Months of blockade until the place surrenders to ``besiegers`` men: its food runs out,
    then the garrison shrinks until it is less than a tenth of the besiegers."""
    rules = state.scen.rules
    months = float(place.food)
    garrison = float(place.garrison)
    need = besiegers / 10.0
    if besiegers <= 0:
        return 99.0
    keep = 1.0 - rules.starved_garrison_loss
    while garrison >= need and garrison > 0 and months < 99:
        garrison = float(int(garrison * keep))
        months += 1
    return months + 1.0


def fighting_power(state: GameState, faction: str) -> float:
    """What a state can fight with: its field armies by field power, and a fifth of its
    garrisons (they defend, but do not march)."""
    armies = sum(field_power(state, a) for a in state.armies.values() if a.owner == faction)
    return armies + 0.2 * sum(p.garrison for p in state.places.values() if p.owner == faction)


def monthly_balance(state: GameState, faction: str) -> tuple[float, float]:
    """(silver, grain) the faction gains in a month at present, as the economy rule counts."""
    scen = state.scen
    rules = scen.rules
    pol = state.polities[faction]
    silver = grain = 0.0
    for pid in sorted(state.places):
        place = state.places[pid]
        if place.owner != faction:
            continue
        if place.besieger is None:
            units = place.population / 10000.0 * place.prosperity / 100.0
            silver += units * rules.silver_per_10k_people * (0.5 + pol.legitimacy / 200.0)
            grain += units * rules.grain_per_10k_people
        silver -= place.garrison / 1000.0 * rules.upkeep_silver_per_1000 * rules.garrison_upkeep_factor
        grain -= place.garrison / 1000.0 * rules.upkeep_grain_per_1000 * rules.garrison_upkeep_factor
    for army in state.armies_of(faction):
        paid = (army.size - army.troops[0] * (1.0 - rules.steppe_cost_factor)) / 1000.0
        silver -= paid * rules.upkeep_silver_per_1000
        grain -= paid * rules.upkeep_grain_per_1000
    return silver, grain


_EDGES: dict[tuple[int, bool], tuple[Scenario, dict[str, tuple[tuple[str, int], ...]]]] = {}
_RAW: dict[tuple[int, str, bool], tuple[Scenario, dict[str, int]]] = {}


def edges(state: GameState) -> dict[str, tuple[tuple[str, int], ...]]:
    """Each place's neighbours with this season's travel days (cached per scenario and
    season: the days depend only on the map and on deep winter)."""
    scen: Scenario = state.scen
    winter = is_deep_winter(state.date)
    key = (id(scen), winter)
    hit = _EDGES.get(key)
    if hit is not None and hit[0] is scen:
        return hit[1]
    g = graph(scen)
    out = {pid: tuple((nxt, route_days(scen, route, state.date)) for nxt, route in g.neighbours[pid])
           for pid in g.neighbours}
    _EDGES[key] = (scen, out)
    return out


def raw_days(state: GameState, source: str) -> dict[str, int]:
    """Days from ``source`` to every place within ``SEARCH_DAYS`` over any route, ignoring who
    holds what (cached per scenario, place and season)."""
    scen: Scenario = state.scen
    winter = is_deep_winter(state.date)
    key = (id(scen), source, winter)
    hit = _RAW.get(key)
    if hit is not None and hit[0] is scen:
        return hit[1]
    adj = edges(state)
    best = {source: 0}
    heap = [(0, source)]
    while heap:
        d, here = heapq.heappop(heap)
        if d > best[here]:
            continue
        for nxt, days in adj[here]:
            nd = d + days
            if nd <= SEARCH_DAYS and nd < best.get(nxt, 1 << 30):
                best[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    _RAW[key] = (scen, best)
    return best


def march_days(state: GameState, faction: str, start: str, limit: int = SEARCH_DAYS) -> dict[str, int]:
    """Days an army of ``faction`` at ``start`` needs to every place it can be ordered to:
    neutral land blocks it, and a march ends at the first enemy place that is walled,
    garrisoned or defended (as :mod:`engine.rules.movement` has it)."""
    adj = edges(state)
    best = {start: 0}
    heap = [(0, start)]
    stops: set[str] = set()
    for a in state.armies.values():
        if a.owner != faction and state.at_war(a.owner, faction):
            stops.add(a.place)
    while heap:
        d, here = heapq.heappop(heap)
        if d > best[here]:
            continue
        if here != start:
            place = state.places[here]
            if place.owner != faction and (place.garrison > 0 or place.walls > 0 or here in stops):
                continue
        for nxt, days in adj[here]:
            nd = d + days
            if nd > limit or nd >= best.get(nxt, 1 << 30):
                continue
            if not may_enter(state, faction, nxt):
                continue
            best[nxt] = nd
            heapq.heappush(heap, (nd, nxt))
    return best


@dataclass
class Threat:
    """Enemy armies that can reach a place within ``THREAT_DAYS``."""

    field: float = 0.0
    walls: float = 0.0
    men: int = 0
    nearest: int = 1 << 30


@dataclass
class Situation:
    """The board as one faction sees it this turn."""

    state: GameState
    faction: str
    enemies: frozenset[str]
    #: the faction's places and armies (id order), and every army by owner.
    places: list[Place] = field(default_factory=list)
    armies: list[Army] = field(default_factory=list)
    by_owner: dict[str, list[Army]] = field(default_factory=dict)
    threats: dict[str, Threat] = field(default_factory=dict)
    _marches: dict[str, dict[str, int]] = field(default_factory=dict)
    _balance: tuple[float, float] | None = None
    _field: dict[tuple[str, str, bool], float] = field(default_factory=dict)
    _near: dict[tuple[str, int, bool], list[Army]] = field(default_factory=dict)
    _raw: dict[str, dict[str, int]] = field(default_factory=dict)
    _reach: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)
    _power: dict[str, float] = field(default_factory=dict)

    @staticmethod
    def of(state: GameState, faction: str) -> "Situation":
        enemies = frozenset(state.enemies(faction))
        sit = Situation(state, faction, enemies)
        for aid in sorted(state.armies):
            army = state.armies[aid]
            sit.by_owner.setdefault(army.owner, []).append(army)
        sit.armies = sit.by_owner.get(faction, [])
        sit.places = [state.places[pid] for pid in sorted(state.places) if state.places[pid].owner == faction]
        sit._find_threats()
        return sit

    def _find_threats(self) -> None:
        """Own places an enemy army is about to strike: where it stands (besieging, raiding),
        where its march leads, or — for an army at rest — what lies within ``IDLE_REACH``
        days of it. (Orders are public: a march shows its road.)"""
        s = self.state
        for aid in sorted(s.armies):
            army = s.armies[aid]
            if army.owner not in self.enemies or army.size < 500:
                continue
            fp = field_power(s, army)
            wp = assault_power(s, army)
            near = raw_days(s, army.place)
            marked: dict[str, int] = {}
            if army.task == "move" and army.path:
                for pid in army.path:
                    marked[pid] = near.get(pid, THREAT_DAYS)
            else:
                marked = {pid: d for pid, d in near.items() if d <= IDLE_REACH}
            for pid, d in marked.items():
                if s.places[pid].owner != self.faction or d > THREAT_DAYS:
                    continue
                t = self.threats.setdefault(pid, Threat())
                t.field += fp
                t.walls += wp
                t.men += army.size
                t.nearest = min(t.nearest, d)

    def field(self, army: Army, place_id: str | None = None) -> float:
        """:func:`field_power` of the army at the place (cached for this turn by the ground:
        terrain, and whether it is a pass)."""
        pid = place_id or army.place
        pdef = self.state.scen.places[pid]
        key = (army.id, pdef.terrain, pdef.rank == "pass")
        hit = self._field.get(key)
        if hit is None:
            hit = self._field[key] = field_power(self.state, army, pid)
        return hit

    def balance(self) -> tuple[float, float]:
        """:func:`monthly_balance` of the faction (once per turn)."""
        if self._balance is None:
            self._balance = monthly_balance(self.state, self.faction)
        return self._balance

    def power(self, faction: str) -> float:
        """:func:`fighting_power` of any state (once per turn)."""
        hit = self._power.get(faction)
        if hit is None:
            hit = self._power[faction] = fighting_power(self.state, faction)
        return hit

    def march(self, army: Army, limit: int = SEARCH_DAYS) -> dict[str, int]:
        """:func:`march_days` for the army (cached for this turn)."""
        hit = self._marches.get(army.id)
        if hit is None:
            hit = march_days(self.state, self.faction, army.place, limit)
            self._marches[army.id] = hit
        return hit

    def reach_of(self, army: Army) -> dict[str, int]:
        """Days an enemy army needs to each place it can march to (neutral land blocks it and
        our walled places stop it, as they would its real march; cached for this turn)."""
        key = (army.owner, army.place)  # armies of one owner in one place reach alike
        hit = self._reach.get(key)
        if hit is None:
            hit = self._reach[key] = march_days(self.state, army.owner, army.place, THREAT_DAYS + 10)
        return hit

    def enemy_armies_near(self, place_id: str, days: int, marching: bool = False) -> list[Army]:
        """Enemy armies within ``days`` of ``place_id``: as the crow marches (any route), or,
        with ``marching``, by the roads they can really take (:meth:`reach_of`)."""
        key = (place_id, days, marching)
        hit = self._near.get(key)
        if hit is None:
            if marching:
                hit = [a for e in sorted(self.enemies) for a in self.by_owner.get(e, ())
                       if self.reach_of(a).get(place_id, 1 << 30) <= days]
            else:
                near = self.raw(place_id)
                hit = [a for e in sorted(self.enemies) for a in self.by_owner.get(e, ())
                       if near.get(a.place, 1 << 30) <= days]
            self._near[key] = hit
        return hit

    def raw(self, place_id: str) -> dict[str, int]:
        """:func:`raw_days` from the place (looked up once per turn)."""
        hit = self._raw.get(place_id)
        if hit is None:
            hit = self._raw[place_id] = raw_days(self.state, place_id)
        return hit

    def own_armies_near(self, place_id: str, days: int) -> list[Army]:
        """Own armies that can reach ``place_id`` within ``days`` (as the crow marches)."""
        key = ("own:" + place_id, days, False)
        hit = self._near.get(key)
        if hit is None:
            near = self.raw(place_id)
            hit = [a for a in self.armies if near.get(a.place, 1 << 30) <= days]
            self._near[key] = hit
        return hit
