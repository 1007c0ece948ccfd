"""The fidelity score: DESIGN.md §4's published formula, and its breakdown.

    score = 100 × Σ wᵢ·mᵢ / Σ wᵢ   over the milestones counted so far

``wᵢ`` is the milestone's ``weight`` in the scenario, ``mᵢ`` its credit
(:func:`engine.chronology.milestones.credit_for`). A milestone is counted once its date plus
tolerance has been played (or the game is over). Event matching and the divergence story
explain the score; they never add to it, so a game in which nobody does anything scores low.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.calendar import year_of
from engine.chronology.milestones import STATUSES, MilestoneResult, milestone_results
from engine.state import GameState


@dataclass(frozen=True)
class ScoreLine:
    """One counted milestone's share: ``points`` earned of the ``points_possible`` it carries
    (both on the 0–100 scale of the score, so the lines add up to the score)."""

    milestone: str
    date: int
    weight: float
    credit: float
    status: str
    months_off: int | None
    points: float
    points_possible: float


@dataclass(frozen=True)
class YearLine:
    """The counted milestones of one year, summed."""

    year: int
    counted: int
    met: int
    weight: float
    earned: float
    points: float
    points_possible: float


@dataclass(frozen=True)
class Fidelity:
    """The score (``None`` while no milestone is due yet) and everything it is made of."""

    score: float | None
    #: Σ wᵢ over the counted milestones
    weight_counted: float
    #: Σ wᵢ·mᵢ over the counted milestones
    weight_earned: float
    counted: int
    #: milestones not counted yet (pending), and dated before a bookmark start
    pending: int
    before_start: int
    #: status -> number of milestones with it (every status of ``STATUSES`` present)
    by_status: dict[str, int]
    breakdown: tuple[ScoreLine, ...]
    by_year: tuple[YearLine, ...]


def fidelity_of(results: list[MilestoneResult]) -> Fidelity:
    """The score and breakdown of already judged milestones (for batches that judged them)."""
    counted = [r for r in results if r.counted]
    total = sum(r.weight for r in counted)
    earned = sum(r.weight * r.credit for r in counted)
    scale = 100.0 / total if total else 0.0
    lines = tuple(ScoreLine(r.id, r.date, r.weight, r.credit, r.status, r.months_off,
                            r.weight * r.credit * scale, r.weight * scale)
                  for r in sorted(counted, key=lambda r: (r.date, r.id)))
    years: list[YearLine] = []
    for year in sorted({year_of(r.date) for r in counted}):
        rs = [r for r in counted if year_of(r.date) == year]
        w = sum(r.weight for r in rs)
        e = sum(r.weight * r.credit for r in rs)
        years.append(YearLine(year, len(rs), sum(1 for r in rs if r.met), w, e, e * scale, w * scale))
    by_status = {s: sum(1 for r in results if r.status == s) for s in STATUSES}
    return Fidelity(100.0 * earned / total if total else None, total, earned, len(counted),
                    by_status["pending"], by_status["before_start"], by_status, lines, tuple(years))


def fidelity(state: GameState) -> Fidelity:
    """The fidelity score of ``state`` as it stands (live or at the end)."""
    return fidelity_of(milestone_results(state))
