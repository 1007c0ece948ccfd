"""An interrupted batch loses no finished run and leaves no partial one: a real ``main.py
batch`` process is killed (SIGKILL, with its workers) while runs are being stored; running the
same command again finishes the batch with every run exactly once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from lab_testkit import ROOT

RUNS = 30
COMMAND = ["main.py", "batch", "--scenario", "jin_xia_1211", "--runs", str(RUNS), "--seed", "4",
           "--start", "1223-12", "--workers", "2"]


def _rows(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as con:
            return int(con.execute("SELECT count(*) FROM runs").fetchone()[0])
    except sqlite3.OperationalError:  # the table is not created yet
        return 0


def test_a_killed_batch_resumes_without_duplicates_or_partial_rows(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    cmd = [sys.executable, *COMMAND, "--db", str(db)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _rows(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be interrupted"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the batch and its worker processes: our own session
        proc.wait()
    before = _rows(db)
    assert 3 <= before < RUNS

    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"{before} already in" in done.stdout

    with sqlite3.connect(db) as con:
        indices = [i for (i,) in con.execute("SELECT run_index FROM runs ORDER BY run_index")]
        assert indices == list(range(RUNS))
        for run_id, states, series in con.execute("SELECT id, states, series FROM runs"):
            states = json.loads(states)
            assert set(states) == {"jin", "mongol", "song", "xia"}
            assert len(json.loads(series)["held"]["xia"]) == 12 * 4 + 1 + 1  # 1223-12 .. 1227-12, and the start
            (n,) = con.execute("SELECT count(*) FROM run_states WHERE run = ?", (run_id,)).fetchone()
            assert n == 4
        (orphans,) = con.execute("SELECT count(*) FROM run_states WHERE run NOT IN (SELECT id FROM runs)").fetchone()
        assert orphans == 0
    again = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "nothing to do" in again.stdout
    assert _rows(db) == RUNS


def test_ctrl_c_says_interrupted_once_and_keeps_finished_runs(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the whole foreground group: the batch and its workers) prints one
    line, exits 130, and the runs finished before it stay stored."""
    db = tmp_path / "c.sqlite"
    proc = subprocess.Popen([sys.executable, *COMMAND, "--db", str(db)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while _rows(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch finished before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130
    assert err.strip() == "interrupted: the finished runs are stored; run the same command again to finish"
    assert 2 <= _rows(db) < RUNS
