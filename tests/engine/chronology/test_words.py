"""The chronology check in words: statuses with their months, divergences of every cause."""

from __future__ import annotations

from dataclasses import replace

from engine import chronology
from engine.chronology import words
from engine.chronology.divergence import Divergence
from engine.chronology.matching import Match
from engine.state import GameState, rec
from engine_testkit import month


def _result(state: GameState, mid: str, **changes) -> chronology.MilestoneResult:
    r = next(x for x in chronology.milestone_results(state) if x.id == mid)
    return replace(r, **changes)


def test_status_text_says_how_many_months(historical_game: GameState) -> None:
    late = _result(historical_game, "m1215_06_zhongdu_mongol", status="late", months_off=4, credit=0.5)
    assert words.status_text(late, "en") == "late by 4 months"
    assert words.status_text(late, "zh") == "推迟4个月"
    assert words.status_text(late, "zh_hant") == "推遲4個月"
    early = replace(late, status="early", months_off=-1)
    assert words.status_text(early, "en") == "early by 1 month"
    on_time = replace(late, status="on_time", months_off=2, credit=1.0)
    assert words.status_text(on_time, "en") == "on time (+2)"
    assert words.label("missed", "zh") == "未发生" and words.label("overdue", "en") == "overdue"


def test_deviation_text() -> None:
    assert words.deviation_text(Match(None, "matched", deviation=3), "en") == "3 months later"  # type: ignore[arg-type]
    assert words.deviation_text(Match(None, "matched", deviation=-1), "zh") == "早1个月"  # type: ignore[arg-type]
    assert words.deviation_text(Match(None, "matched", deviation=0), "en") == "same month"  # type: ignore[arg-type]


def test_divergence_text_for_each_cause(historical_game: GameState) -> None:
    scen = historical_game.scen
    ms = _result(historical_game, "m1215_06_zhongdu_mongol", status="missed", months_off=None, credit=0.0)
    lifted = rec(month("1215-04"), "siege_lifted", ("mongol", "jin"), "zhongdu")
    by_record = words.divergence_text(Divergence(ms, "record", lifted.date, lifted), scen, "en")
    assert by_record == "1215-04: The siege of Zhongdu (Daxing) is lifted; historically — Zhongdu falls on 31 May 1215 and is Mongol from then on."
    event = next(e for e in scen.events.values() if e.title.en == "The Sack of Zhongdu")
    no_event = words.divergence_text(Divergence(ms, "no_event", month("1215-05"), event=event.id), scen, "zh")
    assert no_event == f"1215-05：「{event.title.zh}」在本局没有发生（条件未满足）；史实是——{ms.text.zh}"
    absent = words.divergence_text(Divergence(ms, "absent", ms.date), scen, "zh_hant")
    assert absent == f"1215-06：本局沒有發生；史實是——{ms.text.zh_hant}"
    head = words.divergence_headline(Divergence(ms, "absent", ms.date), "en")
    assert head == "First major divergence: 1215-06 (missed, weight 3)"
