"""Benchmark: how often all-AI games follow history — the AI's calibration figures.

Plays N whole all-AI campaigns (seeds 1..N by default) with historical-events mode "off" (the
AI decides every event freely), in a process pool, and prints the mean fidelity score
(DESIGN.md §4, ``engine.chronology.fidelity``) with its spread, and for every milestone how
often it was met on time (within its tolerance) and within ±6 months. The three key milestones
of issue 6 are listed apart with their targets (each met within ±6 months in at least half the
runs; mean score at least 60). Figures are printed, not asserted.

    .venv/bin/python benchmarks/fidelity.py [--runs 50] [--level normal] [--mode off] [--workers 2]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Sequence

from _common import ROOT, scenario_folder

#: the key milestones of issue 6, and the window (months either side) they must be met in.
KEY = ("m1214_08_jin_capital_kaifeng", "m1215_06_zhongdu_mongol", "m1227_09_xia_extinct")
KEY_WINDOW = 6

_SCEN: Any = None


def _scenario(folder: str) -> Any:
    global _SCEN
    if _SCEN is None:
        from engine.scenario import load_scenario

        _SCEN = load_scenario(folder)
    return _SCEN


def play(job: tuple[str, int, str, str]) -> dict[str, Any]:
    """One campaign (run in a worker process): its score and every milestone's result."""
    folder, seed, level, mode = job
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from engine import chronology
    from engine.ai.player import AIPlayer
    from engine.cli_simulate import run_campaign
    from engine.setup import new_game

    scen = _scenario(folder)
    t0 = time.perf_counter()
    state = new_game(scen, seed=seed, historical_mode=mode, ai_level=level)
    ai = AIPlayer()
    final, _ = run_campaign(state, {f: ai for f in scen.states})
    seconds = time.perf_counter() - t0
    results = {r.id: (r.status, r.months_off, r.credit) for r in chronology.milestone_results(final)}
    return {"seed": seed, "score": chronology.fidelity(final).score, "milestones": results, "seconds": seconds,
            "alive": {sid: p.alive for sid, p in sorted(final.polities.items())}}


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    parser.add_argument("--runs", type=int, default=50, help="campaigns to play (seeds first..first+runs-1)")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--level", choices=("easy", "normal", "hard"), default="normal")
    parser.add_argument("--mode", choices=("off", "ai", "all"), default="off", help="historical-events mode")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    folder, note = scenario_folder(args.scenario)
    if note:
        print(f"note: {note}")
    scen = _scenario(str(folder))
    seeds = list(range(args.first_seed, args.first_seed + max(1, args.runs)))
    jobs = [(str(folder), seed, args.level, args.mode) for seed in seeds]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=max(1, args.workers), mp_context=_context()) as pool:
        runs = list(pool.map(play, jobs))
    wall = time.perf_counter() - t0
    scores = [r["score"] for r in runs if r["score"] is not None]
    n = len(runs)
    print(f"scenario {scen.id}: {n} all-AI campaigns, seeds {seeds[0]}..{seeds[-1]}, AI level {args.level}, "
          f"historical-events mode {args.mode}; {wall:.1f} s on {args.workers} worker(s)")
    mean = statistics.fmean(scores)
    sd = statistics.stdev(scores) if len(scores) > 1 else 0.0
    print(f"fidelity score: mean {mean:.1f}  sd {sd:.1f}  (95% CI of the mean ±{1.96 * sd / max(1, len(scores)) ** 0.5:.1f})  "
          f"min {min(scores):.1f}  median {statistics.median(scores):.1f}  max {max(scores):.1f}   target: mean >= 60")
    print()
    print(f"key milestones (met within ±{KEY_WINDOW} months; target: in at least 50% of runs)")
    for mid in KEY:
        if mid not in runs[0]["milestones"]:
            print(f"  {mid}: not in this scenario")
            continue
        hit = sum(1 for r in runs if _within(r["milestones"][mid], KEY_WINDOW))
        print(f"  {mid:40s} {100 * hit / n:5.0f}%")
    print()
    print(f"every milestone: on time (within its tolerance) / within ±{KEY_WINDOW} months / mean credit")
    for ms in scen.milestones:
        on_time = sum(1 for r in runs if r["milestones"][ms.id][2] >= 1.0)
        near = sum(1 for r in runs if _within(r["milestones"][ms.id], KEY_WINDOW))
        credit = statistics.fmean(r["milestones"][ms.id][2] for r in runs)
        print(f"  {ms.id:40s} w{ms.weight:<4g} ±{ms.tolerance:<2d} {100 * on_time / n:5.0f}% {100 * near / n:5.0f}%  {credit:4.2f}")
    alive = {sid: sum(1 for r in runs if r["alive"][sid]) for sid in sorted(runs[0]["alive"])}
    print()
    print("alive at the end: " + ", ".join(f"{sid} {100 * k / n:.0f}%" for sid, k in alive.items()))
    print(f"seconds per campaign: median {statistics.median(r['seconds'] for r in runs):.2f}")
    return 0


def _within(result: tuple[str, int | None, float], window: int) -> bool:
    _, off, _ = result
    return off is not None and abs(off) <= window


if __name__ == "__main__":
    raise SystemExit(main())
