"""Raids: plunder carried off from an enemy place's countryside, which suffers for it."""

from __future__ import annotations

from engine.rules import raid
from engine.state import GameState, LogRecord
from engine_testkit import clear_armies, kinds, put_army

# blue_city: 500,000 people at prosperity 60 -> a haul of 5 x 50 x 0.6 = 150 silver
# (rules.raid_silver_per_10k = 5) while the riders can carry it.


def _raid(w: GameState) -> list[LogRecord]:
    out: list[LogRecord] = []
    raid.resolve(w, out)
    return out


def test_plunder_moves_to_the_raider_and_the_countryside_suffers(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "blue_city", (20000, 0, 0, 0), task="raid")
    red, blue = duel.polities["red"], duel.polities["blue"]
    city = duel.places["blue_city"]
    out = _raid(duel)
    record = next(r for r in out if r.kind == "raid")
    assert (record.actors, record.place, record.get("silver"), record.get("grain")) == (("red", "blue"), "blue_city", 150, 150)
    assert duel.polities["red"].treasury == red.treasury + 150
    assert duel.polities["red"].grain == red.grain + 75
    assert duel.polities["blue"].grain == blue.grain - 150
    assert duel.places["blue_city"].prosperity == city.prosperity - duel.scen.rules.raid_prosperity_loss
    assert duel.places["blue_city"].population < city.population
    assert duel.armies["r"].task == "raid"  # a raid goes on month after month


def test_a_small_band_carries_off_less(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "blue_city", (1000, 0, 0, 0), task="raid")
    record = next(r for r in _raid(duel) if r.kind == "raid")
    assert record.get("silver") == 1000 // 50 + 1


def test_the_victim_cannot_lose_grain_it_does_not_have(duel: GameState) -> None:
    clear_armies(duel)
    duel.set_polity("blue", grain=40)
    put_army(duel, "r", "red", "blue_city", (20000, 0, 0, 0), task="raid")
    record = next(r for r in _raid(duel) if r.kind == "raid")
    assert record.get("grain") == 40 and duel.polities["blue"].grain == 0


def test_prosperity_never_falls_below_zero(duel: GameState) -> None:
    clear_armies(duel)
    duel.set_place("blue_city", prosperity=5)
    put_army(duel, "r", "red", "blue_city", (20000, 0, 0, 0), task="raid")
    _raid(duel)
    assert duel.places["blue_city"].prosperity == 0


def test_no_raid_without_a_war(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "grey_town", (20000, 0, 0, 0), task="raid")
    before = (duel.polities["red"], duel.polities["grey"], duel.places["grey_town"])
    assert kinds(_raid(duel)) == []
    assert (duel.polities["red"], duel.polities["grey"], duel.places["grey_town"]) == before
    assert duel.armies["r"].task == "idle"
