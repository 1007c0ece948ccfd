"""A worker refuses to play a run when its scenario files or engine code differ from what the
batch was planned with (a cluster node with an older checkout, files edited mid-batch): the
runs would silently differ from the rest of the batch."""

from __future__ import annotations

import pytest

from engine.scenario import find_scenario
from lab.runner import RunTask, VersionMismatch, code_hash, run_one, scenario_for

FOLDER = str(find_scenario("jin_xia_1211"))


def test_a_run_with_the_planned_versions_plays() -> None:
    scen = scenario_for(FOLDER, ())
    out = run_one(RunTask(0, 7, FOLDER, until=scen.start + 1, scenario_hash=scen.content_hash, code_hash=code_hash()))
    assert out["result"]["months"] == 2


def test_other_engine_code_is_refused() -> None:
    with pytest.raises(VersionMismatch, match="engine code"):
        run_one(RunTask(0, 7, FOLDER, code_hash="0" * 16))


def test_other_scenario_files_are_refused() -> None:
    with pytest.raises(VersionMismatch, match="scenario files"):
        run_one(RunTask(0, 7, FOLDER, scenario_hash="0" * 64))
