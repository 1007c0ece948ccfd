"""How good a state of the game is for one faction: the yardstick of every look-ahead.

The value adds what the faction holds (places by worth and by its plans' defence weights),
what it can fight with, its stores and legitimacy, and subtracts the danger it is in (enemy
strength at war with it, enemies near its capital). Its plans add the wars and friendships
they want. One unit is roughly a small walled town, so the terms can be read side by side.
Comparing two cloned futures by this value is how the AI judges an event choice or a treaty.
"""

from __future__ import annotations

from engine.ai.plans import Intent
from engine.ai.situation import fighting_power, march_days, place_worth, raw_days
from engine.rules.conditions import men_under_arms
from engine.state import GameState

#: value of a fallen state (nothing is worse).
FALLEN = -1000.0
#: value units per 10,000 men under arms.
MEN = 1.2
#: value units per 1,000 silver and per 10,000 grain.
SILVER = 2.0
GRAIN = 1.0
#: value units per point of legitimacy.
LEGITIMACY = 0.3
#: a war the plans want (per enemy) and a friendship they want (per friend).
WANTED_WAR = 10.0
WANTED_FRIEND = 4.0
#: how heavily a war against a stronger state weighs, per unit of their strength over ours.
WAR_DANGER = 8.0
#: how heavily enemy men near the capital weigh, per unit of them over ours.
CAPITAL_DANGER = 12.0


def value(state: GameState, faction: str, intent: Intent) -> float:
    """The worth of ``state`` to ``faction`` (higher is better)."""
    pol = state.polities[faction]
    if not pol.alive:
        return FALLEN
    traits = intent.traits
    total = 0.0
    for pid in sorted(state.places):
        place = state.places[pid]
        if place.owner == faction:
            total += place_worth(state, pid) * intent.defend_weight(pid, faction)
    mine = men_under_arms(state, faction)
    total += MEN * mine / 10000.0
    total += SILVER * pol.treasury / 1000.0 + GRAIN * pol.grain / 10000.0 + LEGITIMACY * pol.legitimacy
    power = max(1.0, fighting_power(state, faction))
    for enemy in state.enemies(faction):
        if enemy in intent.enemies:
            total += WANTED_WAR * (0.5 + traits.aggression)
        theirs = turned_on(state, enemy, faction)
        total -= WAR_DANGER * (0.5 + traits.caution) * min(3.0, theirs / power)
        # a war against a weaker state is a chance to an aggressive one
        edge = min(1.5, max(0.0, power / max(1.0, theirs) - 0.5))
        total += WANTED_WAR * max(0.0, traits.aggression - 0.3) * edge
    for friend in sorted(intent.friends):
        if state.polities[friend].alive and not state.at_war(faction, friend):
            total += WANTED_FRIEND * (1.0 if state.treaties_between(faction, friend) else 0.5)
    for enemy in sorted(intent.enemies):
        if state.polities[enemy].alive and not state.at_war(faction, enemy):
            total -= WANTED_WAR * traits.aggression * 0.5
    total -= capital_danger(state, faction) * CAPITAL_DANGER * (0.5 + traits.caution)
    return total


def turned_on(state: GameState, enemy: str, faction: str) -> float:
    """The part of ``enemy``'s fighting power it can turn on ``faction``: an enemy at war with
    several states divides its strength among them in proportion to theirs."""
    foes = state.enemies(enemy)
    mine = fighting_power(state, faction)
    total = sum(fighting_power(state, x) for x in foes) if faction in foes else mine + sum(fighting_power(state, x) for x in foes)
    return fighting_power(state, enemy) * mine / max(1.0, total)


def capital_danger(state: GameState, faction: str) -> float:
    """Enemy men who can march to the capital within a month (by the roads they may take),
    over the faction's own men under arms (0..3)."""
    capital = state.polities[faction].capital
    if capital is None:
        return 1.0
    near = raw_days(state, capital)
    enemies = set(state.enemies(faction))
    theirs = 0
    for a in state.armies.values():
        if a.owner in enemies and near.get(a.place, 1 << 30) <= 30:
            if march_days(state, a.owner, a.place, 30).get(capital, 1 << 30) <= 30:
                theirs += a.size
    return min(3.0, theirs / max(1, men_under_arms(state, faction)))
