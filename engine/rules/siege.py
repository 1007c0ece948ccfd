"""Sieges (food runs down) and assaults (walls and garrison against the attackers)."""

from __future__ import annotations

import numpy as np

from engine.rules import politics
from engine.rules.troops import skill_factor, wall_power
from engine.state import Army, GameState, LogRecord, rec, troops_scale, troops_take, troops_total


def lift_abandoned_sieges(w: GameState, out: list[LogRecord]) -> None:
    """A siege ends when no army of the besieger still besieges the place."""
    besieging = {(a.place, a.owner) for a in w.armies.values() if a.task in ("besiege", "assault")}
    for pid, place in sorted(w.places.items()):
        if place.besieger is not None and (pid, place.besieger) not in besieging:
            w.set_place(pid, besieger=None, siege_months=0)
            out.append(rec(w.date, "siege_lifted", (place.besieger, place.owner), pid))


def resolve(w: GameState, out: list[LogRecord], gen: np.random.Generator) -> None:
    """Assaults first, then a month of siege for every place still besieged."""
    for army in politics.armies_on_task(w, "assault"):  # lazily: each assault may change owners
        assault(w, army, out, gen)
    for army in politics.armies_on_task(w, "besiege"):
        aid = army.id
        place = w.places[army.place]
        if place.besieger is None:
            w.set_place(place.id, besieger=army.owner, siege_months=0)
            out.append(rec(w.date, "siege_started", (army.owner, place.owner), place.id, army=aid))
    for pid in sorted(w.places):
        place = w.places[pid]
        if place.besieger is not None:
            _siege_month(w, pid, out)


def _siege_month(w: GameState, pid: str, out: list[LogRecord]) -> None:
    rules = w.scen.rules
    place = w.places[pid]
    food = max(0, place.food - 1)
    garrison = place.garrison
    if food == 0:
        garrison = int(garrison * (1.0 - rules.starved_garrison_loss))
    w.set_place(pid, food=food, garrison=garrison, siege_months=place.siege_months + 1)
    besiegers = sum(troops_total(a.troops) for a in w.armies.values() if a.place == pid and a.owner == place.besieger)
    if food == 0 and besiegers > 0 and (garrison == 0 or garrison * 10 < besiegers):
        taker = place.besieger
        assert taker is not None
        out.append(rec(w.date, "siege_ended", (taker, place.owner), pid, how="starved", months=place.siege_months + 1))
        politics.capture(w, pid, taker, out, how="surrender", garrison=_occupiers(w, pid, taker))


def _occupiers(w: GameState, pid: str, owner: str) -> int:
    """Men the taker leaves to hold a place: a tenth of the army there, at most 5,000."""
    for aid in sorted(w.armies):
        army = w.armies[aid]
        if army.place == pid and army.owner == owner:
            take = min(5000, army.size // 10)
            if take:
                w.set_army(aid, troops=troops_take(army.troops, take)[1], task="idle")
            return take
    return 0


def assault(w: GameState, army: Army, out: list[LogRecord], gen: np.random.Generator) -> None:
    """Storm the walls. Success takes the place; failure costs the attackers dearly."""
    scen = w.scen
    rules = scen.rules
    place = w.places[army.place]
    skill = scen.commanders[army.commander].siege if army.commander and army.commander in scen.commanders else 1
    attack = wall_power(army.troops, w.polities[army.owner].siege_skill, rules) * skill_factor(skill, rules)
    hunger = 0.6 if place.food == 0 else 1.0
    defence = max(1.0, place.garrison * (1.0 + rules.wall_strength_per_level * place.walls) * hunger)
    noise = rules.battle_noise
    attack *= gen.uniform(1 - noise, 1 + noise)
    ratio = defence / attack if attack > 0 else 99.0
    won = attack > defence
    loss = rules.assault_loss_rate * min(3.0, ratio) * (1.0 if won else 1.5)
    left = troops_scale(army.troops, 1.0 - min(0.9, loss))
    defender_left = 0 if won else int(place.garrison * (1.0 - rules.assault_loss_rate * min(1.0, 1.0 / max(ratio, 0.1)) * 0.5))
    out.append(rec(w.date, "assault", (army.owner, place.owner), place.id, army=army.id, won=won,
                   losses=army.size - troops_total(left), defender_losses=place.garrison - defender_left))
    if troops_total(left) < 300:
        del w.armies[army.id]
        out.append(rec(w.date, "army_destroyed", (army.owner,), place.id, army=army.id))
    else:
        w.set_army(army.id, troops=left, task="idle", morale=max(10, army.morale - (0 if won else 15)))
    if won:
        politics.capture(w, place.id, army.owner, out, how="assault", garrison=_occupiers(w, place.id, army.owner))
    else:
        w.set_place(place.id, garrison=defender_left)
