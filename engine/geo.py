"""Map projection and small geographic helpers (pure Python, no pygame).

The game map is an **equirectangular projection with one standard parallel**
at the map's middle latitude (``phi0``; 38 degrees N for the 28-48 degrees N
scenario map)::

    X = (lon - west) * cos(phi0)        Y = north - lat        (degrees, y down)

so a degree of longitude is drawn ``cos(phi0)`` as wide as a degree of
latitude. Over the map's 20 degrees of latitude the east-west scale error is
at most ``cos(28) / cos(38) - 1`` = +12 % at the south edge and
``cos(48) / cos(38) - 1`` = -15 % at the north edge, which is fine for a
strategy map; in exchange lon/lat map *linearly* to image coordinates, so the
relief raster (``assets/map/relief.png``, already resampled to this aspect
ratio) is scaled uniformly and every point, line or click converts with one
multiply-add. Distances for game rules never come from the picture: use
:func:`great_circle_km`.

Coordinates are ``(lon, lat)`` in degrees everywhere in this module (the order
used by ``assets/map/geography.json``); "unit" coordinates are ``(x, y)`` in
``0..1`` across the whole map image, ``x`` to the east and ``y`` downwards.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

LonLat = tuple[float, float]
"""A geographic point as ``(longitude, latitude)`` in degrees."""

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG), used by :func:`great_circle_km`."""


@dataclass(frozen=True)
class MapProjection:
    """Equirectangular projection of the box ``west..east`` x ``south..north`` onto ``0..1``.

    ``to_unit`` and ``from_unit`` are exact inverses (up to float rounding).
    The horizontal squeeze ``cos(mid_lat)`` shows up only in :attr:`aspect`
    (the width/height ratio the map must be drawn at) and in
    :meth:`image_size`.
    """

    west: float
    east: float
    south: float
    north: float

    def __post_init__(self) -> None:
        for name in ("west", "east", "south", "north"):
            v = getattr(self, name)
            if not math.isfinite(v):
                raise ValueError(f"{name} must be finite, got {v!r}")
        if not -180.0 <= self.west < self.east <= 180.0:
            raise ValueError(f"need -180 <= west < east <= 180, got {self.west}..{self.east}")
        if not -90.0 < self.south < self.north < 90.0:
            raise ValueError(f"need -90 < south < north < 90, got {self.south}..{self.north}")

    @classmethod
    def from_bounds(cls, bounds: Mapping[str, float] | Any) -> "MapProjection":
        """Build from a mapping or object with ``west/east/south/north`` (e.g. the scenario's ``map``)."""
        get = bounds.__getitem__ if isinstance(bounds, Mapping) else lambda k: getattr(bounds, k)
        return cls(float(get("west")), float(get("east")), float(get("south")), float(get("north")))

    # -- geometry of the map ---------------------------------------------------------------
    @property
    def mid_lat(self) -> float:
        """The standard parallel: the latitude halfway between south and north."""
        return (self.south + self.north) / 2.0

    @property
    def x_scale(self) -> float:
        """Width of one degree of longitude relative to one degree of latitude (``cos(mid_lat)``)."""
        return math.cos(math.radians(self.mid_lat))

    @property
    def lon_span(self) -> float:
        return self.east - self.west

    @property
    def lat_span(self) -> float:
        return self.north - self.south

    @property
    def aspect(self) -> float:
        """Width / height of the map as it must be drawn (about 1.103 for 95-123 E x 28-48 N)."""
        return self.lon_span * self.x_scale / self.lat_span

    def image_size(self, height_px: int) -> tuple[int, int]:
        """Pixel size ``(width, height)`` of a whole-map raster ``height_px`` tall."""
        if height_px <= 0:
            raise ValueError("height_px must be positive")
        return max(1, round(height_px * self.aspect)), int(height_px)

    # -- conversions -------------------------------------------------------------------------
    def to_unit(self, lon: float, lat: float) -> tuple[float, float]:
        """``(lon, lat)`` -> ``(x, y)`` with ``(0, 0)`` at the north-west corner, ``(1, 1)`` at the south-east.

        Points outside the bounds give values outside ``0..1`` (no clamping).
        """
        return (lon - self.west) / self.lon_span, (self.north - lat) / self.lat_span

    def from_unit(self, x: float, y: float) -> LonLat:
        """Inverse of :meth:`to_unit`: ``(x, y)`` in image units -> ``(lon, lat)``."""
        return self.west + x * self.lon_span, self.north - y * self.lat_span

    def to_pixels(self, lon: float, lat: float, width: float, height: float) -> tuple[float, float]:
        """``(lon, lat)`` -> pixel position on a whole-map image of ``width`` x ``height`` pixels."""
        x, y = self.to_unit(lon, lat)
        return x * width, y * height

    def from_pixels(self, px: float, py: float, width: float, height: float) -> LonLat:
        """Inverse of :meth:`to_pixels`."""
        return self.from_unit(px / width, py / height)

    def contains(self, lon: float, lat: float) -> bool:
        """True if the point lies inside the bounds (edges included)."""
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def km_per_unit_x(self) -> float:
        """Approximate km across the whole map width at the standard parallel."""
        return math.radians(self.lon_span) * EARTH_RADIUS_KM * self.x_scale

    def km_per_unit_y(self) -> float:
        """Km across the whole map height (exact along a meridian on a sphere)."""
        return math.radians(self.lat_span) * EARTH_RADIUS_KM


def great_circle_km(a: LonLat, b: LonLat) -> float:
    """Great-circle distance in km between two ``(lon, lat)`` points (haversine, spherical Earth).

    Good to about 0.5 % against the ellipsoid, which is plenty for sanity
    checks on march routes (e.g. 中都 -> 开封 is about 590 km).
    """
    lon1, lat1 = map(math.radians, a)
    lon2, lat2 = map(math.radians, b)
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2.0 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def polyline_km(points: Sequence[LonLat]) -> float:
    """Length in km of a polyline of ``(lon, lat)`` points along great circles."""
    return sum(great_circle_km(p, q) for p, q in zip(points, points[1:]))


# -- the geography asset ---------------------------------------------------------------------

@dataclass(frozen=True)
class River:
    """One river of ``geography.json``: id, display names, rank (1 = great river) and course."""

    id: str
    name: Mapping[str, str]
    rank: int
    points: tuple[LonLat, ...]


@dataclass(frozen=True)
class Geography:
    """Contents of ``assets/map/geography.json`` (see ``assets/map/README.md``)."""

    projection: MapProjection
    coast: tuple[tuple[LonLat, ...], ...]
    rivers: tuple[River, ...]
    relief_file: str = "relief.png"
    relief_size: tuple[int, int] = field(default=(0, 0))

    def river(self, river_id: str) -> River:
        for r in self.rivers:
            if r.id == river_id:
                return r
        raise KeyError(river_id)


def _points(raw: Sequence[Sequence[float]]) -> tuple[LonLat, ...]:
    return tuple((float(p[0]), float(p[1])) for p in raw)


def parse_geography(data: Mapping[str, Any]) -> Geography:
    """Build a :class:`Geography` from the decoded JSON document."""
    proj = MapProjection.from_bounds(data["bounds"])
    relief = data.get("relief", {})
    return Geography(
        projection=proj,
        coast=tuple(_points(line) for line in data["coast"]),
        rivers=tuple(
            River(id=str(r["id"]), name=dict(r["name"]), rank=int(r.get("rank", 2)),
                  points=_points(r["points"]))
            for r in data["rivers"]
        ),
        relief_file=str(relief.get("file", "relief.png")),
        relief_size=(int(relief.get("width", 0)), int(relief.get("height", 0))),
    )


def load_geography(path: str | Path) -> Geography:
    """Read ``geography.json`` (UTF-8)."""
    with open(path, encoding="utf-8") as fh:
        return parse_geography(json.load(fh))
