"""A small Markdown reader for briefings: headings, paragraphs, lists and **bold**, turned
into the HTML subset pygame_gui's text box understands.

Briefings may end with a spoiler section (what really happened); its heading names it
(Spoiler / 剧透 / 劇透), and it is hidden until the player asks for it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

SPOILER_WORDS = ("spoiler", "剧透", "劇透")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?!\*)")


@dataclass(frozen=True)
class Section:
    heading: str
    level: int
    lines: tuple[str, ...]

    @property
    def spoiler(self) -> bool:
        low = self.heading.lower()
        return any(word in low for word in SPOILER_WORDS)


def sections(text: str) -> list[Section]:
    """Split Markdown at headings (text before the first heading is a section with no heading)."""
    out: list[Section] = []
    heading, level, lines = "", 0, []
    for raw in text.splitlines():
        m = re.match(r"^(#{1,6})\s+(.*)$", raw)
        if m:
            if heading or any(line.strip() for line in lines):
                out.append(Section(heading, level, tuple(lines)))
            heading, level, lines = m.group(2).strip(), len(m.group(1)), []
        else:
            lines.append(raw)
    if heading or any(line.strip() for line in lines):
        out.append(Section(heading, level, tuple(lines)))
    return out


def inline(text: str) -> str:
    """Escape and mark up one line's inline Markdown."""
    out = html.escape(text, quote=False)
    out = _BOLD.sub(r"<b>\1</b>", out)
    return _ITALIC.sub(r"\1", out)  # no CJK italic face exists: emphasis stays upright


def to_html(text: str, show_spoilers: bool, hidden_note: str) -> tuple[str, bool]:
    """The briefing as text-box HTML; also whether it has a spoiler section."""
    parts: list[str] = []
    has_spoiler = False
    for section in sections(text):
        if section.heading:
            parts.append(f"<b>{inline(section.heading)}</b>")
        if section.spoiler:
            has_spoiler = True
            if not show_spoilers:
                parts.append(html.escape(hidden_note))
                continue
        paragraph: list[str] = []
        for line in section.lines:
            stripped = line.strip()
            if not stripped:
                if paragraph:
                    parts.append(" ".join(paragraph))
                    paragraph = []
                continue
            if re.match(r"^[-*+]\s+", stripped):
                if paragraph:
                    parts.append(" ".join(paragraph))
                    paragraph = []
                parts.append("•\u00a0" + inline(re.sub(r"^[-*+]\s+", "", stripped)))
            else:
                paragraph.append(inline(stripped))
        if paragraph:
            parts.append(" ".join(paragraph))
    return "<br><br>".join(p for p in parts if p), has_spoiler
