"""Supply: attrition in enemy land, in northern winter sieges, and without grain."""

from __future__ import annotations

import pytest

from engine.rules import supply
from engine.state import GameState, LogRecord, Treaty
from engine_testkit import at_date, clear_armies, kinds, put_army

FOOT = (0, 0, 10000, 0)


def _attrition(w: GameState) -> list[LogRecord]:
    out: list[LogRecord] = []
    supply.attrition(w, out)
    return out


def _after(duel: GameState, place: str, when: str = "1200-07", task: str = "idle",
           troops: tuple[int, int, int, int] = FOOT) -> int:
    w = duel.copy()
    at_date(w, when)
    clear_armies(w)
    put_army(w, "a", "red", place, troops, task=task)
    _attrition(w)
    return w.armies["a"].size if "a" in w.armies else 0


def test_no_attrition_at_home(duel: GameState) -> None:
    assert _after(duel, "red_camp") == 10000


def test_attrition_in_enemy_land(duel: GameState) -> None:
    assert _after(duel, "open_village") == 10000 - int(10000 * duel.scen.rules.attrition_enemy_land)


def test_steppe_horsemen_live_off_the_land_better(duel: GameState) -> None:
    foot = _after(duel, "open_village", troops=(0, 0, 10000, 0))
    horse = _after(duel, "open_village", troops=(10000, 0, 0, 0))
    assert foot < horse < 10000


def test_no_attrition_in_a_treaty_partners_land(duel: GameState) -> None:
    duel.treaties["t"] = Treaty("t", "alliance", (("a", "grey"), ("b", "red")), duel.date)
    assert _after(duel, "grey_town") == 10000


@pytest.mark.parametrize("when", ["1200-12", "1201-01", "1201-02"])
def test_a_winter_siege_in_the_north_costs_more(duel: GameState, when: str) -> None:
    rules = duel.scen.rules
    summer = _after(duel, "fortress", "1200-07", task="besiege")  # fortress: 38.5 N
    winter = _after(duel, "fortress", when, task="besiege")
    assert summer == 10000 - int(10000 * rules.attrition_enemy_land)
    assert winter == 10000 - int(round(10000 * (rules.attrition_enemy_land + rules.winter_siege_attrition)))


def test_a_winter_siege_in_the_south_costs_no_more(duel: GameState) -> None:
    # south_port lies at 33.5 N, south of rules.north_latitude
    assert _after(duel, "south_port", "1201-01", task="besiege") == _after(duel, "south_port", "1200-07", task="besiege")


def test_an_idle_army_in_winter_does_not_pay_the_siege_cost(duel: GameState) -> None:
    assert _after(duel, "fortress", "1201-01") == _after(duel, "fortress", "1200-07")


def test_an_army_without_grain_wastes_away_even_at_home(duel: GameState) -> None:
    duel.set_polity("red", grain=0)
    assert _after(duel, "red_camp") == 10000 - int(10000 * duel.scen.rules.attrition_unsupplied)


def test_a_wasted_army_is_destroyed(duel: GameState) -> None:
    at_date(duel, "1200-07")
    clear_armies(duel)
    put_army(duel, "a", "red", "open_village", (0, 0, 300, 0))
    out = _attrition(duel)
    assert "a" not in duel.armies and kinds(out) == ["army_destroyed"]


def test_morale_recovers_at_home_and_falls_when_unpaid(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "a", "red", "red_camp", FOOT, morale=50)
    _attrition(duel)
    assert duel.armies["a"].morale == 55
    duel.set_polity("red", treasury=0)
    _attrition(duel)
    assert duel.armies["a"].morale < 55


def test_foot_soldiers_waste_away_on_foreign_steppe(duel: GameState) -> None:
    rules = duel.scen.rules

    def blue_at_red_camp(troops: tuple[int, int, int, int]) -> int:
        w = at_date(duel.copy(), "1200-07")
        clear_armies(w)
        put_army(w, "b", "blue", "red_camp", troops)  # red_camp: steppe
        _attrition(w)
        return w.armies["b"].size

    foot = blue_at_red_camp((0, 0, 10000, 0))
    riders = blue_at_red_camp((10000, 0, 0, 0))
    assert foot == 10000 - int(round(10000 * (rules.attrition_enemy_land + rules.attrition_steppe_foot)))
    assert riders == 10000 - int(round(10000 * rules.attrition_enemy_land / 2))
