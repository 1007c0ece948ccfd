"""The arguments of ``main.py batch`` and ``main.py compare``.

Kept apart from :mod:`lab.cli` and free of heavy imports, because main.py builds its whole
parser on every start, the game window's included.
"""

from __future__ import annotations

import argparse
import os

#: engine.setup.HISTORICAL_MODES, repeated so that building the parser imports no engine code.
HISTORICAL = ("off", "ai", "all")


def default_workers() -> int:
    """One worker per core (at most 8: beyond that the pool start-up outweighs short batches)."""
    return max(1, min(os.cpu_count() or 1, 8))


def add_batch_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    p.add_argument("--whatif", action="append", default=[], metavar="FILE", help="apply an overlay (repeatable)")
    p.add_argument("--runs", type=int, default=100, help="campaigns in the batch (default 100)")
    p.add_argument("--seed", type=int, default=1, help="batch seed; run i plays with a seed spawned from it")
    p.add_argument("--start", help="bookmark month YYYY-MM (default: the scenario's start)")
    p.add_argument("--until", help="last month to play, YYYY-MM (default: the scenario's end)")
    p.add_argument("--workers", type=int, default=default_workers(),
                   help="worker processes (default: the number of cores; 0 plays in this process)")
    p.add_argument("--db", default="results.sqlite", help="SQLite results file (default results.sqlite)")
    p.add_argument("--dask", metavar="ADDRESS", help="run on a dask.distributed scheduler (e.g. tcp://host:8786)")
    p.add_argument("--historical", choices=HISTORICAL, default="off",
                   help="historical events: off (the AI chooses every event freely, the default), "
                        "ai or all (history's choice forced on the AI factions, i.e. on all of them)")


def add_compare_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default="results.sqlite", help="SQLite results file (default results.sqlite)")
    p.add_argument("--baseline", default="none", help="'none' (runs without overlays, the default) or a what-if file or id")
    p.add_argument("--whatif", action="append", default=[], metavar="FILE",
                   help="what-if file or id to compare (repeatable; default: every one in the database)")
    p.add_argument("--scenario", help="scenario id, when the database holds several")
    p.add_argument("--historical", choices=HISTORICAL,
                   help="only the runs played with this historical-events mode (default: every mode, each apart)")
    p.add_argument("--format", choices=("text", "html"), default="text")
    p.add_argument("--out", metavar="FILE", help="write the report here (html default: next to the database)")
    p.add_argument("--charts", metavar="DIR", help="folder for the PNG charts of the text report "
                   "(default: <db>-charts next to the database); 'none' draws none")
    p.add_argument("--lang", choices=("zh", "zh_hant", "en"), default="en")
