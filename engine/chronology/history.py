"""The real chronology as the game shows it: "this month in history"."""

from __future__ import annotations

from engine.scenario import Scenario
from engine.scenario.model import ChronicleEntryDef


def this_month(scen: Scenario, month: int) -> list[ChronicleEntryDef]:
    """The real events dated ``month`` (a month index), in the scenario's order."""
    return [e for e in scen.chronology if e.date == month]


def between(scen: Scenario, first: int, last: int) -> list[ChronicleEntryDef]:
    """The real events dated ``first``..``last`` (both included), by date then scenario order."""
    return sorted((e for e in scen.chronology if first <= e.date <= last), key=lambda e: e.date)
