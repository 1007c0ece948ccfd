"""Everything a report says, resolved into one language, before any format is chosen.

:func:`build` reads the final state of a game (and its scenario) through the engine's
chronology check and turns it into plain rows of text; the writers (:mod:`reports.text`,
:mod:`reports.markdown`, :mod:`reports.html`) only lay those rows out. Charts are made here
too, when a format can show them, as PNG/JPEG bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from engine import chronology
from engine.calendar import format_month, year_of
from engine.chronology import words as cw
from engine.chronology.matching import Match
from engine.narrate import describe
from engine.scenario import Scenario
from engine.state import GameState, LogRecord
from reports.labels import word, words

#: game records shown in the timeline's "this game" column (events only when a choice was made:
#: an event that simply happened is history happening, shown ✓ in the history column)
GAME_KINDS = frozenset({"event", "capture", "battle", "state_fallen", "capital_moved", "succession", "war_declared",
                        "peace", "treaty_made", "treaty_broken", "levy_sent", "levy_refused",
                        "commander_gone", "tribute_withheld", "payment_withheld", "call_refused"})


@dataclass(frozen=True)
class MilestoneRow:
    date: str
    text: str
    weight: str
    tolerance: int
    status: str          # a STATUSES key, for styling
    status_text: str
    credit: str          # "0.50"
    points: str          # "2.2 / 4.4" or "" when not counted
    source: str


@dataclass(frozen=True)
class YearRow:
    year: int
    met: str
    points: str
    possible: str


@dataclass(frozen=True)
class HistoryItem:
    text: str
    source: str
    status: str          # a Match status, for styling
    mark: str            # "✓ (+2)", "✗", "·"


@dataclass(frozen=True)
class TimelineMonth:
    month: str
    history: list[HistoryItem]
    game: list[str]


@dataclass(frozen=True)
class TimelineYear:
    year: int
    months: list[TimelineMonth]


@dataclass(frozen=True)
class DecisionRow:
    month: str
    decision: str
    history: str
    mark: str            # "✓", "✗" or ""


@dataclass(frozen=True)
class FactionDecisions:
    name: str
    seat: str            # "human" / "computer" in words
    colour: str
    rows: list[DecisionRow]


@dataclass(frozen=True)
class PlacesRow:
    name: str
    colour: str
    counts: list[int]


@dataclass
class ReportContent:
    lang: str
    title: str
    meta: list[tuple[str, str]]
    score: str                                  # "72.4" or the "no milestone due" words
    score_value: float | None
    score_line: str                             # "31 of 55 milestones on time"
    status_counts: list[tuple[str, str, int]]   # (status key, label, count)
    formula: str
    years: list[YearRow]
    has_divergence: bool
    divergence_headline: str
    divergence_text: str
    later_divergences: list[str]
    milestones: list[MilestoneRow]
    timeline: list[TimelineYear]
    decisions: list[FactionDecisions]
    place_years: list[int]
    places: list[PlacesRow]
    instead: list[str]
    words: dict[str, str]
    #: name -> image bytes (filled by :func:`add_charts`)
    images: dict[str, bytes] = field(default_factory=dict)


def _mark(m: Match, lang: str) -> str:
    if m.status == "matched" and m.deviation is not None:
        return "✓" if m.deviation == 0 else f"✓ ({m.deviation:+d})"
    return {"unmatched": "✗", "pending": "…", "context": "·", "before_start": "·"}.get(m.status, "")


def _is_scenario_log(r: LogRecord) -> bool:
    """Records written by a scenario's ``log`` effect (for matching; the event says it in words)."""
    return any(k == "note" for k, _ in r.data)


def _meta(state: GameState, scen: Scenario, lang: str, overlays: list[str]) -> list[tuple[str, str]]:
    s = state.setup
    humans = [scen.states[h].name.get(lang) for h in s.humans if h in scen.states]
    sep = "、" if lang != "en" else ", "
    return [
        (word("scenario", lang), scen.header.name.get(lang)),
        (word("played", lang), f"{format_month(s.start)} – {format_month(min(state.date - 1, s.end))}"),
        (word("players", lang), sep.join(humans) if humans else word("all_ai", lang)),
        (word("historical_mode", lang), word(f"mode_{s.historical_mode}", lang)),
        (word("turn", lang), word("turn_month" if s.turn_months == 1 else "turn_season", lang)),
        (word("seed", lang), str(s.seed)),
        (word("whatifs", lang), sep.join(overlays) if overlays else word("none", lang)),
    ]


def _timeline(state: GameState, scen: Scenario, matches: list[Match], lang: str) -> list[TimelineYear]:
    by_entry = {m.entry.id: m for m in matches}
    months: dict[int, TimelineMonth] = {}
    for e in scen.chronology:
        m = by_entry[e.id]
        if m.status == "before_start":
            continue
        tm = months.setdefault(e.date, TimelineMonth(format_month(e.date), [], []))
        tm.history.append(HistoryItem(e.text.get(lang), e.source, m.status, _mark(m, lang)))
    for r in state.log:
        if r.kind == "event" and not r.get("choice"):
            continue
        if r.kind in GAME_KINDS and not _is_scenario_log(r) and r.date >= state.setup.start:
            months.setdefault(r.date, TimelineMonth(format_month(r.date), [], [])).game.append(describe(r, scen, lang))
    years: dict[int, TimelineYear] = {}
    for month in sorted(months):
        years.setdefault(year_of(month), TimelineYear(year_of(month), [])).months.append(months[month])
    return list(years.values())


def _decisions(state: GameState, scen: Scenario, lang: str) -> list[FactionDecisions]:
    humans = state.setup.humans
    factions = humans or tuple(sid for sid in sorted(scen.states) if scen.states[sid].playable)
    out = []
    for sid in factions:
        rows = []
        for d in chronology.decisions(state, sid):
            if d.event is not None:
                event = scen.events[d.event]
                taken = next((c.text.get(lang) for c in event.choices if c.id == d.choice), d.choice or "")
                hist = next((c.text.get(lang) for c in event.choices if c.id == d.historical_choice), "")
                title = event.title.get(lang)
                decision = f"{title}：{taken}" if lang != "en" else f"{title}: {taken}"
                if d.forced:
                    decision += " " + word("forced", lang)
                mark = "" if d.agrees is None else ("✓" if d.agrees else "✗")
                rows.append(DecisionRow(format_month(d.date), decision, hist, mark))
            else:
                hist = (f"{format_month(d.history.date)} {d.history.text.get(lang)}" if d.history is not None
                        else word("history_silent", lang))
                rows.append(DecisionRow(format_month(d.date), describe(d.record, scen, lang), hist, ""))
        rows = _merge_repeats(rows)
        seat = word("human" if sid in humans else "computer", lang)
        out.append(FactionDecisions(scen.states[sid].name.get(lang), seat, scen.states[sid].colour, rows))
    return out


def _merge_repeats(rows: list[DecisionRow]) -> list[DecisionRow]:
    """The same routine answer year after year ("Xia withholds tribute from the Mongols") as one
    row: first – last month, with how many times; rows keep the order of their first month."""
    merged: dict[tuple[str, str, str], list[DecisionRow]] = {}
    for r in rows:
        merged.setdefault((r.decision, r.history, r.mark), []).append(r)
    out = []
    for (decision, history, mark), group in merged.items():
        if len(group) == 1:
            out.append(group[0])
        else:
            out.append(DecisionRow(f"{group[0].month} – {group[-1].month}", f"{decision} (×{len(group)})", history, mark))
    return out


def _places(state: GameState, scen: Scenario, lang: str) -> tuple[list[int], list[PlacesRow]]:
    """Places held at the end of each year (and of the last month played), per state."""
    months, held = chronology.places_held(state)
    ends = [i for i, m in enumerate(months) if (m % 12 == 11 or i == len(months) - 1)]
    years = [year_of(months[i]) for i in ends]
    rows = [PlacesRow(scen.states[sid].name.get(lang), scen.states[sid].colour, [held[sid][i] for i in ends])
            for sid in sorted(held)]
    return years, rows


def build(state: GameState, scen: Scenario, lang: str = "en", overlays: list[str] | None = None) -> ReportContent:
    """The report's content for the game ``state`` (final or not) in ``lang``."""
    comp = chronology.compare(state)
    fid = comp.fidelity
    first = comp.first_divergence
    years, places = _places(state, scen, lang)
    overlay_names = list(overlays or [])
    return ReportContent(
        lang=lang,
        title=f"{word('title', lang)} — {scen.header.name.get(lang)}",
        meta=_meta(state, scen, lang, overlay_names),
        score="—" if fid.score is None else f"{fid.score:.1f}",
        score_value=fid.score,
        score_line=(word("milestones_on_time", lang).format(met=fid.by_status["on_time"], counted=fid.counted)
                    if fid.score is not None else word("score_none", lang)),
        status_counts=[(s, cw.label(s, lang), n) for s, n in fid.by_status.items() if n],
        formula=word("score_formula", lang),
        years=[YearRow(y.year, f"{y.met}/{y.counted}", f"{y.points:.1f}", f"{y.points_possible:.1f}") for y in fid.by_year],
        has_divergence=first is not None,
        divergence_headline=cw.divergence_headline(first, lang) if first else word("divergence", lang),
        divergence_text=cw.divergence_text(first, scen, lang) if first else word("no_divergence", lang),
        later_divergences=[f"{cw.divergence_headline(d, lang, first=False)} — {cw.divergence_text(d, scen, lang)}"
                           for d in comp.divergences[1:6]],
        milestones=[_milestone_row(r, fid, lang) for r in comp.milestones],
        timeline=_timeline(state, scen, comp.matches, lang),
        decisions=_decisions(state, scen, lang),
        place_years=years,
        places=places,
        instead=[f"{format_month(r.date)} {describe(r, scen, lang)}" for _, r in comp.instead if r.kind in ("capture", "state_fallen", "capital_moved")][:40],
        words=words(lang),
    )


def _milestone_row(r: chronology.MilestoneResult, fid: chronology.Fidelity, lang: str) -> MilestoneRow:
    scale = 100.0 / fid.weight_counted if fid.weight_counted else 0.0
    points = f"{r.weight * r.credit * scale:.1f} / {r.weight * scale:.1f}" if r.counted else ""
    return MilestoneRow(format_month(r.date), r.text.get(lang), f"{r.weight:g}", r.tolerance, r.status,
                        cw.status_text(r, lang), f"{r.credit:.2f}" if r.counted else "", points, r.source or "")


def add_charts(content: ReportContent, state: GameState, scen: Scenario, with_map: bool = True) -> None:
    """Draw the territory chart (and the map at the end) into ``content.images``."""
    from reports import figures

    lang = content.lang
    months, held = chronology.places_held(state)
    if months:
        series = [(scen.states[sid].name.get(lang), held[sid], scen.states[sid].colour) for sid in sorted(held)]
        content.images["territory.png"] = figures.territory_chart(months, series, "", word("places_axis", lang))
    if with_map:
        owners = {pid: p.owner for pid, p in state.places.items()}
        content.images["map.jpg"] = figures.map_at_end(scen, owners, lang, "")
