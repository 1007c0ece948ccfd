"""A newcomer's first turns in the real 1211 scenario, with the mouse alone (clicks on buttons,
banners and places; the test only pans the map to what it clicks, as a player would):

* as Western Xia from 1211-01: march onto Jin's land, end turns, pay the tribute due, save,
  take the 1211 event's war choice, besiege, then load the save back;
* as Jin from the 1217 bookmark: answer the opening event, march on an enemy town and besiege it;
* hotseat, the Mongols and Western Xia: the Mongols demand a levy in the diplomacy window, the
  hand-over hides their map, and Xia answers the levy on its own turn.
"""

from __future__ import annotations

from engine import orders as o
from engine.calendar import parse_month
from tests.game.conftest import Driver
from tests.game.helpers import answer_dialogs, banner_pos, map_scene, place_pos

SEED = 3


def new_game(driver: Driver, humans: tuple[str, ...], bookmark: str | None = None) -> None:
    """Title -> new game -> seats (and bookmark) -> start, all by clicks; the seed is fixed so
    the test replays the same game."""
    from game.scenes.new_game import NewGameScene

    driver.click(driver.top.buttons["new_game"])
    ng = driver.top
    assert isinstance(ng, NewGameScene) and ng.scenario is not None and ng.scenario.id == "jin_xia_1211"
    for sid in ng.scenario.playable:
        if (sid in driver.top.humans) != (sid in humans):
            driver.click(driver.top.seat_buttons[sid])
    if bookmark is not None:
        driver.click(driver.top.bookmark_buttons[parse_month(bookmark)])
    driver.top.seed_entry.set_text(str(SEED))
    driver.click(driver.top.start_button)


def through_to_map(d: Driver) -> None:
    """Click through hand-over and briefing screens."""
    from game.scenes.briefing import BriefingScene
    from game.scenes.handover import HandoverScene

    for _ in range(6):
        if isinstance(d.top, (HandoverScene, BriefingScene)):
            d.click(d.top.go)


def end_turn(d: Driver, choices: dict[str, str] | None = None) -> list[str]:
    m = map_scene(d)
    d.click(m.hud.end_button)
    through_to_map(d)
    return answer_dialogs(d, choices)


def test_western_xia_marches_pays_tribute_goes_to_war_besieges_and_reloads(driver: Driver) -> None:
    from game.scenes.load import LoadScene
    from game.scenes.map_scene import MapScene

    new_game(driver, ("xia",))
    through_to_map(driver)
    d = driver
    m = map_scene(d)
    assert d.top is m and m.session.humans == ("xia",)
    # march the eastern army from Yinzhou onto Jin's Suide (at peace: marching is allowed)
    d.click(banner_pos(d, "xia_east"))
    assert m.selected_army == "xia_east"
    suide = place_pos(d, "suide")
    d.click(suide)
    assert m.destination == "suide" and m.preview is not None
    d.click(suide)  # a second click confirms
    assert m.session.state.armies["xia_east"].path == ("suide",)

    answered: list[str] = []
    while m.session.state.date < parse_month("1211-06"):
        answered += end_turn(d)
    assert "tribute" in answered  # Jin's investiture dues came, and were paid with a click
    assert m.session.state.armies["xia_east"].place == "suide"

    # save through the top bar, keeping the name the dialog suggests
    d.click(m.hud.bar_buttons["save"])
    name = d.top.entry.get_text()
    assert name == "jin_xia_1211-1211-06"
    d.click(d.top.ok)
    saved_date, saved_hash = m.session.state.date, m.session.state.state_hash()

    while "xia_war_on_jin_1211" not in answered:
        assert m.session.state.date <= parse_month("1211-12"), "the 1211 war event never came"
        answered += end_turn(d, {"xia_war_on_jin_1211": "attack"})
    assert m.session.state.fired["xia_war_on_jin_1211"] == "attack" and m.session.state.at_war("xia", "jin")

    # the army still stands at Suide: select it and besiege
    assert m.session.state.armies["xia_east"].place == "suide"
    d.click(banner_pos(d, "xia_east"))
    besiege = next(b for b, order in m.hud.order_buttons.items() if isinstance(order, o.Besiege))
    assert besiege.is_enabled
    d.click(besiege)
    assert m.session.state.armies["xia_east"].task == "besiege"
    assert m.session.state.places["suide"].besieger == "xia"

    # load the summer save: the game goes back to it
    d.click(m.hud.bar_buttons["load"])
    assert isinstance(d.top, LoadScene)
    slot = d.top.slot_buttons[name]
    assert "June 1211" in slot.text  # the load screen says what the save holds
    d.click(slot)
    loaded = map_scene(d)
    assert isinstance(d.top, MapScene) and loaded is not m
    assert loaded.session.state.date == saved_date and loaded.session.state.state_hash() == saved_hash
    assert not loaded.session.state.at_war("xia", "jin")  # back before the war


def test_jin_answers_its_first_event_and_besieges_an_enemy_town(driver: Driver) -> None:
    new_game(driver, ("jin",), bookmark="1217-01")
    through_to_map(driver)
    d = driver
    m = map_scene(d)
    assert m.session.state.date == parse_month("1217-01")
    assert answer_dialogs(d)[:1] == ["jin_counter_raid_xia_1217"]  # the opening event, answered by a click
    assert "jin_counter_raid_xia_1217" in m.session.state.fired

    # march on an enemy town that no enemy army stands in or blocks, the one enemies would take
    # longest to reach before us (then the nearest), as a careful player would, and besiege it on
    # arrival; an enemy can still get in the way, so a player tries again from where the army
    # stands (at most 6 months)
    def target() -> tuple[int, str, str]:
        from engine.rules.geography import plan_path

        state = m.session.state
        enemies = [a for a in state.armies.values() if a.owner != "jin" and state.at_war("jin", a.owner)]
        options = []
        for order in m.session.legal("jin"):
            if isinstance(order, o.Move) and state.at_war("jin", state.places[order.to].owner):
                if not any(a.place == order.to for a in state.armies.values()):
                    found = plan_path(state, order.army, order.to)
                    assert found is not None
                    if any(e.place in found[0] for e in enemies):
                        continue
                    reach = [r[1] for r in (plan_path(state, e.id, order.to) for e in enemies) if r is not None]
                    margin = min(reach, default=10_000) - found[1]
                    options.append((-margin, found[1], order.army, order.to))
        assert options, "Jin is at war in 1217 and has towns to march on"
        return min(options)[1:]

    besieged = None
    for _ in range(6):
        days, aid, town = target()
        d.click(banner_pos(d, aid))
        assert m.selected_army == aid
        pos = place_pos(d, town)
        d.click(pos)
        assert m.destination == town and m.preview is not None
        d.click(pos)  # a second click confirms
        assert m.session.state.armies[aid].path[-1] == town
        end_turn(d)
        army = m.session.state.armies.get(aid)
        if army is not None and army.place == town:
            d.click(banner_pos(d, aid))
            besiege = next(b for b, order in m.hud.order_buttons.items() if isinstance(order, o.Besiege))
            assert besiege.is_enabled
            d.click(besiege)
            besieged = town
            break
    assert besieged is not None and m.session.state.places[besieged].besieger == "jin"


def test_hotseat_mongols_demand_a_levy_and_xia_answers_it_on_its_own_turn(driver: Driver) -> None:
    from game.scenes.decisions import DecisionDialog
    from game.scenes.diplomacy import DiplomacyScene
    from game.scenes.handover import HandoverScene

    new_game(driver, ("mongol", "xia"))
    d = driver
    assert isinstance(d.top, HandoverScene) and d.top.faction == "mongol"  # first seat: the map stays hidden
    through_to_map(d)
    m = map_scene(d)
    assert m.session.current == "mongol"
    d.click(m.hud.bar_buttons["diplomacy"])
    assert isinstance(d.top, DiplomacyScene)
    d.click(d.top.state_tabs["xia"])
    levy = next(k for k in d.top.buttons if k.startswith("levy_"))
    d.click(d.top.buttons[levy])
    assert any(p.kind == "levy" and p.faction == "xia" for p in m.session.state.pending)
    d.click(d.top.close_button)
    d.click(m.hud.end_button)
    assert isinstance(d.top, HandoverScene) and d.top.faction == "xia" and not m.container.visible
    through_to_map(d)
    assert m.session.current == "xia"
    assert isinstance(d.top, DecisionDialog) and d.top.pending.kind == "levy"
    d.click(d.top.accept)  # send the troops
    assert not m.session.pending_for("xia")
    assert any(r.kind == "levy_sent" for r in m.session.state.log)
    start = m.session.state.date
    d.click(m.hud.end_button)  # the last human: the AIs move and the month passes
    assert m.session.state.date == start + 1
    assert isinstance(d.top, HandoverScene) and d.top.faction == "mongol"
