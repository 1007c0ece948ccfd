"""A faction's decisions in the game, each beside what history did.

A decision is a record that only the faction's own choice could have written: an event option
taken, a levy sent or refused, tribute paid or withheld, a treaty offered, refused or
renounced, a war declared, a call to arms refused, a capital moved. For an event the
historical option is known exactly (``agrees`` says whether it was taken). For the rest,
history is the nearest real event of the same kind, actors and place (the matching rules of
:mod:`engine.chronology.matching`) — shown for comparison, with ``agrees`` left ``None``,
because the chronology records that something happened, not which answer a ruler weighed.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.chronology.matching import MATCH_WINDOW, fits
from engine.scenario.model import ChronicleEntryDef
from engine.state import GameState, LogRecord

#: record kinds that are a decision of their first actor (when ``how``/``cause``/``reason`` fit)
DECISION_KINDS = frozenset({"levy_sent", "levy_refused", "levy_demanded", "tribute_paid", "tribute_withheld",
                            "payment_paid", "payment_withheld", "treaty_offered", "treaty_refused",
                            "treaty_broken", "war_declared", "call_refused", "capital_moved"})
#: of those, the ones an AI makes by the dozen (offers back and forth): listed for humans only
CHATTER = frozenset({"treaty_offered", "treaty_refused"})


@dataclass(frozen=True)
class Decision:
    date: int
    faction: str
    record: LogRecord
    record_index: int
    #: for an event choice: the event, the option taken, history's option
    event: str | None = None
    choice: str | None = None
    historical_choice: str | None = None
    #: True/False for event choices; None where history does not record the alternative
    agrees: bool | None = None
    #: the option was forced by the historical-events setting, not chosen
    forced: bool = False
    #: the nearest real event of the same kind (for decisions that are not event choices)
    history: ChronicleEntryDef | None = None


def _is_decision(r: LogRecord, faction: str) -> bool:
    if not r.actors or r.actors[0] != faction:
        return False
    if r.kind == "event":
        return bool(r.get("choice"))
    if r.kind == "treaty_broken":
        return r.get("how") == "renounced"
    if r.kind == "war_declared":
        return r.get("cause") == "declared"
    if r.kind == "capital_moved":
        return r.get("reason") == "moved"
    return r.kind in DECISION_KINDS


def _nearest_history(state: GameState, r: LogRecord) -> ChronicleEntryDef | None:
    best: ChronicleEntryDef | None = None
    for e in state.scen.chronology:
        if abs(e.date - r.date) <= MATCH_WINDOW and fits(e, r):
            if best is None or abs(e.date - r.date) < abs(best.date - r.date):
                best = e
    return best


def decisions(state: GameState, faction: str, human: bool | None = None) -> list[Decision]:
    """The decisions ``faction`` took, in order. ``human`` (default: is it a human seat?)
    decides whether treaty offers and refusals, which the AI makes by the dozen, are listed."""
    human = faction in state.setup.humans if human is None else human
    out: list[Decision] = []
    for i, r in enumerate(state.log):
        if r.date < state.setup.start or not _is_decision(r, faction) or (not human and r.kind in CHATTER):
            continue
        if r.kind == "event":
            event = state.scen.events.get(r.get("event"))
            hist = next((c.id for c in event.choices if c.historical), None) if event else None
            out.append(Decision(r.date, faction, r, i, r.get("event"), r.get("choice"), hist,
                                None if hist is None else r.get("choice") == hist, bool(r.get("forced"))))
        else:
            out.append(Decision(r.date, faction, r, i, history=_nearest_history(state, r)))
    return out
