"""Starting games for tests without walking through the new-game screen each time."""

from __future__ import annotations

from typing import Any

from tests.game.conftest import MINI, Driver, make_app


def start_mini(humans: tuple[str, ...] = ("steppe",), language: str = "en", **options: Any) -> Driver:
    """A running game on the mini fixture, on the map with the briefing(s) dismissed."""
    from engine.scenario import load_scenario
    from game.scenes.map_scene import MapScene, begin_game
    from game.session import GameOptions, Session

    app = make_app(language)
    scenario = load_scenario(MINI)
    session = Session.start(scenario, GameOptions(MINI, humans=humans, seed=options.pop("seed", 7), **options))
    begin_game(app, session)
    d = Driver(app)
    d.frames(2)
    dismiss_until_map(d)
    assert d.app.find(MapScene) is not None
    return d


def dismiss_until_map(d: Driver) -> None:
    """Click through hand-over and briefing screens."""
    from game.scenes.briefing import BriefingScene
    from game.scenes.handover import HandoverScene

    for _ in range(6):
        if isinstance(d.top, (HandoverScene, BriefingScene)):
            d.click(d.top.go)
        else:
            return


def map_scene(d: Driver):  # type: ignore[no-untyped-def]
    from game.scenes.map_scene import MapScene

    scene = d.app.find(MapScene)
    assert scene is not None
    return scene


def place_pos(d: Driver, place_id: str) -> tuple[int, int]:
    m = map_scene(d)
    m.camera.centre_on(*m.world.to_world(m.session.scenario.places[place_id].lon, m.session.scenario.places[place_id].lat))
    d.frames(2)
    x, y, _, _ = next(p for p in m.painter.hits.places if p[3] == place_id)
    return int(x), int(y)


def banner_pos(d: Driver, army_id: str) -> tuple[int, int]:
    m = map_scene(d)
    army = m.session.state.armies[army_id]
    m.camera.centre_on(*m.painter.army_world_pos(army))
    d.frames(2)
    rect = next(r for r, a in m.painter.hits.armies if a == army_id)
    return rect.center


def answer_dialogs(d: Driver, choices: dict[str, str] | None = None, accept: bool = True) -> list[str]:
    """Answer every waiting decision by clicking: an event's choice from ``choices`` (event id ->
    choice id; else its first choice), treaty dues and demands with accept or refuse. Returns
    what was answered (event ids and decision kinds)."""
    from game.scenes.decisions import DecisionDialog, EventDialog

    answered = []
    for _ in range(12):
        top = d.top
        if isinstance(top, EventDialog):
            choice = (choices or {}).get(top.event.id, next(iter(top.choice_buttons)))
            answered.append(top.event.id)
            d.click(top.choice_buttons[choice])
        elif isinstance(top, DecisionDialog):
            answered.append(top.pending.kind)
            d.click(top.accept if accept else top.refuse)
        else:
            break
    return answered
