"""Games for the chronology tests: the 1211 scenario played by the test drivers.

``history_forced`` (tests/fixtures/chronology) forces the captures history's armies made,
since the drivers' armies stay at home. The campaigns are played once per session.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drivers import Driver  # noqa: E402
from engine.cli_simulate import run_campaign  # noqa: E402
from engine.scenario import Scenario, find_scenario, load_scenario  # noqa: E402
from engine.setup import new_game  # noqa: E402
from engine.state import GameState  # noqa: E402

ROOT = Path(__file__).resolve().parents[3]
FORCED = ROOT / "tests" / "fixtures" / "chronology" / "history_forced.yaml"

#: Xia keeps faith with the Mongols: sends the levy, stays at Fengxiang, does not seek Jin's
#: friendship, sends the hostage (every other choice, and every other state, as history)
XIA_LOYAL = {
    "mongol_levy_1217": "send",
    "xia_desert_fengxiang_1223": "stay",
    "xia_seek_peace_jin_1224": "stay_loyal",
    "hostage_demanded_1225": "send_hostage",
}


def play(scen: Scenario, driver: Driver, **setup: object) -> GameState:
    """A whole campaign with every state played by ``driver`` (all seats human, so the
    historical-events mode forces nothing: the driver decides)."""
    start = new_game(scen, seed=1, humans=scen.playable, historical_mode="off", **setup)  # type: ignore[arg-type]
    final, _ = run_campaign(start, {f: driver for f in scen.states})
    return final


@pytest.fixture(scope="session")
def jx_scen() -> Scenario:
    return load_scenario(find_scenario("jin_xia_1211"))


@pytest.fixture(scope="session")
def forced_scen() -> Scenario:
    return load_scenario(find_scenario("jin_xia_1211"), [FORCED])


@pytest.fixture(scope="session")
def historical_game(forced_scen: Scenario) -> GameState:
    return play(forced_scen, Driver())


@pytest.fixture(scope="session")
def xia_loyal_game(forced_scen: Scenario) -> GameState:
    return play(forced_scen, Driver(overrides=XIA_LOYAL))


@pytest.fixture(scope="session")
def passive_game(jx_scen: Scenario) -> GameState:
    """Nobody marches, and every decision goes against history."""
    return play(jx_scen, Driver(historical=False, besiege=False))
