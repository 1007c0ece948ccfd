"""Resolving a month: the rules run in order, the date moves on, the new month opens."""

from __future__ import annotations

import numpy as np

from engine.rules.month import resolve_month
from engine.state import GameState, LogRecord
from engine_testkit import at_date, clear_armies, kinds, month, put_army


def _resolve(w: GameState) -> list[LogRecord]:
    out: list[LogRecord] = []
    resolve_month(w, out)
    return out


def test_an_army_that_marches_into_an_enemy_fights_the_same_month(duel: GameState) -> None:
    at_date(duel, "1200-07")
    clear_armies(duel)
    put_army(duel, "r", "red", "red_camp", (20000, 0, 0, 0), task="move", path=("open_village",))
    put_army(duel, "b", "blue", "open_village", (0, 0, 3000, 0))
    out = _resolve(duel)
    assert "battle" in kinds(out)
    assert "capture" not in kinds(out)  # the defenders stopped the march


def test_a_siege_whose_army_left_is_lifted_before_anything_else(duel: GameState) -> None:
    at_date(duel, "1200-07")
    duel.set_place("fortress", besieger="red", siege_months=3)
    out = _resolve(duel)
    assert kinds(out)[0] == "siege_lifted"
    assert duel.places["fortress"].besieger is None


def test_the_date_moves_on_and_the_new_month_opens(duel: GameState) -> None:
    assert duel.polities["red"].ruler == "red_khan"
    at_date(duel, "1200-02")
    out = _resolve(duel)  # 1200-03: the old khan dies (in-play history)
    assert duel.date == month("1200-03")
    assert "succession" in kinds(out) and duel.polities["red"].ruler == "red_heir"


def test_the_last_month_ends_the_game(duel: GameState) -> None:
    duel.date = duel.setup.end
    out = _resolve(duel)
    assert duel.over and kinds(out)[-1] == "game_over" and duel.date == duel.setup.end + 1


def test_the_generator_state_is_kept_after_the_draws(duel: GameState) -> None:
    at_date(duel, "1200-07")
    clear_armies(duel)
    put_army(duel, "r", "red", "open_village", (0, 0, 5000, 0))
    put_army(duel, "b", "blue", "open_village", (0, 0, 5000, 0))
    before = duel.generator()
    _resolve(duel)
    before.uniform(0.8, 1.2, size=2)  # the battle's two draws
    assert np.array_equal(duel.generator().random(3), before.random(3))


def test_a_siege_whose_besiegers_are_beaten_ends_that_month(duel: GameState) -> None:
    # Red besieges the fortress (no food, no garrison left); Blue's relief army destroys the
    # besiegers. The siege must not go on without them, let alone take the fortress.
    at_date(duel, "1200-07")
    clear_armies(duel)
    duel.set_place("fortress", garrison=0, food=1, besieger="red", siege_months=4)
    put_army(duel, "r", "red", "fortress", (0, 0, 2000, 0), task="besiege")
    put_army(duel, "b", "blue", "fortress", (0, 0, 20000, 0))
    out = _resolve(duel)
    assert "r" not in duel.armies and "battle" in kinds(out)
    fort = duel.places["fortress"]
    assert (fort.owner, fort.besieger) == ("blue", None)
    assert fort.food >= 1 and duel.armies["b"].place == "fortress"
