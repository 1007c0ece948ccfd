"""The pygame_gui theme, built in code so that font sizes follow the UI scale.

Fonts are set explicitly for every element type and for both the ``en`` and ``zh`` theme
locales: pygame_gui picks a face by locale and would otherwise fall back to a Latin-only font.
"""

from __future__ import annotations

from typing import Any

from game.fonts import BOLD, REGULAR

# The palette: ink on dark lacquer, with a cinnabar accent.
BG = "#1d1f24"
PANEL = "#262a31"
PANEL_DARK = "#1a1c21"
TEXT = "#e8e2d0"
TEXT_DIM = "#9a968a"
ACCENT = "#a8322d"
ACCENT_HOVER = "#c2443c"
GOLD = "#c9a45c"

#: Base point sizes at UI scale 1.0.
SIZES = {"small": 13, "normal": 15, "large": 19, "title": 40, "heading": 22}


def font_size(kind: str, scale: float) -> int:
    return max(9, round(SIZES[kind] * scale))


def _font(size: int, bold: bool = False) -> list[dict[str, str]]:
    return [
        {
            "name": "noto_sans_sc",
            "locale": locale,
            "size": str(size),
            "bold": "1" if bold else "0",
            "regular_path": str(REGULAR),
            "bold_path": str(BOLD),
            "italic_path": str(REGULAR),
            "bold_italic_path": str(BOLD),
        }
        for locale in ("en", "zh")
    ]


def build_theme(scale: float) -> dict[str, Any]:
    """The theme dictionary for pygame_gui at UI ``scale``."""
    normal = font_size("normal", scale)
    small = font_size("small", scale)
    large = font_size("large", scale)
    colours = {
        "normal_bg": "#34393f",
        "hovered_bg": "#464c54",
        "disabled_bg": "#25282d",
        "selected_bg": ACCENT,
        "active_bg": ACCENT,
        "dark_bg": PANEL,
        "normal_text": TEXT,
        "hovered_text": "#ffffff",
        "selected_text": "#ffffff",
        "active_text": "#ffffff",
        "disabled_text": "#6d6a62",
        "normal_border": "#5a5f66",
        "hovered_border": GOLD,
        "disabled_border": "#34373c",
        "selected_border": GOLD,
        "active_border": GOLD,
        "link_text": GOLD,
        "link_hover": "#e8c98a",
        "link_selected": "#e8c98a",
        "text_cursor": "#ffffff",
    }
    return {
        "defaults": {"colours": colours},
        "button": {"font": _font(normal), "misc": {"shape": "rounded_rectangle", "shape_corner_radius": "4", "border_width": "1", "shadow_width": "0"}},
        "label": {"font": _font(normal), "colours": {"dark_bg": "#00000000"}},
        "text_box": {"font": _font(normal), "colours": {"dark_bg": PANEL_DARK, "normal_border": "#44484f"}, "misc": {"line_spacing": "1.1"}},
        "text_entry_line": {"font": _font(normal)},
        "drop_down_menu": {"font": _font(normal)},
        "selection_list": {"font": _font(normal)},
        "check_box": {"font": _font(normal)},
        "tool_tip": {"font": _font(small), "colours": {"dark_bg": "#101114", "normal_border": GOLD}},
        "tool_tip.text_box": {"font": _font(small), "colours": {"dark_bg": "#101114", "normal_border": GOLD}},
        "window": {"font": _font(normal), "colours": {"dark_bg": PANEL}},
        "window.#title_bar": {"font": _font(normal, True)},
        "panel": {"colours": {"dark_bg": PANEL, "normal_border": "#44484f"}},
        "#title": {"font": _font(font_size("title", scale), True), "colours": {"normal_text": GOLD}},
        "#heading": {"font": _font(font_size("heading", scale), True), "colours": {"normal_text": GOLD}},
        "#large": {"font": _font(large)},
        "#bold": {"font": _font(normal, True)},
        "#dim": {"font": _font(small), "colours": {"normal_text": TEXT_DIM}},
        "#small": {"font": _font(small)},
        "#accent": {"colours": {"normal_bg": ACCENT, "hovered_bg": ACCENT_HOVER}},
        "#topbar": {"colours": {"dark_bg": "#15171b"}},
        "#stats": {"misc": {"text_horiz_alignment": "left"}},
        "#row_heading": {"font": _font(normal, True), "colours": {"normal_text": GOLD}, "misc": {"text_horiz_alignment": "left"}},
        "#row_text": {"font": _font(small), "colours": {"normal_text": TEXT_DIM}, "misc": {"text_horiz_alignment": "left"}},
        "#map_panel": {"colours": {"dark_bg": "#1d2026ee"}},
    }


def preload_fonts(scale: float) -> list[dict[str, Any]]:
    """Font variants reached only through HTML tags (``<b>`` in small text), loaded up front so
    that pygame_gui does not load them mid-frame with a warning. The theme loads the rest."""
    return [{"name": "noto_sans_sc", "point_size": font_size("small", scale), "style": "bold"}]
