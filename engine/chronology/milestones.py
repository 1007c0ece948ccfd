"""Milestones: observed month by month in play, judged against their date and tolerance.

A milestone is a predicate with a date ``d`` and a tolerance ``tol`` ("by 1215-06 ±2 months
Zhongdu is Mongol"). The month resolution calls :func:`observe` at the end of every month
(before the date moves on); for each milestone whose *observation window*
``[d - reach, d + reach]`` (``reach = max(3·tol, LOOK_AROUND)``) holds that month, it records
whether the predicate held, as runs of months in ``GameState.milestones_seen``. The window is
wider than the scoring window (3·tol) so a report can still say "late by 7 months" when the
credit is already zero.

Judging (:func:`milestone_results`) needs only the state, live or final, never a replay:

- ``off`` is the signed distance from ``d`` to the nearest observed month in which the
  predicate held (ties go to the later month); credit is DESIGN.md §4's
  ``1`` for ``|off| <= tol``, falling linearly to ``0`` at ``|off| = 3·tol``
  (:func:`credit_for`).
- A milestone is *counted* in the score once ``d + tol`` has been played (or the game is over
  with ``d`` played). Before that it is ``pending`` — unless it already held within its
  tolerance, which can only stay true (``on_time``).
- Counted and held somewhere: ``on_time`` / ``early`` / ``late`` (with the months off).
  Counted, not held yet, but ``d + 3·tol`` not yet played: ``overdue`` (credit 0 for now; it
  may still come late). Never held in the window: ``missed``.
- Milestones dated before the game's start (a bookmark start) are ``before_start``: the
  bookmark *is* that history, so they are neither observed nor scored. Milestones after the
  game's end (a game cut short with ``--until``) stay ``pending`` and are not scored.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.rules.conditions import holds
from engine.scenario.model import MilestoneDef, Text
from engine.state import GameState

#: the observation window reaches at least this many months either side of a milestone's date
LOOK_AROUND = 12

#: every status :func:`milestone_results` gives, in the order reports list them
STATUSES = ("on_time", "early", "late", "overdue", "missed", "pending", "before_start")


def reach(tolerance: int) -> int:
    """How many months either side of its date a milestone is observed."""
    return max(3 * tolerance, LOOK_AROUND)


def credit_for(months_off: int | None, tolerance: int) -> float:
    """DESIGN.md §4's credit: 1 within the tolerance, linear to 0 at three times it, 0 if never.

    >>> credit_for(2, 2), credit_for(4, 2), credit_for(6, 2), credit_for(None, 2)
    (1.0, 0.5, 0.0, 0.0)
    >>> credit_for(0, 0), credit_for(1, 0)
    (1.0, 0.0)
    """
    if months_off is None:
        return 0.0
    off = abs(months_off)
    if off <= tolerance:
        return 1.0
    if off >= 3 * tolerance:
        return 0.0
    return (3 * tolerance - off) / (2 * tolerance)


def observe(w: GameState) -> None:
    """Record, for the month ``w.date`` now closing, which milestones in their window hold.

    Called once per month by :func:`engine.rules.month.resolve_month` on the working state.
    """
    month = w.date
    if month < w.setup.start:
        return
    for ms in w.scen.milestones:
        if ms.date < w.setup.start or abs(month - ms.date) > reach(ms.tolerance):
            continue
        if holds(w, ms.condition):
            runs = w.milestones_seen.get(ms.id, ())
            if runs and runs[-1][1] == month - 1:
                runs = runs[:-1] + ((runs[-1][0], month),)
            elif not runs or runs[-1][1] < month:
                runs = runs + ((month, month),)
            w.milestones_seen[ms.id] = runs


@dataclass(frozen=True)
class MilestoneResult:
    """How one milestone stands. ``months_off`` is signed (negative: early), ``None`` when the
    predicate never held in the window observed so far; ``held_at`` is that nearest month."""

    id: str
    date: int
    tolerance: int
    weight: float
    status: str
    months_off: int | None
    credit: float
    #: in the score now (its date + tolerance has been played, or the game is over)
    counted: bool
    held_at: int | None
    certainty: str
    text: Text
    source: str | None
    definition: MilestoneDef

    @property
    def met(self) -> bool:
        """Met within its tolerance (full credit)."""
        return self.status == "on_time"


def last_played(state: GameState) -> int:
    """The last month that has been fully resolved (``start - 1`` before the first one)."""
    return state.date - 1


def nearest_held(runs: tuple[tuple[int, int], ...], date: int) -> int | None:
    """The month nearest ``date`` in ``runs`` (the later one on a tie), or None."""
    best: int | None = None
    for first, last in runs:
        month = min(max(date, first), last)
        if best is None or abs(month - date) < abs(best - date) or (abs(month - date) == abs(best - date) and month > best):
            best = month
    return best


def judge(ms: MilestoneDef, runs: tuple[tuple[int, int], ...], start: int, last: int, over: bool) -> MilestoneResult:
    """One milestone's result from its observed runs, the game's start and last played month."""
    held_at = nearest_held(runs, ms.date)
    off = None if held_at is None else held_at - ms.date
    tol = ms.tolerance
    counted = ms.date >= start and (last >= ms.date + tol or (over and last >= ms.date))
    if ms.date < start:
        status, credit, counted, off, held_at = "before_start", 0.0, False, None, None
    elif off is not None and abs(off) <= tol:
        status, credit = "on_time", 1.0
    elif not counted:
        status, credit = "pending", 0.0
    elif off is not None:
        status, credit = ("early" if off < 0 else "late"), credit_for(off, tol)
    elif last < ms.date + 3 * tol and not over:
        status, credit = "overdue", 0.0
    else:
        status, credit = "missed", 0.0
    return MilestoneResult(ms.id, ms.date, tol, ms.weight, status, off, credit, counted, held_at,
                           ms.certainty, ms.text, ms.source, ms)


def milestone_results(state: GameState) -> list[MilestoneResult]:
    """Every milestone of the scenario, in scenario order, judged on ``state`` as it stands."""
    last = last_played(state)
    return [judge(ms, state.milestones_seen.get(ms.id, ()), state.setup.start, last, state.over)
            for ms in state.scen.milestones]
