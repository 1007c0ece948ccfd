"""Player settings, persisted as JSON in the user's config folder.

A damaged or foreign settings file must never stop the game from opening, so loading keeps
every value it can read and falls back to the default for the rest.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game import paths

LANGUAGES = ("zh", "zh_hant", "en")
UI_SCALES = (0.75, 1.0, 1.25, 1.5, 2.0)
WINDOW_SIZES = ((1280, 720), (1600, 900), (1920, 1080), (1024, 640))


@dataclass
class Settings:
    language: str = "zh"
    ui_scale: float = 1.0
    window_size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    sound: bool = True
    #: Fill territory with each state's pattern too, so owners differ by more than colour.
    patterns: bool = False
    #: Scroll the map when the mouse touches the window edge.
    edge_scroll: bool = True

    @staticmethod
    def file() -> Path:
        return paths.config_dir() / "settings.json"

    @classmethod
    def load(cls) -> "Settings":
        """Read the settings file; unknown or bad values are replaced by defaults."""
        settings = cls()
        try:
            data = json.loads(cls.file().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings
        if not isinstance(data, dict):
            return settings
        for f in fields(cls):
            if f.name in data:
                value = _coerce(f.name, data[f.name], getattr(settings, f.name))
                if value is not None:
                    setattr(settings, f.name, value)
        return settings

    def save(self) -> None:
        """Write atomically (a temp file in the same folder, then replace)."""
        target = self.file()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(self), fh, ensure_ascii=False, indent=2)
            os.replace(tmp, target)
        except OSError:
            pass  # a read-only config folder must not stop play


def _coerce(name: str, value: Any, default: Any) -> Any:
    """The value if it has the right shape for field ``name``, else None."""
    if name == "language":
        return value if value in LANGUAGES else None
    if name == "ui_scale":
        return float(value) if isinstance(value, (int, float)) and 0.5 <= value <= 3.0 else None
    if name == "window_size":
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) and 320 <= v <= 8000 for v in value):
            return (value[0], value[1])
        return None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    return None
