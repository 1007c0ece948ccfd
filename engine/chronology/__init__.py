"""The chronology check: how a game's history compares with the real 1211–1227.

Pure engine code (no pygame, no randomness). Public API:

- :func:`observe` — the month resolution's hook: records which milestones hold this month.
- :func:`milestone_results` — every milestone judged: on time / early / late by N / overdue /
  missed / pending / before the start, with its credit.
- :func:`fidelity` — DESIGN.md §4's score, 0–100, with a per-milestone and per-year breakdown.
- :func:`match_log` — each real event matched to a game record (kind, actors, place, months off).
- :func:`first_divergence` — the first major divergence and its cause from the log.
- :func:`compare` — all of the above in one :class:`Comparison`.
- :func:`this_month` — the real events of a month ("this month in history").
- :func:`places_held` — places held per state per month, rebuilt from the log.
- :func:`decisions` — a faction's decisions, each beside what history did.

Words (zh, zh_hant, en) for these are in :mod:`engine.chronology.words`; docs/chronology.md
explains the score for players and teachers.
"""

from engine.chronology.compare import Comparison, compare
from engine.chronology.decisions import Decision, decisions
from engine.chronology.divergence import Divergence, divergences, first_divergence
from engine.chronology.history import between, this_month
from engine.chronology.matching import Match, match_log
from engine.chronology.milestones import STATUSES, MilestoneResult, credit_for, milestone_results, observe
from engine.chronology.score import Fidelity, ScoreLine, YearLine, fidelity, fidelity_of
from engine.chronology.territory import owners_by_month, places_held

__all__ = [
    "Comparison", "Decision", "Divergence", "Fidelity", "Match", "MilestoneResult", "STATUSES", "ScoreLine", "YearLine",
    "between", "compare", "credit_for", "decisions", "divergences", "fidelity", "fidelity_of", "first_divergence",
    "match_log", "milestone_results", "observe", "owners_by_month", "places_held", "this_month",
]
