"""Statistics over stored runs: probabilities with Wilson intervals, differences between a
baseline and a what-if (Newcombe's hybrid score interval), fall-date distributions, the
milestone hit-rate table, fidelity and territory-over-time bands.

Wilson's interval rather than the textbook p ± z·√(p(1−p)/n) because batches often give
probabilities of 0 or 1 (a state never falls in 200 runs), where the textbook interval
collapses to a single point and claims a certainty the sample does not have.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

from engine.calendar import format_month, parse_month

from lab.questions import Question, answer

Z95 = 1.959963984540054


@dataclass(frozen=True)
class Proportion:
    """k of n runs; p with its 95 % Wilson interval (``None`` when no run could tell)."""

    k: int
    n: int

    @property
    def p(self) -> float | None:
        return self.k / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.k, self.n)


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval of a binomial proportion k/n."""
    if n <= 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def difference(a: Proportion, b: Proportion) -> tuple[float, float, float] | None:
    """b − a with Newcombe's (1998, method 10) interval built from the two Wilson intervals."""
    ia, ib = a.interval, b.interval
    if ia is None or ib is None or a.p is None or b.p is None:
        return None
    d = b.p - a.p
    lo = d - math.sqrt((b.p - ib[0]) ** 2 + (ia[1] - a.p) ** 2)
    hi = d + math.sqrt((ib[1] - b.p) ** 2 + (a.p - ia[0]) ** 2)
    return d, max(-1.0, lo), min(1.0, hi)


def proportion(q: Question, results: Iterable[Mapping[str, Any]]) -> Proportion:
    """How many of the runs that can tell answer yes."""
    answers = [answer(q, r) for r in results]
    decided = [a for a in answers if a is not None]
    return Proportion(sum(decided), len(decided))


# ---------------------------------------------------------------- fall dates
@dataclass(frozen=True)
class FallDates:
    """When a state fell, over the runs: the months of the falls and the runs it survived."""

    state: str
    months: tuple[int, ...]
    runs: int

    @property
    def fallen(self) -> Proportion:
        return Proportion(len(self.months), self.runs)

    def quantile(self, q: float) -> str | None:
        if not self.months:
            return None
        return format_month(int(round(float(np.quantile(np.array(self.months), q, method="inverted_cdf")))))


def fall_dates(state: str, results: Sequence[Mapping[str, Any]]) -> FallDates:
    months = tuple(sorted(parse_month(r["states"][state]["fell"]) for r in results
                          if state in r["states"] and r["states"][state]["fell"]))
    return FallDates(state, months, len(results))


def fall_years(fd: FallDates, years: Sequence[int]) -> list[int]:
    """How many falls in each of ``years``."""
    counts = dict.fromkeys(years, 0)
    for m in fd.months:
        if m // 12 in counts:
            counts[m // 12] += 1
    return [counts[y] for y in years]


# ---------------------------------------------------------------- milestones and fidelity
@dataclass(frozen=True)
class MilestoneRate:
    id: str
    on_time: Proportion
    mean_credit: float


def milestone_rates(results: Sequence[Mapping[str, Any]]) -> list[MilestoneRate]:
    """Per milestone (in the order the chronology lists them): the share of runs where it was
    met within its tolerance, and the mean credit, over the runs where it counts (runs that stop
    before it is due, or start after its date, are left out)."""
    order: list[str] = []
    seen: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        for m in r.get("milestones") or ():
            if m["id"] not in seen:
                order.append(m["id"])
                seen[m["id"]] = []
            if m.get("counted", m["status"] not in ("pending", "before_start")):
                seen[m["id"]].append(m)
    out = []
    for mid in order:
        ms = seen[mid]
        credit = sum(m["credit"] for m in ms) / len(ms) if ms else 0.0
        out.append(MilestoneRate(mid, Proportion(sum(m["status"] == "on_time" for m in ms), len(ms)), credit))
    return out


@dataclass(frozen=True)
class Summary:
    """Mean with a 95 % normal interval, median and spread of a number over the runs."""

    n: int
    mean: float
    lo: float
    hi: float
    median: float
    sd: float


def summary(values: Sequence[float]) -> Summary | None:
    if not values:
        return None
    a = np.asarray(values, dtype=float)
    sd = float(a.std(ddof=1)) if len(a) > 1 else 0.0
    half = Z95 * sd / math.sqrt(len(a))
    mean = float(a.mean())
    return Summary(len(a), mean, mean - half, mean + half, float(np.median(a)), sd)


def fidelity_summary(results: Sequence[Mapping[str, Any]]) -> Summary | None:
    return summary([r["fidelity"] for r in results if r.get("fidelity") is not None])


def final_places(state: str, results: Sequence[Mapping[str, Any]]) -> tuple[float, float, float] | None:
    """Places the state held at the end of the runs: (10th percentile, median, 90th percentile)."""
    values = [r["states"][state]["places"] for r in results if state in r["states"]]
    if not values:
        return None
    lo, med, hi = np.percentile(np.asarray(values, dtype=float), [10, 50, 90])
    return float(lo), float(med), float(hi)


# ---------------------------------------------------------------- territory over time
@dataclass(frozen=True)
class Band:
    """Places held by one state at the end of each month: median and 10th / 90th percentiles
    over the runs. ``months[j]`` is the month index of column j."""

    state: str
    months: tuple[int, ...]
    median: tuple[float, ...]
    low: tuple[float, ...]
    high: tuple[float, ...]


def territory_band(state: str, results: Sequence[Mapping[str, Any]]) -> Band | None:
    """The band over the runs that share the longest common span (runs of one variant do)."""
    series = [r["series"] for r in results if state in r["series"]["held"]]
    if not series:
        return None
    length = min(len(s["held"][state]) for s in series)
    start = parse_month(series[0]["start"])
    a = np.array([s["held"][state][:length] for s in series if parse_month(s["start"]) == start], dtype=float)
    lo, med, hi = np.percentile(a, [10, 50, 90], axis=0)
    months = tuple(range(start - 1, start - 1 + length))
    return Band(state, months, tuple(med.tolist()), tuple(lo.tolist()), tuple(hi.tolist()))


# ---------------------------------------------------------------- comparison
@dataclass(frozen=True)
class QuestionRow:
    question: Question
    base: Proportion
    other: Proportion | None

    @property
    def diff(self) -> tuple[float, float, float] | None:
        return difference(self.base, self.other) if self.other is not None else None

    @property
    def shifted(self) -> bool:
        """The 95 % interval of the difference excludes zero."""
        d = self.diff
        return d is not None and (d[1] > 0 or d[2] < 0)


def question_rows(questions: Sequence[Question], base: Sequence[Mapping[str, Any]],
                  other: Sequence[Mapping[str, Any]] | None) -> list[QuestionRow]:
    return [QuestionRow(q, proportion(q, base), proportion(q, other) if other is not None else None) for q in questions]
