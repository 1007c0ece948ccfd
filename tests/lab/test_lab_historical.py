"""The historical-events mode of a batch: stored with every run, a separate batch and variant
per mode (a what-if is only set beside baseline runs of its own mode), and a results file of
schema 1 (before the mode was stored, when every run forced history) still opens, its runs
marked "ai". Also: runs too short for any milestone to fall due store no fidelity score, and
the comparison copes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from lab_testkit import HUGE_ARMY, fill

import main
from engine.scenario import find_scenario, load_scenario
from lab.batch import BatchSpec, plan
from lab.compare import build
from lab.runner import play
from lab.store import SCHEMA_VERSION, Store

SHORT = dict(scenario="jin_xia_1211", runs=2, seed=3, start="1211-01", until="1211-03")


def test_each_mode_is_its_own_batch_and_variant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "modes.sqlite"
    for mode in ("off", "ai"):
        fill(db, BatchSpec(**SHORT, historical=mode), None).close()
    fill(db, BatchSpec(**{**SHORT, "whatifs": (str(HUGE_ARMY),)}, historical="off"), None).close()
    with Store(db) as store:
        assert plan(BatchSpec(**SHORT, historical="ai"), store).tasks == []  # resumes its own batch only
        assert {(v.variant, v.historical, v.runs) for v in store.variants()} == {
            ("", "off", 2), ("", "ai", 2), ("test_xia_huge_army", "off", 2)}
        comparison = build(store, charts=False)
        # the what-if (played with "off") is set beside the "off" baseline; the "ai" baseline is
        # not pooled in: it stands alone
        assert [(b.variant, b.historical, len(b.base_runs), b.other_runs is not None) for b in comparison.blocks] == [
            ("test_xia_huge_army", "off", 2, True), ("", "ai", 2, False)]
        only_ai = build(store, charts=False, historical="ai")
        assert [(b.variant, b.historical, len(b.base_runs)) for b in only_ai.blocks] == [("", "ai", 2)]
    with sqlite3.connect(db) as con:
        assert sorted(con.execute("SELECT DISTINCT historical, json_extract(params, '$.historical_mode') FROM runs")) == [
            ("ai", "ai"), ("off", "off")]
    assert main.main(["compare", "--db", str(db), "--charts", "none", "--historical", "ai"]) == 0
    assert "historical events: ai (history's choices forced on the AI)" in capsys.readouterr().out
    assert main.main(["compare", "--db", str(db), "--charts", "none", "--historical", "all"]) == 2
    assert "no runs with historical events 'all'" in capsys.readouterr().err


def test_a_schema_1_database_opens_with_its_runs_marked_ai(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    fill(db, BatchSpec(**SHORT, historical="ai"), None).close()
    with sqlite3.connect(db) as con:  # make it a file of the first version: no column, schema 1
        con.execute("ALTER TABLE runs DROP COLUMN historical")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    with Store(db) as store:
        assert [(v.historical, v.runs) for v in store.variants()] == [("ai", 2)]
        # the old runs are the same batch as an "ai" batch planned now: resuming adds nothing
        assert plan(BatchSpec(**SHORT, historical="ai"), store).tasks == []
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (str(SCHEMA_VERSION),)


def test_a_bad_mode_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main.main(["batch", "--historical", "sometimes", "--db", str(tmp_path / "x.sqlite")])
    assert exc.value.code == 2
    assert "invalid choice: 'sometimes'" in capsys.readouterr().err


def test_the_mode_reaches_the_engine() -> None:
    """Forcing history or not plays a different whole campaign from the same seed (the AI does
    not take every historical choice itself)."""
    scen = load_scenario(find_scenario("jin_xia_1211"))
    hashes = {mode: play(scen, 5, historical_mode=mode)["state_hash"] for mode in ("off", "ai")}
    assert hashes["off"] != hashes["ai"]


def test_runs_before_any_milestone_is_due_store_no_fidelity(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "short.sqlite"
    # from the 1217 bookmark, no milestone falls due in the first month
    fill(db, BatchSpec("jin_xia_1211", (), 2, 1, "1217-01", "1217-01"), None).close()
    with Store(db) as store:
        assert [r.result["fidelity"] for r in store.all_runs()] == [None, None]
    assert main.main(["compare", "--db", str(db), "--charts", "none", "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("史实吻合度"))
    assert lines[at + 1].strip() == "—"  # no score, no crash
