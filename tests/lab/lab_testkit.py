"""Helpers shared by the what-if lab tests (test modules import them as ``lab_testkit``; a
uniquely named module, because several test folders have a ``conftest``)."""

from __future__ import annotations

from pathlib import Path

from lab.batch import BatchSpec, plan, run
from lab.runner import process_pool
from lab.store import Store

ROOT = Path(__file__).resolve().parents[2]
HUGE_ARMY = ROOT / "tests" / "fixtures" / "lab" / "xia_huge_army.yaml"
#: two decisive what-ifs pulling Xia's fate opposite ways, whatever the AI's calibration: every
#: Xia city impregnable, and all of Xia handed to the Mongols at the start.
FORTRESS = ROOT / "tests" / "lab" / "fixtures" / "xia_fortress.yaml"
COLLAPSE = ROOT / "tests" / "lab" / "fixtures" / "xia_collapse.yaml"
#: whole campaigns: Xia's fate is decided by play over the years (later bookmarks inherit
#: history's position, where one change decides little).
SHIFT_START = "1211-01"
SHIFT_RUNS = 16
SHIFT_SEED = 11


def fill(db: Path, spec: BatchSpec, workers: int | None) -> Store:
    """Run ``spec`` into ``db`` (workers None: in this process) and return the open store."""
    store = Store(db)
    p = plan(spec, store)
    if workers is None:
        run(p, store, None)
    else:
        with process_pool(workers) as pool:
            run(p, store, pool)
    return store
