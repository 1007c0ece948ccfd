"""The what-if lab screen, headless: reached from the title, it starts a small batch (baseline
and one what-if, 4 runs each, 1211-01..1212-12, two worker processes) in the background; the
window keeps drawing frames while the runs arrive, the comparison charts appear, the runs are
in the user's lab.sqlite (with the historical-events mode chosen: free by default), and Stop ends
a long batch early without losing finished runs."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pygame

from engine.calendar import parse_month
from tests.game.conftest import Driver, make_app

WHATIF = "jin_court_stays_zhongdu_1214"


def _open_lab(language: str) -> Driver:
    from game.scenes.lab import LabScene
    from game.scenes.title import TitleScene

    app = make_app(language)
    app.push(TitleScene(app))
    d = Driver(app)
    d.frames(2)
    d.click(d.top.buttons["what_if_lab"])
    assert isinstance(d.top, LabScene)
    return d


def _wait(d: Driver, timeout: float = 180.0) -> tuple[list[float], set[int]]:
    """Run frames until the job finishes: (each frame's seconds, the run counts seen meanwhile)."""
    frames: list[float] = []
    seen: set[int] = set()
    deadline = time.monotonic() + timeout
    while d.top.busy and time.monotonic() < deadline:
        t0 = time.perf_counter()
        d.app.step(1 / 60)
        frames.append(time.perf_counter() - t0)
        seen.add(d.top.job.progress.done)
        time.sleep(0.01)
    assert not d.top.busy, "the batch did not finish in time"
    d.frames(2)
    return frames, seen


def test_a_small_batch_runs_in_the_background_and_the_charts_appear(tmp_path: Path, user_dirs: Path) -> None:
    d = _open_lab("zh")
    lab = d.top
    d.click(lab.whatif_buttons[WHATIF])
    d.click(d.top.option_buttons[("runs", 4)])
    d.click(d.top.option_buttons[("until", parse_month("1212-12"))])
    d.click(d.top.option_buttons[("workers", 2)])
    assert d.top.historical == "off" and d.top.option_buttons[("historical", "off")].is_selected
    before = d.screenshot(tmp_path / "before.png").copy()
    d.click(d.top.run_button)
    assert d.top.busy and hasattr(d.top, "stop_button")
    frames, seen = _wait(d)
    # the window kept drawing while the runs were played: progress showed up step by step, in
    # frames that took milliseconds (the whole batch in one frame would show 0, then 8)
    assert len(seen) >= 3
    assert sorted(frames)[len(frames) // 2] < 0.05

    lab = d.top
    progress = lab.job.progress
    assert progress.error is None and not progress.cancelled
    assert (progress.done, progress.total) == (8, 8)
    assert lab.stats["counts"] == (4, 4)
    rows = {q.id: (pb, po) for q, pb, po in lab.stats["rows"]}
    assert "zhongdu_lost_1215" not in rows  # runs ending in 1212 cannot tell
    base, other = rows["xia_survives"]  # survival is asked at the end of the runs
    assert base.n == other.n == 4
    assert d.top.stats["rows"][0][0].text("zh") == "金存续至1212年底"
    assert hasattr(lab, "run_button")  # Run is back

    db = user_dirs / "data" / "FourRealms" / "lab.sqlite"
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT variant, historical, count(*) FROM runs GROUP BY variant ORDER BY variant").fetchall() == [
            ("", "off", 4), (WHATIF, "off", 4)]

    after = d.screenshot(tmp_path / "lab_zh.png")
    chart = lab.chart_rect
    changed = sum(1 for x in range(chart.left, chart.right, 6) for y in range(chart.top, chart.bottom, 6)
                  if after.get_at((x, y)) != before.get_at((x, y)))
    assert changed > 200  # bars, bands and lines were drawn

    d.click(lab.state_buttons["jin"])
    assert d.top.state_shown == "jin" and d.top.stats["bands"]
    d.key(pygame.K_ESCAPE)
    assert type(d.top).__name__ == "TitleScene"


def test_stop_ends_a_long_batch_early_and_keeps_finished_runs(user_dirs: Path) -> None:
    d = _open_lab("en")
    d.click(d.top.option_buttons[("runs", 200)])
    d.click(d.top.option_buttons[("workers", 1)])
    d.click(d.top.option_buttons[("historical", "ai")])
    assert d.top.historical == "ai" and d.top.option_buttons[("historical", "ai")].is_selected
    d.click(d.top.run_button)
    deadline = time.monotonic() + 60
    while d.top.job.progress.done < 1 and time.monotonic() < deadline:
        d.app.step(1 / 60)
        time.sleep(0.02)
    d.click(d.top.stop_button)
    _wait(d, timeout=60)
    progress = d.top.job.progress
    assert progress.cancelled and 1 <= progress.done < 200
    with sqlite3.connect(user_dirs / "data" / "FourRealms" / "lab.sqlite") as con:
        (n,) = con.execute("SELECT count(*) FROM runs WHERE historical = 'ai'").fetchone()
    assert n == progress.done
