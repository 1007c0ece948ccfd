"""A decisive what-if (the TEST overlay gives Xia a huge army) measurably shifts Xia's
survival: with the same pinned seeds, the 95 % interval of the change excludes zero."""

from __future__ import annotations

from pathlib import Path

from lab_testkit import SHIFT_RUNS

from lab.compare import build
from lab.store import Store


def test_a_huge_xia_army_raises_xias_survival(shift_db: Path) -> None:
    with Store(shift_db) as store:
        comparison = build(store, whatifs=["test_xia_huge_army"], charts=False)
    (block,) = comparison.blocks
    assert block.variant == "test_xia_huge_army"
    rows = {r.question.id: r for r in block.rows}
    survives = rows["xia_survives"]
    assert survives.base.n == survives.other.n == SHIFT_RUNS  # every run reached 1227-12
    assert survives.other.p > survives.base.p
    assert survives.shifted, (survives.base, survives.other, survives.diff)
    assert rows["xia_falls_1227"].diff[0] < 0
    assert rows["zhongdu_lost_1215"].base.n == SHIFT_RUNS
