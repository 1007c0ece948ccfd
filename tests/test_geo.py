"""Tests for engine/geo.py and the committed map assets in assets/map/."""

from __future__ import annotations

import ast
import json
import math
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from engine.geo import (
    EARTH_RADIUS_KM,
    MapProjection,
    great_circle_km,
    load_geography,
    parse_geography,
    polyline_km,
)

ROOT = Path(__file__).resolve().parents[1]
MAP_DIR = ROOT / "assets" / "map"
GEO_JSON = MAP_DIR / "geography.json"
# A fixed box for the projection arithmetic (independent of any data file).
SCENARIO_BOUNDS = {"west": 95.0, "east": 123.0, "south": 28.0, "north": 48.0}
PROJ = MapProjection(**SCENARIO_BOUNDS)


def _scenario_projection() -> MapProjection:
    """The main scenario's declared map bounds: the assets must cover exactly these."""
    from engine.scenario.yamlio import read_yaml

    header = read_yaml(ROOT / "scenarios" / "jin_xia_1211" / "scenario.yaml").data
    return MapProjection(**{k: float(v) for k, v in header["map"].items()})


MAP_PROJ = _scenario_projection()

# (lon, lat) of places from the fact sheet (shared/history/jin_xia_1211.md, section 2).
ZHONGDU = (116.34, 39.87)
KAIFENG = (114.35, 34.80)
ZHONGXING = (106.27, 38.47)
LINAN = (120.17, 30.25)
XILIANG = (102.64, 37.93)
LANZHOU = (103.83, 36.06)
TONGGUAN = (110.33, 34.60)
HEZHONG = (110.31, 34.83)
XUZHOU = (117.18, 34.27)


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no imaging library needed)."""
    with open(path, "rb") as fh:
        head = fh.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert head[12:16] == b"IHDR"
    return struct.unpack(">II", head[16:24])


def dist_deg(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Plane distance in degrees with longitudes scaled by cos(lat) (good for small distances)."""
    k = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * k, a[1] - b[1])


def nearest_deg(points, place) -> float:
    return min(dist_deg(p, place) for p in points)


@pytest.fixture(scope="module")
def geo():
    return load_geography(GEO_JSON)


@pytest.fixture(scope="module")
def geo_raw():
    with open(GEO_JSON, encoding="utf-8") as fh:
        return json.load(fh)


# -- projection ------------------------------------------------------------------------------

def test_corners_and_centre():
    assert PROJ.to_unit(95, 48) == (0.0, 0.0)
    assert PROJ.to_unit(123, 28) == (1.0, 1.0)
    assert PROJ.to_unit(123, 48) == (1.0, 0.0)
    assert PROJ.to_unit(95, 28) == (0.0, 1.0)
    assert PROJ.to_unit(109, 38) == pytest.approx((0.5, 0.5))
    assert PROJ.from_unit(0, 0) == (95.0, 48.0)
    assert PROJ.from_unit(1, 1) == (123.0, 28.0)


def test_y_grows_southwards_and_x_eastwards():
    x1, y1 = PROJ.to_unit(*KAIFENG)
    x2, y2 = PROJ.to_unit(*ZHONGDU)
    assert y2 < y1          # 中都 is north of 开封
    assert x2 > x1          # and east of it
    assert PROJ.to_unit(*ZHONGXING)[0] < x1


@given(st.floats(95, 123), st.floats(28, 48))
def test_round_trip_lonlat(lon, lat):
    x, y = PROJ.to_unit(lon, lat)
    assert 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0
    lon2, lat2 = PROJ.from_unit(x, y)
    assert lon2 == pytest.approx(lon, abs=1e-9)
    assert lat2 == pytest.approx(lat, abs=1e-9)


@given(st.floats(-0.5, 1.5), st.floats(-0.5, 1.5))
def test_round_trip_unit(x, y):
    x2, y2 = PROJ.to_unit(*PROJ.from_unit(x, y))
    assert x2 == pytest.approx(x, abs=1e-9)
    assert y2 == pytest.approx(y, abs=1e-9)


def test_pixels_round_trip():
    w, h = PROJ.image_size(2000)
    px, py = PROJ.to_pixels(*LINAN, w, h)
    assert PROJ.from_pixels(px, py, w, h) == pytest.approx(LINAN)


def test_contains():
    for place in (ZHONGDU, KAIFENG, ZHONGXING, LINAN, XILIANG):
        assert PROJ.contains(*place)
    assert PROJ.contains(95, 28) and PROJ.contains(123, 48)      # edges count
    assert not PROJ.contains(94.99, 40)
    assert not PROJ.contains(110, 48.01)
    assert not PROJ.contains(123.17, 41.27)                       # 辽阳 lies just east of the map
    assert not PROJ.contains(129.55, 42.92)


def test_aspect_uses_cos_mid_latitude():
    assert PROJ.mid_lat == 38.0
    assert PROJ.x_scale == pytest.approx(math.cos(math.radians(38)))
    assert PROJ.aspect == pytest.approx(28 * math.cos(math.radians(38)) / 20)
    assert PROJ.image_size(2000) == (2206, 2000)


def test_from_bounds_accepts_mapping_and_object():
    class B:
        west, east, south, north = 95, 123, 28, 48

    assert MapProjection.from_bounds(SCENARIO_BOUNDS) == PROJ
    assert MapProjection.from_bounds(B()) == PROJ


@pytest.mark.parametrize("bad", [(100, 95, 28, 48), (95, 123, 48, 28), (95, 123, 28, 95),
                                 (-200, 0, 0, 10), (95, float("nan"), 28, 48)])
def test_rejects_bad_bounds(bad):
    with pytest.raises(ValueError):
        MapProjection(*bad)


# -- distances ---------------------------------------------------------------------------------

def test_great_circle_known_values():
    assert great_circle_km((10, 20), (10, 20)) == 0.0
    assert great_circle_km((0, 0), (90, 0)) == pytest.approx(math.pi / 2 * EARTH_RADIUS_KM)
    assert great_circle_km((0, 0), (180, 0)) == pytest.approx(math.pi * EARTH_RADIUS_KM)
    assert great_circle_km((0, 0), (0, 1)) == pytest.approx(111.195, abs=0.01)
    # 中都 -> 开封 is roughly 590 km as the crow flies.
    assert 570 < great_circle_km(ZHONGDU, KAIFENG) < 610


@given(st.tuples(st.floats(-180, 180), st.floats(-90, 90)),
       st.tuples(st.floats(-180, 180), st.floats(-90, 90)))
def test_great_circle_symmetric_and_bounded(a, b):
    d = great_circle_km(a, b)
    assert d == pytest.approx(great_circle_km(b, a), abs=1e-6)
    assert 0.0 <= d <= math.pi * EARTH_RADIUS_KM + 1e-6


def test_polyline_km_adds_legs():
    route = [ZHONGDU, KAIFENG, XUZHOU]
    assert polyline_km(route) == pytest.approx(
        great_circle_km(ZHONGDU, KAIFENG) + great_circle_km(KAIFENG, XUZHOU))
    assert polyline_km([ZHONGDU]) == 0.0


def test_geo_module_is_pure():
    tree = ast.parse((ROOT / "engine" / "geo.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert imported <= {"__future__", "json", "math", "dataclasses", "pathlib", "typing"}, imported


# -- committed assets --------------------------------------------------------------------------

def test_relief_image_matches_projection(geo):
    relief = MAP_DIR / geo.relief_file
    assert relief.is_file()
    assert relief.stat().st_size < 6_000_000
    w, h = png_size(relief)
    assert (w, h) == geo.relief_size
    assert abs(w / h - MAP_PROJ.aspect) < 1.0 / h
    assert h >= 1500                     # ~100 px per degree of latitude for zooming in


def test_geography_bounds_match_scenario(geo):
    assert geo.projection == MAP_PROJ


def test_geography_points_inside_bounds(geo):
    lines = list(geo.coast) + [r.points for r in geo.rivers]
    assert lines
    for line in lines:
        assert len(line) >= 2
        for lon, lat in line:
            assert MAP_PROJ.contains(lon, lat), (lon, lat)


def test_rivers_present_named_and_dense(geo, geo_raw):
    ids = {r.id for r in geo.rivers}
    assert {"yellow", "wei", "fen", "han", "huai", "yangzi"} <= ids
    assert len(ids) == len(geo.rivers)
    for raw in geo_raw["rivers"]:
        assert set(raw["name"]) >= {"zh", "zh_hant", "en"}
        assert all(raw["name"].values())
    for r in geo.rivers:
        assert r.rank in (1, 2)
        assert len(r.points) >= 10, r.id
        for a, b in zip(r.points, r.points[1:]):
            assert dist_deg(a, b) <= 0.51, (r.id, a, b)


def test_coast_reaches_the_seas(geo):
    pts = [p for line in geo.coast for p in line]
    assert len(pts) > 100
    # Bohai (天津 coast), Shandong's tip, the Yangzi mouth and Hangzhou Bay all have coast nearby.
    for place in [(117.7, 39.0), (122.5, 37.4), (121.9, 31.3), (121.0, 30.7)]:
        assert nearest_deg(pts, place) < 0.3, place


def test_yellow_river_runs_its_1211_course(geo):
    yellow = geo.river("yellow").points
    assert nearest_deg(yellow, LANZHOU) < 0.1
    assert nearest_deg(yellow, ZHONGXING) < 0.3
    assert nearest_deg(yellow, TONGGUAN) < 0.1
    assert nearest_deg(yellow, HEZHONG) < 0.1
    assert nearest_deg(yellow, XUZHOU) < 0.1
    # Hetao: the main stream then ran along the North River under the Langshan (~41.2 N).
    assert max(lat for _, lat in yellow) > 41.1
    # Passes north of 开封, within ~30 km.
    near = [p for p in yellow if abs(p[0] - KAIFENG[0]) < 0.3]
    assert near and all(lat > KAIFENG[1] for _, lat in near)
    assert nearest_deg(yellow, KAIFENG) < 0.35
    # No modern Shandong course: nothing north-east of 东明 (the river turned south-east there).
    assert not [p for p in yellow if p[0] > 115.3 and p[1] > 35.3]
    # Ends where it meets the Huai at 清口.
    huai = geo.river("huai").points
    assert nearest_deg(huai, yellow[-1]) < 0.05


def test_tributaries_meet_their_rivers(geo):
    yellow = geo.river("yellow").points
    yangzi = geo.river("yangzi").points
    assert nearest_deg(yellow, geo.river("wei").points[-1]) < 0.1
    assert nearest_deg(yellow, geo.river("fen").points[-1]) < 0.1
    assert nearest_deg(yangzi, geo.river("han").points[-1]) < 0.1
    assert nearest_deg(yangzi, geo.river("jialing").points[-1]) < 0.1


def test_parse_geography_defaults():
    g = parse_geography({"bounds": SCENARIO_BOUNDS, "coast": [[[100, 30], [101, 31]]],
                         "rivers": [{"id": "x", "name": {"en": "X"}, "points": [[100, 30], [100.2, 30.1]]}]})
    assert g.relief_file == "relief.png"
    assert g.river("x").rank == 2
    with pytest.raises(KeyError):
        g.river("nope")
