"""A batch in a background thread, for a program that must stay responsive (the game's lab
screen): the thread plans each batch, drives a process pool and stores every run; the caller
polls :meth:`BatchJob.poll` once a frame for what happened since, never blocking.

Only a few runs are handed to the pool at a time, so :meth:`BatchJob.cancel` (or quitting the
program) waits at most for the runs already under way.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from engine.scenario import ScenarioError

from lab.batch import BatchSpec, plan
from lab.runner import execute, process_pool
from lab.store import Store


@dataclass
class Progress:
    """What the job has reported so far (kept by the polling side)."""

    total: int = 0
    done: int = 0
    #: the variant of each batch, in the order of the specs (the baseline first, if asked)
    variants: list[str] = field(default_factory=list)
    #: variant -> result records (the batch's runs stored before, then the new ones)
    results: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    finished: bool = False
    cancelled: bool = False
    error: str | None = None


class BatchJob:
    """Runs ``specs`` one after the other into ``db`` with ``workers`` processes."""

    def __init__(self, specs: list[BatchSpec], db: Path, workers: int) -> None:
        self.specs = specs
        self.db = db
        self.workers = max(1, workers)
        self.progress = Progress()
        self._events: queue.SimpleQueue[tuple[str, Any]] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._main, name="lab-batch", daemon=True)

    # ------------------------------------------------------------ the caller's side
    def start(self) -> "BatchJob":
        self._thread.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop after the runs under way (finished runs stay stored)."""
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def poll(self) -> bool:
        """Take in what the thread reported since the last call; True if anything changed."""
        changed = False
        p = self.progress
        while True:
            try:
                kind, data = self._events.get_nowait()
            except queue.Empty:
                return changed
            changed = True
            if kind == "planned":
                variant, todo, existing = data
                p.total += todo
                p.variants.append(variant)
                p.results.setdefault(variant, []).extend(existing)
            elif kind == "run":
                variant, result = data
                p.done += 1
                p.results.setdefault(variant, []).append(result)
            elif kind == "error":
                p.error = data
            elif kind == "finished":
                p.finished = True
                p.cancelled = self._stop.is_set()

    # ------------------------------------------------------------ the thread
    def _main(self) -> None:
        try:
            with Store(self.db) as store:
                plans = []
                for spec in self.specs:
                    pl = plan(spec, store)
                    m = pl.meta
                    existing = [r.result for r in store.batch_runs(m.batch)]
                    self._events.put(("planned", (m.variant, len(pl.tasks), existing)))
                    plans.append(pl)
                if any(pl.tasks for pl in plans) and not self._stop.is_set():
                    with process_pool(self.workers) as pool:
                        for pl in plans:
                            for output in execute(pl.tasks, pool, window=2 * self.workers):
                                store.add(pl.meta, output)
                                self._events.put(("run", (pl.meta.variant, output["result"])))
                                if self._stop.is_set():
                                    break
                            if self._stop.is_set():
                                break
        except ScenarioError as exc:
            self._events.put(("error", "; ".join(str(p) for p in exc.problems[:3])))
        except Exception as exc:  # noqa: BLE001 - the screen shows it; a thread has no one else to tell
            self._events.put(("error", f"{type(exc).__name__}: {exc}"))
        finally:
            self._events.put(("finished", None))
