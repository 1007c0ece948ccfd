"""The same batch seed gives the same runs, whoever plays them: in this process, one worker
process, two worker processes, or two dask workers on a loopback LocalCluster."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lab_testkit import fill

from lab.batch import BatchSpec, plan, run
from lab.runner import DaskExecutor
from lab.store import Store

SPEC = BatchSpec("jin_xia_1211", (), runs=6, seed=5, start="1211-01", until="1212-12")


def _content(store: Store) -> list[tuple[Any, ...]]:
    """Everything stored about each run but the wall-clock seconds."""
    return [(r.batch, r.index, r.seed, r.result) for r in store.all_runs()]


def test_serial_one_and_two_workers_store_identical_runs(tmp_path: Path) -> None:
    stores = {name: fill(tmp_path / f"{name}.sqlite", SPEC, workers) for name, workers in
              (("serial", None), ("one", 1), ("two", 2))}
    serial = _content(stores["serial"])
    assert len(serial) == SPEC.runs
    assert len({r[3]["state_hash"] for r in serial}) == SPEC.runs  # the runs differ from each other
    assert _content(stores["one"]) == serial
    assert _content(stores["two"]) == serial
    for store in stores.values():
        store.close()


def test_a_dask_local_cluster_gives_the_same_runs(tmp_path: Path) -> None:
    from dask.distributed import LocalCluster

    serial = fill(tmp_path / "serial.sqlite", SPEC, None)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        executor = DaskExecutor(cluster.scheduler_address)
        store = Store(tmp_path / "dask.sqlite")
        try:
            stored = run(plan(SPEC, store), store, executor)
        finally:
            executor.shutdown()
    assert stored == SPEC.runs
    assert _content(store) == _content(serial)
    store.close()
    serial.close()
