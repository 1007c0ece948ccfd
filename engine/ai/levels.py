"""AI levels: easy, normal and hard differ in how well the AI decides, never in what it gets.

No level receives extra silver, men or better dice. A higher level looks further — farther
targets, more candidate moves compared, more months simulated on cloned states — and combines
its armies more carefully. ``Level`` holds those knobs in one place so a reader can see the
whole difference between the levels at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.state import GameState


@dataclass(frozen=True)
class Level:
    """What one AI level may do when it thinks."""

    name: str
    #: months simulated on cloned states to judge an event choice (0: by its effects alone,
    #: as the event's author and the plans present it).
    event_months: int
    #: months simulated on cloned states to judge a treaty offer (accepting against refusing).
    offer_months: int
    #: months simulated on cloned states to compare the best few military plans (0: none).
    military_months: int
    #: targets each free army compares.
    candidates: int
    #: the farthest an army looks for a target, in marching days.
    reach_days: int
    #: armies gather to strike together, cover the capital, and fall back from a stronger enemy.
    concentrate: bool


LEVELS: dict[str, Level] = {
    "easy": Level("easy", event_months=0, offer_months=0, military_months=0, candidates=1,
                  reach_days=45, concentrate=False),
    "normal": Level("normal", event_months=0, offer_months=0, military_months=0, candidates=3,
                    reach_days=90, concentrate=True),
    "hard": Level("hard", event_months=2, offer_months=2, military_months=1, candidates=4,
                  reach_days=120, concentrate=True),
}


def level_of(state: GameState) -> Level:
    """The level the game was set up with (normal for an unknown name)."""
    return LEVELS.get(state.setup.ai_level, LEVELS["normal"])
