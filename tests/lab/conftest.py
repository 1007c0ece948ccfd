"""Fixtures of the what-if lab tests: small batches (short date ranges, few runs) so that the
whole folder stays quick. Helpers are in ``lab_testkit.py`` beside this file."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lab.batch import BatchSpec  # noqa: E402
from lab_testkit import COLLAPSE, FORTRESS, SHIFT_RUNS, SHIFT_SEED, SHIFT_START, fill  # noqa: E402


@pytest.fixture(scope="session")
def shift_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The baseline and the two decisive what-ifs (Xia a fortress, Xia collapsed), same seeds
    and dates, in one database."""
    db = tmp_path_factory.mktemp("lab") / "shift.sqlite"
    for whatifs in ((), (str(FORTRESS),), (str(COLLAPSE),)):
        fill(db, BatchSpec("jin_xia_1211", whatifs, SHIFT_RUNS, SHIFT_SEED, SHIFT_START), workers=2).close()
    return db
