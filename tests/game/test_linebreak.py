"""Chinese text wraps between characters (not only at spaces) with simple kinsoku rules, in
pygame_gui text boxes too: a run after a bold name fills the rest of its line."""

from __future__ import annotations

import pygame
import pygame_gui

from tests.game.conftest import make_app


def test_break_points_between_chinese_characters_but_not_before_closing_punctuation() -> None:
    from game.linebreak import break_points

    text = "都城（今银川）坐落，在黄河 west bank"
    points = break_points(text)
    assert text.index("城") + 1 in points  # between two Han characters
    assert text.index("（") in points and text.index("（") + 1 not in points  # no line ends with "（"
    assert text.index("）") not in points and text.index("，") not in points  # no line starts with "）" or "，"
    assert text.index("west") in points  # after a space, as before
    assert text.index("e") + 1 not in points  # never inside a Latin word


def _rows(box: pygame_gui.elements.UITextBox) -> list[tuple[int, str]]:
    rows = []
    for row in box.text_box_layout.layout_rows:
        text = "".join(getattr(item, "text", "") for item in row.items)
        rows.append((row.width, text))
    return rows


def test_a_chinese_run_after_bold_text_fills_the_line() -> None:
    app = make_app("zh")
    width = 300
    box = pygame_gui.elements.UITextBox("<b>卫绍王</b>" + "在将领中威望不高，都城中都大兴府人口近百万。" * 4, pygame.Rect(0, 0, width, 400),
                                        manager=app.manager, allow_split_dashes=False)
    rows = _rows(box)
    assert len(rows) >= 3
    assert rows[0][0] > 0.8 * (width - 20)  # the first line is full, not just the bold name
    assert not any(text.startswith(("，", "。")) for _, text in rows)
    tip = pygame_gui.elements.UITextBox("关闭简报，开始回合（Enter）" * 2, pygame.Rect(0, 0, 150, 200), manager=app.manager)
    assert not any("-" in text for _, text in _rows(tip))  # cut between characters, with no dashes
