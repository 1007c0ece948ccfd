"""Playing: a new game through the new-game screen, selecting and moving an army, the order
buttons (enabled from legal_orders, disabled with the reason), ending turns."""

from __future__ import annotations

import pygame

from tests.game.conftest import Driver
from tests.game.helpers import banner_pos, dismiss_until_map, map_scene, place_pos, start_mini


def test_new_game_on_the_mini_scenario_as_one_faction(driver: Driver) -> None:
    from game.scenes.briefing import BriefingScene
    from game.scenes.map_scene import MapScene
    from game.scenes.new_game import NewGameScene

    driver.click(driver.top.buttons["new_game"])
    assert isinstance(driver.top, NewGameScene)
    driver.click(driver.top.scenario_buttons["mini"])
    ng = driver.top
    assert ng.scenario is not None and ng.scenario.id == "mini"
    assert set(ng.seat_buttons) == {"empire", "kingdom", "steppe"}
    driver.click(ng.seat_buttons["empire"])  # the first playable state was preset: now nobody
    assert not driver.top.start_button.is_enabled
    driver.click(driver.top.seat_buttons["kingdom"])
    driver.click(driver.top.option_buttons[("turn_months", 3)])
    driver.click(driver.top.option_buttons[("historical_mode", "off")])
    driver.click(driver.top.whatif_buttons["strong_kingdom"])
    driver.click(driver.top.bookmark_buttons[sorted(driver.top.bookmark_buttons)[1]])
    ng = driver.top
    ng.seed_entry.set_text("4242")
    driver.click(ng.start_button)
    assert isinstance(driver.top, BriefingScene) and driver.top.faction == "kingdom"
    driver.click(driver.top.go)
    assert isinstance(driver.top, MapScene)
    state = driver.top.session.state
    assert state.setup.humans == ("kingdom",)
    assert (state.setup.seed, state.setup.turn_months, state.setup.historical_mode) == (4242, 3, "off")
    assert state.date == ng.scenario.header.calendar.bookmarks[1].date
    assert "royal_guard" in state.armies  # the what-if overlay was applied


def test_select_an_army_preview_its_path_and_move_it() -> None:
    d = start_mini(("steppe",))
    m = map_scene(d)
    d.click(banner_pos(d, "horde"))
    assert m.selected_army == "horde"
    target = place_pos(d, "pasture_camp")
    d.click(target)
    assert m.destination == "pasture_camp" and m.preview is not None
    assert m.preview[0] == ["pasture_camp"] and m.preview_months() >= 1
    d.click(target)  # a second click on the destination confirms
    army = m.session.state.armies["horde"]
    assert army.task == "move" and army.path == ("pasture_camp",)
    assert m.session.orders[-1].kind == "move"


def test_end_turn_with_enter_runs_the_ai_and_advances_the_month() -> None:
    d = start_mini(("steppe",))
    m = map_scene(d)
    start = m.session.state.date
    d.key(pygame.K_RETURN)
    dismiss_until_map(d)
    assert m.session.state.date == start + 1
    assert any(o.faction == "empire" for o in m.session.orders)  # the AI gave orders too
    assert m.session.current == "steppe"
    d.click(m.hud.end_button)
    assert m.session.state.date == start + 2


def test_order_buttons_follow_legal_orders_and_explain_refusals() -> None:
    from engine import orders as o

    d = start_mini(("empire",))
    m = map_scene(d)
    d.click(banner_pos(d, "imperial"))
    assert m.selected_army == "imperial"
    buttons = {type(order).__name__: btn for btn, order in m.hud.order_buttons.items()}
    assert buttons["Garrison"].is_enabled  # its own fort: it may leave men there
    assault = buttons["Assault"]
    assert not assault.is_enabled
    reason = m.session.why(o.Assault("empire", "imperial"))
    assert reason and reason in assault.tool_tip_text
    # Garrisoning half the army is applied through the button.
    size = m.session.state.armies["imperial"].size
    half_button = next(b for b, order in m.hud.order_buttons.items() if isinstance(order, o.Garrison) and order.amount < size)
    d.click(half_button)
    assert m.session.state.armies["imperial"].size == size - size // 2


def test_a_place_panel_recruits_from_the_legal_orders() -> None:
    from engine import orders as o

    d = start_mini(("empire",))
    m = map_scene(d)
    d.click(place_pos(d, "capital_city"))
    assert m.selected_place == "capital_city"
    recruit = next(b for b, order in m.hud.order_buttons.items() if isinstance(order, o.Recruit) and order.troop == "infantry")
    assert recruit.is_enabled
    before = m.session.state.polities["empire"].treasury
    d.click(recruit)
    assert m.session.state.polities["empire"].treasury < before
    steppe_horse = next(b for b, order in m.hud.order_buttons.items() if isinstance(order, o.Recruit) and order.troop == "steppe_cavalry")
    assert not steppe_horse.is_enabled and "pasture" in steppe_horse.tool_tip_text


def test_pan_and_zoom_with_keys_and_wheel() -> None:
    d = start_mini(("steppe",))
    m = map_scene(d)
    level = m.camera.level
    d.key(pygame.K_PLUS)
    assert m.camera.level == level + 1
    pygame.mouse.set_pos((400, 300))
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0))
    d.frames(2)
    assert m.camera.level == level
    d.key(pygame.K_PLUS)
    d.key(pygame.K_PLUS)
    m.camera.centre_on(m.world.size[0] / 2, m.world.size[1] / 2)
    cx, cy = m.camera.cx, m.camera.cy
    start, end = (500, 300), (400, 250)  # drag the map left and up: the view moves right and down
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start))
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(end[0] - start[0], end[1] - start[1]), buttons=(1, 0, 0)))
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=end))
    d.frames(2)
    assert m.camera.cx > cx and m.camera.cy > cy
    assert m.selected_army is None  # a drag is not a click
    d.click(m.minimap.rect.topleft)  # the minimap's corner: the view jumps to the world's corner
    assert m.camera.cx < cx and m.camera.cy < cy


def test_every_button_on_the_map_has_a_tooltip() -> None:
    import pygame_gui

    d = start_mini(("empire",))
    m = map_scene(d)
    d.click(banner_pos(d, "imperial"))
    buttons = [e for e in d.app.manager.get_sprite_group().sprites() if isinstance(e, pygame_gui.elements.UIButton) and e.visible]
    assert len(buttons) > 10
    assert all(b.tool_tip_text for b in buttons)


def test_in_game_menu_switches_the_language_of_the_running_game() -> None:
    from game.scenes.game_menu import GameMenu
    from game.scenes.settings_screen import SettingsScene

    d = start_mini(("steppe",), language="zh")
    m = map_scene(d)
    assert m.hud.end_button.text == "结束回合"
    d.key(pygame.K_ESCAPE)
    assert isinstance(d.top, GameMenu)
    d.click(d.top.buttons["settings"])
    assert isinstance(d.top, SettingsScene)
    d.click(d.top.options[("language", "en")])
    d.key(pygame.K_ESCAPE)
    assert d.top is m
    assert m.hud.end_button.text == "End turn"
    assert "Steppe Khanate" in m.hud.stats.text


def test_the_window_can_be_resized() -> None:
    d = start_mini(("steppe",))
    m = map_scene(d)
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    d.frames(2)
    assert d.app.settings.window_size == (1600, 900)
    assert m.hud.end_button.rect.right > 1280


def test_the_game_ends_with_the_end_screen() -> None:
    from engine.calendar import parse_month
    from game.scenes.end import EndScene

    d = start_mini(("empire",), start=parse_month("1203-12"))
    d.key(pygame.K_RETURN)
    assert isinstance(d.top, EndScene)
    assert map_scene(d).session.state.over


def test_a_large_ui_scale_lays_out_without_clipped_labels() -> None:
    d = start_mini(("empire",))
    d.app.set_ui_scale(1.5)  # clipped labels would warn, and warnings fail these tests
    m = map_scene(d)
    d.click(banner_pos(d, "imperial"))
    d.click(place_pos(d, "capital_city"))
    assert m.hud.end_button.rect.height >= 60


def test_the_idle_panel_lists_own_armies_and_tab_cycles_them() -> None:
    import pygame_gui

    d = start_mini(("empire",))
    m = map_scene(d)
    buttons = [e for e in m.hud.panel.get_container().elements if isinstance(e, pygame_gui.elements.UIButton)]
    assert len(buttons) == len(m.session.state.armies_of("empire"))
    d.click(buttons[0])
    assert m.selected_army == "imperial"
    d.key(pygame.K_ESCAPE)  # clears the selection
    assert m.selected_army is None
    d.key(pygame.K_TAB)
    assert m.selected_army == "imperial"


def test_scenarios_in_the_user_data_folder_are_offered(user_dirs) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from game import catalog, paths
    from tests.game.conftest import MINI

    shutil.copytree(MINI, paths.user_scenarios_dir() / "my_mini")
    entries = {e.folder.name: e for e in catalog.list_scenarios()}
    assert entries["my_mini"].user and entries["my_mini"].name("zh") == "小剧本"
    assert "jin_xia_1211" in entries and not entries["jin_xia_1211"].user
