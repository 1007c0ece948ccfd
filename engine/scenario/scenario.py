"""The loaded scenario: immutable definitions with lookups by id."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from engine.scenario.model import (
    ArmyDef,
    ChronicleEntryDef,
    Commander,
    EventDef,
    GoalDef,
    HistoryDef,
    MilestoneDef,
    PlaceDef,
    PlanDef,
    PolityDef,
    RouteDef,
    Rules,
    Ruler,
    ScenarioHeader,
    TreatyDef,
    TreatyTypeDef,
    WarDef,
)


@dataclass(frozen=True)
class Scenario:
    """Everything a game is made from. Built by :func:`engine.scenario.loader.load_scenario`."""

    folder: Path
    header: ScenarioHeader
    states: dict[str, PolityDef]
    places: dict[str, PlaceDef]
    routes: tuple[RouteDef, ...]
    armies: tuple[ArmyDef, ...]
    treaty_types: dict[str, TreatyTypeDef]
    treaties: tuple[TreatyDef, ...]
    wars: tuple[WarDef, ...]
    history: tuple[HistoryDef, ...]
    events: dict[str, EventDef]
    chronology: tuple[ChronicleEntryDef, ...]
    milestones: tuple[MilestoneDef, ...]
    goals: tuple[GoalDef, ...]
    rules: Rules
    briefings: dict[tuple[str, str], str]
    #: sha256 of every file that went into it, overlays included, in load order.
    content_hash: str
    #: ids of the what-if overlays applied, in order.
    overlays: tuple[str, ...] = ()
    #: the what-if files found in the scenario's whatifs folder.
    whatif_files: tuple[Path, ...] = ()
    rulers: dict[str, Ruler] = field(default_factory=dict)
    ruler_state: dict[str, str] = field(default_factory=dict)
    commanders: dict[str, Commander] = field(default_factory=dict)
    commander_state: dict[str, str] = field(default_factory=dict)
    #: the AI's strategic plans (they weight its goals; see docs/ai.md).
    plans: tuple[PlanDef, ...] = ()

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def start(self) -> int:
        return self.header.calendar.start

    @property
    def end(self) -> int:
        return self.header.calendar.end

    @property
    def playable(self) -> tuple[str, ...]:
        return tuple(sid for sid in sorted(self.states) if self.states[sid].playable)
