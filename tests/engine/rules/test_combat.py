"""Field battles: strength by troop kind and terrain, noise, losses, retreat or destruction."""

from __future__ import annotations

import numpy as np

from engine.rules import combat
from engine.rules.geography import may_enter
from engine.state import GameState, LogRecord, Treaty
from engine_testkit import Draws, clear_armies, kinds, put_army

CAVALRY = (20000, 0, 0, 0)
FOOT = (0, 0, 16000, 0)


def _battles(w: GameState, gen) -> list[LogRecord]:
    out: list[LogRecord] = []
    combat.battles(w, out, gen)
    return out


def test_cavalry_is_weaker_in_a_pass(duel: GameState) -> None:
    clear_armies(duel)
    horse = put_army(duel, "h", "red", "red_camp", CAVALRY)
    foot = put_army(duel, "f", "blue", "blue_city", FOOT)
    rules = duel.scen.rules
    in_pass = combat.army_field_power(duel, horse, "narrow_pass")
    in_open = combat.army_field_power(duel, horse, "open_village")
    assert in_pass < in_open
    assert in_pass / in_open == rules.cavalry_pass_penalty / rules.cavalry_open_bonus
    # foot soldiers fight the same in both
    assert combat.army_field_power(duel, foot, "narrow_pass") == combat.army_field_power(duel, foot, "open_village")


def _horse_against_foot(duel: GameState, place: str) -> tuple[GameState, list[LogRecord]]:
    clear_armies(duel)
    put_army(duel, "h", "red", place, CAVALRY)
    put_army(duel, "f", "blue", place, FOOT)
    out = _battles(duel, Draws(0.5))
    return duel, out


def test_horsemen_beat_foot_in_the_open_and_lose_in_the_pass(duel: GameState) -> None:
    # 20,000 riders against 16,000 foot, no commanders, neutral noise
    open_state, open_out = _horse_against_foot(duel.copy(), "open_village")
    pass_state, pass_out = _horse_against_foot(duel.copy(), "narrow_pass")
    assert next(r for r in open_out if r.kind == "battle").get("winner") == "h"
    assert next(r for r in pass_out if r.kind == "battle").get("winner") == "f"


def _win_rate(duel: GameState, strong: tuple[int, int, int, int], weak: tuple[int, int, int, int], trials: int) -> float:
    gen = np.random.Generator(np.random.PCG64(20240611))
    wins = 0
    for _ in range(trials):
        w = duel.copy()
        clear_armies(w)
        put_army(w, "a", "red", "open_village", strong)
        put_army(w, "b", "blue", "open_village", weak)
        out = _battles(w, gen)
        wins += next(r for r in out if r.kind == "battle").get("winner") == "a"
    return wins / trials


def test_the_stronger_army_wins_on_average(duel: GameState) -> None:
    assert _win_rate(duel, (0, 0, 12000, 0), (0, 0, 10000, 0), 300) > 0.7


def test_equal_armies_win_about_half_the_time(duel: GameState) -> None:
    assert 0.35 < _win_rate(duel, (0, 0, 10000, 0), (0, 0, 10000, 0), 300) < 0.65


def test_noise_can_upset_a_slightly_stronger_army(duel: GameState) -> None:
    # with battle_noise 0.2 a 10 % edge is not a certainty
    assert _win_rate(duel, (0, 0, 11000, 0), (0, 0, 10000, 0), 300) < 1.0


def test_loser_retreats_to_its_own_land_with_losses(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "open_village", (0, 0, 5000, 0), morale=80)
    put_army(duel, "b", "blue", "open_village", (0, 0, 20000, 0), morale=80)
    out = _battles(duel, Draws(0.5))
    battle = next(r for r in out if r.kind == "battle")
    assert (battle.get("winner"), battle.get("loser"), battle.place) == ("b", "r", "open_village")
    loser, winner = duel.armies["r"], duel.armies["b"]
    assert loser.place == "red_camp" and loser.task == "idle" and loser.path == ()
    assert loser.size == 5000 - battle.get("loser_losses") and loser.size < 5000
    assert winner.size == 20000 - battle.get("winner_losses")
    assert battle.get("loser_losses") > battle.get("winner_losses")
    assert loser.morale < 80 < winner.morale


def test_a_broken_army_is_destroyed(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "open_village", (0, 0, 600, 0))
    put_army(duel, "b", "blue", "open_village", (0, 0, 20000, 0))
    out = _battles(duel, Draws(0.5))
    assert "r" not in duel.armies
    assert kinds(out) == ["battle", "army_destroyed"]


def test_a_beaten_army_does_not_flee_into_neutral_land(duel: GameState) -> None:
    # At blue_city Red holds no neighbouring place; the one place not at war with Red is
    # neutral Grey's town, which Red's armies may not enter. The beaten army breaks.
    clear_armies(duel)
    put_army(duel, "r", "red", "blue_city", (0, 0, 5000, 0))
    put_army(duel, "b", "blue", "blue_city", (0, 0, 20000, 0))
    _battles(duel, Draws(0.5))
    if "r" in duel.armies:
        assert may_enter(duel, "red", duel.armies["r"].place), duel.armies["r"]


def test_armies_at_peace_do_not_fight(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "red_camp", (0, 0, 5000, 0))
    put_army(duel, "g", "grey", "red_camp", (0, 0, 5000, 0))
    before = dict(duel.armies)
    gen = Draws()
    assert _battles(duel, gen) == []
    assert duel.armies == before and gen.calls == 0


def test_every_warring_pair_at_a_place_is_settled(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r1", "red", "open_village", (0, 0, 4000, 0))
    put_army(duel, "r2", "red", "open_village", (0, 0, 4000, 0))
    put_army(duel, "b", "blue", "open_village", (0, 0, 6000, 0))
    _battles(duel, np.random.Generator(np.random.PCG64(7)))
    owners = {a.owner for a in duel.armies.values() if a.place == "open_village"}
    assert len(owners) <= 1


def test_morale_stays_in_bounds(duel: GameState) -> None:
    clear_armies(duel)
    put_army(duel, "r", "red", "open_village", (0, 0, 5000, 0), morale=15)
    put_army(duel, "b", "blue", "open_village", (0, 0, 20000, 0), morale=98)
    _battles(duel, Draws(0.5))
    assert 0 <= duel.armies["r"].morale <= 100 and duel.armies["b"].morale == 100


def test_a_beaten_army_may_fall_back_into_an_allys_land(duel: GameState) -> None:
    clear_armies(duel)
    duel.treaties["t"] = Treaty("t", "alliance", (("a", "grey"), ("b", "red")), duel.date)
    put_army(duel, "r", "red", "blue_city", (0, 0, 5000, 0))
    put_army(duel, "b", "blue", "blue_city", (0, 0, 20000, 0))
    _battles(duel, Draws(0.5))
    assert duel.armies["r"].place == "grey_town"
