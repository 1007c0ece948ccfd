"""Resolving a month: the order of the rules, in one place.

Marching, battles, sieges and assaults, raids, attrition and the economy close the month; the
date then moves on, and the new month opens with in-play history, events and treaty dues.
"""

from __future__ import annotations

from engine import chronology, goals
from engine.calendar import format_month
from engine.rules import combat, economy, events, movement, raid, siege, supply, treaties
from engine.state import GameState, LogRecord, rec


def resolve_month(w: GameState, out: list[LogRecord]) -> None:
    gen = w.generator()
    movement.advance(w, out)
    combat.battles(w, out, gen)
    # once, after marching and fighting: besiegers that left or were beaten end their siege
    siege.lift_abandoned_sieges(w, out)
    siege.resolve(w, out, gen)
    raid.resolve(w, out)
    supply.attrition(w, out)
    economy.month(w, out)
    goals.track(w)  # dated goals are judged in their own month
    chronology.observe(w)  # milestones in their window: did they hold this month?
    w.date += 1
    if w.date > w.setup.end:
        w.over = True
        out.append(rec(w.date - 1, "game_over", (), until=format_month(w.setup.end)))
    else:
        open_month(w, out, gen)
    w.keep_rng(gen)


def open_month(w: GameState, out: list[LogRecord], gen: object) -> None:
    events.history_in_play(w, out)
    events.fire(w, out, gen)  # type: ignore[arg-type]
    treaties.month_start(w, out)
