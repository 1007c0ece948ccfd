"""Raids: plunder the countryside of an enemy place without taking its walls."""

from __future__ import annotations

from engine.rules import politics
from engine.state import GameState, LogRecord, rec


def resolve(w: GameState, out: list[LogRecord]) -> None:
    rules = w.scen.rules
    for army in politics.armies_on_task(w, "raid"):
        aid = army.id
        place = w.places[army.place]
        haul = int(rules.raid_silver_per_10k * place.population / 10000 * place.prosperity / 100)
        haul = min(haul, army.size // 50 + 1)  # what the riders can carry off
        victim = w.polities[place.owner]
        grain = min(victim.grain, haul)
        w.set_polity(place.owner, grain=victim.grain - grain)
        raider = w.polities[army.owner]
        w.set_polity(army.owner, treasury=raider.treasury + haul, grain=raider.grain + grain // 2)
        w.set_place(place.id, prosperity=max(0, place.prosperity - rules.raid_prosperity_loss),
                    population=place.population * 98 // 100)
        if haul or grain:
            out.append(rec(w.date, "raid", (army.owner, place.owner), place.id, army=aid, silver=haul, grain=grain))
