"""Field battles between armies of states at war that stand at the same place."""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from engine.rules import politics
from engine.rules.troops import field_power, morale_factor, skill_factor
from engine.state import Army, GameState, LogRecord, rec, troops_scale, troops_total


def army_field_power(w: GameState, army: Army, place_id: str) -> float:
    scen = w.scen
    pdef = scen.places[place_id]
    skill = scen.commanders[army.commander].field if army.commander and army.commander in scen.commanders else 1
    return field_power(army.troops, pdef.terrain, pdef.rank == "pass", scen.rules) * skill_factor(skill, scen.rules) * morale_factor(army.morale)


def battles(w: GameState, out: list[LogRecord], gen: np.random.Generator) -> None:
    """At each place, the strongest armies of two warring sides fight once a month."""
    by_place: dict[str, list[str]] = defaultdict(list)
    for aid, army in sorted(w.armies.items()):
        by_place[army.place].append(aid)
    for place_id in sorted(by_place):
        fought = True
        while fought:
            fought = False
            ids = [a for a in by_place[place_id] if a in w.armies and w.armies[a].place == place_id]
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if w.at_war(w.armies[a].owner, w.armies[b].owner):
                        _fight(w, a, b, place_id, out, gen)
                        fought = True
                        break
                if fought:
                    break


def _fight(w: GameState, a_id: str, b_id: str, place_id: str, out: list[LogRecord], gen: np.random.Generator) -> None:
    rules = w.scen.rules
    a, b = w.armies[a_id], w.armies[b_id]
    noise = rules.battle_noise
    pa = army_field_power(w, a, place_id) * gen.uniform(1 - noise, 1 + noise)
    pb = army_field_power(w, b, place_id) * gen.uniform(1 - noise, 1 + noise)
    win, lose, pw, pl = (a, b, pa, pb) if pa >= pb else (b, a, pb, pa)
    ratio = pl / pw if pw > 0 else 0.0
    win_loss = rules.battle_loss_rate * ratio
    lose_loss = rules.rout_loss_rate * (1.0 - ratio / 2.0) + rules.battle_loss_rate * ratio
    win_left = troops_scale(win.troops, 1.0 - win_loss)
    lose_left = troops_scale(lose.troops, 1.0 - lose_loss)
    out.append(rec(w.date, "battle", (win.owner, lose.owner), place_id,
                   winner=win.id, loser=lose.id,
                   winner_losses=troops_total(win.troops) - troops_total(win_left),
                   loser_losses=troops_total(lose.troops) - troops_total(lose_left)))
    w.set_army(win.id, troops=win_left, morale=min(100, win.morale + 10))
    if troops_total(lose_left) < 500:
        del w.armies[lose.id]
        out.append(rec(w.date, "army_destroyed", (lose.owner,), place_id, army=lose.id))
        return
    w.set_army(lose.id, troops=lose_left, morale=max(10, lose.morale - 25))
    politics.retreat(w, lose.id, out)
