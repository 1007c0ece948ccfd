"""What a man of each kind is worth, in the field and against walls.

Kinds, in the order of ``Troops`` tuples: steppe cavalry, heavy cavalry, infantry, siege
engineers. Steppe cavalry rules open ground and is nearly useless against walls; infantry and
engineers take cities; passes and mountains blunt every horseman.
"""

from __future__ import annotations

from engine.scenario.model import Rules
from engine.state import Troops

FIELD = (1.2, 1.5, 0.8, 0.2)
WALLS = (0.15, 0.25, 1.0, 3.0)
OPEN_TERRAIN = ("plain", "steppe", "desert")
NARROW_TERRAIN = ("mountains",)


def field_power(t: Troops, terrain: str, is_pass: bool, rules: Rules) -> float:
    """Strength of a force in a field battle on ``terrain``."""
    cav = rules.cavalry_open_bonus if terrain in OPEN_TERRAIN else 1.0
    if is_pass or terrain in NARROW_TERRAIN:
        cav = rules.cavalry_pass_penalty
    elif terrain == "hills":
        cav = 0.8
    return (t[0] * FIELD[0] + t[1] * FIELD[1]) * cav + t[2] * FIELD[2] + t[3] * FIELD[3]


def wall_power(t: Troops, siege_skill: int, rules: Rules) -> float:
    """Strength of a force storming walls; engineers count more as siege craft grows."""
    engines = t[3] * WALLS[3] * (1.0 + rules.siege_engine_bonus * siege_skill / 3.0)
    return t[0] * WALLS[0] + t[1] * WALLS[1] + t[2] * WALLS[2] + engines


def skill_factor(skill: int, rules: Rules) -> float:
    return 1.0 + rules.skill_bonus_per_point * skill


def morale_factor(morale: int) -> float:
    return 0.5 + morale / 200.0
