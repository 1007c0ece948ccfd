"""Watching one all-AI campaign and boiling it down to a plain result record.

A batch keeps hundreds of campaigns, so a run is stored as what the questions, statistics and
charts need, not as a save: final owners, survival and fall dates per state, the month each
place first changed hands, a monthly series of places held per state and of the wars between
each pair, the key events, and the chronology's milestone outcomes and fidelity score.

The record is plain JSON data (str, int, float, bool, None, lists and dicts); dates are
``YYYY-MM`` text so that the SQLite file reads well in any tool. ``series`` value ``j`` is the
situation at the end of month ``start + j - 1``: value 0 is the opening position, value 1 the
end of the first month played.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from engine import chronology
from engine.calendar import format_month
from engine.scenario import Scenario
from engine.state import GameState, LogRecord

#: log kinds kept as key events (captures only of capitals, see :func:`key_events`).
KEY_KINDS = frozenset({
    "state_fallen", "capital_moved", "peace", "war_declared", "treaty_made", "treaty_broken", "succession",
})
CAPITAL_RANKS = frozenset({"capital", "secondary_capital"})

Result = dict[str, Any]


def pair_key(a: str, b: str) -> str:
    """The key of a pair of states in ``series["war"]``: sorted ids joined by ``|``."""
    return "|".join(sorted((a, b)))


class Observer:
    """Samples the state at the end of every month played (a ``run_campaign`` callback)."""

    def __init__(self, state: GameState) -> None:
        self.start = state.date
        self.states = sorted(state.polities)
        self.pairs = [pair_key(a, b) for a, b in combinations(self.states, 2)]
        self.first_owner = {pid: p.owner for pid, p in sorted(state.places.items())}
        self.held: dict[str, list[int]] = {s: [] for s in self.states}
        self.war: dict[str, list[int]] = {k: [] for k in self.pairs}
        self.first_lost: dict[str, str] = {}
        self.months = 0
        self._sample(state)

    def __call__(self, state: GameState) -> None:
        self.months += 1
        self._sample(state)

    def _sample(self, state: GameState) -> None:
        counts = dict.fromkeys(self.states, 0)
        month = format_month(state.date - 1)  # the month that has just been played
        for pid, place in state.places.items():
            if place.owner in counts:
                counts[place.owner] += 1
            if place.owner != self.first_owner.get(pid) and pid not in self.first_lost:
                self.first_lost[pid] = month
        for s in self.states:
            self.held[s].append(counts[s])
        for key in self.pairs:
            a, b = key.split("|")
            self.war[key].append(1 if state.at_war(a, b) else 0)


def key_events(log: list[LogRecord], scen: Scenario) -> list[list[Any]]:
    """``[date, kind, actors, place]`` of the records a reader of a batch wants to scan:
    falls, capitals moved or taken, wars, peace and treaties, successions."""
    out: list[list[Any]] = []
    for r in log:
        capital_taken = r.kind == "capture" and r.place in scen.places and scen.places[r.place].rank in CAPITAL_RANKS
        if r.kind in KEY_KINDS or capital_taken:
            out.append([format_month(r.date), r.kind, list(r.actors), r.place])
    return out


def chronology_outcomes(state: GameState) -> tuple[list[dict[str, Any]], float | None]:
    """Each milestone's outcome and the fidelity score (None while no milestone counts yet),
    from the chronology check (DESIGN.md section 4)."""
    results = chronology.milestone_results(state)
    milestones = [
        {"id": m.id, "date": format_month(m.date), "status": m.status, "months_off": m.months_off,
         "credit": round(float(m.credit), 4), "counted": bool(m.counted)}
        for m in results
    ]
    score = chronology.fidelity_of(results).score
    return milestones, (round(float(score), 3) if score is not None else None)


def summarize(state: GameState, observer: Observer, scen: Scenario) -> Result:
    """The result record of a finished campaign."""
    fell = {r.actors[0]: format_month(r.date) for r in state.log if r.kind == "state_fallen" and r.actors}
    for sid, pol in state.polities.items():
        if not pol.alive and sid not in fell:  # gone before play began (a late start, an overlay)
            fell[sid] = format_month(observer.start)
    states = {
        sid: {
            "alive": pol.alive,
            "fell": fell.get(sid) if not pol.alive else None,
            "places": observer.held[sid][-1] if sid in observer.held else 0,
            "capital": pol.capital,
        }
        for sid, pol in sorted(state.polities.items())
    }
    milestones, fidelity = chronology_outcomes(state)
    return {
        "last_month": format_month(state.date - 1),
        "months": observer.months,
        "states": states,
        "final_owners": {pid: p.owner for pid, p in sorted(state.places.items())},
        "first_lost": dict(sorted(observer.first_lost.items())),
        "series": {"start": format_month(observer.start), "held": observer.held, "war": observer.war},
        "milestones": milestones,
        "fidelity": fidelity,
        "key_events": key_events(state.log, scen),
        "state_hash": state.state_hash(),
    }
