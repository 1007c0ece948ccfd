"""The what-if lab: pick what-ifs, a start, an end, how many runs and worker processes, and the
historical-events mode (free by default: forcing history's choices on an all-AI game plays the
same story in every run); the
baseline and the what-if are played with the same seeds in a background thread
(:class:`lab.background.BatchJob`, which drives a process pool and stores every run in the
user's ``lab.sqlite``), and the comparison fills in while they run, drawn with pygame:
probabilities with their intervals per question, territory over time and fall dates for one
state. The screen polls the job once a frame and never waits for it.
"""

from __future__ import annotations

import html
import os
import time
from pathlib import Path
from typing import Any, Sequence

import pygame

from engine.calendar import format_month
from engine.scenario import Scenario, ScenarioError, find_scenario, load_scenario
from engine.setup import HISTORICAL_MODES
from game import catalog, paths, theme
from game.fonts import TextCache, font
from game.i18n import language, t
from game.scene import Scene, fill_background
from lab.background import BatchJob
from lab.batch import BatchSpec
from lab.questions import Question, questions_for
from lab.stats import Band, Proportion, fall_dates, fall_years, proportion, territory_band

RUN_CHOICES = (4, 20, 50, 100, 200)
#: How often the statistics are recomputed while runs arrive (seconds).
RESTAT_EVERY = 0.5
BASE_GREY = (150, 150, 150)


def _rgb(colour: str) -> tuple[int, int, int]:
    c = pygame.Color(colour)
    return (c.r, c.g, c.b)


def db_path() -> Path:
    """The lab's results database in the user's data folder."""
    return paths.data_dir() / "lab.sqlite"


class LabScene(Scene):
    animated = False

    def __init__(self, app, scenario: str = "jin_xia_1211") -> None:  # type: ignore[no-untyped-def]
        super().__init__(app)
        self.error: str | None = None
        self.scenario: Scenario | None = None
        try:
            self.scenario = load_scenario(find_scenario(scenario))
        except (ScenarioError, OSError) as exc:
            self.error = str(exc)
        scen = self.scenario
        self.whatifs = catalog.whatif_entries(scen.whatif_files) if scen else []
        self.chosen: list[Path] = []
        self.start = scen.start if scen else 0
        self.until = scen.end if scen else 0
        self.runs = 20
        self.cpus = max(1, os.cpu_count() or 1)
        self.workers = min(2, self.cpus)
        self.seed = 1
        self.historical = "off"
        self.state_shown = "xia" if scen and "xia" in scen.states else (sorted(scen.states)[0] if scen else "")
        self.job: BatchJob | None = None
        self.stats: dict[str, Any] = {}
        self._stats_at = 0.0
        self._dirty = False
        self.text = TextCache()

    # ------------------------------------------------------------ choices
    def until_choices(self) -> list[int]:
        """Two years, five years, or to the end of the scenario (those after the start)."""
        if self.scenario is None:
            return []
        end = self.scenario.end
        picks = {min(end, (self.start // 12 + 2) * 12 - 1), min(end, (self.start // 12 + 5) * 12 - 1), end}
        return sorted(p for p in picks if p >= self.start)

    def choose(self, attr: str, value: Any) -> None:
        setattr(self, attr, value)
        if attr == "start" and self.until not in self.until_choices():
            self.until = self.scenario.end if self.scenario else self.until
        self.rebuild()

    def toggle_whatif(self, path: Path) -> None:
        self.chosen = [p for p in self.chosen if p != path] if path in self.chosen else self.chosen + [path]
        self.rebuild()

    def new_seed(self) -> None:
        self.seed += 1
        self.rebuild()

    @property
    def busy(self) -> bool:
        return self.job is not None and not self.job.progress.finished

    def specs(self) -> list[BatchSpec]:
        scen = self.scenario
        assert scen is not None
        base = BatchSpec(scen.id, (), self.runs, self.seed, format_month(self.start), format_month(self.until), self.historical)
        if not self.chosen:
            return [base]
        return [base, BatchSpec(scen.id, tuple(str(p) for p in self.chosen), self.runs, self.seed,
                                format_month(self.start), format_month(self.until), self.historical)]

    def run_batch(self) -> None:
        """Start the baseline and the chosen what-ifs in the background."""
        if self.busy or self.scenario is None:
            return
        self.job = BatchJob(self.specs(), db_path(), self.workers)
        db_path().parent.mkdir(parents=True, exist_ok=True)
        self.job.start()
        self.stats = {}
        self.rebuild()

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.rebuild()

    def back(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.app.pop(self)

    def on_escape(self) -> bool:
        self.back()
        return True

    # ------------------------------------------------------------ polling
    def update(self, dt: float) -> None:
        job = self.job
        if job is None:
            return
        was_busy = not job.progress.finished
        if job.poll():
            self._dirty = True
        now = time.monotonic()
        if self._dirty and (now - self._stats_at >= RESTAT_EVERY or job.progress.finished):
            self.stats = self.compute_stats()
            self._stats_at = now
            self._dirty = False
            self.app.invalidate()
        if was_busy and job.progress.finished:
            self.rebuild()  # the Run button comes back, Stop goes

    def wants_redraw(self) -> bool:
        return self.busy

    def variants(self) -> tuple[str, str | None]:
        """(baseline variant, what-if variant or None) of the current job, once planned."""
        names = self.job.progress.variants if self.job is not None else []
        return (names[0] if names else ""), (names[1] if len(names) > 1 else None)

    def compute_stats(self) -> dict[str, Any]:
        """Everything the charts draw, from the results received so far."""
        scen = self.scenario
        if self.job is None or scen is None:
            return {}
        results = self.job.progress.results
        base_v, other_v = self.variants()
        base = results.get(base_v, [])
        other = results.get(other_v, []) if other_v is not None else None
        names = {sid: s.name.model_dump() for sid, s in scen.states.items()}
        rows = []
        until = self.job.specs[0].until or format_month(scen.end)
        for q in questions_for(scen.id, names, until):
            pb = proportion(q, base)
            po = proportion(q, other) if other is not None else None
            if pb.n or (po is not None and po.n):
                rows.append((q, pb, po))
        sid = self.state_shown
        years = list(range(self.start // 12, self.until // 12 + 1))
        falls = [(fall_years(fall_dates(sid, rs), years), len(rs)) for rs in ([base] + ([other] if other is not None else []))]
        return {
            "rows": rows,
            "bands": [territory_band(sid, rs) for rs in ([base] + ([other] if other is not None else [])) if rs],
            "years": years,
            "falls": falls,
            "counts": (len(base), len(other) if other is not None else None),
        }

    def show_state(self, sid: str) -> None:
        self.state_shown = sid
        if self.job is not None:
            self.stats = self.compute_stats()
        self.rebuild()

    # ------------------------------------------------------------ layout
    def build(self) -> None:
        w, h = self.app.screen.get_size()
        lang = language()
        pad, gap, bh = self.s(16), self.s(4), self.s(28)
        self.label(pygame.Rect(0, self.s(8), w, self.s(40)), t("lab_title"), object_id="#heading")
        top = self.s(54)
        col_a, col_b = self.s(300), self.s(210)
        xa, xb = pad, pad + col_a + self.s(12)
        self.chart_rect = pygame.Rect(xb + col_b + self.s(16), top, w - (xb + col_b + self.s(16)) - pad, h - top - pad)
        enabled = not self.busy and self.scenario is not None

        # Column A: what-ifs and the note of the chosen ones.
        y = top
        self.label(pygame.Rect(xa, y, col_a, bh), t("whatifs"), object_id="#bold")
        y += bh
        self.whatif_buttons = {}
        for entry in self.whatifs:
            on = entry.path in self.chosen
            text = self._fit(("■ " if on else "□ ") + entry.title(lang), col_a - self.s(12))
            btn = self.button(pygame.Rect(xa, y, col_a, bh), text,
                              lambda p=entry.path: self.toggle_whatif(p), entry.note(lang) or entry.title(lang), enabled=enabled)
            if on:
                btn.select()
            self.whatif_buttons[entry.id] = btn
            y += bh + gap
        if self.error:
            note = f"<b>{html.escape(t('scenario_broken'))}</b><br>{html.escape(self.error)}"
        else:
            notes = [f"<b>{html.escape(e.title(lang))}</b><br>{html.escape(e.note(lang))}" for e in self.whatifs if e.path in self.chosen]
            note = "<br><br>".join(notes) if notes else html.escape(t("lab_hint"))
        self.text_box(pygame.Rect(xa, y + gap, col_a, max(self.s(60), h - y - gap - pad)), note)

        # Column B: start, end, runs, workers, seed; run / stop; back.
        y = top
        half = (col_b - gap) // 2
        self.option_buttons: dict[tuple[str, Any], Any] = {}

        def choices(attr: str, title: str, values: Sequence[Any], text: Any, tip: str) -> None:
            nonlocal y
            self.label(pygame.Rect(xb, y, col_b, bh), title, object_id="#bold")
            y += bh
            for i, value in enumerate(values):
                x = xb + (i % 2) * (half + gap)
                btn = self.button(pygame.Rect(x, y, half, bh), text(value), lambda a=attr, v=value: self.choose(a, v), tip, enabled=enabled)
                if getattr(self, attr) == value:
                    btn.select()
                self.option_buttons[(attr, value)] = btn
                if i % 2 == 1 or i == len(values) - 1:
                    y += bh + gap

        marks = [m.date for m in self.scenario.header.calendar.bookmarks] if self.scenario else []
        choices("start", t("start_date"), marks or [self.start], format_month, t("tip_lab_start"))
        choices("until", t("lab_until"), self.until_choices(), format_month, t("tip_lab_until"))
        choices("runs", t("lab_runs"), RUN_CHOICES, str, t("tip_lab_runs"))
        choices("workers", t("lab_workers"), list(range(1, min(4, self.cpus) + 1)), str, t("tip_lab_workers"))
        choices("historical", t("historical_mode"), HISTORICAL_MODES, lambda m: t(f"historical_mode_{m}"), t("tip_lab_historical"))
        self.label(pygame.Rect(xb, y, half, bh), t("lab_seed", seed=self.seed))
        self.seed_button = self.button(pygame.Rect(xb + half + gap, y, half, bh), t("new_seed"), self.new_seed, t("tip_lab_seed"), enabled=enabled)
        y += bh + self.s(12)
        if self.busy:
            self.stop_button = self.button(pygame.Rect(xb, y, col_b, self.s(40)), t("lab_stop"), self.stop, t("tip_lab_stop"))
        else:
            self.run_button = self.button(pygame.Rect(xb, y, col_b, self.s(40)), t("lab_run"), self.run_batch, t("tip_lab_run"), enabled=enabled)
        self.back_button = self.button(pygame.Rect(xb, h - pad - bh, col_b, bh), t("back"), self.back, t("tip_back"))

        # State buttons above the two small charts.
        self.state_buttons = {}
        if self.scenario is not None:
            c = self.chart_rect
            sids = sorted(self.scenario.states)
            bw = (c.width - gap * (len(sids) - 1)) // max(1, len(sids))
            sy = c.y + int(c.height * 0.52)
            for i, sid in enumerate(sids):
                btn = self.button(pygame.Rect(c.x + i * (bw + gap), sy, bw, bh), self.scenario.states[sid].name.get(lang),
                                  lambda s=sid: self.show_state(s), t("tip_lab_state"))
                if sid == self.state_shown:
                    btn.select()
                self.state_buttons[sid] = btn
            self.small_top = sy + bh + self.s(8)

    def _fit(self, text: str, width: int) -> str:
        """``text`` cut with an ellipsis to fit a button ``width`` pixels wide."""
        face = font(theme.font_size("normal", self.app.settings.ui_scale))
        if face.size(text)[0] <= width:
            return text
        while text and face.size(text + "…")[0] > width:
            text = text[:-1]
        return text.rstrip() + "…"

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface) -> None:
        fill_background(surface)
        c = self.chart_rect
        pygame.draw.rect(surface, _rgb(theme.PANEL_DARK), c)
        pygame.draw.rect(surface, (68, 72, 79), c, 1)
        inner = c.inflate(-self.s(16), -self.s(12))
        y = self._draw_status(surface, inner)
        if not self.stats:
            msg = self.text.render(t("lab_empty"), self.s(15), _rgb(theme.TEXT_DIM))
            surface.blit(msg, (inner.x, y + self.s(10)))
            return
        split = c.y + int(c.height * 0.52)
        self._draw_questions(surface, pygame.Rect(inner.x, y + self.s(6), inner.width, split - y - self.s(14)))
        if hasattr(self, "small_top"):
            box = pygame.Rect(inner.x, self.small_top, inner.width, inner.bottom - self.small_top)
            left = pygame.Rect(box.x, box.y, box.width * 3 // 5 - self.s(8), box.height)
            right = pygame.Rect(left.right + self.s(16), box.y, box.right - left.right - self.s(16), box.height)
            self._draw_territory(surface, left)
            self._draw_falls(surface, right)

    def _colours(self) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
        scen = self.scenario
        colour = _rgb(scen.states[self.state_shown].colour) if scen and self.state_shown in scen.states else (90, 160, 220)
        return BASE_GREY, colour

    def _draw_status(self, surface: pygame.Surface, r: pygame.Rect) -> int:
        size = self.s(15)
        job = self.job
        if job is None:
            line = t("lab_ready", db=str(db_path()))
        else:
            p = job.progress
            if p.error:
                line = t("lab_error", error=p.error)
            elif p.finished and not p.total:
                line = t("lab_loaded", n=sum(len(r) for r in p.results.values()))
            elif p.finished:
                line = t("lab_stopped" if p.cancelled else "lab_done", done=p.done, total=p.total)
            else:
                line = t("lab_progress", done=p.done, total=p.total)
        surface.blit(self.text.render(line, size, _rgb(theme.TEXT)), (r.x, r.y))
        bar = pygame.Rect(r.x, r.y + size + self.s(8), r.width, self.s(10))
        pygame.draw.rect(surface, (52, 56, 63), bar)
        if job is not None and job.progress.total:
            share = job.progress.done / job.progress.total
            pygame.draw.rect(surface, _rgb(theme.GOLD), (bar.x, bar.y, int(bar.width * share), bar.height))
        counts = self.stats.get("counts") if self.stats else None
        if counts:
            base_n, other_n = counts
            text = t("lab_counts", base=base_n) + ("" if other_n is None else "  ·  " + t("lab_counts_whatif", other=other_n))
            surface.blit(self.text.render(text, self.s(13), _rgb(theme.TEXT_DIM)), (r.x, bar.bottom + self.s(6)))
        return bar.bottom + self.s(24)

    def _draw_questions(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """Per question: the baseline bar (grey) and the what-if bar, each with its 95 % interval."""
        rows: list[tuple[Question, Proportion, Proportion | None]] = self.stats.get("rows", [])
        if not rows:
            return
        lang = language()
        size = self.s(13)
        row_h = max(self.s(18), min(self.s(30), r.height // max(1, len(rows))))
        label_w = int(r.width * 0.48)
        bar_x = r.x + label_w + self.s(8)
        bar_w = r.width - label_w - self.s(8) - self.s(120)
        grey, colour = BASE_GREY, _rgb(theme.GOLD)
        for i, (q, pb, po) in enumerate(rows):
            y = r.y + i * row_h
            label = self.text.render(q.text(lang), size, _rgb(theme.TEXT))
            surface.blit(label, (r.x, y + (row_h - label.get_height()) // 2), pygame.Rect(0, 0, label_w, label.get_height()))
            pygame.draw.line(surface, (60, 64, 70), (bar_x, y + row_h - 1), (bar_x + bar_w, y + row_h - 1))
            sides = [(pb, grey)] + ([(po, colour)] if po is not None else [])
            thick = max(3, (row_h - self.s(6)) // len(sides))
            for j, (prop, col) in enumerate(sides):
                by = y + self.s(3) + j * thick
                if prop.n == 0 or prop.p is None:
                    continue
                pygame.draw.rect(surface, col, (bar_x, by, max(1, int(bar_w * prop.p)), thick - 1))
                lo, hi = prop.interval or (prop.p, prop.p)
                mid = by + thick // 2
                pygame.draw.line(surface, (235, 235, 235), (bar_x + int(bar_w * lo), mid), (bar_x + int(bar_w * hi), mid), 1)
            value = " / ".join(f"{100 * p.p:.0f}%" if p.n and p.p is not None else "—" for p, _ in sides)
            surface.blit(self.text.render(value, size, _rgb(theme.TEXT)), (bar_x + bar_w + self.s(10), y + self.s(2)))

    def _axes(self, surface: pygame.Surface, r: pygame.Rect, title: str) -> pygame.Rect:
        surface.blit(self.text.render(title, self.s(13), _rgb(theme.GOLD), bold=True), (r.x, r.y))
        plot = pygame.Rect(r.x + self.s(34), r.y + self.s(22), r.width - self.s(40), r.height - self.s(44))
        pygame.draw.rect(surface, (60, 64, 70), plot, 1)
        return plot

    def _year_ticks(self, surface: pygame.Surface, plot: pygame.Rect, first: int, last: int, x_of: Any) -> None:
        """Year labels under a plot, as many as fit side by side (at most about seven)."""
        label_w = self.text.render("0000", self.s(11), _rgb(theme.TEXT_DIM)).get_width() + self.s(8)
        fit = max(1, min(7, plot.width // label_w))
        step = max(1, -(-(last - first + 1) // fit))
        for year in range(first, last + 1, step):
            x = x_of(year)
            s = self.text.render(str(year), self.s(11), _rgb(theme.TEXT_DIM))
            surface.blit(s, (x - s.get_width() // 2, plot.bottom + self.s(3)))

    def _draw_territory(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """Places held by the chosen state: median lines over 10–90 % bands, baseline grey."""
        bands: list[Band] = [b for b in self.stats.get("bands", []) if b is not None]
        plot = self._axes(surface, r, t("lab_territory"))
        if not bands:
            return
        top = max(max(b.high) for b in bands) or 1.0
        first, last = min(b.months[0] for b in bands), max(b.months[-1] for b in bands)
        span = max(1, last - first)

        def pt(month: int, value: float) -> tuple[int, int]:
            return (plot.x + int((month - first) / span * plot.width), plot.bottom - int(value / top * plot.height))

        colours = self._colours() if len(bands) > 1 else (self._colours()[1],)
        for band, col in zip(bands, colours):
            poly = [pt(m, v) for m, v in zip(band.months, band.high)] + [pt(m, v) for m, v in reversed(list(zip(band.months, band.low)))]
            if len(poly) >= 3:
                shade = pygame.Surface(plot.size, pygame.SRCALPHA)
                pygame.draw.polygon(shade, (*col, 70), [(x - plot.x, y - plot.y) for x, y in poly])
                surface.blit(shade, plot.topleft)
            line = [pt(m, v) for m, v in zip(band.months, band.median)]
            if len(line) >= 2:
                pygame.draw.lines(surface, col, False, line, 2)
        s = self.text.render(f"{top:.0f}", self.s(11), _rgb(theme.TEXT_DIM))
        surface.blit(s, (plot.x - s.get_width() - self.s(4), plot.y))
        s = self.text.render("0", self.s(11), _rgb(theme.TEXT_DIM))
        surface.blit(s, (plot.x - s.get_width() - self.s(4), plot.bottom - s.get_height()))
        # column 0 is the opening position (the end of the month before the start): ticks from the first January on
        self._year_ticks(surface, plot, (first + 11) // 12, last // 12, lambda y: pt(y * 12, 0)[0])

    def _draw_falls(self, surface: pygame.Surface, r: pygame.Rect) -> None:
        """Share of runs in which the chosen state fell, per year (baseline grey)."""
        plot = self._axes(surface, r, t("lab_falls"))
        years: list[int] = self.stats.get("years", [])
        falls: list[tuple[list[int], int]] = self.stats.get("falls", [])
        if not years or not falls:
            return
        colours = self._colours() if len(falls) > 1 else (self._colours()[1],)
        slot = plot.width / len(years)
        bar = max(1, int(slot / (len(falls) + 0.5)))
        for j, ((counts, n), col) in enumerate(zip(falls, colours)):
            for i, c in enumerate(counts):
                if c and n:
                    height = int(plot.height * c / n)
                    pygame.draw.rect(surface, col, (plot.x + int(i * slot) + j * bar + 1, plot.bottom - height, bar - 1, height))
        s = self.text.render("100%", self.s(11), _rgb(theme.TEXT_DIM))
        surface.blit(s, (plot.x - s.get_width() - self.s(4), plot.y))
        self._year_ticks(surface, plot, years[0], years[-1], lambda y: plot.x + int((y - years[0] + 0.5) * slot))

    def help_lines(self) -> list[tuple[str, str]]:
        return [("Esc", t("tip_back"))]
