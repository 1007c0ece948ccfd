"""Matching game records to the real chronology: kind, actors, place, months off."""

from __future__ import annotations


from engine import chronology
from engine.chronology.matching import MATCH_WINDOW, alternative_records, chronicle_kinds, fits, match_log
from engine.scenario.model import ChronicleEntryDef
from engine.setup import new_game
from engine.state import GameState, rec
from engine_testkit import build, month


def _entry(kind: str = "capture", actors=("mongol", "jin"), place: str | None = "zhongdu", date: str = "1215-05") -> ChronicleEntryDef:
    return build(ChronicleEntryDef, {"id": "c_test", "date": date, "kind": kind, "actors": list(actors),
                                     "place": place, "text": {"zh": "测", "en": "test"}, "source": "test"})


def test_engine_kinds_stand_for_chronicle_kinds() -> None:
    assert chronicle_kinds("capture") == ("capture",)
    assert chronicle_kinds("siege_started") == ("siege",)
    assert chronicle_kinds("levy_refused") == ("levy",)
    assert chronicle_kinds("tribute_withheld") == ("treaty_broken",)
    assert chronicle_kinds("campaign") == ("campaign",)       # a scenario log record's own kind
    assert chronicle_kinds("recruited") == ()
    assert chronicle_kinds("siege_lifted") == ()


def test_a_capture_matches_only_its_taker_and_place() -> None:
    e = _entry()
    assert fits(e, rec(month("1215-05"), "capture", ("mongol", "jin"), "zhongdu"))
    assert not fits(e, rec(month("1215-05"), "capture", ("jin", "mongol"), "zhongdu"))    # retaken: not history
    assert not fits(e, rec(month("1215-05"), "capture", ("mongol", "jin"), "zhuozhou"))
    assert not fits(e, rec(month("1215-05"), "siege_started", ("mongol", "jin"), "zhongdu"))


def test_battles_and_treaties_do_not_care_who_is_listed_first() -> None:
    battle = _entry("battle", ("mongol", "jin"), "yehuling")
    assert fits(battle, rec(0, "battle", ("jin", "mongol"), "yehuling"))      # Jin won it here
    treaty = _entry("treaty", ("jin", "mongol"), None)
    assert fits(treaty, rec(0, "peace", ("mongol", "jin")))
    assert fits(treaty, rec(0, "treaty_made", ("jin", "mongol"), type="peace"))
    assert not fits(treaty, rec(0, "treaty_made", ("jin", "xia"), type="peace"))


def _with_log(state: GameState, *records) -> GameState:
    w = state.copy()
    w.log = list(records)
    w.date = month("1216-12")
    return w


def test_the_nearest_record_matches_and_each_record_matches_once(jx_scen) -> None:
    start = new_game(jx_scen, seed=1)
    late = rec(month("1215-09"), "capture", ("mongol", "jin"), "zhongdu")
    near = rec(month("1215-04"), "capture", ("mongol", "jin"), "zhongdu")
    w = _with_log(start, late, near)
    zhongdu = [m for m in match_log(w) if m.entry.kind == "capture" and m.entry.place == "zhongdu"]
    assert len(zhongdu) == 1
    m = zhongdu[0]
    assert m.status == "matched" and m.record == near and m.deviation == near.date - m.entry.date
    assert m.record_index == 1


def test_too_far_in_time_does_not_match(jx_scen) -> None:
    start = new_game(jx_scen, seed=1)
    entry = next(e for e in jx_scen.chronology if e.kind == "capture" and e.place == "zhongdu")
    far = rec(entry.date + MATCH_WINDOW + 1, "capture", ("mongol", "jin"), "zhongdu")
    w = _with_log(start, far)
    w.date = far.date + 1
    m = next(x for x in match_log(w) if x.entry.id == entry.id)
    assert m.status == "unmatched"
    assert (0, far) in chronology.compare(w).instead             # listed as what happened instead


def test_pending_until_the_window_closes(jx_scen) -> None:
    start = new_game(jx_scen, seed=1)
    m = {x.entry.id: x for x in match_log(start)}
    assert m["c1211_09_yehuling"].status == "pending"
    assert all(x.status in ("pending", "context") for x in m.values())


def test_records_of_a_choice_history_did_not_take_match_nothing(xia_loyal_game: GameState) -> None:
    scen = xia_loyal_game.scen
    skipped = alternative_records(xia_loyal_game.log, scen)
    sent = [i for i in skipped if xia_loyal_game.log[i].kind == "levy"]
    assert sent, "the 'sent' levy record of the non-historical choice is recognised"
    levy = next(m for m in match_log(xia_loyal_game) if m.entry.kind == "levy" and m.entry.date == month("1217-11"))
    assert levy.status == "unmatched"                           # Xia did not refuse, whatever the log says


def test_a_game_along_history_matches_most_of_the_chronicle(historical_game: GameState) -> None:
    matches = match_log(historical_game)
    checkable = [m for m in matches if m.status != "context"]
    matched = [m for m in checkable if m.status == "matched"]
    assert len(matched) >= 0.6 * len(checkable)
    assert all(abs(m.deviation) <= MATCH_WINDOW for m in matched)
    yehuling = next(m for m in matches if m.entry.id == "c1211_09_yehuling")
    assert yehuling.status == "matched"


def test_entries_before_a_bookmark_start_are_left_out(jx_scen) -> None:
    start = new_game(jx_scen, start=month("1223-12"), seed=1)
    m = {x.entry.id: x for x in match_log(start)}
    assert m["c1211_09_yehuling"].status == "before_start"
    results = {r.id: r for r in chronology.milestone_results(start)}
    assert results["m1215_06_zhongdu_mongol"].status == "before_start"
    assert results["m1224_01_jin_aizong"].status in ("pending", "on_time")


def test_this_month_in_history(jx_scen) -> None:
    entries = chronology.this_month(jx_scen, month("1211-09"))
    assert "c1211_09_yehuling" in {e.id for e in entries}
    assert all(e.date == month("1211-09") for e in entries)
    assert chronology.this_month(jx_scen, month("1200-01")) == []
