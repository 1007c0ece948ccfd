"""The first major divergence from history, and its cause found in the game log.

*Major*: a counted milestone of weight at least :data:`MAJOR_WEIGHT` whose credit is below
:data:`MAJOR_CREDIT` (missed, overdue, or off by more than twice its tolerance). The first
one by date is the divergence; a game that keeps every weighty milestone has none, whatever
small slips it made.

*Cause*, looked for in this order, among what happened up to the milestone's date plus
tolerance (the month the slip became certain):

1. ``choice`` — a decision that departed from history (an event option not marked
   historical) and is linked to the milestone: *strongly* when the option history took would
   have touched a place, flag, ruler or event the milestone checks (directly, or through a
   flag or event that another event's condition waits for), *weakly* when they share a state.
   The strongest link wins, then the latest decision.
2. ``no_event`` — a historical event that would have touched a place, flag, ruler or
   treaty the milestone checks (by its effects or its historical option) and whose window
   opened in time, but which never happened by then: its conditions did not hold.
3. ``record`` — the latest game record about the milestone's places (a capture, a siege
   lifted, a battle, an assault) or, for milestones about rulers, capitals, treaties and wars,
   about its states (a fall, a succession, a treaty broken, a war declared, a peace).
4. ``absent`` — nothing in the log touches it: what history did simply did not happen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from engine.chronology.milestones import MilestoneResult, milestone_results
from engine.scenario import Scenario
from engine.scenario.model import Choice, EventDef, LogEff
from engine.state import GameState, LogRecord

#: a milestone must weigh at least this much for its loss to count as a major divergence
MAJOR_WEIGHT = 1.0
#: ... and earn less than this share of its credit
MAJOR_CREDIT = 0.5

#: records that explain a milestone about places (when at one of its places)
PLACE_KINDS = frozenset({"capture", "siege_lifted", "siege_started", "battle", "assault", "army_destroyed", "raid"})
#: records that explain a milestone about states (when one of its states is an actor)
STATE_KINDS = frozenset({"state_fallen", "succession", "capital_moved", "treaty_broken", "treaty_ended",
                         "war_declared", "peace", "treaty_made", "commander_gone"})


@dataclass(frozen=True)
class Divergence:
    """Where the game left history, and why (see the module docstring for the rules)."""

    milestone: MilestoneResult
    #: "choice", "no_event", "record" or "absent"
    cause: str
    #: month of the cause (the milestone's date when absent)
    date: int
    #: the cause's record in the game log (the ``event`` record of a choice), if any
    record: LogRecord | None = None
    record_index: int | None = None
    #: for a choice: the event, the option taken and the option history took (for
    #: ``no_event``: the event that did not happen)
    event: str | None = None
    choice: str | None = None
    historical_choice: str | None = None


def ids_in(value: Any) -> set[str]:
    """Every id-like string in a condition or effect model (or its dumped data)."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(by_alias=True)
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(ids_in(v) for v in value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*(ids_in(v) for v in value)) if value else set()
    return set()


def _effect_ids(effects: tuple[Any, ...]) -> set[str]:
    found: set[str] = set()
    for e in effects:
        if isinstance(e, LogEff):  # a log's kind and note are words, not ids
            found |= set(e.log.actors) | ({e.log.place} if e.log.place else set())
        else:
            found |= ids_in(e)
    return found


def _historical(event: EventDef) -> Choice | None:
    return next((c for c in event.choices if c.historical), None)


def _what_history_did(scen: Scenario, event: EventDef) -> set[str]:
    """Ids the historical option would have touched: its effects, and the effects of events
    that wait (by their condition) for a flag it sets or for the event itself."""
    hist = _historical(event)
    if hist is None:
        return set()
    direct = _effect_ids(hist.effects)
    flags = {e.set_flag for e in hist.effects if hasattr(e, "set_flag")}
    keys = flags | {event.id}
    found = set(direct)
    for other in scen.events.values():
        if other.id != event.id and other.condition is not None and ids_in(other.condition) & keys:
            found |= _effect_ids(other.effects)
            for c in other.choices:
                if c.historical:
                    found |= _effect_ids(c.effects)
    return found


def link(scen: Scenario, event: EventDef, ms: MilestoneResult) -> int:
    """How strongly a departure from ``event``'s historical option bears on milestone ``ms``:
    2 (touches a place, flag, ruler or event it checks), 1 (shares a state), 0 (none)."""
    refs = ids_in(ms.definition.condition)
    states = refs & set(scen.states)
    touched = _what_history_did(scen, event)
    if (touched & refs) - set(scen.states):
        return 2
    if states & (touched | {event.actor}):
        return 1
    return 0


def atoms(value: Any, negated: bool = False) -> set[tuple[str, ...]]:
    """The facts a condition asks for (outside any ``not``), or an effect list brings about,
    as comparable tuples: ("owner", place, state), ("ruler", state, ruler), ("treaty", type),
    ("at_war", a, b), ("capital", state, place), ("flag", flag)."""
    found: set[tuple[str, ...]] = set()
    if isinstance(value, (list, tuple)):
        for v in value:
            found |= atoms(v, negated)
        return found
    if not hasattr(value, "model_dump"):
        return found
    data = value.model_dump(by_alias=True)
    key = next(iter(data)) if len(data) == 1 else None
    if key in ("all", "any"):
        return atoms(getattr(value, key), negated)
    if key == "not":
        return atoms(value.not_, not negated)  # type: ignore[attr-defined]
    if negated or key is None:
        return found
    arg = data[key]
    if key in ("owner", "set_owner"):
        found.add(("owner", arg["place"], arg["state"]))
    elif key in ("ruler", "set_ruler"):
        found.add(("ruler", arg["state"], arg["ruler"]))
    elif key in ("treaty", "start_treaty"):
        found.add(("treaty", arg["type"]))
    elif key in ("at_war", "war"):
        found.add(("at_war", *sorted((arg["a"], arg["b"]))))
    elif key in ("capital", "move_capital"):
        found.add(("capital", arg["state"], arg["place"]))
    elif key in ("flag", "set_flag"):
        found.add(("flag", arg if isinstance(arg, str) else str(arg)))
    return found


def _missing_event(state: GameState, ms: MilestoneResult, until: int) -> EventDef | None:
    """The historical event that would have brought ``ms`` about and had not happened by
    ``until``: best one that makes a fact of the milestone true outright (a capture, a ruler, a
    treaty …), else one that touches its places, flags or rulers; the latest to open wins."""
    scen = state.scen
    refs = ids_in(ms.definition.condition) - set(scen.states)
    wanted = atoms(ms.definition.condition)
    fired = {r.get("event"): r.date for r in state.log if r.kind == "event"}
    best: tuple[int, int, EventDef] | None = None
    for event in sorted(scen.events.values(), key=lambda e: (e.window.from_ or 0, e.id)):
        opens = event.window.from_ if event.window.from_ is not None else state.setup.start
        if opens > until or (event.window.to is not None and event.window.to < state.setup.start):
            continue
        if event.id in fired and fired[event.id] <= until:
            continue
        if event.id in state.fired and event.id not in fired:
            continue  # settled by the bookmark's history before the start
        hist = _historical(event)
        effects = tuple(event.effects) + (tuple(hist.effects) if hist else ())
        strength = 2 if atoms(effects) & wanted else (1 if _effect_ids(effects) & refs else 0)
        if strength and (best is None or (strength, opens) >= best[:2]):
            best = (strength, opens, event)
    return best[2] if best else None


def _decisions(state: GameState) -> Iterator[tuple[int, LogRecord]]:
    """Event choices that departed from history, with their index in the log."""
    for i, r in enumerate(state.log):
        if r.kind == "event" and r.get("choice") and r.get("historical") is False:
            yield i, r


def _concerns(r: LogRecord, refs: set[str], states: set[str]) -> bool:
    """Whether a state-level record bears on a milestone about rulers, capitals, treaties, wars."""
    if r.kind in ("treaty_made", "treaty_ended", "treaty_broken"):
        return r.get("type") in refs and bool(states & set(r.actors))
    if r.kind in ("war_declared", "peace"):
        return set(r.actors[:2]) <= states
    if r.kind == "succession":
        return r.actors[:1] != () and r.actors[0] in states and bool({r.get("ruler"), r.get("previous")} & refs)
    if r.kind == "capital_moved":
        return r.actors[:1] != () and r.actors[0] in states and bool({r.place, r.get("previous")} & refs)
    if r.kind == "commander_gone":
        return r.get("commander") in refs
    return r.kind == "state_fallen" and r.actors[:1] != () and r.actors[0] in states


def _explaining_record(state: GameState, ms: MilestoneResult, until: int) -> tuple[int, LogRecord] | None:
    """The latest record up to ``until`` about the milestone's places, or (for milestones
    without places) about its rulers, capitals, treaties and wars."""
    refs = ids_in(ms.definition.condition)
    places = refs & set(state.scen.places)
    states = refs & set(state.scen.states)
    best: tuple[int, LogRecord] | None = None
    for i, r in enumerate(state.log):
        if r.date > until or r.date < state.setup.start:
            continue
        if places:
            if r.kind in PLACE_KINDS and r.place in places:
                best = (i, r)
        elif r.kind in STATE_KINDS and _concerns(r, refs, states):
            best = (i, r)
    return best


def cause_of(state: GameState, ms: MilestoneResult) -> Divergence:
    """Why ``ms`` was lost (the rules are in the module docstring)."""
    scen = state.scen
    until = ms.date + ms.tolerance
    best: tuple[int, int, LogRecord] | None = None  # (strength, index, record)
    for i, r in _decisions(state):
        if r.date > until:
            break
        event = scen.events.get(r.get("event"))
        if event is None:
            continue
        strength = link(scen, event, ms)
        if strength and (best is None or strength >= best[0]):
            best = (strength, i, r)
    if best is not None:
        _, i, r = best
        event = scen.events[r.get("event")]
        hist = _historical(event)
        return Divergence(ms, "choice", r.date, r, i, event.id, r.get("choice"), hist.id if hist else None)
    missing = _missing_event(state, ms, until)
    if missing is not None:
        return Divergence(ms, "no_event", missing.window.from_ or ms.date, event=missing.id)
    found = _explaining_record(state, ms, until)
    if found is not None:
        i, r = found
        return Divergence(ms, "record", r.date, r, i)
    return Divergence(ms, "absent", ms.date)


def is_major(r: MilestoneResult) -> bool:
    return r.counted and r.weight >= MAJOR_WEIGHT and r.credit < MAJOR_CREDIT


def first_divergence(state: GameState, results: list[MilestoneResult] | None = None) -> Divergence | None:
    """The first major divergence (by the milestone's date) and its cause, or None."""
    results = milestone_results(state) if results is None else results
    major = sorted((r for r in results if is_major(r)), key=lambda r: (r.date, -r.weight, r.id))
    return cause_of(state, major[0]) if major else None


def divergences(state: GameState, results: list[MilestoneResult] | None = None) -> list[Divergence]:
    """Every major divergence, by date, each with its cause."""
    results = milestone_results(state) if results is None else results
    return [cause_of(state, r) for r in sorted((r for r in results if is_major(r)), key=lambda r: (r.date, -r.weight, r.id))]
