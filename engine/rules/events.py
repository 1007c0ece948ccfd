"""Historical events and in-play history: firing them, and taking an event's choice."""

from __future__ import annotations

import numpy as np

from engine.rules.conditions import holds
from engine.rules.effects import apply_effects
from engine.scenario.model import EventDef
from engine.state import GameState, LogRecord, Pending, rec


def history_in_play(w: GameState, out: list[LogRecord]) -> None:
    """Apply the ``in_play`` history entries dated this month (deaths, fixed successions)."""
    for entry in w.scen.history:
        if entry.in_play and entry.date == w.date and holds(w, entry.condition):
            apply_effects(w, entry.effects, out)


def forced_choice(w: GameState, event: EventDef) -> str | None:
    """History's choice, if the setup's historical-events mode forces it on the actor."""
    mode = w.setup.historical_mode
    if mode == "off" or event.actor is None:
        return None
    if mode == "ai" and event.actor in w.setup.humans:
        return None
    return next((c.id for c in event.choices if c.historical), None)


def fire(w: GameState, out: list[LogRecord], gen: np.random.Generator) -> None:
    """Fire every event whose window holds this month and whose condition is met."""
    waiting = {p.ref for p in w.pending if p.kind == "event"}
    for eid in sorted(w.scen.events):
        event = w.scen.events[eid]
        if (event.once and eid in w.fired) or eid in waiting or not event.window.contains(w.date):
            continue
        if event.actor is not None and not w.polities[event.actor].alive:
            continue
        if not holds(w, event.condition):
            continue
        if event.chance < 1.0 and gen.random() >= event.chance:
            continue
        if not event.choices:
            w.fired[eid] = ""
            out.append(rec(w.date, "event", (event.actor,) if event.actor else (), event=eid))
            apply_effects(w, event.effects, out)
            continue
        forced = forced_choice(w, event)
        if forced is not None:
            take_choice(w, event, forced, out, forced=True)
        else:
            w.pending.append(Pending(w.take_id(), "event", event.actor or "", ref=eid, date=w.date))
            out.append(rec(w.date, "event_pending", (event.actor or "",), event=eid))


def take_choice(w: GameState, event: EventDef, choice_id: str, out: list[LogRecord], forced: bool = False) -> None:
    choice = next(c for c in event.choices if c.id == choice_id)
    w.fired[event.id] = choice_id
    out.append(rec(w.date, "event", (event.actor or "",), event=event.id, choice=choice_id,
                   historical=choice.historical, forced=forced))
    apply_effects(w, event.effects, out)
    apply_effects(w, choice.effects, out)
