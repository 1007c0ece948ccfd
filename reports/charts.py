"""Small reusable chart helpers on matplotlib (Agg, imported lazily) with Chinese labels.

matplotlib costs about half a second to import, so nothing here imports it at module load:
:func:`pyplot` does, once, selects the Agg backend (no display) and registers the Noto Sans SC
face that pygame_gui ships, so zh and zh_hant labels render without missing-glyph boxes.
Figures are returned as PNG bytes, ready to write to a file or embed in HTML.
"""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from typing import Any, Sequence

_PLT: Any = None
FONT_FAMILY = "Noto Sans SC"


def cjk_font_path() -> Path | None:
    """pygame_gui's bundled NotoSansSC-Regular.otf, found without importing pygame_gui
    (which would import pygame)."""
    spec = importlib.util.find_spec("pygame_gui")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "data" / "NotoSansSC-Regular.otf"
        if path.is_file():
            return path
    return None


def pyplot() -> Any:
    """``matplotlib.pyplot`` on the Agg backend with the CJK face registered (imported once)."""
    global _PLT
    if _PLT is None:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib import font_manager
        import matplotlib.pyplot as plt

        path = cjk_font_path()
        families = ["DejaVu Sans"]
        if path is not None:
            font_manager.fontManager.addfont(str(path))
            families.insert(0, FONT_FAMILY)
        plt.rcParams["font.family"] = families
        plt.rcParams["axes.unicode_minus"] = False
        _PLT = plt
    return _PLT


def png_bytes(fig: Any, dpi: int = 110) -> bytes:
    """The figure as PNG, then closed (figures left open leak memory in long batches)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    pyplot().close(fig)
    return buf.getvalue()


def band(ax: Any, x: Sequence[float], low: Sequence[float], mid: Sequence[float], high: Sequence[float],
         colour: str, label: str, dashed: bool = False, alpha: float = 0.25) -> None:
    """A median line with a shaded low–high band (e.g. the 10th–90th percentiles)."""
    ax.fill_between(x, low, high, color=colour, alpha=alpha, linewidth=0)
    ax.plot(x, mid, color=colour, linewidth=1.8, linestyle="--" if dashed else "-", label=label)


def grouped_bars(ax: Any, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]],
                 width: float = 0.8) -> None:
    """Bars side by side per category; ``series`` is (label, values, colour) each."""
    n = max(1, len(series))
    step = width / n
    for i, (label, values, colour) in enumerate(series):
        xs = [c - width / 2 + step * (i + 0.5) for c in range(len(categories))]
        ax.bar(xs, values, width=step, color=colour, label=label)
    ax.set_xticks(range(len(categories)))
    ax.set_xticklabels(categories)


# --- added by the chronology report (issue #5): territory lines, month axis, histogram


def month_x(months: Sequence[int]) -> list[float]:
    """Engine month indexes (``year * 12 + month - 1``) as fractional years for an x axis;
    a month's value sits at its end (1215-06 -> 1215.5), as the counts are end-of-month."""
    return [(m + 1) / 12.0 for m in months]


def step_lines(ax: Any, x: Sequence[float], series: Sequence[tuple[str, Sequence[float], str]],
               linewidth: float = 2.0, styles: Sequence[str] = ("-", "--", "-.", ":")) -> None:
    """One stepped line per series (label, values, colour), each with its own dash style so
    the lines stay apart in greyscale print and for colour-blind readers."""
    for i, (label, values, colour) in enumerate(series):
        ax.step(x, values, where="post", color=colour, linewidth=linewidth, linestyle=styles[i % len(styles)], label=label)


def histogram(ax: Any, values: Sequence[float], bins: int | Sequence[float], colour: str, label: str | None = None,
              alpha: float = 0.75) -> None:
    """A plain histogram with white bar edges (readable when two are overlaid)."""
    ax.hist(values, bins=bins, color=colour, alpha=alpha, edgecolor="white", linewidth=0.6, label=label)


def year_axis(ax: Any, first: float, last: float, step: int = 1) -> None:
    """Whole years as ticks between ``first`` and ``last`` (fractional years), light grid."""
    import math

    ticks = list(range(math.ceil(first), math.floor(last) + 1, step))
    ax.set_xticks(ticks)
    ax.set_xticklabels([str(t) for t in ticks], rotation=0)
    ax.set_xlim(first, last)
    ax.grid(axis="both", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
