"""Pan and zoom: which part of the world the map area shows, at which of a few fixed zooms.

Zoom levels are discrete so that the scaled relief and territory can be cached per level.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Screen pixels per world pixel at each zoom level.
ZOOMS = (0.25, 0.32, 0.4, 0.5, 0.63, 0.8, 1.0, 1.25, 1.6, 2.0, 2.5)


@dataclass
class Camera:
    world: tuple[int, int]
    view: tuple[int, int]
    level: int = 3
    cx: float = 0.0
    cy: float = 0.0
    #: The part of the view the map is really seen through (the rest lies under panels);
    #: ``centre_on`` and ``fit`` aim at it. None: the whole view.
    focus: tuple[int, int, int, int] | None = None

    @property
    def zoom(self) -> float:
        return ZOOMS[self.level]

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        z = self.zoom
        return (x - self.cx) * z + self.view[0] / 2, (y - self.cy) * z + self.view[1] / 2

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        z = self.zoom
        return (sx - self.view[0] / 2) / z + self.cx, (sy - self.view[1] / 2) / z + self.cy

    def origin(self) -> tuple[float, float]:
        """World position of the screen's top-left corner."""
        return self.to_world(0, 0)

    def pan(self, dx: float, dy: float) -> None:
        """Move by screen pixels."""
        self.cx += dx / self.zoom
        self.cy += dy / self.zoom
        self.clamp()

    def zoom_at(self, steps: int, sx: float | None = None, sy: float | None = None) -> bool:
        """Zoom in (steps > 0) or out, keeping the world point under (sx, sy) in place."""
        new = max(0, min(len(ZOOMS) - 1, self.level + steps))
        if new == self.level:
            return False
        sx = self.view[0] / 2 if sx is None else sx
        sy = self.view[1] / 2 if sy is None else sy
        wx, wy = self.to_world(sx, sy)
        self.level = new
        self.cx = wx - (sx - self.view[0] / 2) / self.zoom
        self.cy = wy - (sy - self.view[1] / 2) / self.zoom
        self.clamp()
        return True

    def _focus(self) -> tuple[int, int, int, int]:
        return self.focus or (0, 0, self.view[0], self.view[1])

    def centre_on(self, x: float, y: float) -> None:
        """Put the world point at the middle of the focus area."""
        fx, fy, fw, fh = self._focus()
        self.cx = x - (fx + fw / 2 - self.view[0] / 2) / self.zoom
        self.cy = y - (fy + fh / 2 - self.view[1] / 2) / self.zoom
        self.clamp()

    def fit(self, x0: float, y0: float, x1: float, y1: float, min_zoom: float = 0.0) -> None:
        """The largest zoom (but at least ``min_zoom``) that shows the world box
        (x0, y0)-(x1, y1) in the focus area, centred on it."""
        w, h = max(1.0, x1 - x0), max(1.0, y1 - y0)
        _, _, fw, fh = self._focus()
        self.level = 0
        for i, z in enumerate(ZOOMS):
            if (w * z <= fw and h * z <= fh) or z <= min_zoom:
                self.level = i
        self.centre_on((x0 + x1) / 2, (y0 + y1) / 2)

    def clamp(self) -> None:
        """Keep the view inside the world; a view wider than the world shows it centred."""
        for axis in (0, 1):
            half = self.view[axis] / 2 / self.zoom
            size = float(self.world[axis])
            centre = self.cx if axis == 0 else self.cy
            centre = size / 2 if 2 * half >= size else max(half, min(size - half, centre))
            if axis == 0:
                self.cx = centre
            else:
                self.cy = centre
