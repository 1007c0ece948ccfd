"""UI strings, briefing Markdown and the end screen's words."""

from __future__ import annotations

import re
from pathlib import Path

import pygame

from tests.game.conftest import ROOT
from tests.game.helpers import map_scene, start_mini


def test_the_three_languages_have_the_same_keys_and_fill_the_same_fields() -> None:
    from game import i18n

    zh, hant, en = i18n.keys("zh"), i18n.keys("zh_hant"), i18n.keys("en")
    assert zh == hant == en
    field = re.compile(r"\{(\w+)\}")
    for key in en:
        texts = [i18n._table(lang)[key] for lang in ("zh", "zh_hant", "en")]
        values = {name: "x" for text in texts for name in field.findall(text)}
        for text in texts:
            text.format(**values)  # a caller passes the same values in every language


def test_every_literal_key_used_in_the_code_exists() -> None:
    from game import i18n

    used: set[str] = set()
    for path in (ROOT / "game").rglob("*.py"):
        used |= set(re.findall(r"""\bt\(["']([a-z0-9_]+)["']""", path.read_text(encoding="utf-8")))
    keys = i18n.keys("en")
    prefixes = {k for k in used if k.endswith("_")}  # t("tip_" + key): some key must start so
    assert used - prefixes - keys == set()
    assert {p for p in prefixes if not any(k.startswith(p) for k in keys)} == set()


def test_briefing_markdown_hides_the_spoiler_section_until_asked() -> None:
    from game.markdown import to_html

    text = "# Jin\n\nYou rule **Jin**.\n\n- north\n- south\n\n## 剧透：历史\n\nZhongdu falls in 1215.\n"
    hidden, has = to_html(text, False, "(hidden)")
    assert has and "Zhongdu" not in hidden and "(hidden)" in hidden
    assert "<b>Jin</b>" in hidden and "•\u00a0north" in hidden
    shown, _ = to_html(text, True, "(hidden)")
    assert "Zhongdu falls in 1215." in shown
    assert to_html("Plain <text> & more", False, "")[0] == "Plain &lt;text&gt; &amp; more"


def test_briefing_markdown_joins_wrapped_lines_before_marking_them_up() -> None:
    from game.markdown import to_html

    text = ("Your ruler is **Xiangzong\n(襄宗) Li Anquan**, emperor.\n\n"
            "- **Jin** trades at **border\n  markets** (兰州 …).\n- Song: none.\n\n"
            "你统治的是\n大夏。\n")
    out, _ = to_html(text, False, "")
    assert "**" not in out
    assert "Your ruler is <b>Xiangzong (襄宗) Li Anquan</b>, emperor." in out
    assert "•\u00a0<b>Jin</b> trades at <b>border markets</b> (兰州 …).<br><br>•\u00a0Song: none." in out
    assert "你统治的是大夏。" in out  # no space between two lines of Chinese


def test_briefing_screen_toggles_spoilers(tmp_path: Path) -> None:
    from engine.scenario import load_scenario
    from game.scenes.briefing import BriefingScene
    from game.session import GameOptions, Session
    from tests.game.conftest import Driver, MINI, make_app

    app = make_app("zh")
    session = Session.start(load_scenario(MINI), GameOptions(MINI, humans=("steppe",)))
    session.scenario.briefings[("steppe", "zh")] = "# 草原\n\n**大汗**南下。\n\n## 剧透\n\n京城陷落。"
    done: list[bool] = []
    d = Driver(app)
    app.push(BriefingScene(app, session, "steppe", lambda: done.append(True)))
    d.frames(2)
    assert "京城陷落" not in d.top.body.html_text
    d.click(d.top.spoiler_button)
    assert "京城陷落" in d.top.body.html_text
    d.key(pygame.K_RETURN)
    assert done == [True] and "steppe" in session.briefed


def test_end_screen_shows_goals_and_holdings_in_each_language() -> None:
    from game.i18n import set_language
    from game.scenes.end import EndScene

    d = start_mini(("empire",))
    m = map_scene(d)
    m.show_end()
    d.frames(2)
    assert isinstance(d.top, EndScene)
    text = d.top.score_box.html_text
    assert "Hold the capital" in text and "✓" in text and "30 of 30 points" in text
    assert "The war in numbers" in d.top.tabs["log"].text
    d.app.set_language("zh")
    assert "守京城" in d.top.score_box.html_text and "得分 30／30" in d.top.score_box.html_text
    d.click(d.top.menu)
    assert type(d.top).__name__ == "TitleScene"
    set_language("en")


def test_engine_refusals_are_shown_in_the_players_language() -> None:
    from engine.scenario import load_scenario
    from game.i18n import set_language
    from game.words import reason_text
    from tests.game.conftest import MINI

    scen = load_scenario(MINI)
    set_language("zh")
    assert reason_text(scen, "you are not at war with steppe") == "未与草原交战"
    assert reason_text(scen, "not enough silver (10 of 100)") == "银两不足（需 100，现有 10）"
    assert reason_text(scen, "a reason the game has not met") == "a reason the game has not met"
    set_language("en")
    assert reason_text(scen, "you are not at war with steppe") == "you are not at war with Steppe Khanate"
