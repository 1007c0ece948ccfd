"""Save slots in the user data folder: named saves, a quick save (F5/F9) and rolling
autosaves (one per turn, the last three kept).

Writing and reading go through ``engine.save`` (atomic, versioned JSON, refused with a clear
``SaveError`` when damaged or too new); this module only names the files and finds the
scenario a save was made on. The engine is imported where a save is read or written, not at
the top: the title screen lists saves before anything else is needed, and loading the scenario
models would add a third of a second to the game's start.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game import paths

if TYPE_CHECKING:
    from engine.save import GameRecord
    from game.session import Session

AUTOSAVES_KEPT = 3
QUICK = "quicksave"
AUTO_PREFIX = "autosave-"


@dataclass(frozen=True)
class SaveInfo:
    path: Path
    name: str
    kind: str  # "auto", "quick" or "slot"
    mtime: float


@dataclass(frozen=True)
class SaveSummary:
    """What a save holds, for the load screen: its scenario and in-game month."""

    scenario: str
    date: int


def peek(path: Path) -> SaveSummary | None:
    """The summary of the save at ``path``, or None when it cannot be read (loading it then
    says why)."""
    from engine.save import SaveError, read_save_json

    try:
        data = read_save_json(path)
        return SaveSummary(str(data["scenario"]), int(data["state"]["date"]))
    except (SaveError, KeyError, TypeError, ValueError):
        return None


def _kind(stem: str) -> str:
    if stem.startswith(AUTO_PREFIX):
        return "auto"
    return "quick" if stem == QUICK else "slot"


def list_saves() -> list[SaveInfo]:
    """Every save, newest first."""
    folder = paths.saves_dir()
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.json"):
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        found.append(SaveInfo(path, path.stem, _kind(path.stem), mtime))
    return sorted(found, key=lambda s: (-s.mtime, s.name))


def clean_temp_files() -> int:
    """Remove temp files a crash left behind mid-save (the saves themselves are never partial)."""
    folder = paths.saves_dir()
    removed = 0
    if folder.is_dir():
        for tmp in folder.glob(".*.tmp"):
            try:
                tmp.unlink()
                removed += 1
            except OSError:
                pass
    return removed


def latest() -> Path | None:
    saves = list_saves()
    return saves[0].path if saves else None


def slot_path(name: str) -> Path:
    """The file of a named save (the name made safe for any file system)."""
    safe = re.sub(r"[^\w\-. ]+", "_", name, flags=re.UNICODE).strip(" .") or "save"
    return paths.saves_dir() / f"{safe[:60]}.json"


def record_of(session: Session) -> GameRecord:
    from engine.save import GameRecord

    scen = session.scenario
    return GameRecord(scen.id, scen.content_hash, [str(p) for p in session.overlays], session.state,
                      list(session.orders), scenario_folder=str(scen.folder))


def write(session: Session, path: Path) -> Path:
    from engine.save import save_game

    save_game(path, record_of(session))
    return path


def autosave(session: Session) -> Path:
    """Write a new autosave and delete all but the newest ``AUTOSAVES_KEPT``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = paths.saves_dir() / f"{AUTO_PREFIX}{stamp}-{session.state.order_count:06d}.json"
    write(session, path)
    autos = sorted((s for s in list_saves() if s.kind == "auto"), key=lambda s: (s.mtime, s.name), reverse=True)
    for old in autos[AUTOSAVES_KEPT:]:
        old.path.unlink(missing_ok=True)
    return path


def quicksave(session: Session) -> Path:
    return write(session, paths.saves_dir() / f"{QUICK}.json")


def quick_path() -> Path:
    return paths.saves_dir() / f"{QUICK}.json"


def load(path: Path) -> Session:
    """Rebuild a session from a save.

    Raises:
        SaveError: the save is damaged, too new, or its scenario cannot be found or loaded.
    """
    from engine.save import SaveError, load_game, read_save_json
    from engine.scenario import ScenarioError, find_scenario, load_scenario
    from game.session import Session

    data = read_save_json(path)
    scenario_id = data.get("scenario")
    if not isinstance(scenario_id, str):
        raise SaveError(f"{path}: the save is damaged (no scenario)")
    folder = Path(str(data.get("scenario_folder") or ""))
    if not (folder / "scenario.yaml").is_file():
        folder = find_scenario(scenario_id, [paths.SCENARIOS, paths.user_scenarios_dir()])
    overlays = [Path(p) for p in data.get("overlays", []) if isinstance(p, str)]
    try:
        scen = load_scenario(folder, overlays)
    except (ScenarioError, OSError) as err:
        raise SaveError(f"{path}: cannot load its scenario {scenario_id!r} ({err})") from None
    record = load_game(path, scen)
    session = Session(scen, record.state, orders=list(record.orders), overlays=tuple(overlays))
    session.briefed = set(session.humans)
    recent = next((i for i, r in enumerate(record.state.log) if r.date >= record.state.date - record.state.setup.turn_months), len(record.state.log))
    session.seen_log = {h: recent for h in session.humans}
    return session
