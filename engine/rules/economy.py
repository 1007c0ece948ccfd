"""The monthly economy: what places yield, what armies and garrisons cost, border markets."""

from __future__ import annotations

from collections import defaultdict

from engine.scenario import model as m
from engine.state import GameState, LogRecord


def month(w: GameState, out: list[LogRecord]) -> None:
    """Income, upkeep and recovery for every living state, in id order."""
    scen = w.scen
    rules = scen.rules
    silver: dict[str, float] = defaultdict(float)  # income, scaled by legitimacy
    costs: dict[str, float] = defaultdict(float)  # upkeep, paid in full whatever the legitimacy
    grain: dict[str, float] = defaultdict(float)
    men: dict[str, float] = defaultdict(float)
    for pid in sorted(w.places):
        place = w.places[pid]
        pdef = scen.places[pid]
        if place.besieger is None:
            units = place.population / 10000.0 * place.prosperity / 100.0
            silver[place.owner] += units * rules.silver_per_10k_people
            grain[place.owner] += units * rules.grain_per_10k_people
            pasture = 5.0 if "pasture" in pdef.flags else 1.0
            men[place.owner] += place.population / 10000.0 * rules.manpower_per_10k_people / 12.0 * pasture
            base = pdef.prosperity
            food = min(pdef.food, place.food + 1)
            prosperity = min(base, place.prosperity + rules.prosperity_recovery) if place.prosperity < base else place.prosperity
            if food != place.food or prosperity != place.prosperity:
                w.set_place(pid, food=food, prosperity=prosperity)
        costs[place.owner] += place.garrison / 1000.0 * rules.upkeep_silver_per_1000 * rules.garrison_upkeep_factor
        grain[place.owner] -= place.garrison / 1000.0 * rules.upkeep_grain_per_1000 * rules.garrison_upkeep_factor
    for aid in sorted(w.armies):
        army = w.armies[aid]
        paid = (army.size - army.troops[0] * (1.0 - rules.steppe_cost_factor)) / 1000.0
        costs[army.owner] += paid * rules.upkeep_silver_per_1000
        grain[army.owner] -= paid * rules.upkeep_grain_per_1000
    for tid in sorted(w.treaties):
        treaty = w.treaties[tid]
        a, b = treaty.states
        if w.at_war(a, b):
            continue
        for ob in scen.treaty_types[treaty.type].obligations:
            if isinstance(ob, m.MarketOb):
                income = treaty.term("income", ob.market.income) * rules.market_income_scale
                silver[a] += income
                silver[b] += income
    for sid in sorted(w.polities):
        pol = w.polities[sid]
        if not pol.alive:
            continue
        legit = 0.5 + pol.legitimacy / 200.0
        w.set_polity(
            sid,
            treasury=max(0, pol.treasury + int(round(silver[sid] * legit - costs[sid]))),
            grain=max(0, pol.grain + int(round(grain[sid]))),
            manpower=max(0, pol.manpower + int(men[sid] * legit)),
        )
