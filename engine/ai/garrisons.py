"""Garrisons: how strongly each place should be held, where the surplus can be led out, and
which walls need more men.

A place's wanted garrison grows with its rank and its worth to the plans (their defence
weights); the seat of the court wants a strong one. When the plans' key places lack men (the
court moved, a new line is to be held) and safe places far from any enemy hold more than
they need, the surplus is mustered into field armies, which the military AI then leads where
they are wanted; idle armies standing at a key place that lacks men fill its garrison. This
is the economy of force: walls multiply men, and men in garrison cost half as much.
"""

from __future__ import annotations

from typing import Callable

from engine import orders as o
from engine.ai.plans import Intent
from engine.ai.levels import Level
from engine.ai.situation import Situation
from engine.ai.turn_part import TurnPart
from engine.state import GameState

#: the garrison a place of each rank wants in quiet times, before the plans' weights.
BASE = {"capital": 10000, "secondary_capital": 10000, "prefecture": 6000, "subprefecture": 3000,
        "county": 1500, "fort": 2000, "pass": 4000, "camp": 1000}
#: surplus smaller than this stays where it is.
MIN_MUSTER = 5000
#: an enemy army within this many days makes a place unsafe to strip.
SAFE_DAYS = 20


#: the least garrison the seat of the court wants.
CAPITAL = 20000


def wanted(state: GameState, faction: str, intent: Intent, pid: str) -> int:
    """Men the place should hold: by its rank, times the plans' defence weight (the seat of
    the court at least ``CAPITAL``)."""
    rank = state.scen.places[pid].rank
    base = BASE.get(rank, 2000) * intent.defend_weight(pid, faction)
    if pid == state.polities[faction].capital:
        base = max(base, CAPITAL)
    return int(base)


class Garrisons(TurnPart):
    """Garrison decisions of one faction for one turn."""

    def __init__(self, state: GameState, faction: str, sit: Situation, intent: Intent, level: Level,
                 add: Callable[[o.Order], None]) -> None:
        super().__init__(state, faction, sit, intent, level, add)
        #: armies that went wholly into garrison this turn (no other orders for them).
        self.used: set[str] = set()

    def run(self) -> None:
        deficits: dict[str, int] = {}
        for p in self.sit.places:
            if self.key(p.id):
                lack = wanted(self.s, self.f, self.intent, p.id) - p.garrison
                if lack >= 2000:
                    deficits[p.id] = lack
        self.fill(deficits)
        lacking = sum(deficits.values())
        if lacking >= MIN_MUSTER:
            self.muster_surplus(lacking)

    def key(self, pid: str) -> bool:
        return pid == self.s.polities[self.f].capital or self.intent.defend_weight(pid, self.f) > 1.0

    def fill(self, deficits: dict[str, int]) -> None:
        """Idle foot armies at a key place that lacks men fill its garrison (all of a small
        army, or what is missing of a large one) — at war only where an enemy is coming, in
        peacetime anywhere (a garrison costs half an army's upkeep)."""
        at_war = bool(self.sit.enemies)
        for army in self.sit.armies:
            need = deficits.get(army.place, 0)
            if army.task != "idle" or need <= 0 or army.troops[0] * 2 >= army.size:
                continue
            if at_war and army.place not in self.sit.threats:
                continue
            amount = army.size if army.size - need < 3000 else need
            self.add(o.Garrison(self.f, army.id, amount))
            deficits[army.place] = need - amount
            if amount == army.size:
                self.used.add(army.id)

    def muster_surplus(self, lacking: int) -> None:
        """Lead the surplus of safe places out as field armies, up to what key places lack."""
        surplus = {p.id: p.garrison - wanted(self.s, self.f, self.intent, p.id)
                   for p in self.sit.places if p.garrison >= MIN_MUSTER and not self.key(p.id)}
        for pid in sorted(surplus, key=lambda x: (-surplus[x], x)):
            place = self.s.places[pid]
            if lacking < MIN_MUSTER or surplus[pid] < MIN_MUSTER:
                return
            if place.besieger is not None:
                continue
            if self.sit.enemy_armies_near(place.id, SAFE_DAYS):
                continue
            amount = min(surplus[pid], lacking)
            self.add(o.Muster(self.f, place.id, amount))
            lacking -= amount
