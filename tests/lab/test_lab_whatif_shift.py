"""Decisive what-ifs measurably shift Xia's survival, with the same pinned seeds.

Two test overlays pull opposite ways — every Xia city impregnable (``test_xia_fortress``), all
of Xia handed to the Mongols at the start (``test_xia_collapse``) — so the checks hold whatever
the AI's calibration makes of the baseline: the fortress against the collapse always differs,
and the baseline, wherever it lies between them, differs clearly from at least one of the two.
"""

from __future__ import annotations

from pathlib import Path

from lab_testkit import SHIFT_RUNS

import pytest

import main
from lab.compare import build
from lab.stats import QuestionRow
from lab.store import Store


def _rows(store: Store, baseline: str, whatif: str) -> dict[str, QuestionRow]:
    (block,) = build(store, baseline=baseline, whatifs=[whatif], charts=False).blocks
    assert block.variant == whatif and block.base_variant == ("" if baseline == "none" else baseline)
    return {r.question.id: r for r in block.rows}


def test_decisive_whatifs_shift_xias_survival(shift_db: Path) -> None:
    with Store(shift_db) as store:
        apart = _rows(store, "test_xia_collapse", "test_xia_fortress")
        against_base = {w: _rows(store, "none", w) for w in ("test_xia_fortress", "test_xia_collapse")}
    survives = apart["xia_survives"]
    assert survives.base.n == survives.other.n == SHIFT_RUNS  # every run reached 1227-12
    assert survives.base.k == 0  # the collapse leaves no Xia to survive
    assert survives.shifted and survives.diff[1] > 0, (survives.base, survives.other, survives.diff)
    assert apart["xia_falls_1227"].shifted and apart["xia_falls_1227"].diff[2] < 0

    fortress, collapse = (against_base[w]["xia_survives"] for w in ("test_xia_fortress", "test_xia_collapse"))
    base = fortress.base
    assert collapse.other.p <= base.p <= fortress.other.p
    assert fortress.shifted or collapse.shifted, (base, fortress.other, collapse.other)
    assert against_base["test_xia_fortress"]["zhongdu_lost_1215"].base.n == SHIFT_RUNS


def test_compare_names_the_groups_when_the_baseline_is_a_whatif(shift_db: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main.main(["compare", "--db", str(shift_db), "--baseline", "test_xia_collapse", "--whatif", "test_xia_fortress",
                      "--charts", "none"]) == 0
    out = capsys.readouterr().out
    assert "What-if: Test: every Xia city impregnable  vs  Test: Xia collapses in 1211" in out
    header = next(line for line in out.splitlines() if line.startswith("Question"))
    assert header.split() == ["Question", "test_xia_collapse", "test_xia_fortress", "Change"]
    assert "Baseline" not in out and "What-if:" in out.splitlines()[3]
    html = tmp_path / "c.html"
    assert main.main(["compare", "--db", str(shift_db), "--baseline", "test_xia_collapse", "--whatif", "test_xia_fortress",
                      "--format", "html", "--out", str(html)]) == 0
    page = html.read_text(encoding="utf-8")
    assert "<th>test_xia_collapse</th><th>test_xia_fortress</th>" in page and ">Baseline<" not in page
