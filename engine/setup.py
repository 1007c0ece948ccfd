"""Starting a game: the scenario's opening state with its dated history applied up to the
chosen bookmark (as Paradox history files do), so a class can start in 1223 without anyone
writing a second map."""

from __future__ import annotations

from typing import Iterable

from engine.calendar import format_month
from engine.rules import month
from engine.rules.effects import apply_effects
from engine.rules.politics import pair
from engine.scenario import Scenario
from engine.state import Army, GameState, LogRecord, Place, Polity, Setup, Treaty, seeded_rng

HISTORICAL_MODES = ("off", "ai", "all")
AI_LEVELS = ("easy", "normal", "hard")


class SetupError(ValueError):
    """The game cannot be set up this way (bad start month, unknown faction …)."""


def new_game(
    scen: Scenario,
    start: int | None = None,
    seed: int = 1,
    humans: Iterable[str] = (),
    turn_months: int = 1,
    historical_mode: str = "ai",
    ai_level: str = "normal",
    end: int | None = None,
) -> GameState:
    """The state at ``start`` (a month index; default the scenario's start).

    Raises:
        SetupError: a start outside the calendar, an unknown human faction, a bad option.
    """
    start = scen.start if start is None else start
    end = scen.end if end is None else end
    if not scen.start <= start <= scen.end:
        raise SetupError(f"start {format_month(start)} lies outside the scenario's calendar "
                         f"{format_month(scen.start)}..{format_month(scen.end)}")
    if not start <= end <= scen.end:
        raise SetupError(f"end {format_month(end)} must lie between the start and {format_month(scen.end)}")
    humans = tuple(sorted(set(humans)))
    for h in humans:
        if h not in scen.states or not scen.states[h].playable:
            raise SetupError(f"{h!r} is not a playable state (choose from {', '.join(scen.playable)})")
    if turn_months not in (1, 3):
        raise SetupError("a turn is one month or one season (3 months)")
    if historical_mode not in HISTORICAL_MODES:
        raise SetupError(f"historical-events mode must be one of {', '.join(HISTORICAL_MODES)}")
    if ai_level not in AI_LEVELS:
        raise SetupError(f"AI level must be one of {', '.join(AI_LEVELS)}")
    setup = Setup(scen.id, seed, start, end, turn_months, humans, historical_mode, ai_level)
    w = GameState(
        setup=setup,
        date=scen.start,
        polities={
            s.id: Polity(s.id, s.treasury, s.grain, s.manpower, s.legitimacy, s.ruler, s.heir, s.capital, s.siege_skill)
            for s in scen.states.values()
        },
        places={
            p.id: Place(p.id, p.owner, p.garrison, p.walls, p.population, p.prosperity, p.food)
            for p in scen.places.values()
        },
        armies={a.id: Army(a.id, a.owner, a.place, a.troops.as_tuple(), a.commander, a.morale) for a in scen.armies},
        treaties={
            t.id: Treaty(t.id, t.type, tuple((r, t.parties[r]) for r in scen.treaty_types[t.type].roles),
                         t.since if t.since is not None else scen.start, t.until,
                         tuple(sorted((k, v) for k, v in (t.terms.model_dump() if t.terms else {}).items() if v is not None)))
            for t in scen.treaties
        },
        wars={pair(*war.between) for war in scen.wars},
        flags=set(),
        commanders_gone=set(),
        fired={},
        pending=[],
        log=[],
        done=set(),
        rng=seeded_rng(seed),
        scen=scen,
    )
    scratch: list[LogRecord] = []
    for entry in scen.history:
        if entry.date > start:
            break
        if entry.date == start and entry.in_play:
            continue  # opening the month applies it
        w.date = entry.date
        apply_effects(w, entry.effects, scratch)
    w.date = start
    w.pending = []
    if start > scen.start:
        # events already under way at the bookmark are history: the dated history above did
        # what they did, so they count as fired with history's choice and do not fire again
        for event in scen.events.values():
            if event.window.from_ is not None and event.window.from_ < start:
                w.fired[event.id] = next((c.id for c in event.choices if c.historical), "")
    gen = w.generator()
    out: list[LogRecord] = []
    month.open_month(w, out, gen)
    w.pending = [p for p in w.pending if p.kind != "tribute"]
    w.keep_rng(gen)
    w.log = [r for r in out if r.kind in ("event", "event_pending")]
    return w
