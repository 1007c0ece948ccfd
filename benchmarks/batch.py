"""Benchmark: what-if batch throughput — whole all-AI campaigns per minute with 1 and 2 worker
processes, and the 2-worker speed-up.

Each measurement is a real batch as ``main.py batch`` runs it: a fresh process pool (start-up
included), whole 1211-01..1227-12 campaigns, every run stored in SQLite as it finishes.
Targets (issue #7): at least 100 campaigns per minute on 2 cores, speed-up at least 1.7x.
The machine's other load lowers both figures; run it on a quiet machine.

    .venv/bin/python benchmarks/batch.py [--runs 40] [--scenario jin_xia_1211] [--seed 1]

Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path
from typing import Sequence

from _common import scenario_folder

from lab.batch import BatchSpec, plan, run
from lab.runner import process_pool
from lab.store import Store


def per_minute(scenario: str, runs: int, seed: int, workers: int, folder: Path) -> float:
    """Campaigns per minute of one fresh batch with ``workers`` processes."""
    with Store(folder / f"bench_{workers}.sqlite") as store:
        p = plan(BatchSpec(scenario, (), runs, seed), store)
        t0 = time.perf_counter()
        with process_pool(workers) as pool:
            stored = run(p, store, pool)
        seconds = time.perf_counter() - t0
    assert stored == runs
    return 60.0 * runs / seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    parser.add_argument("--runs", type=int, default=40, help="campaigns per measurement")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    folder, note = scenario_folder(args.scenario)
    if note:
        print(f"note: {note}")
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    print(f"scenario: {folder.name}, whole campaigns, {args.runs} per measurement; "
          f"{os.cpu_count()} core(s), load average {load:.2f} before the run")
    rates = {}
    with tempfile.TemporaryDirectory() as tmp:
        for workers in (1, 2):
            rates[workers] = per_minute(str(folder), args.runs, args.seed, workers, Path(tmp))
            print(f"{workers} worker(s): {rates[workers]:.0f} campaigns per minute"
                  + ("  (target >= 100)" if workers == 2 else ""))
    print(f"speed-up with 2 workers: {rates[2] / rates[1]:.2f}x  (target >= 1.7)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
