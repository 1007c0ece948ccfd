"""UI strings in zh (simplified), zh_hant (traditional) and en, read from the JSON files beside
this module; scenario text comes from the scenario itself (``Text.get(lang)``).

The language is one module-wide setting because every scene shows one language at a time and
switching rebuilds the scenes; a key missing in one language falls back to zh, then en, then
the key itself, so a gap shows up as readable text rather than a crash.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

LANGUAGES = ("zh", "zh_hant", "en")
_FOLDER = Path(__file__).resolve().parent
_tables: dict[str, dict[str, str]] = {}
_language = "zh"


def _table(lang: str) -> dict[str, str]:
    table = _tables.get(lang)
    if table is None:
        table = json.loads((_FOLDER / f"{lang}.json").read_text(encoding="utf-8"))
        _tables[lang] = table
    return table


def set_language(lang: str) -> None:
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


def language() -> str:
    return _language


def t(key: str, **values: Any) -> str:
    """The text of ``key`` in the current language, with ``{name}`` fields filled in."""
    text = _table(_language).get(key)
    if text is None:
        text = _table("zh").get(key) if _language == "zh_hant" else None
        if text is None:
            text = _table("en").get(key, key)
    return text.format(**values) if values else text


def keys(lang: str) -> set[str]:
    """Every key of a language (tests compare them)."""
    return set(_table(lang))


def name_lang() -> str:
    """The language for scenario names: the UI language itself (scenario Text has all three)."""
    return _language
