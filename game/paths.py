"""Where the game keeps its files: the project's folders and the user's folders.

The user's folders come from platformdirs so that tests can redirect them with
``XDG_CONFIG_HOME`` / ``XDG_DATA_HOME``; they are looked up on every call for the same reason.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

#: The project folder (holding main.py, scenarios/, assets/).
ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "scenarios"
ASSETS = ROOT / "assets"


def _dirs() -> PlatformDirs:
    return PlatformDirs("FourRealms", appauthor=False)


def config_dir() -> Path:
    """Settings live here (``settings.json``)."""
    return Path(_dirs().user_config_dir)


def data_dir() -> Path:
    """Saves and the user's own scenarios live here."""
    return Path(_dirs().user_data_dir)


def saves_dir() -> Path:
    return data_dir() / "saves"


def user_scenarios_dir() -> Path:
    """Scenario folders a user adds (each with a scenario.yaml) are listed beside the shipped ones."""
    return data_dir() / "scenarios"
