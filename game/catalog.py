"""Finding scenarios to play: shipped ones under ``scenarios/`` and the user's own in the user
data folder. Listing reads only each ``scenario.yaml`` header (cheap); the full scenario is
loaded, and validated, when the player picks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game import paths


@dataclass(frozen=True)
class ScenarioEntry:
    folder: Path
    id: str
    names: dict[str, str]
    user: bool

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("zh") or self.names.get("en") or self.id


@dataclass(frozen=True)
class WhatIfEntry:
    path: Path
    id: str
    titles: dict[str, str]
    notes: dict[str, str]

    def title(self, lang: str) -> str:
        return _pick(self.titles, lang) or self.id

    def note(self, lang: str) -> str:
        return _pick(self.notes, lang)


def _pick(text: dict[str, str], lang: str) -> str:
    return text.get(lang) or (text.get("zh") if lang == "zh_hant" else None) or text.get("en") or ""


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None


def _texts(value: Any) -> dict[str, str]:
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(value, dict) else {}


def scenario_folders() -> list[tuple[Path, bool]]:
    """(folder, is_user) for every folder holding a scenario.yaml, shipped ones first."""
    found: list[tuple[Path, bool]] = []
    for root, user in ((paths.SCENARIOS, False), (paths.user_scenarios_dir(), True)):
        if root.is_dir():
            found += [(d, user) for d in sorted(root.iterdir()) if (d / "scenario.yaml").is_file()]
    return found


def list_scenarios(extra: list[Path] | None = None) -> list[ScenarioEntry]:
    """Every scenario the new-game screen offers (``extra`` folders are added, for tests)."""
    entries = []
    folders = scenario_folders() + [(f, True) for f in (extra or [])]
    for folder, user in folders:
        header = _read_yaml(folder / "scenario.yaml")
        if not isinstance(header, dict):
            header = {}
        entries.append(ScenarioEntry(folder, str(header.get("id", folder.name)), _texts(header.get("name")), user))
    return entries


def whatif_entries(files: tuple[Path, ...] | list[Path]) -> list[WhatIfEntry]:
    """Title and note of each what-if overlay (the note is the historical argument behind it)."""
    out = []
    for path in files:
        data = _read_yaml(Path(path))
        if not isinstance(data, dict):
            data = {}
        out.append(WhatIfEntry(Path(path), str(data.get("id", Path(path).stem)), _texts(data.get("title")), _texts(data.get("note"))))
    return out
