"""Line breaks inside Chinese text for pygame_gui's text boxes.

pygame_gui 0.6.14 breaks a line only after a space. A run of Chinese has none, so a run that
follows other text on a line (after a bold name, a bullet, a link) is moved whole to the next
line when it does not fit, leaving a gap and often starting the line with "。"; a run that
starts a line is cut anywhere, with "-" at both ends of the cut unless the box was made with
``allow_split_dashes=False`` (tooltips cannot be). See ``TextLineChunkFTFont.split`` and
``_find_optimum_split_point`` in ``pygame_gui/core/text/text_line_chunk.py``.

:func:`enable` gives the text chunks break points between CJK characters too, with the usual
rules (kinsoku): no line starts with closing punctuation such as "，。）" and none ends with
opening punctuation such as "（《". Every place in pygame_gui that sets a chunk's
``split_points`` computes them from the chunk's current text (spaces only, or nothing for an
empty chunk), so a property that derives them from the text, spaces included, changes only
where lines may break. pygame_gui is pinned (pyproject.toml); ``tests/game`` checks the effect.
"""

from __future__ import annotations

from typing import Any

#: Characters no line may start with, and characters no line may end with.
NO_START = frozenset("，。、；：！？）」』》〉】〕”’…—·．,.;:!?)%")
NO_END = frozenset("（「『《〈【〔“‘(")


def is_cjk(ch: str) -> bool:
    """Han characters, CJK punctuation and full-width forms (where Chinese lines may break)."""
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFE30 <= code <= 0xFE4F
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF)


def break_points(text: str) -> list[int]:
    """Indices where ``text`` may be cut (the cut goes before ``text[i]``): after each space,
    as pygame_gui does, and between two characters when either is CJK, unless the second may
    not start a line or the first may not end one."""
    points = {pos + 1 for pos, ch in enumerate(text) if ch == " "}
    for i in range(1, len(text)):
        prev, ch = text[i - 1], text[i]
        if (is_cjk(prev) or is_cjk(ch)) and ch not in NO_START and prev not in NO_END and not prev.isspace() and not ch.isspace():
            points.add(i)
    return sorted(points)


def _get(chunk: Any) -> list[int]:
    return break_points(chunk.text)


def _set(chunk: Any, value: list[int]) -> None:
    """pygame_gui assigns the space-only points of the current text: derived anyway."""


def enable() -> None:
    """Install the CJK-aware break points on pygame_gui's text chunks (idempotent)."""
    from pygame_gui.core.text.text_line_chunk import TextLineChunkFTFont

    if not isinstance(TextLineChunkFTFont.__dict__.get("split_points"), property):
        TextLineChunkFTFont.split_points = property(_get, _set, doc="Where this chunk's text may be cut (see game.linebreak).")  # type: ignore[assignment]
