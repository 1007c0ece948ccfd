"""Benchmark: how fast whole all-AI campaigns play.

Prints the median milliseconds all four factions' AI take to choose one month's orders (the
end of a turn with every AI), the median milliseconds per month including the month's
resolution, the slowest month, and the seconds per whole campaign over N runs. Targets
(DESIGN.md section 8, issue 6, at AI level normal): every AI for one month in at most 50 ms;
a whole 1211-1227 campaign in at most 1 s.

    .venv/bin/python benchmarks/turns.py [--scenario jin_xia_1211] [--runs 3] [--seed 1] [--level normal]

The scenario defaults to jin_xia_1211 and falls back to tests/fixtures/mini when that does not
load. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import time
from typing import Sequence

from _common import load, median, scenario_folder

from engine.ai.controller import play_turn
from engine.ai.player import AIPlayer
from engine.calendar import format_month
from engine.orders import Order
from engine.setup import new_game
from engine.state import GameState


class TimedAI:
    """The AI, with the time it spends choosing orders added up (in total and per month)."""

    def __init__(self) -> None:
        self.inner = AIPlayer()
        self.seconds = 0.0
        self.month = 0.0

    def orders(self, state: GameState, faction: str) -> Sequence[Order]:
        t0 = time.perf_counter()
        try:
            return self.inner.orders(state, faction)
        finally:
            spent = time.perf_counter() - t0
            self.seconds += spent
            self.month += spent


def campaign(scen, seed: int, level: str) -> tuple[float, list[float], list[float], float, int, int]:
    """One whole campaign: (seconds, ms per month, AI ms per month, AI seconds, months, orders)."""
    ai = TimedAI()
    controllers = {f: ai for f in scen.states}
    t0 = time.perf_counter()
    state = new_game(scen, seed=seed, ai_level=level, historical_mode="off")
    months: list[float] = []
    ai_months: list[float] = []
    record: list[Order] = []
    while not state.over:
        m0 = time.perf_counter()
        before = state.date
        ai.month = 0.0
        state, _ = play_turn(state, controllers, record)
        n = max(1, state.date - before)
        months.append((time.perf_counter() - m0) * 1000 / n)
        ai_months.append(ai.month * 1000 / n)
    return time.perf_counter() - t0, months, ai_months, ai.seconds, len(months), len(record)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    parser.add_argument("--runs", type=int, default=3, help="whole campaigns to time")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--level", choices=("easy", "normal", "hard"), default="normal", help="AI level")
    args = parser.parse_args(argv)
    folder, note = scenario_folder(args.scenario)
    if note:
        print(f"note: {note}")
    scen = load(folder)
    totals, per_month, ai_month, ai_share = [], [], [], []
    months = orders = 0
    for _ in range(max(1, args.runs)):
        seconds, month_ms, ai_ms, ai_seconds, months, orders = campaign(scen, args.seed, args.level)
        totals.append(seconds)
        per_month += month_ms
        ai_month += ai_ms
        ai_share.append(ai_seconds / seconds if seconds else 0.0)
    print(f"scenario: {scen.id} ({format_month(scen.start)} to {format_month(scen.end)}), seed {args.seed}, "
          f"AI level {args.level}, historical-events mode off, {args.runs} run(s)")
    print(f"months per campaign: {months}; orders per campaign: {orders}")
    print(f"ms for all four factions' AI to choose one month's orders, median: {median(ai_month):.2f}  (target <= 50)"
          f"  [slowest {max(ai_month):.2f}]")
    print(f"ms per month with the month's resolution, median: {median(per_month):.2f}  [slowest {max(per_month):.2f}]")
    print(f"share of the time the AI spends choosing: {median(ai_share) * 100:.0f} %")
    print(f"seconds per whole campaign, median of {len(totals)}: {median(totals):.3f}  (target <= 1.0)"
          f"  [min {min(totals):.3f}, max {max(totals):.3f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
