"""The chronicle screen (map: button or C): real history beside this game, year by year, with
the milestones as they stand and the fidelity score; and the same comparison for the end screen.

Everything shown comes from :mod:`engine.chronology` (the milestones were observed month by
month in the state, so nothing is replayed); this module only lays it out. History is shown up
to the month being played — the chronicle tells what has happened, not what is to come — and
all of it once the game is over.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pygame

from engine import chronology
from engine.calendar import format_month, year_of
from engine.chronology import words as cw
from engine.scenario import Scenario
from engine.state import GameState
from game.i18n import language, t
from game.scene import Scene, fill_background
from game.words import record_text

if TYPE_CHECKING:
    from game.app import App
    from game.session import Session

GREEN, RED, AMBER, GREY = "#8fc47a", "#dd7b70", "#e2b650", "#9a968a"
STATUS_COLOUR = {"on_time": GREEN, "early": AMBER, "late": AMBER, "overdue": RED, "missed": RED,
                 "pending": GREY, "before_start": GREY, "matched": GREEN, "unmatched": RED, "context": GREY}
STATUS_MARK = {"on_time": "✓", "early": "≈", "late": "≈", "overdue": "!", "missed": "×", "pending": "○",
               "before_start": "–", "matched": "✓", "unmatched": "×", "context": "·"}
#: game records listed in the "this game" column
GAME_KINDS = frozenset({"event", "capture", "battle", "state_fallen", "capital_moved", "succession", "war_declared",
                        "peace", "treaty_made", "treaty_broken", "levy_sent", "levy_refused", "siege_ended"})


def _mark(status: str) -> str:
    return f'<font color="{STATUS_COLOUR.get(status, GREY)}">{STATUS_MARK.get(status, "·")}</font>'


def shown_until(state: GameState) -> int:
    """The last month whose history may be shown: the turn being played, or all at the end."""
    return state.setup.end if state.over else state.date + state.setup.turn_months - 1


def years_of(state: GameState) -> list[int]:
    return list(range(year_of(state.setup.start), year_of(min(shown_until(state), state.setup.end)) + 1))


def score_text(state: GameState) -> str:
    """"Fidelity to history 62.3 / 100 · 20 of 24 milestones due on time" (or not yet due)."""
    fid = chronology.fidelity(state)
    if fid.score is None:
        return t("fidelity_none")
    return t("fidelity_line", score=f"{fid.score:.1f}", met=fid.by_status["on_time"], counted=fid.counted)


def history_html(scen: Scenario, state: GameState, year: int) -> str:
    """The real events of ``year`` (up to the month being played), each marked by what the game
    made of it: ✓ happened (with the months off), × did not, ○ still open."""
    lang = language()
    matches = {m.entry.id: m for m in chronology.match_log(state)}
    last = shown_until(state)
    lines = [f"<b>{html.escape(t('chronicle_history'))} · {year}</b>"]
    for e in scen.chronology:
        if year_of(e.date) != year or e.date > last:
            continue
        m = matches[e.id]
        off = f" ({m.deviation:+d})" if m.status == "matched" and m.deviation else ""
        lines.append(f"{_mark(m.status)} <font color='{GREY}'>{format_month(e.date)}{off}</font> "
                     f"{html.escape(e.text.get(lang))} <font color='{GREY}'>[{html.escape(e.source)}]</font>")
    if len(lines) == 1:
        lines.append(html.escape(t("nothing_recorded")))
    return "<br>".join(lines)


def game_html(scen: Scenario, state: GameState, year: int) -> str:
    """This game's main records in ``year``."""
    lines = [f"<b>{html.escape(t('chronicle_game'))} · {year}</b>"]
    for r in state.log:
        if year_of(r.date) == year and r.kind in GAME_KINDS and not any(k == "note" for k, _ in r.data):
            lines.append(f"<font color='{GREY}'>{format_month(r.date)}</font> {html.escape(record_text(scen, r))}")
    if len(lines) == 1:
        lines.append(html.escape(t("chronicle_quiet")))
    return "<br>".join(lines)


def milestone_list_html(results: list[chronology.MilestoneResult]) -> str:
    """Every milestone: mark, date, what history says, and its status now."""
    lang = language()
    lines = [f"<b>{html.escape(t('milestones'))}</b>"]
    for r in results:
        lines.append(f"{_mark(r.status)} {format_month(r.date)} {html.escape(r.text.get(lang))} "
                     f"<font color='{STATUS_COLOUR.get(r.status, GREY)}'>· {html.escape(cw.status_text(r, lang))}</font>")
    return "<br>".join(lines)


def divergence_html(state: GameState, div: chronology.Divergence | None) -> str:
    """The first major divergence and its cause, or that there is none (yet)."""
    if div is None:
        return html.escape(t("no_divergence"))
    lang = language()
    return (f"<font color='{RED}'>{html.escape(cw.divergence_headline(div, lang))}</font><br>"
            f"{html.escape(cw.divergence_text(div, state.scen, lang))}")


def milestones_html(state: GameState) -> str:
    """The score, the first major divergence, and every milestone with its status."""
    results = chronology.milestone_results(state)
    return "<br><br>".join([f"<b>{html.escape(score_text(state))}</b>",
                            divergence_html(state, chronology.first_divergence(state, results)),
                            milestone_list_html(results)])


def comparison_html(state: GameState) -> str:
    """The end screen's history section: the score and how it is made, points per year, every
    major divergence with its cause, and the milestones."""
    lang = language()
    comp = chronology.compare(state)
    fid = comp.fidelity
    parts = [f"<b>{html.escape(score_text(state))}</b><br>{html.escape(t('fidelity_formula'))}"]
    if comp.divergences:
        lines = [f"<b>{html.escape(t('divergences'))}</b>"]
        lines += [f"{_mark(d.milestone.status)} {html.escape(cw.divergence_headline(d, lang, first=False))}<br>"
                  f"{html.escape(cw.divergence_text(d, state.scen, lang))}" for d in comp.divergences[:8]]
        parts.append("<br>".join(lines))
    else:
        parts.append(html.escape(t("no_divergence")))
    parts.append(milestone_list_html(comp.milestones))
    if fid.by_year:
        rows = [f"{y.year}: {y.met}/{y.counted} · {y.points:.1f} / {y.points_possible:.1f}" for y in fid.by_year]
        parts.append(f"<b>{html.escape(t('fidelity_by_year'))}</b><br>" + "<br>".join(rows))
    return "<br><br>".join(parts)


class ChronicleScene(Scene):
    """History | this game for one year, and the milestones, with the score on top."""

    def __init__(self, app: "App", session: "Session") -> None:
        super().__init__(app)
        self.session = session
        #: the year shown: that of the last month played (its results are in), at first
        self.year = year_of(max(session.state.setup.start, min(session.state.date - 1, session.state.setup.end)))

    def build(self) -> None:
        w, h = self.app.screen.get_size()
        pad = self.s(16)
        bh = self.s(36)
        state = self.session.state
        scen = self.session.scenario
        self.label(pygame.Rect(pad, self.s(8), w - 2 * pad, self.s(40)), t("chronicle_title"), object_id="#heading")
        top = self.s(56)
        nav_w = self.s(44)
        self.prev_button = self.button(pygame.Rect(pad, top, nav_w, bh), "◀", lambda: self.step(-1), t("tip_chronicle_prev"))
        self.year_label = self.label(pygame.Rect(pad + nav_w, top, self.s(90), bh), str(self.year))
        self.next_button = self.button(pygame.Rect(pad + nav_w + self.s(90), top, nav_w, bh), "▶", lambda: self.step(1),
                                       t("tip_chronicle_next"))
        years = years_of(state)
        if self.year <= years[0]:
            self.prev_button.disable()
        if self.year >= years[-1]:
            self.next_button.disable()
        self.score_label = self.label(pygame.Rect(pad + 2 * nav_w + self.s(100), top, w - 3 * pad - 2 * nav_w - self.s(100), bh),
                                      score_text(state), object_id="#stats")
        body_top = top + bh + self.s(8)
        body_h = h - body_top - bh - 2 * pad
        right_w = (w - 4 * pad) * 32 // 100
        col = (w - 4 * pad - right_w) // 2
        self.history_box = self.text_box(pygame.Rect(pad, body_top, col, body_h), history_html(scen, state, self.year))
        self.game_box = self.text_box(pygame.Rect(2 * pad + col, body_top, col, body_h), game_html(scen, state, self.year))
        self.milestone_box = self.text_box(pygame.Rect(3 * pad + 2 * col, body_top, right_w, body_h), milestones_html(state))
        self.back = self.button(pygame.Rect(pad, h - pad - bh, self.s(160), bh), t("back"), self.on_escape, t("tip_back"))

    def step(self, delta: int) -> None:
        years = years_of(self.session.state)
        self.year = max(years[0], min(years[-1], self.year + delta))
        self.rebuild()

    def handle_event(self, event: pygame.event.Event) -> bool:
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_LEFT, pygame.K_PAGEUP):
            self.step(-1)
            return True
        if event.type == pygame.KEYDOWN and event.key in (pygame.K_RIGHT, pygame.K_PAGEDOWN):
            self.step(1)
            return True
        return super().handle_event(event)

    def help_lines(self) -> list[tuple[str, str]]:
        return [("← → / PgUp PgDn", t("key_chronicle_year"))]

    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)

    def on_escape(self) -> bool:
        self.app.pop(self)
        return True
