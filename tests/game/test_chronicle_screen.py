"""The chronicle screen and the end screen's history check, driven with real events.

A game of the 1211 scenario is played forward by the engine's AI (the state is the session's,
as after turns in the window), then the screens are opened and browsed with clicks and keys.
"""

from __future__ import annotations

import html
from pathlib import Path

import pygame

from tests.game.conftest import Driver, make_app
from tests.game.helpers import dismiss_until_map, map_scene


def _start(language: str = "en", until: str | None = "1215-12") -> Driver:
    from engine.ai.baseline import BaselineAI
    from engine.calendar import parse_month
    from engine.cli_simulate import run_campaign
    from engine.scenario import find_scenario, load_scenario
    from game.scenes.map_scene import begin_game
    from game.session import GameOptions, Session

    folder = find_scenario("jin_xia_1211")
    scen = load_scenario(folder)
    session = Session.start(scen, GameOptions(folder, humans=("song",), seed=3))
    ai = BaselineAI()
    state, orders = run_campaign(session.state, {f: ai for f in scen.states},
                                 until=parse_month(until) if until else None)
    session.state, session.orders = state, orders
    app = make_app(language)
    begin_game(app, session)
    d = Driver(app)
    d.frames(2)
    dismiss_until_map(d)
    return d


def test_the_chronicle_opens_from_the_map_and_browses_years(tmp_path: Path) -> None:
    from engine import chronology
    from game.scenes.chronicle import ChronicleScene

    d = _start("en")
    m = map_scene(d)
    d.click(m.hud.bar_buttons["chronicle"])
    assert isinstance(d.top, ChronicleScene)
    scene = d.top
    state = m.session.state
    assert scene.year == 1215                                  # the year of the last month played
    score = chronology.fidelity(state).score
    assert f"{score:.1f} / 100" in scene.score_label.text
    milestones = scene.milestone_box.html_text
    assert "Zhongdu falls on 31 May 1215" in milestones         # every milestone is listed
    assert "First major divergence" in milestones or "No major divergence" in milestones
    d.screenshot(tmp_path / "chronicle_en.png")

    while scene.year > 1211:                                   # back to 1211 with the ◀ button and ←
        d.click(scene.prev_button) if scene.year % 2 else d.key(pygame.K_LEFT)
        scene = d.top
    assert not scene.prev_button.is_enabled
    history = scene.history_box.html_text
    assert "Battle of Yehuling" in history and "[GK/WP; GK/XZTJ]" in history
    game = scene.game_box.html_text
    assert "1211-03" in game and "War between Mongols and Jin" in game
    d.key(pygame.K_RIGHT)
    assert d.top.year == 1212
    d.key(pygame.K_ESCAPE)
    assert d.top is m
    d.key(pygame.K_c)                                          # the hotkey opens it again
    assert isinstance(d.top, ChronicleScene)
    d.click(d.top.back)
    assert d.top is m


def test_history_is_not_shown_ahead_of_the_game() -> None:
    from game.scenes.chronicle import ChronicleScene

    d = _start("en", until="1211-08")
    d.key(pygame.K_c)
    scene = d.top
    assert isinstance(scene, ChronicleScene) and scene.year == 1211
    assert not scene.next_button.is_enabled
    history = scene.history_box.html_text
    assert "Li Zunxu overthrows" in history                     # 1211-08, played
    assert "Badger's Mouth" not in history                      # 1211-09, still to come


def test_the_chronicle_in_chinese(tmp_path: Path) -> None:
    from game.scenes.chronicle import ChronicleScene

    d = _start("zh")
    d.key(pygame.K_c)
    scene = d.top
    assert isinstance(scene, ChronicleScene)
    assert "史实吻合度" in scene.score_label.text
    assert "1215年5月31日中都陷落" in scene.milestone_box.html_text
    d.screenshot(tmp_path / "chronicle_zh.png")


def test_the_end_screen_has_the_history_check(tmp_path: Path) -> None:
    from engine import chronology
    from game.scenes.end import EndScene

    d = _start("en", until=None)
    m = map_scene(d)
    assert m.session.state.over
    m.show_end()
    d.frames(2)
    end = d.top
    assert isinstance(end, EndScene)
    d.click(end.tabs["history"])
    end = d.top
    text = end.side_box.html_text
    state = m.session.state
    assert f"{chronology.fidelity(state).score:.1f} / 100" in text
    assert "Major divergences and their causes" in text and "Points by year" in text
    first = chronology.first_divergence(state)
    assert first is not None and html.escape(first.milestone.text.en) in text
    d.screenshot(tmp_path / "end_history.png")


def test_the_chronicle_shortcut_is_in_the_help() -> None:
    from game.i18n import set_language
    from game.scenes.help import shortcut_html

    set_language("en")
    assert "<b>C</b> — chronicle: history beside this game" in shortcut_html()
