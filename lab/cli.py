"""The bodies of ``main.py batch`` and ``main.py compare``.

Bad input (a broken scenario or overlay, bad dates, an unreadable database, an unreachable
dask scheduler) prints one line per problem to stderr and returns 2; main.py turns the return
value into the exit code.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from engine.scenario import ScenarioError

from lab import batch as lab_batch
from lab.runner import DaskExecutor, VersionMismatch, process_pool
from lab.store import Store, StoreError

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130  # as main.py returns for Ctrl-C elsewhere


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def batch(args: argparse.Namespace) -> int:
    """``main.py batch``: plan, run through a pool (or dask, or in-line), store as they finish."""
    if args.workers < 0:
        return _fail("batch: --workers must be 0 or more")
    try:
        store = Store(args.db)
    except StoreError as exc:
        return _fail(f"batch: {exc}")
    with store:
        try:
            plan = lab_batch.plan(lab_batch.BatchSpec(args.scenario, tuple(args.whatif), args.runs, args.seed,
                                                      args.start, args.until, args.historical), store)
        except ScenarioError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return EXIT_BAD_INPUT
        except ValueError as exc:
            return _fail(f"batch: {exc}")
        m = plan.meta
        what = f"what-if {m.variant}" if m.variant else "baseline"
        where = f"dask {args.dask}" if args.dask else (f"{args.workers} worker(s)" if args.workers else "this process")
        print(f"batch {m.batch}: {m.scenario} {what}, seed {m.batch_seed}, {m.start}..{m.until}, "
              f"historical events {m.historical}: "
              f"{args.runs} run(s), {plan.already} already in {args.db}, {len(plan.tasks)} to play on {where}")
        if plan.stale_engine:
            print("note: runs already stored for this batch came from another version of the engine", file=sys.stderr)
        if not plan.tasks:
            print("nothing to do: raise --runs or choose another --seed to add runs")
            return EXIT_OK
        try:
            executor = DaskExecutor(args.dask) if args.dask else (process_pool(args.workers) if args.workers else None)
        except RuntimeError as exc:
            return _fail(f"batch: {exc}")
        from tqdm import tqdm

        t0 = time.perf_counter()
        stored = 0
        try:
            with tqdm(total=len(plan.tasks), disable=None, unit="run", desc="batch") as bar:
                stored = lab_batch.run(plan, store, executor, on_stored=lambda _: bar.update(1))
        except KeyboardInterrupt:  # the one message (main.py's generic one is not printed)
            print("interrupted: the finished runs are stored; run the same command again to finish", file=sys.stderr)
            return EXIT_INTERRUPTED
        except VersionMismatch as exc:
            print(f"batch: {exc}; the finished runs are stored", file=sys.stderr)
            return EXIT_FAILED
        except BrokenProcessPool:
            print("batch: a worker process died; the finished runs are stored", file=sys.stderr)
            return EXIT_FAILED
        except Exception as exc:  # noqa: BLE001 - a cluster reports its workers' failures as any exception
            if not args.dask:
                raise
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            print(f"batch: a run failed on the dask cluster ({first}); the scheduler and workers need this "
                  "project importable (pip install 'four-realms[cluster]' there); finished runs are stored", file=sys.stderr)
            return EXIT_FAILED
        finally:
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
        seconds = time.perf_counter() - t0
        rate = 60 * len(plan.tasks) / seconds if seconds > 0 else 0.0
        print(f"stored {stored} run(s) in {seconds:.1f} s ({rate:.0f} campaigns per minute); "
              f"{store.count()} run(s) in {args.db}")
        print(f"compare with: main.py compare --db {args.db}")
    return EXIT_OK


def compare(args: argparse.Namespace) -> int:
    """``main.py compare``: the side-by-side answer as text (with PNG charts) or HTML."""
    from lab.compare import CompareError, build
    from lab.report import render_html, render_text

    db = Path(args.db)
    if not db.is_file():
        return _fail(f"compare: no such database {args.db}")
    try:
        store = Store(db)
    except StoreError as exc:
        return _fail(f"compare: {exc}")
    draw = not (args.format == "text" and args.charts == "none")
    with store:
        try:
            comparison = build(store, args.baseline, args.whatif, args.lang, args.scenario, charts=draw,
                               historical=args.historical)
        except CompareError as exc:
            return _fail(f"compare: {exc}")
    try:
        if args.format == "html":
            out = Path(args.out) if args.out else db.with_suffix(".html")
            out.write_text(render_html(comparison), encoding="utf-8")
            print(f"wrote {out}")
            return EXIT_OK
        files = []
        if draw:
            folder = Path(args.charts) if args.charts else db.parent / f"{db.stem}-charts"
            folder.mkdir(parents=True, exist_ok=True)
            for i, block in enumerate(comparison.blocks):
                stem = block.variant or "baseline"
                names = {}
                for kind, png in block.charts.items():
                    path = folder / f"{i + 1:02d}_{stem}_{kind}.png"
                    path.write_bytes(png)
                    names[kind] = str(path)
                files.append(names)
        text = render_text(comparison, files)
        if args.out:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
            print(f"wrote {args.out}")
        else:
            print(text)
    except BrokenPipeError:
        raise  # main.py: output piped into head and friends
    except OSError as exc:
        return _fail(f"compare: cannot write: {exc}")
    return EXIT_OK
