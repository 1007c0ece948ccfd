"""The report's pictures: drawn headless, Chinese labels without missing glyphs."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from engine import chronology
from reports import charts, figures
from reports.source import open_save


def test_territory_chart_and_map_in_chinese(full_save: Path) -> None:
    scen, _, state = open_save(full_save)
    months, held = chronology.places_held(state)
    series = [(scen.states[s].name.get("zh_hant"), held[s], scen.states[s].colour) for s in sorted(held)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")        # a missing glyph is a warning from matplotlib
        png = figures.territory_chart(months, series, "各國據地數", "據地數")
        jpg = figures.map_at_end(scen, {p: pl.owner for p, pl in state.places.items()}, "zh", "終局形勢圖")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and jpg[:3] == b"\xff\xd8\xff"
    plt = charts.pyplot()
    picture = plt.imread(io.BytesIO(png), format="png")
    assert picture.shape[1] > 600                # wide enough for an A4 column at print resolution


def test_month_x_puts_each_month_at_its_end() -> None:
    assert charts.month_x([1215 * 12 + 5]) == [1215.5]
    assert charts.month_x([1211 * 12 + 11]) == [1212.0]
