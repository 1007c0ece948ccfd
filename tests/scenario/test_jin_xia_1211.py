"""The shipped 1211-1227 scenario: clean, on the map, connected, and every bookmark and what-if
builds a sensible start."""

from __future__ import annotations

from pathlib import Path

import pytest

from engine.calendar import parse_month
from engine.geo import MapProjection
from engine.scenario import check_scenario, load_scenario
from engine.setup import new_game

FOLDER = Path(__file__).resolve().parents[2] / "scenarios" / "jin_xia_1211"


@pytest.fixture(scope="module")
def scen():
    return load_scenario(FOLDER)


def test_validates_with_no_errors_and_no_warnings():
    scenario, problems = check_scenario(FOLDER)
    assert scenario is not None
    assert [str(p) for p in problems] == []


def test_size_is_what_the_issue_asks(scen):
    assert set(scen.playable) == {"jin", "xia", "mongol", "song"}
    assert len(scen.places) >= 70
    assert len(scen.events) >= 80
    assert len(scen.milestones) >= 40
    assert len(scen.whatif_files) >= 6
    decisions = [e for e in scen.events.values() if e.choices]
    assert all(sum(c.historical for c in e.choices) == 1 for e in decisions)


def test_every_place_lies_inside_the_map(scen):
    proj = MapProjection.from_bounds(scen.header.map)
    outside = [p.id for p in scen.places.values() if not proj.contains(p.lon, p.lat)]
    assert outside == []


def test_route_graph_is_connected(scen):
    adjacency: dict[str, set[str]] = {p: set() for p in scen.places}
    for r in scen.routes:
        adjacency[r.from_].add(r.to)
        adjacency[r.to].add(r.from_)
    start = next(iter(adjacency))
    seen, stack = {start}, [start]
    while stack:
        for nxt in adjacency[stack.pop()] - seen:
            seen.add(nxt)
            stack.append(nxt)
    assert seen == set(scen.places)


def test_yellow_river_crossings_exist_and_some_freeze(scen):
    crossings = [r for r in scen.routes if r.river == "yellow"]
    assert len(crossings) >= 8
    assert any(r.freezes for r in crossings) and not all(r.freezes for r in crossings)


def test_display_names_have_chinese_and_english(scen):
    named = [*scen.states.values(), *scen.places.values(), *scen.treaty_types.values()]
    for item in named:
        assert item.name.zh and item.name.en
    for event in scen.events.values():
        assert event.title.zh and event.title.en


def test_briefings_for_every_playable_state_in_every_language(scen):
    for state in scen.playable:
        for lang in ("zh", "zh_hant", "en"):
            text = scen.briefings[(state, lang)]
            assert len(text) > 400
            assert any(word in text for word in ("Spoiler", "剧透", "劇透"))


@pytest.mark.parametrize("bookmark", ["1211-01", "1215-06", "1217-01", "1223-12", "1226-03"])
def test_every_bookmark_builds(scen, bookmark):
    state = new_game(scen, start=parse_month(bookmark), seed=1)
    assert state.date == parse_month(bookmark)
    for sid in scen.playable:
        pol = state.polities[sid]
        if pol.alive:
            assert pol.capital is not None and state.places[pol.capital].owner == sid


def test_bookmarks_follow_history(scen):
    s1211 = new_game(scen, start=parse_month("1211-01"))
    assert s1211.polities["xia"].ruler == "xiangzong"
    assert s1211.polities["jin"].capital == "zhongdu"
    assert s1211.treaties["mongol_xia_vassalage"].party("vassal") == "xia"
    s1215 = new_game(scen, start=parse_month("1215-06"))
    assert s1215.places["zhongdu"].owner == "mongol"
    assert s1215.polities["jin"].capital == "kaifeng"
    s1223 = new_game(scen, start=parse_month("1223-12"))
    assert s1223.polities["xia"].ruler == "xianzong"
    assert s1223.polities["jin"].capital == "kaifeng"
    s1226 = new_game(scen, start=parse_month("1226-03"))
    assert s1226.places["heishui"].owner == "mongol"


@pytest.mark.parametrize("path", sorted((FOLDER / "whatifs").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_whatif_loads_and_changes_the_start_or_an_event(scen, path):
    changed = load_scenario(FOLDER, [path])
    assert changed.overlays
    base = new_game(scen, seed=1).to_json()
    alt = new_game(changed, seed=1).to_json()
    events_differ = {k: v.model_dump() for k, v in scen.events.items()} != {k: v.model_dump() for k, v in changed.events.items()}
    history_differs = scen.history != changed.history
    assert base != alt or events_differ or history_differs
