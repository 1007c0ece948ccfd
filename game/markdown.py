"""A small Markdown reader for briefings: headings, paragraphs, lists and **bold**, turned
into the HTML subset pygame_gui's text box understands.

Briefings may end with a spoiler section (what really happened); its heading names it
(Spoiler / 剧透 / 劇透), and it is hidden until the player asks for it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from game.linebreak import is_cjk

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


def _join(lines: list[str]) -> str:
    """The lines of one paragraph or list item as one line: a space between them, except
    between two Chinese characters (Chinese has no spaces between words)."""
    out = ""
    for line in lines:
        if out and not (is_cjk(out[-1]) and is_cjk(line[0])):
            out += " "
        out += line
    return out


def blocks(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """("p" or "li", text) blocks: paragraphs end at blank lines; a list item runs from its
    marker over the indented lines that continue it. Bold can thus span a line break."""
    out: list[tuple[str, list[str]]] = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append(("", []))
            continue
        item = re.match(r"^[-*+]\s+(.*)$", stripped)
        if item:
            out.append(("li", [item.group(1)]))
        elif out and out[-1][0] and (out[-1][0] == "p" or line[:1].isspace()):
            out[-1][1].append(stripped)  # the paragraph, or the list item it is indented under, goes on
        else:
            out.append(("p", [stripped]))
    return [(kind, _join(text)) for kind, text in out if kind]


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
        for kind, block in blocks(section.lines):
            parts.append(("•\u00a0" if kind == "li" else "") + inline(block))
    return "<br><br>".join(p for p in parts if p), has_spoiler
