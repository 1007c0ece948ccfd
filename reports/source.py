"""Opening a save for a report: the scenario it was played on and its final state.

The save's final state is trusted once its checksum matches (``engine.save.load_game``): the
game log in it is the whole story, and the milestone observations made month by month are in
it too. Saves made before the chronology check have no observations; for them the orders are
replayed from the setup, which rebuilds the observations exactly.
"""

from __future__ import annotations

from pathlib import Path

from engine.apply import apply
from engine.legality import IllegalOrder
from engine.save import GameRecord, SaveError, load_game, read_save_json
from engine.scenario import Scenario, ScenarioError, find_scenario, load_scenario
from engine.setup import SetupError, new_game
from engine.state import GameState


class ReportError(Exception):
    """The report cannot be made (a damaged save, a missing scenario); the message is one line."""


def _scenario_for(path: Path, data: dict) -> Scenario:
    folder = str(data.get("scenario_folder") or "")
    name = folder if folder and (Path(folder) / "scenario.yaml").is_file() else str(data.get("scenario", ""))
    overlays = [str(x) for x in data.get("overlays", []) if isinstance(x, str)]
    try:
        return load_scenario(find_scenario(name), overlays)
    except ScenarioError as exc:
        first = exc.problems[0] if exc.problems else "invalid scenario"
        raise ReportError(f"{path}: cannot load its scenario {name!r}: {first}") from None
    except (OSError, ValueError) as exc:
        raise ReportError(f"{path}: cannot load its scenario {name!r}: {exc}") from None


def replayed(record: GameRecord, scen: Scenario) -> GameState:
    """The save's game played again from its setup and orders (observations included)."""
    setup = record.state.setup
    try:
        state = new_game(scen, start=setup.start, seed=setup.seed, humans=setup.humans, turn_months=setup.turn_months,
                         historical_mode=setup.historical_mode, ai_level=setup.ai_level, end=setup.end)
        for order in record.orders:
            state, _ = apply(state, order)
    except (IllegalOrder, SetupError) as exc:
        raise ReportError(f"the save's orders do not replay on this scenario ({exc})") from None
    return state


def open_save(path: str | Path) -> tuple[Scenario, GameRecord, GameState]:
    """(scenario, record, final state with milestone observations) of the save at ``path``.

    Raises:
        ReportError: the save is missing, damaged, too new, or its scenario cannot be loaded.
    """
    path = Path(path)
    try:
        data = read_save_json(path)
        scen = _scenario_for(path, data)
        record = load_game(path, scen)
    except SaveError as exc:
        raise ReportError(str(exc)) from None
    state = record.state
    if not state.milestones_seen and state.date > state.setup.start and scen.milestones:
        state = replayed(record, scen)
    return scen, record, state
