"""``main.py report``: every format in every language, escaping, and bad input."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import main
from engine import chronology
from reports.source import open_save

ROOT = Path(__file__).resolve().parents[2]


def _report(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main.main(["report", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("lang, score_word, history_word", [
    ("en", "Fidelity to history", "History"),
    ("zh", "史实吻合度", "真实历史"),
    ("zh_hant", "史實吻合度", "真實歷史"),
])
def test_text_report_in_each_language(full_save: Path, capsys, lang: str, score_word: str, history_word: str) -> None:
    code, out, err = _report(capsys, str(full_save), "--lang", lang)
    assert code == 0 and err == ""
    _, _, state = open_save(full_save)
    score = chronology.fidelity(state).score
    assert f"{score_word}: {score:.1f} / 100" in out
    first = chronology.first_divergence(state)
    assert first is not None and first.milestone.text.get(lang) in out
    assert history_word in out
    # every milestone is listed with its result
    for ms in state.scen.milestones:
        assert ms.text.get(lang) in out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_report_writes_its_charts_beside_it(full_save: Path, tmp_path: Path, capsys, lang: str) -> None:
    out_file = tmp_path / f"r_{lang}.md"
    code, out, err = _report(capsys, str(full_save), "--format", "markdown", "--lang", lang, "--out", str(out_file))
    assert code == 0 and err == "" and "report written" in out
    text = out_file.read_text(encoding="utf-8")
    assert text.startswith("# ")
    for name in ("territory.png", "map.jpg"):
        picture = tmp_path / f"r_{lang}_{name}"
        assert picture.is_file() and picture.stat().st_size > 5000
        assert f"]({picture.name})" in text
    assert ("| 日期 |" if lang == "zh" else "| Date |") in text


@pytest.mark.parametrize("lang, html_lang, heading", [("en", "en", "Timeline side by side"), ("zh", "zh-Hans", "对照年表")])
def test_html_report_is_one_self_contained_file(full_save: Path, tmp_path: Path, capsys, lang: str, html_lang: str, heading: str) -> None:
    out_file = tmp_path / f"r_{lang}.html"
    code, _, err = _report(capsys, str(full_save), "--format", "html", "--lang", lang, "--out", str(out_file))
    assert code == 0 and err == ""
    html = out_file.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{html_lang}">' in html
    assert heading in html and "@page" in html and "size: A4" in html
    sources = re.findall(r'src="([^"]*)"', html)
    assert len(sources) == 2 and all(s.startswith("data:image/") for s in sources)     # chart + map, embedded
    png = base64.b64decode(sources[0].split(",", 1)[1])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert not re.search(r'(href|src)="(https?:)?//', html)                         # nothing fetched


def test_scenario_text_with_markup_is_escaped(markup_save: Path, tmp_path: Path, capsys) -> None:
    for lang in ("en", "zh"):
        out_file = tmp_path / f"m_{lang}.html"
        assert _report(capsys, str(markup_save), "--format", "html", "--lang", lang, "--out", str(out_file))[0] == 0
        html = out_file.read_text(encoding="utf-8")
        assert "<script>" not in html and "<img src=x" not in html and "<b>bold" not in html
        assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    code, md, _ = _report(capsys, str(markup_save), "--format", "markdown")
    assert code == 0 and "<script>" not in md and "&lt;script&gt;" in md


def test_a_save_from_before_the_chronology_check_is_replayed(full_save: Path, tmp_path: Path) -> None:
    """Saves without milestone observations are replayed, which rebuilds them exactly."""
    data = json.loads(full_save.read_text(encoding="utf-8"))
    seen = data["state"].pop("milestones_seen")
    assert seen
    from engine.state import state_from_json

    data["state_hash"] = state_from_json(data["state"]).state_hash()
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _, _, state = open_save(old)
    _, _, original = open_save(full_save)
    assert state.milestones_seen == original.milestones_seen
    assert chronology.fidelity(state).score == chronology.fidelity(original).score


@pytest.mark.parametrize("setup, expected", [
    (lambda d: d / "missing.json", "no such save file"),
    (lambda d: (d / "bad.json").write_text("{not json", encoding="utf-8") and d / "bad.json", "not valid JSON"),
    (lambda d: (d / "other.json").write_text('{"hello": 1}', encoding="utf-8") and d / "other.json", "not a Four Realms save"),
])
def test_bad_saves_give_one_line_and_exit_2(tmp_path: Path, capsys, setup, expected: str) -> None:
    code, out, err = _report(capsys, str(setup(tmp_path)))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err and err.startswith("report: ")


def test_a_damaged_state_or_unknown_scenario_exits_2(full_save: Path, tmp_path: Path, capsys) -> None:
    data = json.loads(full_save.read_text(encoding="utf-8"))
    data["state"]["places"]["zhongdu"]["owner"] = "song"          # tampered: the checksum fails
    tampered = tmp_path / "tampered.json"
    tampered.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = _report(capsys, str(tampered))
    assert code == 2 and "damaged" in err and err.count("\n") == 1
    data = json.loads(full_save.read_text(encoding="utf-8"))
    data["scenario"], data["scenario_folder"] = "no_such_scenario", ""
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = _report(capsys, str(elsewhere))
    assert code == 2 and "no_such_scenario" in err and err.count("\n") == 1


def test_an_output_that_cannot_be_written_exits_2(full_save: Path, tmp_path: Path, capsys) -> None:
    code, _, err = _report(capsys, str(full_save), "--out", str(tmp_path / "nowhere" / "r.txt"))
    assert code == 2 and err.startswith("report: cannot write") and err.count("\n") == 1


def test_bad_arguments_exit_2(full_save: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        main.main(["report", str(full_save), "--format", "pdf"])
    assert exc.value.code == 2


def test_the_report_package_never_imports_pygame() -> None:
    code = ("import sys, reports.cli, reports.content, reports.html, reports.markdown, reports.text, reports.figures;"
            "import main; main.build_parser();"
            "assert 'pygame' not in sys.modules, 'pygame imported'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
