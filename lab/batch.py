"""A batch: N seeded all-AI campaigns of one scenario with the same overlays and dates.

Shared by ``main.py batch`` and the game's lab screen: :func:`plan` loads and checks the
scenario and overlays (so a bad file fails before any worker starts), works out the batch key
and the runs the database does not have yet; :func:`run` plays them through an executor and
stores each one as it finishes.

A batch is identified by its scenario (and the hash of its files, overlays included), its
overlays, its seed, its dates and its historical-events mode. Running the same batch again
resumes it: the runs already stored are skipped, so an interrupted batch is finished by running
the same command again.
Asking for more runs (``--runs 400`` after 200) adds runs 200..399; another ``--seed`` adds a
new, independent set. Runs of the same scenario, overlays and dates are one *variant* in the
comparison, whatever their seeds (one per historical-events mode: runs with history's event
choices forced and runs where the AI chooses freely are never pooled).
"""

from __future__ import annotations

import hashlib
import json
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from engine.calendar import format_month, parse_month
from engine.scenario import Scenario, find_scenario, load_scenario
from engine.setup import HISTORICAL_MODES

from lab.runner import DaskExecutor, RunTask, code_hash, execute
from lab.seeds import run_seed
from lab.store import BatchMeta, Store


@dataclass(frozen=True)
class BatchSpec:
    """What the user asked for."""

    scenario: str = "jin_xia_1211"
    whatifs: tuple[str, ...] = ()
    runs: int = 100
    seed: int = 1
    start: str | None = None
    until: str | None = None
    #: historical-events mode: "off" (the AI chooses every event freely, the default), "ai" or
    #: "all" (history's choice forced; the same thing when every faction is an AI)
    historical: str = "off"


@dataclass
class Plan:
    """A checked batch: its shared metadata and the tasks still to run."""

    spec: BatchSpec
    meta: BatchMeta
    scenario: Scenario
    tasks: list[RunTask] = field(default_factory=list)
    already: int = 0
    #: engine versions of the runs already stored, when they differ from this code's.
    stale_engine: bool = False


def variant_name(overlay_ids: tuple[str, ...] | list[str]) -> str:
    """The variant of a set of overlays: ``""`` for none (the baseline), else ids joined by ``+``."""
    return "+".join(overlay_ids)


def plan(spec: BatchSpec, store: Store) -> Plan:
    """Check the scenario, overlays and dates, and list the runs still missing.

    Raises:
        ScenarioError: the scenario or an overlay has errors.
        ValueError: bad dates or counts.
    """
    if spec.runs < 1:
        raise ValueError("--runs must be at least 1")
    if spec.seed < 0:
        raise ValueError("--seed must be a non-negative integer")
    if spec.historical not in HISTORICAL_MODES:
        raise ValueError(f"--historical must be one of {', '.join(HISTORICAL_MODES)}, not {spec.historical!r}")
    folder = find_scenario(spec.scenario)
    overlay_files = tuple(str(Path(w)) for w in spec.whatifs)
    scen = load_scenario(folder, overlay_files)
    resolved = tuple(str(Path(f).resolve()) for f in overlay_files)
    start = parse_month(spec.start) if spec.start else scen.start
    until = parse_month(spec.until) if spec.until else scen.end
    if not scen.start <= start <= scen.end:
        raise ValueError(f"--start {format_month(start)} lies outside {format_month(scen.start)}..{format_month(scen.end)}")
    if not start <= until <= scen.end:
        raise ValueError(f"--until {format_month(until)} must lie between the start and {format_month(scen.end)}")
    params = {
        "scenario": scen.id, "overlays": list(scen.overlays), "seed": spec.seed, "start": format_month(start),
        "until": format_month(until), "turn_months": 1, "historical_mode": spec.historical, "ai": "baseline",
    }
    key = hashlib.sha256(json.dumps({**params, "scenario_hash": scen.content_hash}, sort_keys=True).encode()).hexdigest()[:16]
    meta = BatchMeta(
        batch=key, scenario=scen.id, variant=variant_name(scen.overlays), overlays=tuple(scen.overlays),
        overlay_files=resolved, batch_seed=spec.seed, start=format_month(start), until=format_month(until),
        scenario_hash=scen.content_hash, engine_hash=code_hash(), params=params, historical=spec.historical,
    )
    done = store.done(key)
    tasks = [
        RunTask(i, run_seed(spec.seed, i), str(Path(folder).resolve()), resolved, start, until,
                scen.content_hash, meta.engine_hash, spec.historical)
        for i in range(spec.runs) if i not in done
    ]
    stale = bool(store.engine_hashes(key) - {meta.engine_hash})
    return Plan(spec, meta, scen, tasks, already=spec.runs - len(tasks), stale_engine=stale)


def run(p: Plan, store: Store, executor: Executor | DaskExecutor | None,
        on_stored: Callable[[dict], None] | None = None, cancelled: Callable[[], bool] | None = None) -> int:
    """Play the plan's tasks and store each run the moment it finishes; returns how many were
    stored. ``cancelled`` is asked after each run: when it says so, the batch stops (finished
    runs are kept)."""
    stored = 0
    for output in execute(p.tasks, executor):
        stored += store.add(p.meta, output)
        if on_stored is not None:
            on_stored(output)
        if cancelled is not None and cancelled():
            break
    return stored
