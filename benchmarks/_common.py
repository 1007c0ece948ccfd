"""Shared helpers for the benchmark scripts: find the project, load a scenario with a fallback."""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engine.scenario import Scenario, ScenarioError, find_scenario, load_scenario  # noqa: E402

FALLBACK = ROOT / "tests" / "fixtures" / "mini"


def scenario_folder(name: str) -> tuple[Path, str | None]:
    """The folder of scenario ``name`` (an id or a path); the mini fixture, with a note saying
    why, if it does not load."""
    folder = find_scenario(name)
    try:
        load_scenario(folder)
    except ScenarioError as exc:
        first = exc.problems[0] if exc.problems else "it has errors"
        return FALLBACK, f"{name} does not load ({first}); using {FALLBACK.relative_to(ROOT)}"
    except OSError as exc:
        return FALLBACK, f"{name} cannot be read ({exc}); using {FALLBACK.relative_to(ROOT)}"
    return folder, None


def load(folder: Path) -> Scenario:
    return load_scenario(folder)


def median(values: list[float]) -> float:
    return statistics.median(values)
