"""The whole comparison of a game with history, in one value for reports and screens."""

from __future__ import annotations

from dataclasses import dataclass

from engine.chronology.divergence import Divergence, divergences
from engine.chronology.matching import Match, match_log, unmatched_records
from engine.chronology.milestones import MilestoneResult, milestone_results
from engine.chronology.score import Fidelity, fidelity_of
from engine.state import GameState, LogRecord


@dataclass(frozen=True)
class Comparison:
    """Milestones, score, matched and unmatched history, and the divergences with causes."""

    milestones: list[MilestoneResult]
    fidelity: Fidelity
    #: every chronicle entry, in scenario order, with the game record it matched (if any)
    matches: list[Match]
    #: notable game records that match no real event: (index in the log, record)
    instead: list[tuple[int, LogRecord]]
    #: every major divergence, by date; the first is *the* first major divergence
    divergences: list[Divergence]

    @property
    def first_divergence(self) -> Divergence | None:
        return self.divergences[0] if self.divergences else None


def compare(state: GameState) -> Comparison:
    """Compare ``state`` (live or final) with the scenario's real chronology."""
    results = milestone_results(state)
    matches = match_log(state)
    return Comparison(results, fidelity_of(results), matches, unmatched_records(state, matches),
                      divergences(state, results))
