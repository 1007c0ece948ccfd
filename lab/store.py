"""The batch database: SQLite through the standard library, one row per finished run.

Every run is written in its own transaction the moment it finishes, so killing a batch loses
only the runs still in flight, and a run is either wholly there (its ``runs`` row with its
``run_states`` and ``run_milestones`` rows) or not at all. ``UNIQUE(batch, run_index)`` makes
a restarted batch skip what is done instead of adding duplicates. WAL mode lets the game's lab
screen read while a batch writes.

Tables (dates are ``YYYY-MM`` text; JSON columns hold the record of :mod:`lab.observe`):

- ``runs``: one row per run — batch key, run index, scenario, variant (``""`` for the
  baseline, else the overlay ids joined by ``+``), overlays, batch seed, run seed, start, until,
  scenario and engine hashes, the historical-events mode (``historical``: off, ai or all), the
  parameters, final owners, states, first_lost, series,
  milestones, fidelity, key events, final state hash, seconds, created.
- ``run_states``: (run, state, alive, fell, places) — survival and fall date per state,
  ready for plain SQL (``SELECT avg(alive) FROM run_states WHERE state = 'xia'``).
- ``run_milestones``: (run, milestone, status, months_off, credit), when the chronology check
  is available.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

#: 2 added ``runs.historical``; a version-1 file gets the column on opening, filled with "ai"
#: (the only mode version 1 played).
SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    batch TEXT NOT NULL,
    run_index INTEGER NOT NULL,
    scenario TEXT NOT NULL,
    variant TEXT NOT NULL,
    overlays TEXT NOT NULL,
    overlay_files TEXT NOT NULL,
    batch_seed INTEGER NOT NULL,
    seed INTEGER NOT NULL,
    start TEXT NOT NULL,
    until TEXT NOT NULL,
    scenario_hash TEXT NOT NULL,
    engine_hash TEXT NOT NULL,
    params TEXT NOT NULL,
    last_month TEXT NOT NULL,
    months INTEGER NOT NULL,
    states TEXT NOT NULL,
    final_owners TEXT NOT NULL,
    first_lost TEXT NOT NULL,
    series TEXT NOT NULL,
    milestones TEXT,
    fidelity REAL,
    key_events TEXT NOT NULL,
    state_hash TEXT NOT NULL,
    seconds REAL NOT NULL,
    created TEXT NOT NULL,
    historical TEXT NOT NULL DEFAULT 'ai',
    UNIQUE (batch, run_index)
);
CREATE INDEX IF NOT EXISTS runs_variant ON runs (scenario, variant);
CREATE TABLE IF NOT EXISTS run_states (
    run INTEGER NOT NULL REFERENCES runs (id),
    state TEXT NOT NULL,
    alive INTEGER NOT NULL,
    fell TEXT,
    places INTEGER NOT NULL,
    PRIMARY KEY (run, state)
);
CREATE TABLE IF NOT EXISTS run_milestones (
    run INTEGER NOT NULL REFERENCES runs (id),
    milestone TEXT NOT NULL,
    status TEXT NOT NULL,
    months_off INTEGER,
    credit REAL NOT NULL,
    PRIMARY KEY (run, milestone)
);
"""


class StoreError(Exception):
    """The file is not a results database this version can use."""


@dataclass(frozen=True)
class BatchMeta:
    """What every run of one batch shares (written into each of its rows)."""

    batch: str
    scenario: str
    variant: str
    overlays: tuple[str, ...]
    overlay_files: tuple[str, ...]
    batch_seed: int
    start: str
    until: str
    scenario_hash: str
    engine_hash: str
    params: dict[str, Any]
    historical: str = "off"


@dataclass(frozen=True)
class StoredRun:
    """A run read back from the database."""

    id: int
    batch: str
    index: int
    scenario: str
    variant: str
    overlays: tuple[str, ...]
    batch_seed: int
    seed: int
    start: str
    until: str
    engine_hash: str
    seconds: float
    result: dict[str, Any]
    historical: str = "off"


@dataclass(frozen=True)
class VariantInfo:
    """One group of comparable runs: same scenario, overlays, date range and historical-events mode."""

    scenario: str
    variant: str
    overlays: tuple[str, ...]
    start: str
    until: str
    runs: int
    #: distinct (scenario files, engine code) versions among the runs; more than one is a warning
    versions: int
    historical: str = "off"


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Store:
    """A results database (created on first use)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            with self.db:
                self.db.executescript(SCHEMA)
                row = self.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
                if row is not None and int(row[0]) > SCHEMA_VERSION:
                    raise StoreError(f"{self.path}: made by a newer version (schema {row[0]}); this one reads {SCHEMA_VERSION}")
                self._migrate()
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a results database ({exc})") from exc

    def _migrate(self) -> None:
        """Bring an older file up to :data:`SCHEMA_VERSION` (inside the opening transaction)."""
        columns = {name for _, name, *_ in self.db.execute("PRAGMA table_info(runs)")}
        if "historical" not in columns:  # schema 1: every run was played with history forced ("ai")
            self.db.execute("ALTER TABLE runs ADD COLUMN historical TEXT NOT NULL DEFAULT 'ai'")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing
    def add(self, meta: BatchMeta, output: dict[str, Any]) -> bool:
        """Store one finished run (``lab.runner.run_one``'s output) in its own transaction;
        False if this batch already has that run."""
        r = output["result"]
        with self.db:
            cur = self.db.execute(
                "INSERT OR IGNORE INTO runs (batch, run_index, scenario, variant, overlays, overlay_files, batch_seed, seed,"
                " start, until, scenario_hash, engine_hash, params, last_month, months, states, final_owners, first_lost, series,"
                " milestones, fidelity, key_events, state_hash, seconds, created, historical)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    meta.batch, output["index"], meta.scenario, meta.variant, _dumps(list(meta.overlays)),
                    _dumps(list(meta.overlay_files)), meta.batch_seed, output["seed"], meta.start, meta.until,
                    meta.scenario_hash, meta.engine_hash, _dumps(meta.params), r["last_month"], r["months"], _dumps(r["states"]),
                    _dumps(r["final_owners"]), _dumps(r["first_lost"]), _dumps(r["series"]),
                    None if r["milestones"] is None else _dumps(r["milestones"]), r["fidelity"],
                    _dumps(r["key_events"]), r["state_hash"], output["seconds"],
                    datetime.now(timezone.utc).isoformat(timespec="seconds"), meta.historical,
                ),
            )
            if cur.rowcount == 0:
                return False
            run_id = cur.lastrowid
            self.db.executemany(
                "INSERT INTO run_states VALUES (?, ?, ?, ?, ?)",
                [(run_id, sid, int(s["alive"]), s["fell"], s["places"]) for sid, s in sorted(r["states"].items())],
            )
            self.db.executemany(
                "INSERT INTO run_milestones VALUES (?, ?, ?, ?, ?)",
                [(run_id, m["id"], m["status"], m["months_off"], m["credit"]) for m in r["milestones"] or ()],
            )
        return True

    # ------------------------------------------------------------ reading
    def done(self, batch: str) -> set[int]:
        """Indices of the runs of ``batch`` already stored."""
        return {i for (i,) in self.db.execute("SELECT run_index FROM runs WHERE batch = ?", (batch,))}

    def engine_hashes(self, batch: str) -> set[str]:
        return {h for (h,) in self.db.execute("SELECT DISTINCT engine_hash FROM runs WHERE batch = ?", (batch,))}

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM runs").fetchone()[0])

    def variants(self, scenario: str | None = None) -> list[VariantInfo]:
        """Groups of comparable runs (one per historical-events mode), the baseline first, then by
        overlay ids."""
        rows = self.db.execute(
            "SELECT scenario, variant, overlays, start, until, count(*), count(DISTINCT scenario_hash || engine_hash), historical"
            " FROM runs WHERE ? IS NULL OR scenario = ? GROUP BY scenario, variant, start, until, historical"
            " ORDER BY scenario, variant != '', variant, start, until, historical",
            (scenario, scenario),
        )
        return [VariantInfo(s, v, tuple(json.loads(o)), a, b, n, e, h) for s, v, o, a, b, n, e, h in rows]

    def overlay_files(self, scenario: str, variant: str) -> list[str]:
        """The overlay files of a variant as the last batch of it named them."""
        row = self.db.execute("SELECT overlay_files FROM runs WHERE scenario = ? AND variant = ? ORDER BY id DESC LIMIT 1",
                              (scenario, variant)).fetchone()
        return json.loads(row[0]) if row else []

    def runs(self, scenario: str, variant: str, start: str, until: str, historical: str = "off") -> list[StoredRun]:
        """Every stored run of one variant, in a stable order (batch, then run index)."""
        return list(self._runs(
            "WHERE scenario = ? AND variant = ? AND start = ? AND until = ? AND historical = ? ORDER BY batch, run_index",
            (scenario, variant, start, until, historical),
        ))

    def batch_runs(self, batch: str) -> list[StoredRun]:
        """The stored runs of one batch, by run index."""
        return list(self._runs("WHERE batch = ? ORDER BY run_index", (batch,)))

    def all_runs(self) -> list[StoredRun]:
        return list(self._runs("ORDER BY batch, run_index", ()))

    def _runs(self, where: str, args: tuple[Any, ...]) -> Iterator[StoredRun]:
        sql = ("SELECT id, batch, run_index, scenario, variant, overlays, batch_seed, seed, start, until, engine_hash,"
               " seconds, last_month, months, states, final_owners, first_lost, series, milestones, fidelity, key_events, state_hash,"
               " historical"
               f" FROM runs {where}")
        for row in self.db.execute(sql, args):
            (rid, batch, index, scen, variant, overlays, bseed, seed, start, until, ehash, secs,
             last, months, states, owners, lost, series, milestones, fidelity, events, shash, historical) = row
            yield StoredRun(rid, batch, index, scen, variant, tuple(json.loads(overlays)), bseed, seed, start, until, ehash, secs, {
                "last_month": last,
                "months": months,
                "states": json.loads(states),
                "final_owners": json.loads(owners),
                "first_lost": json.loads(lost),
                "series": json.loads(series),
                "milestones": None if milestones is None else json.loads(milestones),
                "fidelity": fidelity,
                "key_events": json.loads(events),
                "state_hash": shash,
            }, historical)
