"""The report's pictures: places held per state over time, and the map at the end.

Both are drawn with matplotlib (imported lazily through :func:`reports.charts.pyplot`), so a
text report never pays for it. The map is the shaded relief of ``assets/map/relief.png`` with
each place's hinterland tinted by its owner (every land point belongs to its nearest place,
within a reach), borders where owners meet, and the places marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from engine.geo import MapProjection
from engine.scenario import Scenario
from reports import charts

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "map"
#: the map ranks that are named on the map at the end
NAMED_RANKS = ("capital", "secondary_capital")
#: a place's land reaches a little past its second-nearest neighbour, never beyond this (degrees)
MAX_REACH_DEG = 1.8


def territory_chart(months: Sequence[int], series: Sequence[tuple[str, Sequence[int], str]], title: str,
                    ylabel: str, size: tuple[float, float] = (7.2, 3.2)) -> bytes:
    """Places held per state at the end of each month, as stepped lines; PNG bytes."""
    plt = charts.pyplot()
    fig, ax = plt.subplots(figsize=size)
    x = charts.month_x(months)
    charts.step_lines(ax, x, series)
    first = months[0] / 12.0 if months else 0.0
    charts.year_axis(ax, first, x[-1] if x else first + 1, step=2)
    ax.set_ylabel(ylabel)
    ax.set_ylim(bottom=0)
    if title:
        ax.set_title(title, fontsize=11)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return charts.png_bytes(fig, dpi=130)


def _rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255


def map_at_end(scen: Scenario, owners: dict[str, str], lang: str, title: str, width_in: float = 7.2) -> bytes:
    """The map with every place tinted and marked by its owner in ``owners``; JPEG bytes."""
    import numpy as np

    plt = charts.pyplot()
    from matplotlib import image as mpimg
    from matplotlib.lines import Line2D

    bounds = scen.header.map or {"west": 94.0, "east": 130.0, "south": 28.0, "north": 48.0}
    proj = MapProjection.from_bounds(bounds)
    relief = mpimg.imread(str(ASSETS / "relief.png"))
    h, w = relief.shape[:2]
    lons = [p.lon for p in scen.places.values()]
    lats = [p.lat for p in scen.places.values()]
    margin = 1.0
    west, east = max(proj.west, min(lons) - margin), min(proj.east, max(lons) + margin)
    south, north = max(proj.south, min(lats) - margin), min(proj.north, max(lats) + margin)
    x0, y0 = proj.to_pixels(west, north, w, h)
    x1, y1 = proj.to_pixels(east, south, w, h)
    step = max(1, int((x1 - x0) / 1100))
    crop = relief[int(y0):int(y1):step, int(x0):int(x1):step, :3]
    ch, cw = crop.shape[:2]

    # every pixel of the crop to its nearest place, within a reach (a Voronoi tint)
    ids = sorted(scen.places)
    px = np.array([proj.to_pixels(scen.places[p].lon, scen.places[p].lat, w, h) for p in ids], dtype=np.float32)
    px[:, 0] = (px[:, 0] - x0) / step
    px[:, 1] = (px[:, 1] - y0) / step
    gx, gy = np.meshgrid(np.arange(cw, dtype=np.float32), np.arange(ch, dtype=np.float32))
    best = np.full((ch, cw), np.inf, dtype=np.float32)
    nearest = np.zeros((ch, cw), dtype=np.int32)
    for i, (x, y) in enumerate(px):
        d = (gx - x) ** 2 + (gy - y) ** 2
        closer = d < best
        best[closer] = d[closer]
        nearest[closer] = i
    pair = np.sqrt(((px[:, None, :] - px[None, :, :]) ** 2).sum(-1))
    pair[pair == 0] = np.inf
    cap = MAX_REACH_DEG * h / proj.lat_span / step
    reach = np.minimum(np.sort(pair, axis=1)[:, 1] * 1.3, cap) if len(ids) > 2 else np.full(len(ids), cap)
    inside = np.sqrt(best) <= reach[nearest]
    land_path = ASSETS / "land.png"
    if land_path.is_file():
        land = mpimg.imread(str(land_path))
        land = land if land.ndim == 2 else land[..., 0]
        inside &= land[int(y0):int(y1):step, int(x0):int(x1):step][:ch, :cw] > 0.5
    state_ids = sorted(scen.states)
    owner_index = np.array([state_ids.index(owners.get(p, scen.places[p].owner)) for p in ids])
    owner_grid = np.where(inside, owner_index[nearest], -1)
    tint = np.zeros((ch, cw, 4), dtype=np.float32)
    for k, sid in enumerate(state_ids):
        r, g, b = _rgb(scen.states[sid].colour)
        tint[owner_grid == k] = (r, g, b, 0.42)
    border = np.zeros((ch, cw), dtype=bool)
    border[:, 1:] |= owner_grid[:, 1:] != owner_grid[:, :-1]
    border[1:, :] |= owner_grid[1:, :] != owner_grid[:-1, :]
    border &= owner_grid >= 0
    tint[border] = (0.18, 0.12, 0.08, 0.8)

    fig, ax = plt.subplots(figsize=(width_in, width_in * ch / cw))
    ax.imshow(crop, interpolation="bilinear")
    ax.imshow(tint, interpolation="nearest")
    ax.apply_aspect()                            # the image's real size on the page, for label boxes
    box = ax.get_position()
    per_point = cw / (box.width * width_in * 72.0)  # data units (crop pixels) per typographic point
    placed: list[tuple[float, float, float, float]] = []
    for i, pid in enumerate(ids):
        place = scen.places[pid]
        owner = owners.get(pid, place.owner)
        big = place.rank in NAMED_RANKS
        ax.plot(px[i, 0], px[i, 1], marker="s" if big else "o", markersize=6 if big else 3.2,
                markerfacecolor=scen.states[owner].colour if owner in scen.states else "#888888",
                markeredgecolor="#222222", markeredgewidth=0.6, linestyle="none")
    for i in sorted((i for i, pid in enumerate(ids) if scen.places[pid].rank in NAMED_RANKS), key=lambda i: px[i, 1]):
        name = scen.places[ids[i]].name.get(lang)
        offset, box = _free_spot(float(px[i, 0]), float(px[i, 1]), name, per_point, placed)
        placed.append(box)
        ax.annotate(name, (px[i, 0], px[i, 1]), xytext=offset, textcoords="offset points", fontsize=LABEL_PT,
                    color="#111111", bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    handles = [Line2D([0], [0], marker="s", linestyle="none", markersize=8, markerfacecolor=scen.states[s].colour,
                      markeredgecolor="#222222", label=scen.states[s].name.get(lang))
               for s in state_ids if any(o == s for o in owners.values())]
    ax.legend(handles=handles, loc="lower left", fontsize=8, framealpha=0.85)
    if title:
        ax.set_title(title, fontsize=11)
    ax.set_axis_off()
    return _jpeg(fig)


LABEL_PT = 7.5


def _free_spot(x: float, y: float, text: str, per_point: float,
               placed: list[tuple[float, float, float, float]]) -> tuple[tuple[float, float], tuple[float, float, float, float]]:
    """An offset (points) for a label at (x, y) that does not cover labels already placed:
    right-above, right-below, left-above, left-below, then further out; with its box in data units."""
    wide = sum(1.0 if ord(ch) > 0x2E80 else 0.56 for ch in text) * LABEL_PT + 4
    tall = LABEL_PT + 4
    candidates = [(4, 3), (4, -tall - 1), (-wide - 4, 3), (-wide - 4, -tall - 1), (4, tall + 6), (4, -2 * tall - 6)]
    box = (0.0, 0.0, 0.0, 0.0)
    for dx, dy in candidates:
        # y grows downwards in the image, upwards in offset points
        box = (x + dx * per_point, y - (dy + tall) * per_point, x + (dx + wide) * per_point, y - dy * per_point)
        if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            return (dx, dy), box
    return candidates[0], box


def _jpeg(fig: object) -> bytes:
    """JPEG keeps the shaded relief small enough to embed (a PNG of it is ten times larger)."""
    import io

    plt = charts.pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format="jpeg", dpi=170, bbox_inches="tight", pil_kwargs={"quality": 82})  # type: ignore[attr-defined]
    plt.close(fig)
    return buf.getvalue()
