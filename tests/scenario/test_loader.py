"""The scenario loader: the YAML reader, the mini fixture, what-if overlays, problem positions,
the JSON Schema, and robustness against any text at all."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any, Callable, Sequence

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

import main
from engine.calendar import parse_month
from engine.scenario import ScenarioError, check_scenario, load_scenario
from engine.scenario import model as m
from engine.scenario.yamlio import Mark, YamlSyntaxError, parse_text

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
BAD = ROOT / "tests" / "fixtures" / "bad"
STRONG_KINGDOM = MINI / "whatifs" / "strong_kingdom.yaml"


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def _lines(problems: Sequence[Any]) -> list[str]:
    return [str(p) for p in problems]


def _overlay(folder: Path, body: str, name: str = "overlay.yaml") -> Path:
    """Write a what-if overlay for the mini scenario with ``body`` as its changes."""
    path = folder / name
    head = "format: 1\nid: test_overlay\nscenario: mini\ntitle: {zh: 测试, en: Test}\nnote: {zh: 测试, en: Test}\n"
    path.write_text(head + body, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- yamlio


def test_marks_are_one_based_line_and_column() -> None:
    doc = parse_text("a: 1\nb:\n  - x\n  - {c: 2}\n", Path("t.yaml"))
    assert doc.marks[()] == Mark(1, 1)
    assert doc.marks[("a",)] == Mark(1, 4)
    assert doc.marks[("b", 0)] == Mark(3, 5)
    assert doc.marks[("b", 1, "c")] == Mark(4, 9)


def test_where_falls_back_to_the_nearest_marked_ancestor() -> None:
    doc = parse_text("a:\n  b: 1\n", Path("t.yaml"))
    assert doc.where(("a", "b", "missing", 3)) == Mark(2, 6)
    assert doc.where(("nothing",)) == Mark(1, 1)


def test_sequences_become_tuples_and_mappings_dicts() -> None:
    doc = parse_text("a: [1, [2, 3]]\nb: {c: d}\n", Path("t.yaml"))
    assert doc.data == {"a": (1, (2, 3)), "b": {"c": "d"}}
    assert isinstance(doc.data["a"], tuple) and isinstance(doc.data["a"][1], tuple)


def test_timestamps_stay_text() -> None:
    doc = parse_text("day: 1211-03-05\nmonth: 1211-03\n", Path("t.yaml"))
    assert doc.data == {"day": "1211-03-05", "month": "1211-03"}


def test_yaml_one_one_booleans_are_still_booleans_as_values() -> None:
    # the models reject them where text is expected; the reader does not guess
    doc = parse_text("a: no\nb: on\nc: 'no'\n", Path("t.yaml"))
    assert doc.data == {"a": False, "b": True, "c": "no"}


def test_duplicate_key_is_reported_with_the_first_line_and_the_first_value_kept() -> None:
    doc = parse_text("a: 1\nb: 2\na: 3\n", Path("t.yaml"))
    assert doc.data == {"a": 1, "b": 2}
    assert doc.problems == [(("a",), Mark(3, 1), "duplicate key 'a' (the first is at line 1)")]


def test_boolean_key_is_reported_and_kept_as_its_text() -> None:
    doc = parse_text("on: 1\n", Path("t.yaml"))
    assert doc.data == {"on": 1}
    assert doc.problems == [((), Mark(1, 1), "key 'on' is read as a boolean by YAML; write it in quotes")]


def test_merge_keys_are_refused() -> None:
    doc = parse_text("base: &b {x: 1}\nc:\n  <<: *b\n", Path("t.yaml"))
    assert [msg for _, _, msg in doc.problems] == ["YAML merge keys (<<) are not supported"]


def test_syntax_error_raises_with_a_one_based_position() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_text("a: [1, 2\nb: 3\n", Path("t.yaml"))
    assert caught.value.mark.line >= 1 and caught.value.mark.col >= 1
    assert caught.value.message.startswith("YAML syntax: ")


def test_more_than_one_document_is_a_syntax_error() -> None:
    with pytest.raises(YamlSyntaxError):
        parse_text("a: 1\n---\nb: 2\n", Path("t.yaml"))


def test_an_empty_file_is_no_data() -> None:
    assert parse_text("", Path("t.yaml")).data is None
    assert parse_text("# only a comment\n", Path("t.yaml")).data is None


# --------------------------------------------------------------------------- the mini fixture


def test_mini_loads_without_problems() -> None:
    scenario, problems = check_scenario(MINI, root=MINI)
    assert _lines(problems) == []
    assert scenario is not None


def _entries_in_files(folder: Path) -> dict[str, int]:
    """Entries per section, counted straight from the YAML files the header includes."""
    header = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    counts: dict[str, int] = {}
    for name in header["include"]:
        for section, entries in (yaml.safe_load((folder / name).read_text(encoding="utf-8")) or {}).items():
            if section != "rules":
                counts[section] = counts.get(section, 0) + len(entries or [])
    return counts


def test_mini_holds_every_entry_of_every_included_file() -> None:
    s = load_scenario(MINI)
    loaded = {
        "states": len(s.states), "places": len(s.places), "routes": len(s.routes), "armies": len(s.armies),
        "treaty_types": len(s.treaty_types), "treaties": len(s.treaties), "wars": len(s.wars),
        "history": len(s.history), "events": len(s.events), "chronology": len(s.chronology),
        "milestones": len(s.milestones), "goals": len(s.goals),
    }
    counts = _entries_in_files(MINI)
    assert loaded == {section: counts.get(section, 0) for section in loaded}
    assert len(s.places) >= 10 and len(s.states) == 3
    assert s.id == "mini" and s.overlays == ()
    assert s.whatif_files == tuple(sorted((MINI / "whatifs").glob("*.yaml")))
    assert STRONG_KINGDOM in s.whatif_files


def test_mini_lookups() -> None:
    s = load_scenario(MINI)
    assert s.start == parse_month("1200-01") and s.end == parse_month("1203-12")
    assert s.playable == ("empire", "kingdom", "steppe")
    assert s.places["the_pass"].owner == "empire" and s.places["the_pass"].walls == 4
    assert s.ruler_state["emperor_b"] == "empire" and s.rulers["khan_a"].name.en == "Khan A"
    assert s.commander_state["noyan"] == "steppe" and s.commanders["general"].siege == 3
    assert s.events["levy_call"].actor == "kingdom"
    assert s.header.name.get("zh_hant") == "小劇本" and s.states["empire"].name.get("zh_hant") == "帝国"
    assert {lang for _, lang in s.briefings} == {"zh", "en"} and ("steppe", "en") in s.briefings
    assert s.rules.days_per_month == 30 and s.rules.battle_noise == m.Rules().battle_noise


def test_mini_history_chronology_and_milestones_are_in_date_order() -> None:
    s = load_scenario(MINI)
    for seq in (s.history, s.chronology, s.milestones):
        dates = [x.date for x in seq]
        assert dates == sorted(dates)


def test_mini_definitions_are_immutable() -> None:
    s = load_scenario(MINI)
    with pytest.raises(Exception):
        s.places["ordo"].walls = 3  # type: ignore[misc]
    assert isinstance(s.places["ordo"].flags, tuple)


def test_content_hash_is_stable_and_independent_of_the_folder(tmp_path: Path) -> None:
    first, second = load_scenario(MINI), load_scenario(MINI)
    assert first.content_hash == second.content_hash
    assert load_scenario(_copy(MINI, tmp_path / "elsewhere")).content_hash == first.content_hash


def test_content_hash_changes_when_an_included_file_changes(tmp_path: Path) -> None:
    folder = _copy(MINI, tmp_path / "mini")
    before = load_scenario(folder).content_hash
    path = folder / "map.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("days: 20", "days: 21"), encoding="utf-8")
    assert load_scenario(folder).content_hash != before


def test_content_hash_changes_with_an_overlay() -> None:
    assert load_scenario(MINI, [STRONG_KINGDOM]).content_hash != load_scenario(MINI).content_hash


def test_load_scenario_raises_with_every_problem() -> None:
    folder = BAD / "treaty_roles_mismatch"
    with pytest.raises(ScenarioError) as caught:
        load_scenario(folder, root=folder)
    assert len(caught.value.problems) == 2
    assert "2 error(s)" in str(caught.value)


# --------------------------------------------------------------------------- what-if overlays


def test_shipped_overlay_sets_adds_and_removes() -> None:
    plain, changed = load_scenario(MINI), load_scenario(MINI, [STRONG_KINGDOM])
    assert changed.overlays == ("strong_kingdom",)
    assert plain.places["royal_city"].garrison == 10000 and changed.places["royal_city"].garrison == 40000
    assert changed.places["royal_city"].walls == plain.places["royal_city"].walls
    assert changed.rules.battle_noise == 0.1 and changed.rules.days_per_month == 30
    assert "royal_guard" in {a.id for a in changed.armies} - {a.id for a in plain.armies}
    assert {t.id for t in plain.treaties} - {t.id for t in changed.treaties} == {"steppe_kingdom_vassalage"}


def test_overlay_sets_a_route_by_its_from_to_key(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "set:\n  routes:\n    the_pass__capital_city: {days: 9}\n")
    s = load_scenario(MINI, [overlay])
    assert [r.days for r in s.routes if r.key == "the_pass__capital_city"] == [9]


def test_overlay_adds_and_removes_entries(tmp_path: Path) -> None:
    overlay = _overlay(
        tmp_path,
        "add:\n  chronology:\n"
        "    - {id: c_new, date: 1202-01, kind: other, text: {zh: 新, en: New}, source: test}\n"
        "remove:\n  events: [drought]\n",
    )
    s = load_scenario(MINI, [overlay])
    assert "drought" not in s.events and "c_new" in {c.id for c in s.chronology}


def test_overlays_apply_in_order(tmp_path: Path) -> None:
    one = _overlay(tmp_path, "set:\n  places:\n    ordo: {garrison: 100}\n", "one.yaml")
    two = _overlay(tmp_path, "set:\n  places:\n    ordo: {garrison: 200}\n", "two.yaml")
    assert load_scenario(MINI, [one, two]).places["ordo"].garrison == 200
    assert load_scenario(MINI, [two, one]).places["ordo"].garrison == 100


def test_overlay_shape_error_points_at_the_overlay_line(tmp_path: Path) -> None:
    overlay = _overlay(tmp_path, "set:\n  milestones:\n    m_capital: {tolerance: 99}\n")
    scenario, problems = check_scenario(MINI, [overlay], root=tmp_path)
    assert scenario is None
    assert _lines(problems) == [
        "overlay.yaml:8:28: error: set.milestones.m_capital.tolerance: Input should be less than or equal to 36 (got 99)"
    ]


def test_overlay_reference_error_points_at_the_overlay_line(tmp_path: Path) -> None:
    overlay = _overlay(
        tmp_path, "add:\n  armies:\n    - {id: lost, owner: kingdom, place: atlantis, troops: {infantry: 1}}\n"
    )
    scenario, problems = check_scenario(MINI, [overlay], root=tmp_path)
    assert scenario is None
    assert _lines(problems) == ["overlay.yaml:8:41: error: add.armies.0.place: unknown place 'atlantis'"]


def test_a_missing_overlay_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    scenario, problems = check_scenario(MINI, [tmp_path / "nope.yaml"], root=tmp_path)
    assert scenario is None
    assert _lines(problems) == ["nope.yaml:1:1: error: no such what-if file"]


def test_validate_reports_a_broken_overlay_in_the_whatifs_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(MINI, tmp_path / "mini")
    path = folder / "whatifs" / "strong_kingdom.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("royal_city:", "royal_ctiy:"), encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main.main(["validate", "."]) == main.EXIT_BAD_INPUT
    out = capsys.readouterr().out
    assert (
        "whatifs/strong_kingdom.yaml:8:17: error: set.places.royal_ctiy: no places entry 'royal_ctiy' "
        "(did you mean 'royal_city'?)" in out
    )


def test_validate_accepts_the_mini_fixture(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["validate", str(MINI)]) == main.EXIT_OK
    assert capsys.readouterr().out.startswith("mini: 3 states, ")


# --------------------------------------------------------------------------- problem positions


@pytest.mark.parametrize("name", sorted(p.parent.name for p in BAD.glob("*/expected.txt")))
def test_every_problem_has_a_relative_file_and_a_real_position(name: str) -> None:
    folder = BAD / name
    overlays = [folder / "overlay.yaml"] if (folder / "overlay.yaml").is_file() else []
    _, problems = check_scenario(folder, overlays, root=folder)
    for p in problems:
        assert p.file and not Path(p.file).is_absolute()
        assert p.line >= 1 and p.col >= 1
        assert p.severity in ("error", "warning")
        path = folder / p.file
        if path.is_file():
            assert p.line <= len(path.read_text(encoding="utf-8").splitlines()) + 1


# --------------------------------------------------------------------------- schema


def test_schema_command_prints_json_schema_of_every_file_kind(capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["schema"]) == main.EXIT_OK
    schema = json.loads(capsys.readouterr().out)
    assert {"ScenarioHeader", "SectionsFile", "WhatIfDef"} <= set(schema["$defs"])
    assert schema["$schema"].startswith("https://json-schema.org/")
    header = schema["$defs"]["ScenarioHeader"]
    assert {"format", "id", "name", "calendar"} <= set(header["required"])
    assert header["additionalProperties"] is False  # editors flag unknown keys too
    start = schema["$defs"]["Calendar"]["properties"]["start"]
    assert start["type"] == "string" and re.fullmatch(start["pattern"], "1211-03")  # months are text


# --------------------------------------------------------------------------- robustness


def _never_raises(folder: Path, overlays: Sequence[Path] = ()) -> list[str]:
    """check_scenario must turn anything into problems; return them as lines."""
    scenario, problems = check_scenario(folder, overlays, root=folder)
    errors = [p for p in problems if p.severity == "error"]
    assert (scenario is None) == bool(errors)
    return _lines(problems)


@pytest.fixture
def base_copy(tmp_path: Path) -> Path:
    return _copy(BAD / "_base", tmp_path / "base")


def test_recursive_alias_is_a_problem_not_a_crash(base_copy: Path) -> None:
    (base_copy / "story.yaml").write_text("history: &h [*h]\n", encoding="utf-8")
    lines = _never_raises(base_copy)
    assert any(line.startswith("story.yaml:") for line in lines)


def test_deep_nesting_is_a_problem_not_a_crash(base_copy: Path) -> None:
    (base_copy / "story.yaml").write_text("history: " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    lines = _never_raises(base_copy)
    assert any(line.startswith("story.yaml:") for line in lines)


def test_overlong_include_name_is_a_problem_not_a_crash(base_copy: Path) -> None:
    header = base_copy / "scenario.yaml"
    header.write_text(header.read_text(encoding="utf-8").replace("story.yaml", "s" * 300 + ".yaml"), encoding="utf-8")
    lines = _never_raises(base_copy)
    assert any(line.startswith("scenario.yaml:6:") for line in lines)


def test_briefing_that_is_not_utf8_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    folder = _copy(MINI, tmp_path / "mini")
    (folder / "briefings" / "kingdom.en.md").write_bytes(b"\xff\xfe not UTF-8")
    lines = _never_raises(folder)
    assert any(line.startswith("briefings/kingdom.en.md:1:1: error:") for line in lines)


@pytest.mark.parametrize("value", ["!custom x", "!!int abc", "!!float x", "!!bool maybe", "!!binary zz!"])
def test_explicit_yaml_tag_is_a_problem_not_a_crash(base_copy: Path, value: str) -> None:
    (base_copy / "story.yaml").write_text(f"history:\n  - date: {value}\n", encoding="utf-8")
    lines = _never_raises(base_copy)
    assert any(line.startswith("story.yaml:2:") for line in lines)


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
_KEYS = sorted(
    {info.alias or name for obj in vars(m).values() if isinstance(obj, type) and issubclass(obj, BaseModel)
     for name, info in obj.model_fields.items()}
    | set(m.CONDITION_KINDS) | set(m.EFFECT_KINDS) | set(m.OBLIGATION_KINDS)
)
_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**9), 10**9), st.floats(), st.text(max_size=10),
    st.sampled_from(["1200-01", "1201-13", "1200-02-30", "camp", "city", "north", "south", "khan", "vassalage", "#0072B2"]),
)
_TREES = st.recursive(
    _SCALARS,
    lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(st.sampled_from(_KEYS), kids, max_size=5)),
    max_leaves=40,
)
_SECTIONS = st.dictionaries(
    st.sampled_from([*m.LIST_SECTIONS, "rules", "palces"]), st.one_of(st.lists(_TREES, max_size=3), _TREES), max_size=4
)


def _slow(n: int) -> Callable[[Any], Any]:
    """Hypothesis settings for tests that write files: no deadline, a fixture reused per example."""
    return settings(max_examples=n, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_slow(150)
@given(text=_TEXT)
def test_junk_text_in_an_included_file_never_raises(base_copy: Path, text: str) -> None:
    (base_copy / "story.yaml").write_text(text, encoding="utf-8")
    _never_raises(base_copy)


@_slow(100)
@given(text=_TEXT)
def test_junk_text_as_the_header_never_raises(base_copy: Path, text: str) -> None:
    (base_copy / "scenario.yaml").write_text(text, encoding="utf-8")
    lines = _never_raises(base_copy)
    assert lines  # the header is required, so junk is always a problem


@_slow(100)
@given(text=_TEXT)
def test_junk_text_as_an_overlay_never_raises(base_copy: Path, text: str) -> None:
    (base_copy / "overlay.yaml").write_text(text, encoding="utf-8")
    _never_raises(base_copy, [base_copy / "overlay.yaml"])


@_slow(200)
@given(sections=_SECTIONS)
def test_well_formed_yaml_of_random_shape_never_raises(base_copy: Path, sections: dict[str, Any]) -> None:
    (base_copy / "story.yaml").write_text(yaml.safe_dump(sections, allow_unicode=True), encoding="utf-8")
    _never_raises(base_copy)


@_slow(150)
@given(cut=st.integers(0, 2000), length=st.integers(0, 30), insert=st.text(" \t\n:-[]{},'\"#&*!|>%@`ab1", max_size=6))
def test_a_mangled_valid_file_never_raises(base_copy: Path, cut: int, length: int, insert: str) -> None:
    path = base_copy / "world.yaml"
    text = (BAD / "_base" / "world.yaml").read_text(encoding="utf-8")
    cut %= len(text)
    path.write_text(text[:cut] + insert + text[cut + length :], encoding="utf-8")
    _never_raises(base_copy)


@_slow(100)
@given(body=_SECTIONS)
def test_overlay_of_random_shape_never_raises(base_copy: Path, body: dict[str, Any]) -> None:
    verbs = {"set": {"places": {"city": body}}, "add": body, "remove": {k: [str(v)[:8]] for k, v in body.items()}}
    doc = {"format": 1, "id": "x", "scenario": "tiny", "title": {"zh": "a", "en": "a"}, "note": {"zh": "a", "en": "a"}, **verbs}
    (base_copy / "overlay.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    _never_raises(base_copy, [base_copy / "overlay.yaml"])
