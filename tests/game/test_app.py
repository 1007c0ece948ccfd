"""The window itself: pygame-ce, the title screen, settings, language switching, help."""

from __future__ import annotations

import json

import pygame
import pygame_gui

from tests.game.conftest import Driver


def test_pygame_is_the_community_edition() -> None:
    assert getattr(pygame, "IS_CE", False)


def test_play_can_stop_after_its_first_frame_and_say_when(user_dirs) -> None:  # type: ignore[no-untyped-def]
    """The hook benchmarks/render.py times launches with: a fresh process, title drawn, exit 0."""
    import os
    import re
    import subprocess
    import sys

    from tests.game.conftest import ROOT

    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "play", "--exit-after-first-frame"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    found = re.search(r"first interactive frame: ([0-9.]+) s after launch", done.stdout)
    assert found and 0 < float(found.group(1)) < 30
    assert not (user_dirs / "data" / "FourRealms" / "saves").exists()  # it played nothing


def _buttons(app) -> list[pygame_gui.elements.UIButton]:  # type: ignore[no-untyped-def]
    return [e for e in app.manager.get_sprite_group().sprites() if isinstance(e, pygame_gui.elements.UIButton) and e.visible]


def test_title_offers_the_main_choices_and_every_button_has_a_tooltip(driver: Driver) -> None:
    title = driver.top
    for key in ("new_game", "continue", "load", "settings", "how_to_play", "quit"):
        assert key in title.buttons
    assert not title.buttons["continue"].is_enabled  # no save yet
    buttons = _buttons(driver.app)
    assert buttons and all(b.tool_tip_text for b in buttons)


def test_language_switches_at_run_time_and_is_remembered(driver: Driver, user_dirs) -> None:  # type: ignore[no-untyped-def]
    assert driver.top.buttons["new_game"].text == "New game"
    driver.click(driver.top.buttons["lang_zh"])
    assert driver.top.buttons["new_game"].text == "新游戏"
    driver.click(driver.top.buttons["lang_zh_hant"])
    assert driver.top.buttons["new_game"].text == "新遊戲"
    saved = json.loads((user_dirs / "config" / "FourRealms" / "settings.json").read_text(encoding="utf-8"))
    assert saved["language"] == "zh_hant"


def test_settings_screen_changes_scale_sound_and_patterns(driver: Driver, user_dirs) -> None:  # type: ignore[no-untyped-def]
    from game.scenes.settings_screen import SettingsScene

    driver.click(driver.top.buttons["settings"])
    assert isinstance(driver.top, SettingsScene)
    driver.click(driver.top.options[("ui_scale", 1.25)])
    assert driver.app.settings.ui_scale == 1.25
    assert isinstance(driver.top, SettingsScene)  # rebuilt, still there
    driver.click(driver.top.options[("sound", False)])
    driver.click(driver.top.options[("patterns", True)])
    saved = json.loads((user_dirs / "config" / "FourRealms" / "settings.json").read_text(encoding="utf-8"))
    assert saved["ui_scale"] == 1.25 and saved["sound"] is False and saved["patterns"] is True
    driver.key(pygame.K_ESCAPE)
    assert type(driver.top).__name__ == "TitleScene"


def test_a_damaged_settings_file_falls_back_to_defaults(user_dirs) -> None:  # type: ignore[no-untyped-def]
    from game.settings import Settings

    path = user_dirs / "config" / "FourRealms" / "settings.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"language": "klingon", "ui_scale": "huge", "sound": false', encoding="utf-8")
    assert Settings.load().language == "zh"
    path.write_text('{"language": "en", "ui_scale": "huge", "sound": false}', encoding="utf-8")
    loaded = Settings.load()
    assert (loaded.language, loaded.ui_scale, loaded.sound) == ("en", 1.0, False)


def test_f1_lists_every_shortcut_and_leads_to_how_to_play(driver: Driver) -> None:
    from game.scenes.help import SHORTCUTS, HelpOverlay, HowToPlayScene, shortcut_html

    driver.key(pygame.K_F1)
    assert isinstance(driver.top, HelpOverlay)
    text = shortcut_html()
    for keys, _ in SHORTCUTS:
        if keys not in ("drag", "click", "right click"):
            assert keys in text
    driver.click(driver.top.howto)
    assert isinstance(driver.top, HowToPlayScene)
    driver.key(pygame.K_ESCAPE)
    assert type(driver.top).__name__ == "TitleScene"


def test_an_idle_window_stops_redrawing(driver: Driver) -> None:
    driver.app._redraw_until = 0.0
    driver.frames(2)
    drawn = driver.app.frames_drawn
    driver.frames(5)
    assert driver.app.frames_drawn == drawn
    driver.key(pygame.K_a)  # any input redraws
    assert driver.app.frames_drawn > drawn


def test_quit_button_ends_the_loop(driver: Driver) -> None:
    driver.click(driver.top.buttons["quit"])
    assert not driver.app.running
