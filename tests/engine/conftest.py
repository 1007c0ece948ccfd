"""Fixtures for the engine tests: the ``mini`` and ``duel`` scenarios and their opening states.

Helpers (condition and effect builders, the :class:`~engine_testkit.Draws` stand-in generator,
army placement) live in ``engine_testkit.py`` beside this file; the folder is put on
``sys.path`` here so test modules in sub-folders can import it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from engine.scenario import Scenario, load_scenario  # noqa: E402
from engine.setup import new_game  # noqa: E402
from engine.state import GameState  # noqa: E402
from engine_testkit import DUEL, MINI  # noqa: E402


@pytest.fixture(scope="session")
def mini_scen() -> Scenario:
    return load_scenario(MINI)


@pytest.fixture(scope="session")
def duel_scen() -> Scenario:
    return load_scenario(DUEL)


@pytest.fixture(scope="session")
def _duel_start(duel_scen: Scenario) -> GameState:
    return new_game(duel_scen, seed=1)


@pytest.fixture(scope="session")
def _mini_start(mini_scen: Scenario) -> GameState:
    return new_game(mini_scen, seed=1)


@pytest.fixture
def duel(_duel_start: GameState) -> GameState:
    """A working copy of the duel's opening state (change it freely)."""
    return _duel_start.copy()


@pytest.fixture
def mini(_mini_start: GameState) -> GameState:
    """A working copy of the mini scenario's opening state (change it freely)."""
    return _mini_start.copy()
