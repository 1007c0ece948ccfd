"""The comparison's charts as PNG bytes: territory over time (median and 10–90 % band of places
held, per state, baseline against the what-if) and fall-date histograms (share of runs in
which a state fell in each year).

Built on :mod:`reports.charts` (matplotlib, imported only when a chart is drawn).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from lab.stats import fall_dates, fall_years, territory_band

BASELINE_COLOUR = "#555555"
WORDS = {
    "territory": {"zh": "各国据地（中位数与10–90%区间）", "zh_hant": "各國據地（中位數與10–90%區間）",
                  "en": "Places held (median and 10–90 % band)"},
    "places": {"zh": "据地数", "zh_hant": "據地數", "en": "places"},
    "falls": {"zh": "亡国年份（占全部运行的比例）", "zh_hant": "亡國年份（佔全部運行的比例）",
              "en": "Year of fall (share of all runs)"},
    "share": {"zh": "运行占比 %", "zh_hant": "運行佔比 %", "en": "% of runs"},
    "none_fell": {"zh": "无一国灭亡", "zh_hant": "無一國滅亡", "en": "no state fell in any run"},
}


def word(key: str, lang: str) -> str:
    return WORDS[key].get(lang, WORDS[key]["en"])


@dataclass(frozen=True)
class Side:
    """One variant in a chart: its label and its runs' result records."""

    label: str
    results: Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class StateStyle:
    id: str
    name: str
    colour: str


def _grid(plt: Any, n: int, width: float = 10.0) -> tuple[Any, list[Any]]:
    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(width, 2.9 * rows + 0.9), squeeze=False, layout="constrained")
    flat = [ax for row in axes for ax in row]
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def _legend(fig: Any, axes: list[Any]) -> None:
    """One legend for the figure (every panel shows the same sides), under the title."""
    if axes:
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside lower center", ncols=max(1, len(labels)), fontsize=9, frameon=False)


def territory_chart(states: Sequence[StateStyle], sides: Sequence[Side], lang: str) -> bytes:
    """One panel per state: the first side (the baseline) grey and dashed, the others in the
    state's colour."""
    from reports import charts

    plt = charts.pyplot()
    fig, axes = _grid(plt, len(states))
    for ax, st in zip(axes, states):
        for i, side in enumerate(sides):
            b = territory_band(st.id, side.results)
            if b is None:
                continue
            x = [m / 12 for m in b.months]
            colour = BASELINE_COLOUR if i == 0 and len(sides) > 1 else st.colour
            charts.band(ax, x, b.low, b.median, b.high, colour, side.label, dashed=i == 0 and len(sides) > 1)
        ax.set_title(st.name)
        ax.set_ylabel(word("places", lang))
        ax.set_ylim(bottom=0)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.grid(alpha=0.3)
    _legend(fig, axes)
    fig.suptitle(word("territory", lang))
    return charts.png_bytes(fig)


def fall_chart(states: Sequence[StateStyle], sides: Sequence[Side], lang: str, span: tuple[int, int]) -> bytes:
    """One panel per state that fell in at least one run: bars per year of ``span`` (first and
    last year played), one bar per side."""
    from reports import charts

    plt = charts.pyplot()
    fallen = [st for st in states if any(fall_dates(st.id, s.results).months for s in sides)]
    if not fallen:
        fig, ax = plt.subplots(figsize=(6, 1.6))
        ax.axis("off")
        ax.text(0.5, 0.5, word("none_fell", lang), ha="center", va="center", fontsize=13)
        return charts.png_bytes(fig)
    years = list(range(span[0], span[1] + 1))
    fig, axes = _grid(plt, len(fallen))
    for ax, st in zip(axes, fallen):
        series = []
        for i, side in enumerate(sides):
            fd = fall_dates(st.id, side.results)
            n = max(1, fd.runs)
            colour = BASELINE_COLOUR if i == 0 and len(sides) > 1 else st.colour
            series.append((side.label, [100.0 * c / n for c in fall_years(fd, years)], colour))
        charts.grouped_bars(ax, [str(y) for y in years], series)
        ax.set_title(st.name)
        ax.set_ylabel(word("share", lang))
        ax.tick_params(axis="x", labelrotation=45, labelsize=8)
        ax.grid(axis="y", alpha=0.3)
    _legend(fig, axes)
    fig.suptitle(word("falls", lang))
    return charts.png_bytes(fig)
