"""Statistics against published values, and the question tests on hand-made run records."""

from __future__ import annotations

import pytest

from lab.questions import Question, answer, questions_for
from lab.stats import Proportion, difference, wilson


def test_wilson_matches_published_values() -> None:
    # Newcombe (1998), table I: 81/263 -> 0.2553..0.3662; 0/10 -> 0..0.2775
    lo, hi = wilson(81, 263)
    assert (round(lo, 4), round(hi, 4)) == (0.2553, 0.3662)
    lo, hi = wilson(0, 10)
    assert lo == 0.0 and round(hi, 4) == 0.2775
    assert wilson(0, 0) is None


def test_difference_matches_newcombe_method_10() -> None:
    # Newcombe (1998), table II example (a): 56/70 vs 48/80 -> 0.2000, 95 % CI 0.0524..0.3339
    d, lo, hi = difference(Proportion(48, 80), Proportion(56, 70))
    assert (round(d, 4), round(lo, 4), round(hi, 4)) == (0.2, 0.0524, 0.3339)


def _record(start: str = "1223-12", last: str = "1227-12", fell: dict[str, str | None] | None = None,
            lost: dict[str, str] | None = None, war: list[int] | None = None,
            events: list[list[object]] | None = None) -> dict[str, object]:
    fell = fell or {}
    return {
        "last_month": last,
        "states": {s: {"alive": fell.get(s) is None, "fell": fell.get(s), "places": 1, "capital": None}
                   for s in ("jin", "xia")},
        "first_lost": lost or {},
        "series": {"start": start, "held": {}, "war": {"jin|xia": war or []}},
        "key_events": events or [],
    }


def test_survival_and_fall_questions() -> None:
    names = {"jin": {"zh": "金", "en": "Jin"}, "xia": {"zh": "西夏", "en": "Xia"}}
    survives = {q.id: q for q in questions_for("nowhere", names, "1227-12")}["xia_survives"]
    assert survives.text("zh") == "西夏存续至1227年底"
    assert answer(survives, _record(fell={"xia": "1227-08"})) is False
    assert answer(survives, _record()) is True
    assert answer(survives, _record(last="1225-12")) is None  # stopped before the date: cannot tell
    falls = Question("f", {"en": "f"}, "falls", {"state": "xia", "by": "1227-12"})
    assert answer(falls, _record(last="1225-12", fell={"xia": "1225-03"})) is True


def test_place_and_capital_questions_skip_runs_that_start_after_the_date() -> None:
    lost = Question("l", {"en": "l"}, "place_lost", {"place": "zhongdu", "by": "1215-12"})
    assert answer(lost, _record(start="1211-01", lost={"zhongdu": "1215-05"})) is True
    assert answer(lost, _record(start="1211-01", lost={"zhongdu": "1216-01"})) is False
    assert answer(lost, _record(start="1223-12")) is None
    moved = Question("m", {"en": "m"}, "capital_moved", {"state": "jin", "by": "1215-12"})
    assert answer(moved, _record(start="1211-01", events=[["1214-06", "capital_moved", ["jin"], "kaifeng"]])) is True
    assert answer(moved, _record(start="1211-01", events=[["1214-06", "capital_moved", ["xia"], "x"]])) is False


def test_peace_question_reads_the_monthly_war_series() -> None:
    peace = Question("p", {"en": "p"}, "at_peace", {"states": ["xia", "jin"], "at": "1224-01"})
    # series value j is the end of month start + j - 1: start 1223-12 -> j = 2 is the end of 1224-01
    assert answer(peace, _record(war=[1, 1, 0, 0])) is True
    assert answer(peace, _record(war=[1, 0, 1, 1])) is False
    assert answer(peace, _record(war=[1, 0, 0], fell={"xia": "1223-12"})) is False
    assert answer(peace, _record(war=[1, 1])) is None


def test_unknown_question_kind_is_an_error() -> None:
    with pytest.raises(ValueError):
        answer(Question("x", {}, "nonsense", {}), _record())
