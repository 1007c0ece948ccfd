"""JSON Schema of the scenario format, for editor completion (``python main.py schema``)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from engine.scenario.model import ScenarioHeader, SectionsFile, WhatIfDef


def json_schema() -> dict[str, Any]:
    """One schema that accepts any scenario file: the header, a sections file or a what-if.

    Editors can map ``scenario.yaml`` to ``#/$defs/ScenarioHeader``, ``whatifs/*.yaml`` to
    ``#/$defs/WhatIfDef`` and other files to ``#/$defs/SectionsFile``.
    """
    union = TypeAdapter(ScenarioHeader | SectionsFile | WhatIfDef)
    schema = union.json_schema(by_alias=True, ref_template="#/$defs/{model}")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Four Realms scenario file (format 1)"
    return schema
