"""Saving and loading: quick save/load, named saves, rolling autosaves, Continue, and
damaged or too-new saves that must show a dialog instead of crashing."""

from __future__ import annotations

import json

import pygame

from tests.game.conftest import Driver
from tests.game.helpers import answer_dialogs, map_scene, start_mini


def test_quick_save_and_quick_load_restore_the_game() -> None:
    from game import saves

    d = start_mini(("steppe",))
    m = map_scene(d)
    d.key(pygame.K_RETURN)
    d.key(pygame.K_F5)
    assert saves.quick_path().is_file()
    saved_hash = m.session.state.state_hash()
    d.key(pygame.K_RETURN)
    assert m.session.state.state_hash() != saved_hash
    d.key(pygame.K_F9)
    loaded = map_scene(d)
    assert loaded is not m
    assert loaded.session.state.state_hash() == saved_hash
    assert len(loaded.session.orders) == loaded.session.state.order_count


def test_named_save_through_the_dialog_then_load_screen(driver: Driver) -> None:
    from game import saves
    from game.scenes.dialogs import TextEntryDialog
    from game.scenes.load import LoadScene

    d = start_mini(("steppe",))
    m = map_scene(d)
    d.click(m.hud.bar_buttons["save"])
    assert isinstance(d.top, TextEntryDialog)
    d.top.entry.set_text("我的存档 one")
    d.click(d.top.ok)
    assert saves.slot_path("我的存档 one").is_file()
    d.click(m.hud.bar_buttons["load"])
    assert isinstance(d.top, LoadScene)
    d.click(d.top.slot_buttons["我的存档 one"])
    assert map_scene(d).session.state.state_hash() == m.session.state.state_hash()


def test_autosave_every_turn_keeps_the_last_three(driver: Driver) -> None:
    from game import saves

    d = start_mini(("steppe",))
    for _ in range(5):
        d.key(pygame.K_RETURN)
        answer_dialogs(d, accept=False)  # the AI's offers, if any, are refused
    assert map_scene(d).session.state.date == map_scene(d).session.scenario.start + 5
    autos = [s for s in saves.list_saves() if s.kind == "auto"]
    assert len(autos) == 3
    # Continue on the title screen loads the newest save.
    from game.scenes.title import TitleScene

    d.app.reset(TitleScene(d.app))
    d.frames(2)
    assert d.top.buttons["continue"].is_enabled
    d.click(d.top.buttons["continue"])
    assert map_scene(d).session.state.date == map_scene(d).session.scenario.start + 5


def _bad_save(text: str) -> None:
    from game import paths

    folder = paths.saves_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "broken.json").write_text(text, encoding="utf-8")


def test_a_damaged_save_shows_a_dialog_not_a_crash(driver: Driver) -> None:
    from game.scenes.dialogs import MessageDialog
    from game.scenes.load import LoadScene

    _bad_save('{"game": "four-realms", "format": 1, "scenario": "mi')
    driver.click(driver.top.buttons["load"])
    assert isinstance(driver.top, LoadScene)
    driver.click(driver.top.slot_buttons["broken"])
    assert isinstance(driver.top, MessageDialog)
    assert "damaged" in driver.top.text
    driver.click(driver.top.ok)
    assert isinstance(driver.top, LoadScene)


def test_a_save_from_a_newer_version_is_refused_with_a_dialog() -> None:
    from game import saves
    from game.scenes.dialogs import MessageDialog

    d = start_mini(("steppe",))
    d.key(pygame.K_F5)
    data = json.loads(saves.quick_path().read_text(encoding="utf-8"))
    data["format"] = 99
    saves.quick_path().write_text(json.dumps(data), encoding="utf-8")
    m = map_scene(d)
    d.key(pygame.K_F9)
    assert isinstance(d.top, MessageDialog) and "newer" in d.top.text
    d.click(d.top.ok)
    assert d.top is m  # still playing the game we had


def test_a_tampered_save_fails_its_checksum() -> None:
    from game import saves
    from game.scenes.dialogs import MessageDialog

    d = start_mini(("steppe",))
    d.key(pygame.K_F5)
    data = json.loads(saves.quick_path().read_text(encoding="utf-8"))
    data["state"]["polities"]["steppe"]["treasury"] += 1000
    saves.quick_path().write_text(json.dumps(data), encoding="utf-8")
    d.key(pygame.K_F9)
    assert isinstance(d.top, MessageDialog) and "checksum" in d.top.text
