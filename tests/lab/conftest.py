"""Fixtures of the what-if lab tests: small batches (short date ranges, few runs) so that the
whole folder stays quick. Helpers are in ``lab_testkit.py`` beside this file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lab.batch import BatchSpec  # noqa: E402
from lab_testkit import HUGE_ARMY, SHIFT_RUNS, SHIFT_SEED, SHIFT_START, fill  # noqa: E402


@pytest.fixture(scope="session")
def shift_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Baseline and the huge-army what-if, same seeds and dates, in one database."""
    db = tmp_path_factory.mktemp("lab") / "shift.sqlite"
    for whatifs in ((), (str(HUGE_ARMY),)):
        fill(db, BatchSpec("jin_xia_1211", whatifs, SHIFT_RUNS, SHIFT_SEED, SHIFT_START), workers=2).close()
    return db
