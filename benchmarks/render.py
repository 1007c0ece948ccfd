"""Benchmark: how fast the game window draws the map, and how soon it opens.

Frame time: the map scene of a new game at 1280x720 (SDL's dummy video driver), the whole
frame as the game loop does it -- map layers, places, banners, the HUD widgets, the mouse
tooltip and ``display.flip`` -- the median of N frames in three views:

* ``whole map``: zoomed out until every place and every army is on screen (all are drawn);
* ``opening view``: the zoom and centre a player first sees;
* ``panning``: the opening view moving 12 px a frame and back, so cached layers are re-made
  now and then (those frames are in the figures).

Launch: a fresh process runs ``main.py play --exit-after-first-frame`` (title screen drawn and
input read, then quit); the figure is the wall time from spawning it to the line it prints,
so Python's own start-up and every import count. The child's own reading (from the kernel's
process start time) is shown beside it.

Targets (DESIGN.md section 8): a map frame in at most 8 ms; launch to the first frame in at
most 1.5 s.

    .venv/bin/python benchmarks/render.py [--scenario jin_xia_1211] [--frames 200] [--launches 5]

The scenario defaults to jin_xia_1211 and falls back to tests/fixtures/mini when that does not
load. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from _common import ROOT, load, median, scenario_folder  # noqa: E402

SIZE = (1280, 720)


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _time_frames(app, frames: int, before: Callable[[int], None]) -> list[float]:  # type: ignore[no-untyped-def]
    """Milliseconds per whole frame (draw + flip), after ``before(i)`` moved the view."""
    import pygame

    out = []
    for i in range(frames):
        before(i)
        t0 = time.perf_counter()
        app.draw()
        pygame.display.flip()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def frame_times(folder: Path, frames: int) -> list[tuple[str, list[float], str]]:
    """(view, ms per frame, what was drawn) for the three views."""
    import pygame

    from game.app import App
    from game.mapview.camera import ZOOMS
    from game.scenes.map_scene import MapScene, begin_game
    from game.session import GameOptions, Session
    from game.settings import Settings

    scen = load(folder)
    settings = Settings()
    settings.language = "zh"
    settings.window_size = SIZE
    settings.edge_scroll = False
    app = App(settings)
    human = sorted(scen.playable)[0]
    session = Session.start(scen, GameOptions(folder, humans=(human,), seed=1))
    begin_game(app, session)
    session.briefed.add(human)
    while not isinstance(app.top, MapScene):
        app.pop()
    scene = app.top
    assert isinstance(scene, MapScene)
    for _ in range(3):
        app.step(1 / 60)

    # a tooltip is part of a real frame: hover the first capital
    capital = session.state.polities[human].capital or sorted(scen.places)[0]
    scene.hover_place = capital
    opening = (scene.camera.level, scene.camera.cx, scene.camera.cy)
    results = []

    # whole map: the largest zoom at which every place and army is inside the window
    cam = scene.camera
    for level in range(len(ZOOMS) - 1, -1, -1):
        cam.level = level
        scene._fit_scenario()  # centre on the scenario's box
        cam.level = level
        xs = [cam.to_screen(*scene.painter.positions[p])[0] for p in scen.places]
        ys = [cam.to_screen(*scene.painter.positions[p])[1] for p in scen.places]
        if min(xs) >= 0 and max(xs) <= SIZE[0] and min(ys) >= 0 and max(ys) <= SIZE[1]:
            break
    app.draw()
    drawn_places = len(scene.painter.hits.places)
    drawn_armies = len(scene.painter.hits.armies)
    ms = _time_frames(app, frames, lambda i: None)
    results.append(("whole map", ms, f"zoom {cam.zoom}, {drawn_places}/{len(scen.places)} places, "
                                     f"{drawn_armies}/{len(session.state.armies)} armies drawn"))

    cam.level, cam.cx, cam.cy = opening
    app.draw()
    ms = _time_frames(app, frames, lambda i: None)
    results.append(("opening view", ms, f"zoom {cam.zoom}, {len(scene.painter.hits.places)} places, "
                                        f"{len(scene.painter.hits.armies)} armies on screen"))

    cam.level, cam.cx, cam.cy = opening
    rebuilds = scene.layers.rebuilds

    def pan(i: int) -> None:
        step = 12 if i < frames // 2 else -12  # out and back, so it stays inside the map
        cam.pan(step, step // 3)

    ms = _time_frames(app, frames, pan)
    results.append(("panning", ms, f"zoom {cam.zoom}, {scene.layers.rebuilds - rebuilds} layer rebuild(s) in {frames} frames"))
    pygame.quit()
    return results


def launch_times(runs: int) -> list[tuple[float, float | None]]:
    """(wall seconds from spawn to the first-frame line, the child's own figure) per launch."""
    out = []
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # default settings, no saves
        env["XDG_DATA_HOME"] = str(Path(tmp) / "data")
        for _ in range(runs):
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "play", "--exit-after-first-frame"],
                                    cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            assert proc.stdout is not None
            wall, own = None, None
            for line in proc.stdout:
                found = re.search(r"first interactive frame: ([0-9.]+) s", line)
                if found:
                    wall = time.perf_counter() - t0
                    own = float(found.group(1))
                    break
            _, err = proc.communicate(timeout=60)
            if wall is None:
                raise SystemExit(f"the game did not report a first frame (exit {proc.returncode}): {err.strip()[-400:]}")
            out.append((wall, own))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    parser.add_argument("--frames", type=int, default=200, help="frames timed per view")
    parser.add_argument("--launches", type=int, default=5, help="fresh processes timed to their first frame")
    args = parser.parse_args(argv)
    folder, note = scenario_folder(args.scenario)
    if note:
        print(f"note: {note}")
    print(f"map scene at {SIZE[0]}x{SIZE[1]}, driver {os.environ['SDL_VIDEODRIVER']}, {args.frames} frames per view")
    for view, ms, what in frame_times(folder, max(1, args.frames)):
        print(f"  {view:13s} median {median(ms):5.2f} ms  p95 {_quantile(ms, 0.95):5.2f}  max {max(ms):6.2f}  (target <= 8)  [{what}]")
    launches = launch_times(max(1, args.launches))
    walls = [w for w, _ in launches]
    owns = [o for _, o in launches if o is not None]
    print(f"launch to first interactive frame (fresh process), median of {len(walls)}: {median(walls):.3f} s  (target <= 1.5)"
          f"  [min {min(walls):.3f}, max {max(walls):.3f}; the game's own reading {median(owns):.3f} s]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
