"""Benchmark: how fast whole all-AI campaigns play.

Prints the median milliseconds per month (each month: every AI gives its orders, then the
month resolves), the slowest month, the share of that time the AI spends choosing orders, and
the seconds per whole campaign over N runs. Targets (DESIGN.md section 8): a whole 1211-1227
campaign in at most 1 s; an end of turn with every AI in at most 50 ms.

    .venv/bin/python benchmarks/turns.py [--scenario jin_xia_1211] [--runs 3] [--seed 1]

The scenario defaults to jin_xia_1211 and falls back to tests/fixtures/mini when that does not
load. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import time
from typing import Sequence

from _common import load, median, scenario_folder

from engine.ai.baseline import BaselineAI
from engine.ai.controller import play_turn
from engine.calendar import format_month
from engine.orders import Order
from engine.setup import new_game
from engine.state import GameState


class TimedAI:
    """The baseline AI, with the time it spends choosing orders added up."""

    def __init__(self) -> None:
        self.inner = BaselineAI()
        self.seconds = 0.0

    def orders(self, state: GameState, faction: str) -> Sequence[Order]:
        t0 = time.perf_counter()
        try:
            return self.inner.orders(state, faction)
        finally:
            self.seconds += time.perf_counter() - t0


def campaign(scen, seed: int) -> tuple[float, list[float], float, int, int]:
    """One whole campaign: (seconds, ms per month, AI seconds, months, orders)."""
    ai = TimedAI()
    controllers = {f: ai for f in scen.states}
    t0 = time.perf_counter()
    state = new_game(scen, seed=seed)
    months: list[float] = []
    record: list[Order] = []
    while not state.over:
        m0 = time.perf_counter()
        before = state.date
        state, _ = play_turn(state, controllers, record)
        months.append((time.perf_counter() - m0) * 1000 / max(1, state.date - before))
    return time.perf_counter() - t0, months, ai.seconds, len(months), len(record)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    parser.add_argument("--runs", type=int, default=3, help="whole campaigns to time")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    folder, note = scenario_folder(args.scenario)
    if note:
        print(f"note: {note}")
    scen = load(folder)
    totals, per_month, ai_share = [], [], []
    months = orders = 0
    for _ in range(max(1, args.runs)):
        seconds, month_ms, ai_seconds, months, orders = campaign(scen, args.seed)
        totals.append(seconds)
        per_month += month_ms
        ai_share.append(ai_seconds / seconds if seconds else 0.0)
    print(f"scenario: {scen.id} ({format_month(scen.start)} to {format_month(scen.end)}), seed {args.seed}, {args.runs} run(s)")
    print(f"months per campaign: {months}; orders per campaign: {orders}")
    print(f"ms per month, median: {median(per_month):.2f}  (target <= 50)")
    print(f"ms per month, slowest: {max(per_month):.2f}")
    print(f"share of the time the AI spends choosing: {median(ai_share) * 100:.0f} %")
    print(f"seconds per whole campaign, median of {len(totals)}: {median(totals):.3f}  (target <= 1.0)"
          f"  [min {min(totals):.3f}, max {max(totals):.3f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
