"""The HTML report: one self-contained file (pictures embedded as base64), for screen and A4.

jinja2 with autoescape on for every template (file or string) and ``StrictUndefined``, so
scenario text with markup is shown as text and a missing value fails loudly instead of
printing nothing.
"""

from __future__ import annotations

import base64
from pathlib import Path

from reports.content import ReportContent

TEMPLATES = Path(__file__).resolve().parent / "templates"
HTML_LANG = {"zh": "zh-Hans", "zh_hant": "zh-Hant", "en": "en"}


def environment() -> "object":
    """The jinja2 environment reports use (autoescape everywhere, strict undefined)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(loader=FileSystemLoader(str(TEMPLATES)),
                       autoescape=select_autoescape(default=True, default_for_string=True),
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _data_uri(data: bytes | None, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}" if data else ""


def render(content: ReportContent) -> str:
    """The report as one HTML document."""
    env = environment()
    template = env.get_template("report.html.j2")  # type: ignore[attr-defined]
    return template.render(c=content, w=content.words, html_lang=HTML_LANG.get(content.lang, "en"),
                           territory_src=_data_uri(content.images.get("territory.png"), "image/png"),
                           map_src=_data_uri(content.images.get("map.jpg"), "image/jpeg"))
