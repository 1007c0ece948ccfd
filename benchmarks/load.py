"""Benchmark: loading and validating a scenario against the bare YAML parse of its files.

Times ``load_scenario`` (read, two-phase validation, building the scenario) beside
``yaml.load(text, Loader=CSafeLoader)`` of the same YAML files (scenario.yaml and its
includes), each the median of N interleaved runs after one warm-up, and prints their ratio. Target
(DESIGN.md section 8): load+validate at most 2x the bare parse.

    .venv/bin/python benchmarks/load.py [--scenario jin_xia_1211] [--runs 5]

The scenario defaults to jin_xia_1211 and falls back to tests/fixtures/mini when that does not
load. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Sequence

import yaml
from _common import load, median, scenario_folder

try:
    from yaml import CSafeLoader as FastLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as FastLoader  # type: ignore[assignment]


def yaml_files(folder: Path) -> list[Path]:
    """scenario.yaml and the files it includes, in order."""
    header = yaml.load((folder / "scenario.yaml").read_text(encoding="utf-8"), Loader=FastLoader)
    return [folder / "scenario.yaml"] + [folder / inc for inc in header.get("include", [])]


def bare_parse(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=FastLoader)


def timed_pair(a, b, runs: int) -> tuple[list[float], list[float]]:
    """Time ``a`` and ``b`` in turn (a b a b …) after a warm-up of each, so a noisy machine
    slows both alike instead of skewing the ratio."""
    a(), b()  # warm-up: imports, lazily built tables, the file cache
    out_a, out_b = [], []
    for _ in range(runs):
        for fn, out in ((a, out_a), (b, out_b)):
            t0 = time.perf_counter()
            fn()
            out.append(time.perf_counter() - t0)
    return out_a, out_b


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    folder, note = scenario_folder(args.scenario)
    if note:
        print(f"note: {note}")
    files = yaml_files(folder)
    size = sum(p.stat().st_size for p in files)
    runs = max(1, args.runs)
    loaded, parsed = timed_pair(lambda: load(folder), lambda: bare_parse(files), runs)
    lm, pm = median(loaded), median(parsed)
    print(f"scenario: {folder.name}: {len(files)} YAML files, {size / 1024:.0f} KiB, {runs} run(s) each")
    print(f"load+validate, median: {lm * 1000:.1f} ms  [min {min(loaded) * 1000:.1f}, max {max(loaded) * 1000:.1f}]")
    print(f"bare YAML parse (CSafeLoader), median: {pm * 1000:.1f} ms  [min {min(parsed) * 1000:.1f}, max {max(parsed) * 1000:.1f}]")
    print(f"ratio load+validate / bare parse: {lm / pm:.2f}  (target <= 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
