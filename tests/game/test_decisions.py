"""Decisions: event dialogs with the hint toggle, treaty offers through the diplomacy window,
answers, and the hotseat hand-over that hides the map."""

from __future__ import annotations

import pygame

from engine.calendar import parse_month
from tests.game.helpers import dismiss_until_map, map_scene, place_pos, start_mini


def test_an_event_dialog_marks_history_on_request_and_takes_a_choice() -> None:
    from game.scenes.decisions import EventDialog

    EventDialog.show_hint = False
    d = start_mini(("kingdom",), start=parse_month("1200-06"))
    assert isinstance(d.top, EventDialog)
    dialog = d.top
    assert dialog.event.id == "levy_call"
    assert not any(b.text.startswith("★") for b in dialog.choice_buttons.values())
    d.click(dialog.hint_button)
    dialog = d.top
    marked = [cid for cid, b in dialog.choice_buttons.items() if b.text.startswith("★")]
    assert marked == ["refuse"]  # history's choice
    d.key(pygame.K_h)  # H toggles it back
    assert not any(b.text.startswith("★") for b in d.top.choice_buttons.values())
    d.click(d.top.choice_buttons["send"])
    m = map_scene(d)
    assert m.session.state.fired["levy_call"] == "send"
    assert not m.session.pending_for("kingdom")
    assert d.top is m
    EventDialog.show_hint = False


def test_end_turn_refuses_while_a_decision_waits_and_reopens_it() -> None:
    from game.scenes.decisions import EventDialog

    d = start_mini(("kingdom",), start=parse_month("1200-06"))
    d.key(pygame.K_ESCAPE)  # put the event off
    m = map_scene(d)
    assert d.top is m
    date = m.session.state.date
    d.key(pygame.K_RETURN)
    assert m.session.state.date == date
    assert isinstance(d.top, EventDialog)


def _visible_colours(surface: pygame.Surface, points: list[tuple[int, int]]) -> set[tuple[int, int, int]]:
    return {tuple(surface.get_at(p))[:3] for p in points}  # type: ignore[misc]


def test_hotseat_offer_handover_and_answer(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from engine.orders import ProposeTreaty
    from game.scenes.decisions import DecisionDialog
    from game.scenes.diplomacy import DiplomacyScene
    from game.scenes.handover import HandoverScene
    from game.scenes.map_scene import MapScene

    d = start_mini(("empire", "kingdom"))
    m = map_scene(d)
    assert m.session.current == "empire"
    d.key(pygame.K_g)
    assert isinstance(d.top, DiplomacyScene)
    key = "propose_kingdom_alliance_a"
    assert key in d.top.buttons and d.top.buttons[key].is_enabled
    d.click(d.top.buttons[key])
    assert any(isinstance(o, ProposeTreaty) and o.to == "kingdom" for o in m.session.orders)
    d.click(d.top.close_button)
    assert d.top is m

    points = [place_pos(d, "royal_city"), place_pos(d, "capital_city"), place_pos(d, "west_town")]
    seen_on_map = _visible_colours(d.screenshot(tmp_path / "map.png"), points)
    d.click(m.hud.end_button)
    # Empire's turn ended; Kingdom's seat must be taken before the map shows again.
    assert isinstance(d.top, HandoverScene) and d.top.faction == "kingdom"
    assert not m.container.visible
    screen = d.screenshot(tmp_path / "handover.png")
    hidden = _visible_colours(screen, points)
    assert not hidden & seen_on_map
    w, h = screen.get_size()
    everywhere = _visible_colours(screen, [(x, y) for x in range(0, w, 4) for y in range(0, h, 4)])
    for state in ("empire", "steppe"):  # no territory, marker or banner of theirs shows
        assert tuple(pygame.Color(m.session.scenario.states[state].colour))[:3] not in everywhere
    dismiss_until_map(d)
    assert isinstance(d.top, DecisionDialog) and d.top.pending.kind == "offer"
    d.click(d.top.accept)
    assert isinstance(d.top, MapScene)
    assert any(t.type == "alliance" for t in m.session.state.treaties_between("empire", "kingdom"))
    assert m.session.current == "kingdom"
    d.click(m.hud.end_button)  # the last human ends: the AI moves, the month passes
    assert isinstance(d.top, HandoverScene) and d.top.faction == "empire"


def test_diplomacy_window_declares_war_and_lists_relations() -> None:
    from game.scenes.dialogs import ConfirmDialog
    from game.scenes.diplomacy import DiplomacyScene

    d = start_mini(("empire",))
    m = map_scene(d)
    d.click(m.hud.bar_buttons["diplomacy"])
    assert isinstance(d.top, DiplomacyScene)
    assert set(d.top.state_tabs) == {"kingdom", "steppe"}
    assert d.top.shown == "kingdom" and "war_kingdom" in d.top.buttons and "war_steppe" not in d.top.buttons
    d.click(d.top.state_tabs["steppe"])  # one state's page at a time
    assert d.top.shown == "steppe" and "war_kingdom" not in d.top.buttons
    assert not m.session.state.at_war("empire", "steppe")
    d.click(d.top.buttons["war_steppe"])
    assert isinstance(d.top, ConfirmDialog)  # war is asked about first
    d.click(d.top.no)
    assert isinstance(d.top, DiplomacyScene) and not m.session.state.at_war("empire", "steppe")
    d.click(d.top.buttons["war_steppe"])
    d.click(d.top.yes)
    assert isinstance(d.top, DiplomacyScene)
    assert m.session.state.at_war("empire", "steppe")
    assert d.top.shown == "steppe"  # the page stays after an order
    assert not d.top.buttons["war_steppe"].is_enabled  # already at war: disabled, with the reason
    assert "war" in d.top.buttons["war_steppe"].tool_tip_text
    assert "at war" in d.top.state_tabs["steppe"].text
    # at war, the peace-making offers join the war row; the alliance offer is gone
    assert any(k.startswith("propose_steppe_peace") or k.startswith("propose_steppe_truce") for k in d.top.buttons)
    d.key(pygame.K_ESCAPE)
    assert d.top is m
