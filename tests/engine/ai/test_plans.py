"""Plans in the scenario format and the intent the AI reads from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from engine.ai.personality import Traits
from engine.ai.plans import active_plans, intent
from engine.calendar import parse_month
from engine.scenario import Scenario, check_scenario, find_scenario, load_scenario
from engine.setup import new_game
from engine_testkit import MINI

PLANS = """\
plans:
  - id: steppe_raids
    state: steppe
    name: {zh: 南掠, en: Raid the south}
    when: {from: 1200-01, to: 1200-12}
    enemies: [empire]
    attack:
      - {place: capital_city, weight: 4}
      - {state: empire, weight: 2}
    elsewhere: 0.5
    traits: {aggression: 1.0}
    choices: []
  - id: steppe_later
    state: steppe
    name: {zh: 后计, en: Later}
    when: {from: 1200-06}
    attack:
      - {place: capital_city, weight: 1}
    traits: {caution: 0.9}
"""


def _mini_with(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "mini"
    shutil.copytree(MINI, folder)
    (folder / "ai.yaml").write_text(text, encoding="utf-8")
    header = folder / "scenario.yaml"
    lines = header.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("include"))
    if lines[at].strip().endswith("]"):
        lines[at] = lines[at].rstrip()[:-1] + ", ai.yaml]"
    else:
        lines.insert(at + 1, "  - ai.yaml")
    header.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_shipped_scenario_has_plans_for_every_playable_state() -> None:
    scen = load_scenario(find_scenario("jin_xia_1211"))
    assert {p.state for p in scen.plans} == set(scen.playable)


def test_plans_merge_into_one_intent(tmp_path: Path) -> None:
    scen = load_scenario(_mini_with(tmp_path, PLANS))
    state = new_game(scen, seed=1)
    state.date = parse_month("1200-07")
    assert [p.id for p in active_plans(state, "steppe")] == ["steppe_raids", "steppe_later"]
    want = intent(state, "steppe")
    assert want.enemies == frozenset({"empire"})
    assert want.attack_weight("capital_city", "empire") == 4.0  # the larger weight counts
    other = next(pid for pid, p in sorted(state.places.items()) if p.owner == "empire" and pid != "capital_city")
    assert want.attack_weight(other, "empire") == 2.0  # every place the state holds
    assert want.traits.aggression == 1.0 and want.traits.caution == 0.9  # both plans' changes
    state.date = parse_month("1201-01")
    later = intent(state, "steppe")
    assert later.enemies == frozenset() and later.traits.aggression == Traits.of(scen.states["steppe"].personality).aggression


def test_without_plans_the_intent_is_neutral(mini_scen: Scenario) -> None:
    want = intent(new_game(mini_scen, seed=1), "empire")
    assert not want.plans and want.attack_weight("capital_city", "steppe") == 1.0
    assert want.traits == Traits.of(mini_scen.states["empire"].personality)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("state: nobody", "unknown state 'nobody'"),
        ("enemies: [empire]\n    friends: [empire]", "both an enemy and a friend"),
        ("attack:\n      - {region: atlantis}", "unknown region 'atlantis'"),
        ("attack:\n      - {place: capital_city, region: north}", "exactly one of place, region or state"),
        ("attack:\n      - {place: capital_city, weight: 9}", "less than or equal to 5"),
        ("when: {from: 1300-01}", "outside the calendar"),
    ],
)
def test_bad_plans_are_reported(tmp_path: Path, bad: str, message: str) -> None:
    plan = "plans:\n  - id: p\n    state: steppe\n    name: {zh: 计, en: Plan}\n    when: {from: 1200-01}\n"
    key = bad.split(":")[0]
    plan = plan.replace(f"    {key}: steppe\n", "") if key == "state" else plan
    plan = plan.replace("    when: {from: 1200-01}\n", "") if key == "when" else plan
    scen, problems = check_scenario(_mini_with(tmp_path, plan + f"    {bad}\n"))
    assert scen is None
    assert any(message in p.message and "ai.yaml" in p.file for p in problems), [str(p) for p in problems]
