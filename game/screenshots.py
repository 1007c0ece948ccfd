"""Screenshots of every scene in Chinese and English, for review: ``python -m game.screenshots``.

Runs headless (SDL's dummy driver), with the user folders in a temporary directory, and
writes PNGs to docs/screenshots/. A person looks at them: overlaps, tofu, clipped text.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

from game import paths  # noqa: E402

OUT = paths.ROOT / "docs" / "screenshots"


def _settle(app, n: int = 4) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        app.step(1 / 60)
    app.draw()


def _write_png(surface: pygame.Surface, path: Path) -> None:
    """PNG; with Pillow at hand (a tool dependency, not the game's) reduced to 256 colours,
    which keeps a relief-map screenshot near 300 KB instead of 1 MB."""
    try:
        from PIL import Image
    except ImportError:
        pygame.image.save(surface, str(path))
        return
    image = Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB"))
    image.quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def shoot(lang: str, out: Path, scenario_id: str = "jin_xia_1211", faction: str = "jin") -> list[Path]:
    """Save one PNG per scene in ``lang``; returns the files written."""
    from engine.scenario import find_scenario, load_scenario
    from game.app import App
    from game.scenes.decisions import DecisionDialog, EventDialog
    from game.scenes.diplomacy import DiplomacyScene
    from game.scenes.end import EndScene
    from game.scenes.goals import GoalsDialog
    from game.scenes.handover import HandoverScene
    from game.scenes.help import HelpOverlay, HowToPlayScene
    from game.scenes.load import LoadScene
    from game.scenes.map_scene import MapScene, begin_game
    from game.scenes.new_game import NewGameScene
    from game.scenes.settings_screen import SettingsScene
    from game.scenes.title import TitleScene
    from game.session import GameOptions, Session
    from game.settings import Settings

    settings = Settings()
    settings.language = lang
    settings.edge_scroll = False
    app = App(settings)
    written: list[Path] = []

    def save(name: str) -> None:
        _settle(app)
        path = out / f"{name}_{lang}.png"
        _write_png(app.screen, path)
        written.append(path)

    app.push(TitleScene(app))
    save("01_title")
    for scene, name in ((SettingsScene, "02_settings"), (NewGameScene, "03_new_game"), (HowToPlayScene, "04_how_to_play"), (LoadScene, "05_load")):
        app.push(scene(app))
        save(name)
        app.pop()

    folder = find_scenario(scenario_id)
    scen = load_scenario(folder)
    session = Session.start(scen, GameOptions(folder, humans=(faction,), seed=1))
    begin_game(app, session)
    save("06_briefing")
    app.top.done()  # type: ignore[union-attr]
    map_scene = app.find(MapScene)
    assert map_scene is not None
    while app.top is not map_scene:
        app.pop()
    save("07_map")
    army = session.state.armies_of(faction)[0]
    map_scene.select_army(army.id)  # type: ignore[attr-defined]
    legal = [o for o in session.legal(faction) if getattr(o, "army", None) == army.id and o.kind == "move"]
    if legal:
        far = legal[len(legal) // 2].to  # type: ignore[attr-defined]
        map_scene.choose_destination(far)  # type: ignore[attr-defined]
        pdef = scen.places[far]
        map_scene.camera.centre_on(*map_scene.world.to_world(pdef.lon, pdef.lat))  # type: ignore[attr-defined]
    save("08_army_path")
    capital = session.state.polities[faction].capital
    if capital:
        map_scene.select_place(capital)  # type: ignore[attr-defined]
        save("09_place")
    diplomacy = app.push(DiplomacyScene(app, map_scene))  # type: ignore[arg-type]
    others = [s for s in sorted(scen.states) if s != faction]
    diplomacy.show(max(others, key=lambda s: len(session.state.treaties_between(faction, s))))  # type: ignore[attr-defined]
    save("10_diplomacy")
    app.pop()
    app.push(GoalsDialog(app, map_scene))  # type: ignore[arg-type]
    save("10_goals")
    app.pop()
    app.push(HelpOverlay(app))
    save("11_help")
    app.pop()
    event = next((e for e in scen.events.values() if e.choices and e.actor == faction), None)
    if event is not None:
        from engine.state import Pending

        app.push(EventDialog(app, map_scene, Pending(9999, "event", faction, ref=event.id, date=session.state.date)))  # type: ignore[arg-type]
        save("12_event")
        EventDialog.show_hint = True
        app.top.rebuild()  # type: ignore[union-attr]
        save("13_event_hint")
        EventDialog.show_hint = False
        app.pop()
    other = next(s for s in scen.playable if s != faction)
    from engine.state import Pending

    app.push(DecisionDialog(app, map_scene, Pending(9998, "levy", faction, other=other, ref="x", amount=5000, date=session.state.date)))  # type: ignore[arg-type]
    save("14_decision")
    app.pop()
    app.push(HandoverScene(app, session, other, lambda: None))
    save("15_handover")
    app.pop()
    # the end screen of a whole campaign, the human's seat played by the AI
    from engine.ai.baseline import BaselineAI
    from engine.cli_simulate import run_campaign

    ai = BaselineAI()
    session.state, played = run_campaign(session.state, {f: ai for f in scen.states})
    session.orders.extend(played)
    app.reset(EndScene(app, session))
    save("16_end")
    from game.scenes.chronicle import ChronicleScene
    from game.scenes.lab import LabScene

    app.push(ChronicleScene(app, session))
    save("17_chronicle")
    app.reset(LabScene(app))
    save("18_lab")
    return written


def main(argv: list[str] | None = None) -> int:
    langs = (argv or sys.argv[1:]) or ["zh", "en"]
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        for lang in langs:
            for path in shoot(lang, OUT):
                print(path.relative_to(paths.ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
