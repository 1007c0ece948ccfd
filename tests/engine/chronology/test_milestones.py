"""Milestones: credit at the tolerance edges, the statuses, and the monthly observation."""

from __future__ import annotations

import json

import pytest

from engine import chronology
from engine.apply import apply
from engine.chronology.milestones import judge, nearest_held, reach
from engine.scenario.model import MilestoneDef
from engine.state import state_from_json
from engine_testkit import build, month
from engine import orders as o


def _ms(date: str = "1215-06", tolerance: int = 2, weight: float = 3.0) -> MilestoneDef:
    return build(MilestoneDef, {"id": "m_test", "date": date, "tolerance": tolerance, "weight": weight,
                                "condition": {"flag": "x"}, "text": {"zh": "测", "en": "test"}})


@pytest.mark.parametrize("off, expected", [
    (0, 1.0), (2, 1.0), (-2, 1.0),   # within the tolerance, either side
    (3, 0.75), (-3, 0.75),           # linear between tol and 3·tol
    (4, 0.5),
    (6, 0.0), (-6, 0.0),             # exactly three times the tolerance
    (7, 0.0), (30, 0.0),             # beyond
    (None, 0.0),                     # never held
])
def test_credit_edges(off: int | None, expected: float) -> None:
    assert chronology.credit_for(off, 2) == pytest.approx(expected)


def test_zero_tolerance_means_that_month_only() -> None:
    assert chronology.credit_for(0, 0) == 1.0
    assert chronology.credit_for(1, 0) == 0.0
    assert chronology.credit_for(-1, 0) == 0.0


def test_nearest_held_prefers_the_closest_then_the_later() -> None:
    d = month("1215-06")
    assert nearest_held(((d - 5, d - 3), (d + 7, d + 9)), d) == d - 3
    assert nearest_held(((d - 2, d - 2), (d + 2, d + 4)), d) == d + 2
    assert nearest_held(((d - 4, d + 4),), d) == d
    assert nearest_held((), d) is None


def _judge(runs: tuple[tuple[int, int], ...], last: str, over: bool = False, start: str = "1211-01", tol: int = 2):
    ms = _ms(tolerance=tol)
    return judge(ms, runs, month(start), month(last), over)


def test_held_exactly_at_the_tolerance_is_on_time() -> None:
    d = month("1215-06")
    for held in (d - 2, d + 2):
        r = _judge(((held, held),), "1216-12")
        assert (r.status, r.months_off, r.credit, r.counted) == ("on_time", held - d, 1.0, True)


def test_late_and_early_by_n_with_linear_credit() -> None:
    d = month("1215-06")
    late = _judge(((d + 4, d + 8),), "1216-12")
    assert (late.status, late.months_off, late.credit) == ("late", 4, 0.5)
    early = _judge(((d - 3, d - 3),), "1216-12")
    assert (early.status, early.months_off, early.credit) == ("early", -3, 0.75)
    at_three_tol = _judge(((d + 6, d + 6),), "1216-12")
    assert (at_three_tol.status, at_three_tol.credit) == ("late", 0.0)
    beyond = _judge(((d + 9, d + 9),), "1216-12")
    assert (beyond.status, beyond.months_off, beyond.credit) == ("late", 9, 0.0)


def test_pending_overdue_missed_as_the_months_pass() -> None:
    d = month("1215-06")
    assert _judge((), "1215-07").status == "pending"           # d + tol not yet played
    assert not _judge((), "1215-07").counted
    over = _judge((), "1215-08")                                # d + tol played, nothing yet
    assert (over.status, over.credit, over.counted) == ("overdue", 0.0, True)
    assert _judge((), "1215-11").status == "overdue"           # d + 3·tol - 1
    assert _judge((), "1215-12").status == "missed"            # d + 3·tol played
    # met early inside the tolerance is final at once, although not yet counted
    met = _judge(((d - 1, d - 1),), "1215-05")
    assert (met.status, met.counted) == ("on_time", False)


def test_game_end_counts_what_it_reached_and_leaves_the_rest() -> None:
    d = month("1215-06")
    cut = _judge((), "1215-06", over=True)                      # the game ended on the date
    assert (cut.status, cut.counted) == ("missed", True)
    after = _judge((), "1215-05", over=True)                    # ended before the date
    assert (after.status, after.counted) == ("pending", False)
    assert _judge(((d, d),), "1215-06", over=True).status == "on_time"


def test_milestones_before_a_bookmark_start_are_not_scored() -> None:
    r = _judge(((month("1215-06"), month("1215-06")),), "1224-01", start="1223-12")
    assert (r.status, r.counted, r.credit) == ("before_start", False, 0.0)


def test_observation_window_is_wider_than_the_scoring_window() -> None:
    assert reach(1) == 12 and reach(2) == 12 and reach(6) == 18


# ----------------------------------------------------------------------- observed in play


def _run_months(state, n: int):
    for _ in range(n):
        for f in state.alive():
            for p in state.pending_for(f):
                if p.kind == "event":
                    ev = state.scen.events[p.ref]
                    state, _ = apply(state, o.ChooseEvent(f, p.id, ev.choices[0].id))
                else:
                    state, _ = apply(state, o.Answer(f, p.id, False))
            if not state.over and f not in state.done:
                state, _ = apply(state, o.EndTurn(f))
    return state


def test_observed_each_month_as_runs(mini) -> None:
    mini.wars.add(("empire", "steppe"))   # m_war (1200-05 ±1) holds from the first month on
    state = _run_months(mini, 8)
    runs = state.milestones_seen["m_war"]
    assert runs == ((month("1200-01"), month("1200-08")),)
    # m_pass (1201-03 ±2) is looked at from 1200-03 (12 months before) only
    assert "m_pass" not in state.milestones_seen or state.milestones_seen["m_pass"][0][0] >= month("1200-03")
    results = {r.id: r for r in chronology.milestone_results(state)}
    assert results["m_war"].status == "on_time" and results["m_war"].counted
    assert results["m_capital"].status == "pending"


def test_a_break_starts_a_new_run(mini) -> None:
    """observe() extends the last run by a month or starts a new one after a gap."""
    w = mini.copy()
    for text, at_war in (("1200-01", True), ("1200-02", True), ("1200-03", False), ("1200-04", False), ("1200-05", True)):
        w.date = month(text)
        if at_war:
            w.wars.add(("empire", "steppe"))
        else:
            w.wars.discard(("empire", "steppe"))
        chronology.observe(w)
    assert w.milestones_seen["m_war"] == ((month("1200-01"), month("1200-02")), (month("1200-05"), month("1200-05")))
    assert mini.milestones_seen == {}                            # the fixture's state is untouched


def test_nothing_is_observed_outside_the_window(mini) -> None:
    w = mini.copy()
    w.wars.add(("empire", "steppe"))
    w.date = month("1201-06")                                   # m_war (1200-05) reaches to 1201-05
    chronology.observe(w)
    assert "m_war" not in w.milestones_seen


def test_observations_are_copied_saved_and_hashed(mini) -> None:
    mini.wars.add(("empire", "steppe"))
    state = _run_months(mini, 3)
    before = state.state_hash()
    fork = state.copy()
    fork.milestones_seen["m_war"] = ()
    assert state.milestones_seen["m_war"] != ()                 # the copy owns its own dict
    assert fork.state_hash() != before                           # and the field is hashed
    again = state_from_json(json.loads(json.dumps(state.to_json())), state.scen)
    assert again.milestones_seen == state.milestones_seen and again.state_hash() == before


def test_a_state_without_observations_hashes_as_before(mini) -> None:
    data = mini.to_json()
    assert "milestones_seen" not in data                          # saves from before still load
    assert state_from_json(data, mini.scen).state_hash() == mini.state_hash()
