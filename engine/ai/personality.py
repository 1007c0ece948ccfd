"""Personality: the six traits a scenario gives each state, and what they mean in numbers.

Traits are 0..1 (``personality:`` in states.yaml; a plan may change some while it holds).
The functions here turn them into the margins the AI decides by, so that "cautious" or
"patient" means one thing everywhere in the AI.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from engine.scenario.model import Personality, TraitChange

TRAITS = ("aggression", "caution", "treaty_loyalty", "plunder", "siege_patience", "submission")


@dataclass(frozen=True)
class Traits:
    """The personality the AI acts on this month (each trait 0..1)."""

    aggression: float
    caution: float
    treaty_loyalty: float
    plunder: float
    siege_patience: float
    submission: float

    @staticmethod
    def of(p: Personality) -> "Traits":
        return Traits(*(float(getattr(p, t)) for t in TRAITS))

    def changed(self, change: TraitChange | None) -> "Traits":
        """These traits with a plan's changes applied."""
        if change is None:
            return self
        values: dict[str, Any] = {t: float(getattr(change, t)) for t in TRAITS if getattr(change, t) is not None}
        return replace(self, **values)

    # ------------------------------------------------------------ margins

    @property
    def battle_margin(self) -> float:
        """How much stronger than the enemy an army wants to be before it seeks battle
        (1.0 reckless … 1.8 very cautious)."""
        return 1.0 + 0.8 * self.caution - 0.3 * self.aggression

    @property
    def assault_margin(self) -> float:
        """Wall power over defence wanted before storming (the baseline's 1.6 − 0.5·aggression)."""
        return 1.6 - 0.5 * self.aggression + 0.2 * self.caution

    @property
    def siege_months(self) -> float:
        """The longest siege worth starting, in months (3 impatient … 18 very patient)."""
        return 3.0 + 15.0 * self.siege_patience

    @property
    def reach_factor(self) -> float:
        """Share of the level's reach an army looks for targets (a cautious state stays near)."""
        return 0.5 + 0.5 * self.aggression + 0.2 * (1.0 - self.caution)
