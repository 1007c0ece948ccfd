"""The questions a comparison answers, as data: "does Xia fall by 1227?", "is 中都 lost by
1215?" — each a small structured test evaluated on a run's record, with zh / zh_hant / en labels.

Every scenario gets one survival question per state ("X survives to <end year>"); a scenario
may add its own in :data:`SCENARIO_QUESTIONS`. A test answers True, False or None — None when
the run cannot tell (it stopped before the date, or started after it), so such runs are left
out of that question's count instead of being counted as "no".

Test kinds (dates ``YYYY-MM``):

- ``alive``: {state, at} — the state has not fallen by the end of ``at``;
- ``falls``: {state, by} — the state has fallen by the end of ``by``;
- ``place_lost``: {place, by} — the place has left its opening owner's hands by ``by``;
- ``at_peace``: {states: [a, b], at} — both stand and are not at war at the end of ``at``;
- ``capital_moved``: {state, by} — the state has moved its capital by ``by``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from engine.calendar import parse_month

Labels = Mapping[str, str]


@dataclass(frozen=True)
class Question:
    id: str
    label: Labels
    kind: str
    args: Mapping[str, Any]

    def text(self, lang: str) -> str:
        return self.label.get(lang) or self.label.get("zh" if lang == "zh_hant" else "en") or self.id


#: Scenario-specific questions (ids are stable: reports and tests refer to them).
SCENARIO_QUESTIONS: dict[str, tuple[Question, ...]] = {
    "jin_xia_1211": (
        Question("zhongdu_lost_1215", {"zh": "中都失守（1215年底前）", "zh_hant": "中都失守（1215年底前）",
                                       "en": "Zhongdu is lost by the end of 1215"},
                 "place_lost", {"place": "zhongdu", "by": "1215-12"}),
        Question("jin_capital_moved_1215", {"zh": "金朝迁都（1215年底前）", "zh_hant": "金朝遷都（1215年底前）",
                                            "en": "Jin moves its capital by the end of 1215"},
                 "capital_moved", {"state": "jin", "by": "1215-12"}),
        Question("xia_falls_1227", {"zh": "西夏灭亡（1227年底前）", "zh_hant": "西夏滅亡（1227年底前）",
                                    "en": "Xia falls by the end of 1227"},
                 "falls", {"state": "xia", "by": "1227-12"}),
        Question("jin_xia_peace_1225", {"zh": "金夏和好（1225年底两国均存且不交战）",
                                        "zh_hant": "金夏和好（1225年底兩國均存且不交戰）",
                                        "en": "Jin and Xia at peace at the end of 1225 (both standing)"},
                 "at_peace", {"states": ["jin", "xia"], "at": "1225-12"}),
        Question("kaifeng_lost_1227", {"zh": "开封失守（1227年底前）", "zh_hant": "開封失守（1227年底前）",
                                       "en": "Kaifeng is lost by the end of 1227"},
                 "place_lost", {"place": "kaifeng", "by": "1227-12"}),
    ),
}


def survival_question(state: str, names: Labels, end: str) -> Question:
    year = end[:4]
    return Question(
        f"{state}_survives",
        {"zh": f"{names.get('zh', state)}存续至{year}年底", "zh_hant": f"{names.get('zh_hant', state)}存續至{year}年底",
         "en": f"{names.get('en', state)} still standing at the end of {year}"},
        "alive", {"state": state, "at": end},
    )


def questions_for(scenario_id: str, state_names: Mapping[str, Labels], end: str) -> list[Question]:
    """The survival question of every state (sorted ids), then the scenario's own."""
    out = [survival_question(sid, state_names[sid], end) for sid in sorted(state_names)]
    return out + list(SCENARIO_QUESTIONS.get(scenario_id, ()))


# ---------------------------------------------------------------- evaluation
def _decided_by(result: Mapping[str, Any], date: int, happened: int | None) -> bool | None:
    """Shared rule for "X happened by ``date``": yes if it did, no if the run reached the date
    without it, None if the run started after the date or stopped before it."""
    start = parse_month(result["series"]["start"])
    if date < start:
        return None
    if happened is not None and happened <= date:
        return True
    return False if parse_month(result["last_month"]) >= date else None


def _fell(result: Mapping[str, Any], state: str) -> int | None:
    fell = result["states"].get(state, {}).get("fell")
    return parse_month(fell) if fell else None


def answer(q: Question, result: Mapping[str, Any]) -> bool | None:
    """The question's answer for one run's record (None: this run cannot tell)."""
    a = q.args
    if q.kind == "falls":
        return _decided_by(result, parse_month(a["by"]), _fell(result, a["state"]))
    if q.kind == "alive":
        fell = _decided_by(result, parse_month(a["at"]), _fell(result, a["state"]))
        return None if fell is None else not fell
    if q.kind == "place_lost":
        lost = result["first_lost"].get(a["place"])
        return _decided_by(result, parse_month(a["by"]), parse_month(lost) if lost else None)
    if q.kind == "capital_moved":
        moves = [parse_month(d) for d, kind, actors, _ in result["key_events"] if kind == "capital_moved" and actors[:1] == [a["state"]]]
        return _decided_by(result, parse_month(a["by"]), min(moves) if moves else None)
    if q.kind == "at_peace":
        at = parse_month(a["at"])
        x, y = sorted(a["states"])
        start = parse_month(result["series"]["start"])
        war = result["series"]["war"].get(f"{x}|{y}")
        j = at - start + 1
        if war is None or at < start or j >= len(war):
            return None
        if any(f is not None and f <= at for f in (_fell(result, x), _fell(result, y))):
            return False
        return war[j] == 0
    raise ValueError(f"unknown question kind {q.kind!r}")
