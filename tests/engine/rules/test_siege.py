"""Sieges (the food runs down, a starved garrison gives up) and assaults on walls."""

from __future__ import annotations

import numpy as np

from engine.rules import siege
from engine.state import GameState, LogRecord
from engine_testkit import Draws, clear_armies, kinds, put_army

# The duel's fortress: walls 5, garrison 5,000, food for 3 months; its defence in an assault
# is 5,000 x (1 + 0.6 x 5) = 20,000.


def _resolve(w: GameState, gen=None) -> list[LogRecord]:
    out: list[LogRecord] = []
    siege.resolve(w, out, gen if gen is not None else Draws())
    return out


def _besiege(duel: GameState, troops: tuple[int, int, int, int] = (0, 0, 20000, 0)) -> GameState:
    clear_armies(duel)
    put_army(duel, "r", "red", "fortress", troops, task="besiege")
    return duel


def test_a_siege_starts_and_the_food_runs_down(duel: GameState) -> None:
    w = _besiege(duel)
    out = _resolve(w)
    assert "siege_started" in kinds(out)
    fort = w.places["fortress"]
    assert (fort.besieger, fort.food, fort.siege_months, fort.garrison) == ("red", 2, 1, 5000)
    _resolve(w)
    fort = w.places["fortress"]
    assert (fort.food, fort.siege_months, fort.garrison) == (1, 2, 5000)


def test_a_starved_garrison_wastes_away_and_surrenders(duel: GameState) -> None:
    w = _besiege(duel)
    garrisons, surrendered_in = [], None
    for month_no in range(1, 13):
        out = _resolve(w)
        if "siege_ended" in kinds(out):
            surrendered_in = month_no
            ended = next(r for r in out if r.kind == "siege_ended")
            capture = next(r for r in out if r.kind == "capture")
            break
        garrisons.append(w.places["fortress"].garrison)
    # food lasts three months; then a quarter of the garrison is lost each month until it
    # is less than a tenth of the besiegers (5000, 3750, 2812, 2109, then 1581 < 2000)
    assert garrisons == [5000, 5000, 3750, 2812, 2109]
    assert surrendered_in == 6
    assert ended.get("how") == "starved" and ended.get("months") == 6
    assert (capture.actors, capture.get("how")) == (("red", "blue"), "surrender")
    fort = w.places["fortress"]
    assert (fort.owner, fort.besieger, fort.siege_months) == ("red", None, 0)
    # the taker leaves a tenth of its army (at most 5,000) to hold the place
    assert fort.garrison == 2000 and w.armies["r"].size == 18000 and w.armies["r"].task == "idle"


def test_a_garrison_with_food_does_not_surrender(duel: GameState) -> None:
    w = _besiege(duel, (0, 0, 200000, 0))
    w.set_place("fortress", food=40)
    for _ in range(12):
        assert "siege_ended" not in kinds(_resolve(w))
    assert w.places["fortress"].owner == "blue" and w.places["fortress"].garrison == 5000


def test_an_abandoned_siege_is_lifted(duel: GameState) -> None:
    w = _besiege(duel)
    _resolve(w)
    w.set_army("r", task="idle")
    out: list[LogRecord] = []
    siege.lift_abandoned_sieges(w, out)
    assert kinds(out) == ["siege_lifted"]
    assert (w.places["fortress"].besieger, w.places["fortress"].siege_months) == (None, 0)


def test_no_siege_without_a_war(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "grey_town", (0, 0, 20000, 0), task="besiege")
    out = _resolve(duel)
    assert kinds(out) == []
    assert duel.armies["r"].task == "idle" and duel.places["grey_town"].besieger is None


def _assault(duel: GameState, troops: tuple[int, int, int, int], gen, skill: int | None = None,
             commander: str | None = None) -> tuple[GameState, LogRecord]:
    clear_armies(duel)
    if skill is not None:
        duel.set_polity("red", siege_skill=skill)
    put_army(duel, "r", "red", "fortress", troops, task="assault", commander=commander)
    out = _resolve(duel, gen)
    return duel, next(r for r in out if r.kind == "assault")


def test_storming_high_walls_without_engineers_fails_even_with_luck(duel: GameState) -> None:
    # 15,000 foot: at best 15,000 x 1.08 x 1.2 = 19,440 against 20,000
    w, record = _assault(duel, (0, 0, 15000, 0), Draws(at=1.0))
    assert record.get("won") is False
    fort = w.places["fortress"]
    assert fort.owner == "blue" and 0 < fort.garrison < 5000
    assert record.get("losses") > 0 and w.armies["r"].size == 15000 - record.get("losses")
    assert w.armies["r"].task == "idle"


def test_horsemen_cannot_storm_walls(duel: GameState) -> None:
    gen = np.random.Generator(np.random.PCG64(3))
    for _ in range(20):
        _, record = _assault(duel.copy(), (40000, 0, 0, 0), gen)
        assert record.get("won") is False


def test_siege_skill_turns_a_failed_assault_into_a_success(duel: GameState) -> None:
    troops = (0, 0, 3000, 3000)  # 3,000 foot and 3,000 engineers
    _, unskilled = _assault(duel.copy(), troops, Draws(at=1.0), skill=0)
    _, skilled = _assault(duel.copy(), troops, Draws(at=0.0), skill=3)
    assert unskilled.get("won") is False  # at best (3,000 + 9,000) x 1.08 x 1.2 = 15,552
    assert skilled.get("won") is True  # at worst (3,000 + 27,000) x 1.08 x 0.8 = 25,920


def test_a_commanders_siege_skill_helps(duel: GameState) -> None:
    troops = (0, 0, 17000, 0)
    _, plain = _assault(duel.copy(), troops, Draws(0.5))
    _, led = _assault(duel.copy(), troops, Draws(0.5), commander="blue_general")  # siege 3
    assert plain.get("won") is False and led.get("won") is True


def test_a_successful_assault_takes_the_place(duel: GameState) -> None:
    w, record = _assault(duel, (0, 0, 40000, 0), Draws(0.5))
    assert record.get("won") is True
    fort = w.places["fortress"]
    assert (fort.owner, fort.besieger) == ("red", None)
    army = w.armies["r"]
    assert fort.garrison == min(5000, (40000 - record.get("losses")) // 10)
    assert army.size + fort.garrison == 40000 - record.get("losses")


def test_hunger_weakens_the_defenders(duel: GameState) -> None:
    troops = (0, 0, 15000, 0)  # 16,200 against 20,000 fed defenders, 12,000 starving ones
    _, fed = _assault(duel.copy(), troops, Draws(0.5))
    starving = duel.copy()
    starving.set_place("fortress", food=0)
    _, hungry = _assault(starving, troops, Draws(0.5))
    assert fed.get("won") is False and hungry.get("won") is True
