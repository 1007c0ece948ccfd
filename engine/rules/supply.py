"""Supply and attrition: armies waste away in enemy land, in winter sieges and when unpaid."""

from __future__ import annotations

from engine.rules.geography import is_deep_winter
from engine.state import GameState, LogRecord, rec, troops_scale, troops_total


def attrition(w: GameState, out: list[LogRecord]) -> None:
    scen = w.scen
    rules = scen.rules
    winter = is_deep_winter(w.date)
    for aid in sorted(w.armies):
        army = w.armies[aid]
        owner = w.places[army.place].owner
        friendly = owner == army.owner or any(army.owner in t.states and owner in t.states for t in w.treaties.values())
        rate = 0.0
        if not friendly:
            # steppe horsemen live off the land better than foot soldiers
            steppe_share = army.troops[0] / max(1, army.size)
            rate += rules.attrition_enemy_land * (1.0 - 0.5 * steppe_share)
            if scen.places[army.place].terrain in ("steppe", "desert"):
                rate += rules.attrition_steppe_foot * (1.0 - steppe_share)
        if winter and army.task in ("besiege", "assault") and scen.places[army.place].lat >= rules.north_latitude:
            rate += rules.winter_siege_attrition
        pol = w.polities[army.owner]
        if pol.grain == 0:
            rate += rules.attrition_unsupplied
        morale = min(100, army.morale + 5) if friendly else army.morale
        if pol.treasury == 0:
            morale = max(10, morale - 10)
        if rate > 0:
            left = troops_scale(army.troops, 1.0 - rate)
            if troops_total(left) < 300:
                del w.armies[aid]
                out.append(rec(w.date, "army_destroyed", (army.owner,), army.place, army=aid, how="attrition"))
                continue
            w.set_army(aid, troops=left, morale=morale)
        elif morale != army.morale:
            w.set_army(aid, morale=morale)
