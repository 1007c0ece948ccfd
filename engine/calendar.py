"""Month arithmetic.

The engine ticks in whole months. A month is stored as one int, ``year * 12 + (month - 1)``,
so that comparing, adding and ranging dates is integer arithmetic and saves stay small.
Scenario files write months as ``YYYY-MM`` (a day may follow, ``YYYY-MM-DD``, for the
chronology; the engine keeps only the month).
"""

from __future__ import annotations

import re

_MONTH_RE = re.compile(r"^(\d{3,4})-(\d{2})(?:-(\d{2}))?$")

#: JSON-schema pattern for a month written in a scenario file.
MONTH_PATTERN = r"^\d{3,4}-\d{2}(-\d{2})?$"

SEASONS = ("winter", "spring", "summer", "autumn")


def parse_month(text: str) -> int:
    """Parse ``YYYY-MM`` or ``YYYY-MM-DD`` into a month index.

    Raises:
        ValueError: the text is not a valid month.
    """
    m = _MONTH_RE.match(text)
    if not m:
        raise ValueError(f"expected a month written YYYY-MM, got {text!r}")
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 01..12, got {text!r}")
    if m.group(3) is not None and not 1 <= int(m.group(3)) <= 31:
        raise ValueError(f"day must be 01..31, got {text!r}")
    return year * 12 + month - 1


def format_month(index: int) -> str:
    """The ``YYYY-MM`` text of a month index."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def year_of(index: int) -> int:
    return index // 12


def month_of(index: int) -> int:
    """Calendar month 1..12."""
    return index % 12 + 1


def season_of(index: int) -> str:
    """Meteorological season: winter is Dec-Feb, spring Mar-May, summer Jun-Aug, autumn Sep-Nov."""
    return SEASONS[(month_of(index) % 12) // 3]
