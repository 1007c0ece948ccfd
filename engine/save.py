"""Saves: versioned JSON, written atomically; a game is its header plus its orders.

A save holds the scenario id and content hash, the overlays, the setup (seed included), the
numpy version, the order history and the final state with its hash. Loading checks the format
version and the state hash, so a damaged or too-new file is refused with a clear message —
and because writes go to a temporary file that replaces the target only when complete, the
previous save survives any failure. Saves are plain JSON data: a save from a stranger cannot run code.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from engine.orders import Order, order_from_json
from engine.state import GameState, state_from_json

SAVE_FORMAT = 1
#: old format -> function upgrading a save's JSON to the next format.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class SaveError(Exception):
    """A save cannot be read: damaged, from a newer version, or not a save at all."""


@dataclass
class GameRecord:
    """A whole game: how it was set up, every order, and where it stands."""

    scenario: str
    scenario_hash: str
    overlays: list[str]
    state: GameState
    orders: list[Order] = field(default_factory=list)
    numpy_version: str = np.__version__
    #: where the scenario was loaded from (a hint for replay; the id is what must match).
    scenario_folder: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SAVE_FORMAT,
            "game": "four-realms",
            "scenario": self.scenario,
            "scenario_hash": self.scenario_hash,
            "scenario_folder": self.scenario_folder,
            "overlays": list(self.overlays),
            "numpy": self.numpy_version,
            "setup": self.state.to_json()["setup"],
            "orders": [o.to_json() for o in self.orders],
            "state": self.state.to_json(),
            "state_hash": self.state.state_hash(),
        }


def save_game(path: Path | str, record: GameRecord) -> None:
    """Write ``record`` to ``path`` atomically (temp file in the same folder, fsync, replace)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(record.to_json(), ensure_ascii=False, separators=(",", ":"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    except OSError:  # pragma: no cover - some file systems cannot fsync a folder
        pass


def read_save_json(path: Path | str) -> dict[str, Any]:
    """The save's JSON, upgraded to the current format.

    Raises:
        SaveError: unreadable, not JSON, not a save, or from a newer version.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SaveError(f"{path}: no such save file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SaveError(f"{path}: cannot read the save ({exc})") from None
    except json.JSONDecodeError as exc:
        raise SaveError(f"{path}: the save is damaged (not valid JSON at line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict) or data.get("game") != "four-realms":
        raise SaveError(f"{path}: not a Four Realms save")
    version = data.get("format")
    if not isinstance(version, int):
        raise SaveError(f"{path}: the save has no format version")
    if version > SAVE_FORMAT:
        raise SaveError(f"{path}: the save is from a newer version of the game (format {version}; this version reads up to {SAVE_FORMAT})")
    while version < SAVE_FORMAT:
        if version not in MIGRATIONS:
            raise SaveError(f"{path}: no upgrade from save format {version}")
        data = MIGRATIONS[version](data)
        version = data["format"]
    return data


def load_game(path: Path | str, scen: Any) -> GameRecord:
    """Load a save made on ``scen`` (the loaded scenario with the same overlays).

    Raises:
        SaveError: damaged, too new, for another scenario, or its state does not match its hash.
    """
    data = read_save_json(path)
    try:
        if data["scenario"] != scen.id:
            raise SaveError(f"{path}: the save is for scenario {data['scenario']!r}, not {scen.id!r}")
        state = state_from_json(data["state"], scen)
        orders = [order_from_json(o) for o in data["orders"]]
        overlays = [str(x) for x in data["overlays"]]
        recorded_hash = str(data["state_hash"])
        scenario_hash = str(data["scenario_hash"])
        numpy_version = str(data["numpy"])
    except SaveError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SaveError(f"{path}: the save is damaged ({type(exc).__name__}: {exc})") from None
    if state.state_hash() != recorded_hash:
        raise SaveError(f"{path}: the save is damaged (its state does not match its checksum)")
    return GameRecord(data["scenario"], scenario_hash, overlays, state, orders, numpy_version,
                      str(data.get("scenario_folder", "")))
