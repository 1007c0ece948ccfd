"""Saves for the report tests, made the way a user makes them: ``main.py simulate --save``."""

from __future__ import annotations

from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[2]
MARKUP = ROOT / "tests" / "fixtures" / "chronology" / "markup_text.yaml"


def _simulate(folder: Path, name: str, *extra: str) -> Path:
    save = folder / name
    assert main.main(["simulate", "--scenario", "jin_xia_1211", "--seed", "3", "--quiet", "--save", str(save), *extra]) == 0
    return save


@pytest.fixture(scope="session")
def full_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whole 1211–1227 all-AI game (seed 3)."""
    return _simulate(tmp_path_factory.mktemp("saves"), "full.json")


@pytest.fixture(scope="session")
def markup_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A short game on a scenario whose history texts carry markup."""
    return _simulate(tmp_path_factory.mktemp("saves"), "markup.json", "--until", "1212-06", "--whatif", str(MARKUP))
