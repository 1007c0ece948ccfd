"""docs/scenario-format.md keeps up with the models: it names every field, kind, allowed word and
rules coefficient (with its true default), and every YAML example in it validates."""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter

from engine.scenario import model as m
from engine.scenario.yamlio import parse_text

DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "scenario-format.md"
DOC = DOC_PATH.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, flags=re.S)

MODELS = [
    obj for obj in vars(m).values()
    if isinstance(obj, type) and issubclass(obj, BaseModel) and obj.__module__ == m.__name__ and obj is not m.Frozen
]
FIELDS = sorted({info.alias or name for model in MODELS for name, info in model.model_fields.items()})
WORDS = sorted(
    {str(v) for alias in (m.Rank, m.Terrain, m.PlaceFlag, m.RouteKind, m.BreachOn, m.ChronoKind, m.Pattern,
                          m.Confidence, m.TroopKind) for v in typing.get_args(alias)}
)


@pytest.mark.parametrize("name", FIELDS)
def test_every_field_is_documented(name: str) -> None:
    assert re.search(rf"`{re.escape(name)}`|\b{re.escape(name)}:", DOC), name


@pytest.mark.parametrize("word", WORDS)
def test_every_allowed_word_is_documented(word: str) -> None:
    assert f"`{word}`" in DOC or re.search(rf"\b{re.escape(word)}\b", DOC), word


def _examples(heading: str) -> list[Any]:
    """The list items of the YAML example block that starts with ``# <heading>``."""
    found = [b for b in BLOCKS if b.startswith(f"# {heading}\n")]
    assert len(found) == 1, f"one '# {heading}' example block expected"
    doc = parse_text(found[0], DOC_PATH)
    assert not doc.problems
    return list(doc.data)


@pytest.mark.parametrize(
    ("heading", "kinds", "kind_type"),
    [("conditions", m.CONDITION_KINDS, m.Condition), ("effects", m.EFFECT_KINDS, m.Effect),
     ("obligations", m.OBLIGATION_KINDS, m.Obligation)],
)
def test_every_kind_has_one_valid_example(heading: str, kinds: list[str], kind_type: Any) -> None:
    items = _examples(heading)
    adapter = TypeAdapter(kind_type)
    for item in items:
        adapter.validate_python(item)
    assert sorted(next(iter(item)) for item in items) == sorted(kinds)


def test_rules_table_lists_every_coefficient_with_its_default() -> None:
    rows = dict(re.findall(r"^\| `(\w+)` \| (−?-?[0-9.]+) \|", DOC, flags=re.M))
    defaults = m.Rules().model_dump()
    documented = {name: float(rows[name].replace("−", "-")) for name in defaults if name in rows}
    assert documented == {name: float(value) for name, value in defaults.items()}


def _model_for(data: Any) -> type[BaseModel] | None:
    if not isinstance(data, dict):
        return None
    keys = set(data)
    if "format" in keys and "calendar" in keys:
        return m.ScenarioHeader
    if "format" in keys and "title" in keys:
        return m.WhatIfDef
    if keys <= set(m.SectionsFile.model_fields):
        return m.SectionsFile
    return None


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_yaml_example_is_well_formed_and_valid(index: int) -> None:
    block = BLOCKS[index]
    doc = parse_text(block, DOC_PATH)
    assert not doc.problems, doc.problems
    model = _model_for(doc.data)
    if model is not None:
        model.model_validate(doc.data)


def test_whole_file_examples_are_recognised() -> None:
    kinds = {_model_for(parse_text(b, DOC_PATH).data) for b in BLOCKS}
    assert {m.ScenarioHeader, m.WhatIfDef, m.SectionsFile} <= kinds
