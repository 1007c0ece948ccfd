"""One seeded all-AI campaign → one plain result record, and running many of them through any
``concurrent.futures.Executor``.

The worker function :func:`run_one` takes a small picklable :class:`RunTask` (paths, dates,
a seed) and returns plain data, so the same tasks go to a local ``ProcessPoolExecutor`` (with
a forkserver or spawn context: never fork a process that may have initialised SDL), to a
dask.distributed cluster through ``Client.get_executor(pure=False)``, or are called in-line.
Each worker process loads a scenario once and keeps it for the next runs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from engine.ai.baseline import BaselineAI
from engine.cli_simulate import run_campaign
from engine.scenario import Scenario, load_scenario
from engine.setup import new_game

from lab.observe import Observer, Result, summarize

_SCENARIOS: dict[tuple[str, tuple[str, ...]], Scenario] = {}
_CODE_HASH: list[str] = []
ROOT = Path(__file__).resolve().parents[1]
#: The code whose changes change results: the rules and AI, and what the lab records.
CODE_DIRS = ("engine",)
CODE_FILES = ("lab/observe.py", "lab/runner.py")


class VersionMismatch(RuntimeError):
    """A worker has other scenario files or other engine code than the batch was planned with
    (a cluster node with an older checkout, or files edited while the batch runs)."""


@dataclass(frozen=True)
class RunTask:
    """Everything a worker needs to play run ``index`` of a batch (plain, picklable data)."""

    index: int
    seed: int
    scenario_folder: str
    overlays: tuple[str, ...] = ()
    start: int | None = None
    until: int | None = None
    #: the scenario's content hash and the code hash when the batch was planned ("" = unchecked)
    scenario_hash: str = ""
    code_hash: str = ""
    #: historical-events mode (engine.setup.HISTORICAL_MODES): "off" lets the AI choose every
    #: event freely; "ai" and "all" force history's choice (every faction is an AI here)
    historical_mode: str = "off"


def code_hash() -> str:
    """sha256 (first 16 hex digits) of the source that decides a run's outcome, read once per
    process; stored with every run and checked by every worker."""
    if not _CODE_HASH:
        h = hashlib.sha256()
        files = [p for d in CODE_DIRS for p in sorted((ROOT / d).rglob("*.py"))] + [ROOT / f for f in CODE_FILES]
        for path in files:
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
        _CODE_HASH.append(h.hexdigest()[:16])
    return _CODE_HASH[0]


def scenario_for(folder: str, overlays: tuple[str, ...], expected_hash: str = "") -> Scenario:
    """The scenario with its overlays, loaded once per process (again if its files changed).

    Raises:
        VersionMismatch: the files here differ from those the batch was planned with.
    """
    key = (folder, overlays)
    scen = _SCENARIOS.get(key)
    if scen is None or (expected_hash and scen.content_hash != expected_hash):
        scen = load_scenario(folder, overlays)
        _SCENARIOS[key] = scen
    if expected_hash and scen.content_hash != expected_hash:
        raise VersionMismatch(f"the scenario files in {folder} differ from those the batch was planned with")
    return scen


def play(scen: Scenario, seed: int, start: int | None = None, until: int | None = None,
         historical_mode: str = "off") -> Result:
    """Play one all-AI campaign and return its record. With ``historical_mode`` "ai" (what
    ``main.py simulate`` plays) every event choice is forced to history's, since every faction
    is an AI; "off" lets the AI decide, which is what a what-if explorer needs."""
    state = new_game(scen, start=start, seed=seed, historical_mode=historical_mode, end=until)
    ai = BaselineAI()
    observer = Observer(state)
    state, _ = run_campaign(state, {f: ai for f in scen.states}, on_month=observer)
    return summarize(state, observer, scen)


def run_one(task: RunTask) -> dict[str, Any]:
    """The worker function: ``{"index", "seed", "seconds", "result"}`` for one task."""
    t0 = time.perf_counter()
    if task.code_hash and task.code_hash != code_hash():
        raise VersionMismatch(f"the engine code at {ROOT} differs from the code the batch was planned with")
    scen = scenario_for(task.scenario_folder, task.overlays, task.scenario_hash)
    result = play(scen, task.seed, task.start, task.until, task.historical_mode)
    return {"index": task.index, "seed": task.seed, "seconds": round(time.perf_counter() - t0, 4), "result": result}


def process_pool(workers: int) -> ProcessPoolExecutor:
    """A local pool whose workers start clean: forkserver where it exists, else spawn."""
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=max(1, workers), mp_context=multiprocessing.get_context(method))


class DaskExecutor:
    """A dask.distributed client's executor, closing the client with it (dask is imported
    only here: it is the optional ``cluster`` extra)."""

    def __init__(self, address: str) -> None:
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise RuntimeError("--dask needs dask.distributed: pip install 'four-realms[cluster]'") from exc
        try:
            self.client = Client(address, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise RuntimeError(f"cannot reach the dask scheduler at {address}: {exc}") from exc
        self.executor = self.client.get_executor(pure=False)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        return self.executor.submit(fn, *args)

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.executor.shutdown(wait=wait)
        self.client.close()


def execute(tasks: Iterable[RunTask], executor: Executor | DaskExecutor | None,
            window: int | None = None) -> Iterator[dict[str, Any]]:
    """Yield each run's output as soon as it finishes (in completion order; the index says
    which run it is). ``executor=None`` runs the tasks in this process, one by one.

    ``window`` bounds the tasks handed to the executor at once (None: all of them): a caller
    that may stop early (the game's lab screen) keeps it small, so that stopping, or quitting
    the program, never waits for hundreds of queued runs.
    """
    pending = list(tasks)
    if executor is None:
        for task in pending:
            yield run_one(task)
        return
    limit = len(pending) if window is None else max(1, window)
    queue = iter(pending)
    running: set[Future] = set()
    try:
        while True:
            for task in queue:
                running.add(executor.submit(run_one, task))
                if len(running) >= limit:
                    break
            if not running:
                return
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        for future in running:
            future.cancel()
