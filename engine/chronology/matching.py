"""Matching the game log to the real chronology: same kind, actors and place; date deviation.

Kinds. The chronology (``ChronicleEntryDef.kind``) speaks in historians' kinds; the game log
(``LogRecord.kind``) in the engine's. :data:`CHRONICLE_KINDS` maps each engine record kind to
the chronicle kinds it can stand for:

======================================  ==================================================
engine record                           chronicle kind
======================================  ==================================================
battle, army_destroyed                  battle
siege_started, siege_ended, assault     siege (the capture that ends a siege is its own record)
capture                                 capture
raid                                    raid
war_declared                            campaign (a war opens with a campaign)
peace, treaty_made                      treaty
investiture                             diplomacy, treaty
treaty_offered, treaty_refused,         diplomacy
call_to_arms
treaty_broken, tribute_withheld,        treaty_broken
payment_withheld, call_refused
levy_demanded, levy_sent, levy_refused  levy
tribute_paid, payment_paid              tribute
succession                              succession
capital_moved                           capital
commander_gone                          death
state_fallen                            other
======================================  ==================================================

Records written by a scenario's ``log`` effect already carry a chronicle kind and stand for
that kind only. Records such as ``event``, ``recruited`` or ``siege_lifted`` stand for none.

Actors. The entry's actors must all be among the record's; for the kinds where who acted
decides what happened (:data:`DIRECTED`: capture, siege, raid, campaign) the first actor —
the taker, besieger, raider, the side that marches — must also be the same. Battles are not
directed: the engine lists the winner first, the chronology the attacker.

Place. An entry with a place matches only records at that place; an entry without one matches
records anywhere. Entries with neither actors nor place (events off the map) are *context*:
shown, never matched.

Date. Among the candidates within :data:`MATCH_WINDOW` months the nearest is taken (the
earlier on a tie); each record matches one entry at most, entries taking their pick in date
order. Records written by a choice history did not take (an event's non-historical option)
are not history happening and match nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from engine.scenario import Scenario
from engine.scenario.model import ChronicleEntryDef, ChronoKind, LogEff
from engine.state import GameState, LogRecord

#: engine record kind -> the chronicle kinds it can stand for
CHRONICLE_KINDS: dict[str, tuple[str, ...]] = {
    "battle": ("battle",), "army_destroyed": ("battle",),
    "siege_started": ("siege",), "siege_ended": ("siege",), "assault": ("siege",),
    "capture": ("capture",),
    "raid": ("raid",),
    "war_declared": ("campaign",),
    "peace": ("treaty",), "treaty_made": ("treaty",),
    "investiture": ("diplomacy", "treaty"),
    "treaty_offered": ("diplomacy",), "treaty_refused": ("diplomacy",), "call_to_arms": ("diplomacy",),
    "treaty_broken": ("treaty_broken",), "tribute_withheld": ("treaty_broken",),
    "payment_withheld": ("treaty_broken",), "call_refused": ("treaty_broken",),
    "levy_demanded": ("levy",), "levy_sent": ("levy",), "levy_refused": ("levy",),
    "tribute_paid": ("tribute",), "payment_paid": ("tribute",),
    "succession": ("succession",),
    "capital_moved": ("capital",),
    "commander_gone": ("death",),
    "state_fallen": ("other",),
}

#: the chronicle kinds a scenario ``log`` effect writes directly
SCENARIO_KINDS: frozenset[str] = frozenset(get_args(ChronoKind))

#: kinds whose first actor (the side that acts) must be the same in the game and in history
DIRECTED: frozenset[str] = frozenset({"capture", "siege", "raid", "campaign"})

#: how far (months) a game record may lie from the real date and still match
MATCH_WINDOW = 12


def chronicle_kinds(record_kind: str) -> tuple[str, ...]:
    """The chronicle kinds an engine (or scenario) record kind can stand for."""
    if record_kind in CHRONICLE_KINDS:
        return CHRONICLE_KINDS[record_kind]
    return (record_kind,) if record_kind in SCENARIO_KINDS else ()


def is_context(entry: ChronicleEntryDef) -> bool:
    """An entry with neither actors nor place: background, never matched."""
    return not entry.actors and entry.place is None


def fits(entry: ChronicleEntryDef, record: LogRecord) -> bool:
    """Same kind, actors and place (the date is judged by :func:`match_log`)."""
    if entry.kind not in chronicle_kinds(record.kind):
        return False
    if entry.place is not None and record.place != entry.place:
        return False
    if not set(entry.actors) <= set(record.actors):
        return False
    if entry.kind in DIRECTED and entry.actors and record.actors[:1] != entry.actors[:1]:
        return False
    return True


@dataclass(frozen=True)
class Match:
    """A chronicle entry and what the game made of it. ``status``: "matched", "unmatched"
    (no fitting record within the window), "pending" (its window is still open), "context"
    (off the map), "before_start" (dated before a bookmark start)."""

    entry: ChronicleEntryDef
    status: str
    record: LogRecord | None = None
    #: index of the record in ``state.log``
    record_index: int | None = None
    #: game month minus real month (positive: the game was later)
    deviation: int | None = None


def alternative_records(log: list[LogRecord], scen: Scenario) -> set[int]:
    """Indices of log records written by an event option history did not take.

    ``take_choice`` logs the ``event`` record and then the effects of the event and of the
    choice, in order; the ``log`` records among the choice's effects follow it directly.
    """
    skip: set[int] = set()
    for i, r in enumerate(log):
        if r.kind != "event" or r.get("historical") is not False:
            continue
        event = scen.events.get(r.get("event"))
        choice = next((c for c in event.choices if c.id == r.get("choice")), None) if event else None
        if choice is None:
            continue
        specs = [(e.log.kind, tuple(e.log.actors), e.log.place) for e in choice.effects if isinstance(e, LogEff)]
        j = i + 1
        while specs and j < len(log) and log[j].date == r.date and log[j].kind != "event":
            key = (log[j].kind, log[j].actors, log[j].place)
            if key in specs:
                specs.remove(key)
                skip.add(j)
            j += 1
    return skip


def match_log(state: GameState) -> list[Match]:
    """Every chronicle entry of the scenario, matched against ``state.log`` (scenario order)."""
    scen = state.scen
    start, last = state.setup.start, state.date - 1
    skip = alternative_records(state.log, scen)
    candidates: dict[str, list[int]] = {}
    for i, r in enumerate(state.log):
        if i in skip or r.date < start:
            continue
        for kind in chronicle_kinds(r.kind):
            candidates.setdefault(kind, []).append(i)
    used: set[int] = set()
    found: dict[str, Match] = {}
    for entry in sorted(scen.chronology, key=lambda e: e.date):
        if entry.date < start:
            found[entry.id] = Match(entry, "before_start")
            continue
        if is_context(entry):
            found[entry.id] = Match(entry, "context")
            continue
        best: int | None = None
        for i in candidates.get(entry.kind, ()):
            r = state.log[i]
            if i in used or abs(r.date - entry.date) > MATCH_WINDOW or not fits(entry, r):
                continue
            if best is None or abs(r.date - entry.date) < abs(state.log[best].date - entry.date):
                best = i
        if best is not None:
            used.add(best)
            found[entry.id] = Match(entry, "matched", state.log[best], best, state.log[best].date - entry.date)
        elif last < entry.date + MATCH_WINDOW and not state.over:
            found[entry.id] = Match(entry, "pending")
        else:
            found[entry.id] = Match(entry, "unmatched")
    return [found[e.id] for e in scen.chronology]


#: record kinds worth listing as "this game, not history" when nothing in history matches them
NOTABLE = frozenset({"capture", "state_fallen", "capital_moved", "succession", "war_declared", "peace",
                     "treaty_made", "treaty_broken", "levy_sent", "levy_refused"})


def unmatched_records(state: GameState, matches: list[Match]) -> list[tuple[int, LogRecord]]:
    """Notable game records (captures, falls, successions, wars, treaties, levies) that match
    no real event: what happened instead. Pairs of (index in the log, record)."""
    used = {m.record_index for m in matches if m.record_index is not None}
    return [(i, r) for i, r in enumerate(state.log)
            if r.kind in NOTABLE and i not in used and r.date >= state.setup.start]
