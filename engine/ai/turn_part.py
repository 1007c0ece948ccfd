"""What every part of an AI faction's turn (diplomacy, garrisons, armies, recruiting) works from.

The parts run one after another over the same state and add their orders through one ``add``
callback, which checks each order on a scratch state; sharing this base keeps their inputs alike.
"""

from __future__ import annotations

from typing import Callable

from engine import orders as o
from engine.ai.levels import Level
from engine.ai.personality import Traits
from engine.ai.plans import Intent
from engine.ai.situation import Situation
from engine.state import GameState


class TurnPart:
    """One part of one faction's turn: the state, the faction, what it sees (``sit``), what it
    wants (``intent`` and its traits), how well it decides (``level``) and where orders go."""

    def __init__(self, state: GameState, faction: str, sit: Situation, intent: Intent, level: Level,
                 add: Callable[[o.Order], None]) -> None:
        self.s = state
        self.f = faction
        self.sit = sit
        self.intent = intent
        self.traits: Traits = intent.traits
        self.level = level
        self.add = add
