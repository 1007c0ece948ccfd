"""What a man of each kind is worth: horsemen rule open ground, engineers take walls."""

from __future__ import annotations

import pytest

from engine.rules.troops import field_power, morale_factor, skill_factor, wall_power

RIDERS, HEAVY, FOOT, ENGINEERS = (1000, 0, 0, 0), (0, 1000, 0, 0), (0, 0, 1000, 0), (0, 0, 0, 1000)


@pytest.mark.parametrize("terrain", ["plain", "steppe", "desert"])
def test_horsemen_outfight_foot_in_the_open(duel_scen, terrain: str) -> None:
    rules = duel_scen.rules
    assert field_power(RIDERS, terrain, False, rules) > field_power(FOOT, terrain, False, rules)
    assert field_power(HEAVY, terrain, False, rules) > field_power(RIDERS, terrain, False, rules)


@pytest.mark.parametrize("terrain, is_pass", [("mountains", False), ("plain", True), ("hills", True)])
def test_passes_and_mountains_blunt_every_horseman(duel_scen, terrain: str, is_pass: bool) -> None:
    rules = duel_scen.rules
    for horse in (RIDERS, HEAVY):
        assert field_power(horse, terrain, is_pass, rules) < field_power(horse, "plain", False, rules)
    assert field_power(FOOT, terrain, is_pass, rules) == field_power(FOOT, "plain", False, rules)


def test_hills_are_between_open_ground_and_passes(duel_scen) -> None:
    rules = duel_scen.rules
    assert (field_power(RIDERS, "mountains", False, rules) < field_power(RIDERS, "hills", False, rules)
            < field_power(RIDERS, "plain", False, rules))


def test_against_walls_horsemen_are_nearly_useless_and_engineers_best(duel_scen) -> None:
    rules = duel_scen.rules
    powers = [wall_power(t, 0, rules) for t in (RIDERS, HEAVY, FOOT, ENGINEERS)]
    assert powers == sorted(powers)
    assert powers[0] < powers[2] / 4


def test_siege_craft_makes_engineers_count_more(duel_scen) -> None:
    rules = duel_scen.rules
    by_skill = [wall_power(ENGINEERS, s, rules) for s in range(4)]
    assert by_skill == sorted(by_skill) and by_skill[0] < by_skill[3]
    assert [wall_power(FOOT, s, rules) for s in range(4)] == [wall_power(FOOT, 0, rules)] * 4


def test_skill_and_morale_factors_grow(duel_scen) -> None:
    assert [skill_factor(s, duel_scen.rules) for s in range(1, 6)] == sorted(skill_factor(s, duel_scen.rules) for s in range(1, 6))
    assert morale_factor(0) < morale_factor(50) < morale_factor(100) == 1.0
