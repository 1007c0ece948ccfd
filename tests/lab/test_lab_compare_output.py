"""``main.py compare`` renders: a text table with Chinese labels and PNG charts, and one
self-contained HTML page (escaped, images embedded); bad requests get one line and exit 2."""

from __future__ import annotations

import re
import shutil
import warnings
from pathlib import Path

import pytest

import main
from lab_testkit import FORTRESS


def test_text_report_in_chinese_with_charts(shift_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    charts = tmp_path / "charts"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a missing glyph in a chart label would warn
        code = main.main(["compare", "--db", str(shift_db), "--lang", "zh", "--charts", str(charts)])
    out = capsys.readouterr().out
    assert code == 0
    assert "假设：测试：西夏城城固若金汤  对照  基线（无假设）" in out
    assert "史实事件：关（AI自主抉择）" in out
    assert re.search(r"西夏存续至1227年底 +\d+% \(\d+–\d+\) \d+/16", out)
    assert "亡国时间" in out and "史实吻合度" in out and "里程碑按时达成率" in out
    pngs = sorted(charts.glob("*.png"))
    assert [p.name for p in pngs] == ["01_test_xia_collapse_falls.png", "01_test_xia_collapse_territory.png",
                                      "02_test_xia_fortress_falls.png", "02_test_xia_fortress_territory.png"]
    for png in pngs:
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
        assert str(png) in out


def test_html_report_is_self_contained_and_escaped(shift_db: Path, tmp_path: Path) -> None:
    # an overlay title with markup must come out as text
    evil = tmp_path / "evil.yaml"
    evil.write_text(FORTRESS.read_text(encoding="utf-8").replace('en: "Test: every Xia city impregnable"',
                                                                 'en: "<script>alert(1)</script>"'), encoding="utf-8")
    db = tmp_path / "copy.sqlite"
    shutil.copy(shift_db, db)
    import sqlite3

    with sqlite3.connect(db) as con:
        con.execute("UPDATE runs SET overlay_files = ? WHERE variant = 'test_xia_fortress'", (f'["{evil}"]',))
    out = tmp_path / "c.html"
    assert main.main(["compare", "--db", str(db), "--format", "html", "--out", str(out), "--lang", "en"]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert len(re.findall(r'<img alt="[^"]+" src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}">', html)) == 4
    assert not re.search(r'(src|href)="(?!data:)', html)  # nothing fetched from elsewhere
    assert "Western Xia still standing at the end of 1227" in html


@pytest.mark.parametrize("args, message", [
    (["compare", "--db", "/nonexistent/r.sqlite"], "no such database"),
    (["compare", "--whatif", "no_such_overlay"], "no runs of what-if 'no_such_overlay'"),
    (["batch", "--scenario", "no_such_scenario", "--runs", "1"], "no such scenario folder"),
    (["batch", "--runs", "0"], "--runs must be at least 1"),
    (["batch", "--runs", "1", "--until", "1300-01"], "--until 1300-01"),
    (["batch", "--runs", "1", "--whatif", "/nonexistent.yaml"], "no such what-if file"),
])
def test_bad_requests_exit_2_with_one_line(args: list[str], message: str, shift_db: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    if "--db" not in args:
        args = args + ["--db", str(shift_db if args[0] == "compare" else tmp_path / "new.sqlite")]
    assert main.main(args) == 2
    err = capsys.readouterr().err.strip()
    assert message in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
