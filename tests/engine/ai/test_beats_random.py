"""The AI at level normal beats a player who gives random legal orders.

How "beats" is measured (honestly, and the same way for both players): for each of 20 seeds,
one state of the mini scenario (tests/fixtures/mini: a steppe khanate, an empire and a kingdom,
each with a goal; the seed picks the state, in turn) is played twice from the same seed —
once by the AI, once by a player who each month answers what waits for it with random answers
and gives up to three orders drawn at random from ``legal_orders`` — with every other state
played by the AI both times, historical-events mode "off". The AI beats the random player in
that seed if its state ends with a higher goal score (``engine.goals.score``), or at equal
score holds more places, or at equal places has more resources: men under arms plus its
silver counted at the price of raising men (so that spending silver on troops is neither gain
nor loss). The AI must win at least 18 of the 20 games.
"""

from __future__ import annotations

import numpy as np

from engine import goals
from engine import orders as o
from engine.ai.controller import Controller
from engine.ai.player import AIPlayer
from engine.cli_simulate import run_campaign
from engine.legality import legal_orders, recruit_cost
from engine.rules.conditions import men_under_arms
from engine.scenario import Scenario
from engine.setup import new_game
from engine.state import GameState

GAMES = 20


class RandomPlayer:
    """Each turn: up to three orders drawn from ``legal_orders`` (answers first, as the rules
    require them before the turn can end), then the end of the turn. The generator is seeded
    by the test, so a game replays exactly."""

    def __init__(self, gen: np.random.Generator) -> None:
        self.gen = gen

    def orders(self, state: GameState, faction: str) -> list[o.Order]:
        legal = [x for x in legal_orders(state, faction) if not isinstance(x, o.EndTurn)]
        out: list[o.Order] = []
        answered: set[int] = set()
        for order in legal:  # every waiting decision gets a random answer
            pid = getattr(order, "pending", None)
            if pid is not None and pid not in answered:
                options = [x for x in legal if getattr(x, "pending", None) == pid]
                out.append(options[int(self.gen.integers(len(options)))])
                answered.add(pid)
        others = [x for x in legal if getattr(x, "pending", None) is None]
        for _ in range(3):
            if others:
                out.append(others[int(self.gen.integers(len(others)))])
        out.append(o.EndTurn(faction))
        return out


def outcome(final: GameState, faction: str) -> tuple[int, int, float]:
    """(goal score, places held, resources) of ``faction`` at the end."""
    points = goals.score(final, final=True)[faction].points
    places = sum(1 for p in final.places.values() if p.owner == faction)
    silver_as_men = final.polities[faction].treasury * 1000 / max(1, recruit_cost(final, 1000))
    return points, places, men_under_arms(final, faction) + silver_as_men


def play(scen: Scenario, seed: int, faction: str, player: Controller) -> tuple[int, int, float]:
    state = new_game(scen, seed=seed, historical_mode="off", ai_level="normal")
    ai = AIPlayer()
    controllers: dict[str, Controller] = {f: ai for f in scen.states}
    controllers[faction] = player
    final, _ = run_campaign(state, controllers)
    return outcome(final, faction)


def test_ai_beats_random_orders_in_nine_games_of_ten(mini_scen: Scenario) -> None:
    playable = list(mini_scen.playable)
    games = []
    for seed in range(1, GAMES + 1):
        state = playable[seed % len(playable)]
        by_ai = play(mini_scen, seed, state, AIPlayer())
        by_random = play(mini_scen, seed, state, RandomPlayer(np.random.Generator(np.random.PCG64(seed))))
        games.append((seed, state, by_ai > by_random, by_ai, by_random))
    won = sum(1 for g in games if g[2])
    lost = "; ".join(f"seed {s} {st}: AI {a} vs random {r}" for s, st, ok, a, r in games if not ok)
    assert won >= 18, f"the AI won {won} of {GAMES} ({lost})"
