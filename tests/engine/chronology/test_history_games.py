"""Whole games judged against history: along it, against it, and doing nothing.

The score must mean something (DESIGN.md §4): a game played along history scores high and
names no divergence; a game in which Western Xia keeps its Mongol alliance and survives loses
every milestone of Xia's fall and names the 1217 levy as where it left history; a game in
which nobody does anything scores low.
"""

from __future__ import annotations

import pytest

from engine import chronology
from engine.calendar import format_month
from engine.chronology import words
from engine.state import GameState


def test_a_game_along_history_scores_at_least_90_and_names_no_divergence(historical_game: GameState) -> None:
    fid = chronology.fidelity(historical_game)
    assert historical_game.over
    assert fid.counted == len(historical_game.scen.milestones)   # every milestone was due and judged
    assert fid.score is not None and fid.score >= 90
    assert chronology.first_divergence(historical_game) is None
    assert not historical_game.polities["xia"].alive               # Xia fell, as it did


def test_xia_keeping_the_mongol_alliance_scores_low_and_names_the_levy(
        historical_game: GameState, xia_loyal_game: GameState) -> None:
    assert xia_loyal_game.polities["xia"].alive
    loyal = chronology.fidelity(xia_loyal_game).score
    along = chronology.fidelity(historical_game).score
    assert loyal is not None and along is not None
    assert loyal < 85 and along - loyal >= 15
    first = chronology.first_divergence(xia_loyal_game)
    assert first is not None
    assert first.milestone.id == "m1218_01_zhongxing_besieged"
    assert (first.cause, first.event, first.choice, first.historical_choice) == ("choice", "mongol_levy_1217", "send", "refuse")
    assert first.record is not None and first.record.date <= first.milestone.date
    scen = xia_loyal_game.scen
    en = words.divergence_text(first, scen, "en")
    assert en.startswith(format_month(first.date) + ": Western Xia chose “Send the troops”")
    assert "historically it chose “Refuse the levy”" in en and "besiege Zhongxing" in en
    zh = words.divergence_text(first, scen, "zh")
    assert "西夏选择了「遣军随征」" in zh and "拒不出兵" in zh and "中兴府" in zh
    assert "中興府" in words.divergence_text(first, scen, "zh_hant")


def test_the_fall_of_xia_is_what_the_loyal_game_lost(xia_loyal_game: GameState) -> None:
    lost = {r.id for r in chronology.milestone_results(xia_loyal_game) if r.counted and r.credit == 0}
    assert {"m1227_09_xia_extinct", "m1227_09_zhongxing_mongol", "m1226_12_lingzhou_mongol"} <= lost
    # and each of them is traced back to a decision of Xia's, not to chance
    for d in chronology.divergences(xia_loyal_game):
        assert d.cause == "choice" and d.event in ("mongol_levy_1217", "xia_seek_peace_jin_1224",
                                                   "hostage_demanded_1225", "xia_desert_fengxiang_1223")


def test_a_passive_game_scores_low(passive_game: GameState, historical_game: GameState) -> None:
    score = chronology.fidelity(passive_game).score
    assert score is not None and score < 40
    first = chronology.first_divergence(passive_game)
    assert first is not None and first.milestone.date == min(
        r.date for r in chronology.milestone_results(passive_game) if r.counted and r.credit < 0.5 and r.weight >= 1)


def test_the_breakdown_adds_up_to_the_score(xia_loyal_game: GameState) -> None:
    fid = chronology.fidelity(xia_loyal_game)
    assert sum(line.points for line in fid.breakdown) == pytest.approx(fid.score)
    assert sum(line.points_possible for line in fid.breakdown) == pytest.approx(100.0)
    assert sum(y.points for y in fid.by_year) == pytest.approx(fid.score)
    assert sum(fid.by_status.values()) == len(xia_loyal_game.scen.milestones)
