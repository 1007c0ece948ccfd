"""Log records in words: every kind the engine emits has a sentence in every language."""

from __future__ import annotations

import ast

from engine.calendar import format_month
from engine.narrate import TEMPLATES, chronicle_line, describe
from engine.setup import new_game
from engine_testkit import ROOT, random_play

#: kinds built from a pattern (f"{kind}_paid", f"{kind}_withheld" for tribute and payments)
PATTERNED = {"tribute_paid", "tribute_withheld", "payment_paid", "payment_withheld"}


def _emitted_kinds() -> set[str]:
    kinds = set()
    for path in (ROOT / "engine").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "rec"
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
                kinds.add(node.args[1].value)
    return kinds | PATTERNED


def test_every_kind_the_engine_emits_has_a_template() -> None:
    emitted = _emitted_kinds()
    assert len(emitted) > 25
    assert emitted - set(TEMPLATES) == set()


def test_records_of_played_games_read_in_every_language(mini_scen, duel_scen) -> None:
    for scen, seed in ((mini_scen, 3), (duel_scen, 4)):
        state, _, _ = random_play(new_game(scen, seed=seed, historical_mode="off"), 250, seed=seed)
        assert len({r.kind for r in state.log}) > 8
        for record in state.log:
            for lang in ("en", "zh", "zh_hant"):
                text = describe(record, scen, lang)
                assert text and "{" not in text
                if record.kind in TEMPLATES:
                    assert not text.startswith(f"{record.kind}:"), text
            assert chronicle_line(record, scen).startswith(format_month(record.date))


def test_traditional_chinese_has_its_own_templates(mini_scen) -> None:
    from engine.state import rec
    state = new_game(mini_scen, seed=1)
    a, b = sorted(state.polities)[:2]
    record = rec(state.date, "war_declared", (a, b))
    assert "开战" in describe(record, mini_scen, "zh")
    assert "開戰" in describe(record, mini_scen, "zh_hant")
    for zh, hant, en in TEMPLATES.values():
        assert zh and hant and en


def test_a_record_without_the_data_its_template_names_gets_the_plain_form(mini_scen) -> None:
    """A scenario's ``log`` effect may write ``treaty_broken`` with actors only: no empty name."""
    from engine.state import rec
    state = new_game(mini_scen, seed=1)
    a = sorted(state.polities)[0]
    text = describe(rec(state.date, "treaty_broken", (a,)), mini_scen, "en")
    assert text.startswith("[treaty broken]") and not text.endswith("the ")
    assert describe(rec(state.date, "treaty_broken", (a,)), mini_scen, "zh_hant").startswith("【背約】")
