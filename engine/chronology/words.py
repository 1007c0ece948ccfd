"""The chronology check in words (zh, zh_hant, en), for the CLI, the game and the reports.

Like :mod:`engine.narrate`, this turns structured results into sentences and needs no graphics
library, so every front end says the same thing the same way.
"""

from __future__ import annotations

from engine.calendar import format_month
from engine.chronology.divergence import Divergence
from engine.chronology.matching import Match
from engine.chronology.milestones import MilestoneResult
from engine.narrate import describe, pick
from engine.scenario import Scenario

#: status -> (zh, zh_hant, en) label
STATUS_LABELS: dict[str, tuple[str, str, str]] = {
    "on_time": ("如期", "如期", "on time"),
    "early": ("提前", "提前", "early"),
    "late": ("推迟", "推遲", "late"),
    "overdue": ("逾期未现", "逾期未現", "overdue"),
    "missed": ("未发生", "未發生", "missed"),
    "pending": ("待定", "待定", "pending"),
    "before_start": ("开局之前", "開局之前", "before the start"),
    # chronicle matches
    "matched": ("已发生", "已發生", "happened"),
    "unmatched": ("未发生", "未發生", "did not happen"),
    "context": ("背景", "背景", "background"),
}


def label(status: str, lang: str) -> str:
    """A status word (``on_time`` -> "on time" / "如期")."""
    return pick(STATUS_LABELS.get(status, (status, status, status)), lang)


def months_text(n: int, lang: str) -> str:
    n = abs(n)
    if lang == "en":
        return f"{n} month" if n == 1 else f"{n} months"
    return f"{n}个月" if lang == "zh" else f"{n}個月"


def status_text(r: MilestoneResult, lang: str) -> str:
    """The status with its months off: "late by 3 months", "提前2个月", "on time"."""
    word = label(r.status, lang)
    if r.status in ("early", "late") and r.months_off is not None:
        return f"{word} by {months_text(r.months_off, lang)}" if lang == "en" else f"{word}{months_text(r.months_off, lang)}"
    if r.status == "on_time" and r.months_off:
        sign = "+" if r.months_off > 0 else "−"
        return f"{word} ({sign}{abs(r.months_off)})" if lang == "en" else f"{word}（{sign}{abs(r.months_off)}）"
    return word


def deviation_text(m: Match, lang: str) -> str:
    """A matched entry's months off: "same month", "3 months later", "晚1个月"."""
    if m.deviation is None:
        return ""
    if m.deviation == 0:
        return "same month" if lang == "en" else "同月"
    n = months_text(m.deviation, lang)
    if lang == "en":
        return f"{n} {'later' if m.deviation > 0 else 'earlier'}"
    return f"{'晚' if m.deviation > 0 else '早'}{n}"


def _state(scen: Scenario, sid: str | None, lang: str) -> str:
    return scen.states[sid].name.get(lang) if sid and sid in scen.states else (sid or "")


#: sentence templates per cause: (zh, zh_hant, en)
_DIVERGENCE: dict[str, tuple[str, str, str]] = {
    "choice": ("{when}：{actor}选择了「{taken}」（{title}）；史实是「{hist}」——{history}",
               "{when}：{actor}選擇了「{taken}」（{title}）；史實是「{hist}」——{history}",
               "{when}: {actor} chose “{taken}” ({title}); historically it chose “{hist}” — {history}"),
    "no_event": ("{when}：「{title}」在本局没有发生（条件未满足）；史实是——{history}",
                 "{when}：「{title}」在本局沒有發生（條件未滿足）；史實是——{history}",
                 "{when}: “{title}” never happened in this game (its conditions did not hold); historically — {history}"),
    "record": ("{when}：{what}；史实是——{history}",
               "{when}：{what}；史實是——{history}",
               "{when}: {what}; historically — {history}"),
    "absent": ("{when}：本局没有发生；史实是——{history}",
               "{when}：本局沒有發生；史實是——{history}",
               "{when}: it did not happen in this game; historically — {history}"),
}


def divergence_text(d: Divergence, scen: Scenario, lang: str) -> str:
    """One sentence: when and how the game left history, and what history did instead.

    e.g. "1217-10: Western Xia chose “Send the troops” (The Khan Calls for Xia's Troops);
    historically it chose “Refuse the levy” — In January 1218 the Mongols besiege Zhongxing."
    """
    values = {"when": format_month(d.date), "history": d.milestone.text.get(lang)}
    cause = d.cause
    if cause == "choice" and d.event in scen.events:
        event = scen.events[d.event]  # type: ignore[index]
        values.update(actor=_state(scen, event.actor, lang), title=event.title.get(lang),
                      taken=next((c.text.get(lang) for c in event.choices if c.id == d.choice), d.choice or ""),
                      hist=next((c.text.get(lang) for c in event.choices if c.id == d.historical_choice), ""))
    elif cause == "no_event" and d.event in scen.events:
        values["title"] = scen.events[d.event].title.get(lang)  # type: ignore[index]
    elif cause == "record" and d.record is not None:
        values["what"] = describe(d.record, scen, lang)
    else:
        cause = "absent"
        values["when"] = format_month(d.milestone.date)
    return pick(_DIVERGENCE[cause], lang).format(**values)


def divergence_headline(d: Divergence, lang: str, first: bool = True) -> str:
    """"First major divergence: 1218-01 (missed, weight 1)" in ``lang`` (without the
    "First major divergence" words when ``first`` is False: "1218-01 (missed, weight 1)")."""
    ms = d.milestone
    st = status_text(ms, lang)
    w = f"{ms.weight:g}"
    if lang == "en":
        core = f"{format_month(ms.date)} ({st}, weight {w})"
        return f"First major divergence: {core}" if first else core
    weight = "权重" if lang == "zh" else "權重"
    core = f"{format_month(ms.date)}（{st}，{weight}{w}）"
    return (("首个重大分歧：" if lang == "zh" else "首個重大分歧：") + core) if first else core
