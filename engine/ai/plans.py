"""Strategic plans: what a state wants this month.

A plan (``plans:`` in the scenario; see docs/ai.md) holds while the date lies in its range and
its condition holds. Several may hold at once; their weights combine (the larger weight of a
place counts, choice weights add up, later plans' trait changes win). ``Intent`` is the merged
result for one faction and month: enemies, friends, attack and defence weights, favoured event
choices, and the personality after the plans' trait changes. The AI reads plans only through
``Intent``, so a scenario without plans (the test fixtures) gets the state's own personality
and neutral weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine.ai.personality import Traits
from engine.rules.conditions import holds
from engine.scenario.model import PlanDef, PlanTarget
from engine.state import GameState


@dataclass
class _Weights:
    """Weights by place and region, and by the state holding a place at the time."""

    places: dict[str, float] = field(default_factory=dict)
    states: dict[str, float] = field(default_factory=dict)

    def add(self, scen_places: dict[str, object], target: PlanTarget) -> None:
        if target.state is not None:
            self.states[target.state] = max(self.states.get(target.state, 0.0), target.weight)
            return
        if target.place is not None:
            ids = [target.place]
        else:
            ids = [pid for pid, p in scen_places.items() if p.region == target.region]  # type: ignore[attr-defined]
        for pid in ids:
            self.places[pid] = max(self.places.get(pid, 0.0), target.weight)

    def get(self, place: str, owner: str) -> float | None:
        a = self.places.get(place)
        b = self.states.get(owner)
        if a is None:
            return b
        return a if b is None else max(a, b)

    def __bool__(self) -> bool:
        return bool(self.places or self.states)


@dataclass
class Intent:
    """What ``faction`` wants this month, merged from its active plans."""

    faction: str
    traits: Traits
    plans: tuple[str, ...] = ()
    enemies: frozenset[str] = frozenset()
    friends: frozenset[str] = frozenset()
    attack: _Weights = field(default_factory=_Weights)
    defend: _Weights = field(default_factory=_Weights)
    #: enemy places no attack target names count this share of their worth.
    elsewhere: float = 1.0
    #: (event, choice) -> weight.
    choices: dict[tuple[str, str], float] = field(default_factory=dict)

    def attack_weight(self, place: str, owner: str) -> float:
        """How much the plans want ``place`` (now held by ``owner``) taken: 1 without plans."""
        if not self.attack:
            return 1.0
        w = self.attack.get(place, owner)
        return self.elsewhere if w is None else w

    def defend_weight(self, place: str, owner: str) -> float:
        """1 plus the plans' defence weight of the place."""
        w = self.defend.get(place, owner)
        return 1.0 + (w or 0.0)

    def choice_weight(self, event: str, choice: str) -> float:
        return self.choices.get((event, choice), 0.0)


def active_plans(state: GameState, faction: str) -> list[PlanDef]:
    """The plans of ``faction`` that hold this month, in scenario order."""
    return [p for p in state.scen.plans
            if p.state == faction and p.when.contains(state.date) and holds(state, p.condition)]


_CACHE: dict[tuple[int, str, tuple[str, ...]], tuple[object, Intent]] = {}


def intent(state: GameState, faction: str) -> Intent:
    """The merged intent of ``faction`` now. Which plans hold is decided afresh each call (a
    condition may change within a month); the merge is cached per scenario object and plan set."""
    plans = active_plans(state, faction)
    key = (id(state.scen), faction, tuple(p.id for p in plans))
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is state.scen:
        return hit[1]
    if len(_CACHE) > 1024:
        _CACHE.clear()
    traits = Traits.of(state.scen.states[faction].personality)
    out = Intent(faction, traits, tuple(p.id for p in plans))
    enemies: set[str] = set()
    friends: set[str] = set()
    elsewhere: list[float] = []
    for plan in plans:
        enemies |= set(plan.enemies)
        friends |= set(plan.friends)
        if plan.attack:
            elsewhere.append(plan.elsewhere)
        for target in plan.attack:
            out.attack.add(state.scen.places, target)
        for target in plan.defend:
            out.defend.add(state.scen.places, target)
        for pc in plan.choices:
            out.choices[(pc.event, pc.choice)] = out.choices.get((pc.event, pc.choice), 0.0) + pc.weight
        out.traits = out.traits.changed(plan.traits)
    out.enemies = frozenset(enemies - friends - {faction})
    out.friends = frozenset(friends - {faction})
    out.elsewhere = min(elsewhere) if elsewhere else 1.0
    _CACHE[key] = (state.scen, out)
    return out
