"""Armies marching along their paths, a month at a time."""

from __future__ import annotations

from engine.rules import politics
from engine.rules.geography import route_between, route_days
from engine.state import GameState, LogRecord


def advance(w: GameState, out: list[LogRecord]) -> None:
    """Move every marching army as far as this month's days allow.

    A march stops at the first enemy place with walls or a garrison (it must be besieged or
    stormed); an empty, unwalled enemy place is taken in passing.
    """
    scen = w.scen
    budget = scen.rules.days_per_month
    for aid in sorted(w.armies):
        army = w.armies.get(aid)
        if army is None or army.task != "move" or not army.path:
            continue
        days = army.progress + budget
        place, path = army.place, list(army.path)
        stopped = False
        while path:
            route = route_between(scen, place, path[0])
            if route is None:  # the road is gone (cannot happen with static routes)
                path = []
                break
            need = route_days(scen, route, w.date)
            if days < need:
                break
            days -= need
            place = path.pop(0)
            owner = w.places[place].owner
            if owner != army.owner and w.at_war(army.owner, owner):
                target = w.places[place]
                defended = any(a.place == place and w.at_war(a.owner, army.owner) for a in w.armies.values())
                if target.garrison == 0 and target.walls == 0 and not defended:
                    w.set_army(aid, place=place)
                    politics.capture(w, place, army.owner, out, how="marched_in")
                    continue
                stopped = True
                break
        if aid not in w.armies:
            continue
        if stopped or not path:
            w.set_army(aid, place=place, path=(), progress=0, task="idle")
        else:
            w.set_army(aid, place=place, path=tuple(path), progress=days)
