"""The AI never gives an illegal order.

Hypothesis picks a scenario, a bookmark, a seed, the AI level, the historical-events mode and
how many months the AIs play first; then every faction's orders for that turn must each be
legal at the moment they are given, one after another (``why_illegal`` is None and ``apply``
accepts them), and the list must end the faction's turn. Example counts are modest so the file
runs in well under a minute; raise ``max_examples`` locally to search harder.
"""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from engine import orders as o
from engine.ai.controller import play_turn
from engine.ai.player import AIPlayer
from engine.apply import apply
from engine.calendar import format_month
from engine.legality import why_illegal
from engine.scenario import Scenario, find_scenario, load_scenario
from engine.setup import AI_LEVELS, HISTORICAL_MODES, new_game
from engine.state import GameState
from engine_testkit import DUEL, MINI

SCENARIOS = {"jin_xia_1211": find_scenario("jin_xia_1211"), "mini": MINI, "duel": DUEL}


@lru_cache(maxsize=None)
def _scenario(name: str) -> Scenario:
    return load_scenario(SCENARIOS[name])


def assert_orders_legal(state: GameState, faction: str, orders: list[o.Order]) -> GameState:
    """Apply ``orders`` one after another; each must be legal when given."""
    assert orders, f"{faction} gave no orders"
    for order in orders:
        assert order.faction == faction, order
        reason = why_illegal(state, order)
        assert reason is None, f"{format_month(state.date)} {order}: {reason}"
        state, _ = apply(state, order)
    assert isinstance(orders[-1], o.EndTurn), "the AI must end its turn"
    return state


@settings(max_examples=24, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(SCENARIOS)),
    seed=st.integers(1, 10_000),
    level=st.sampled_from(AI_LEVELS),
    mode=st.sampled_from(HISTORICAL_MODES),
    bookmark=st.integers(0, 10),
    months=st.integers(0, 4),
)
def test_every_order_of_every_faction_is_legal(name: str, seed: int, level: str, mode: str, bookmark: int, months: int) -> None:
    scen = _scenario(name)
    marks = scen.header.calendar.bookmarks
    start = marks[bookmark % len(marks)].date if marks else scen.start
    state = new_game(scen, start=start, seed=seed, historical_mode=mode, ai_level=level)
    ai = AIPlayer()
    controllers = {f: ai for f in scen.states}
    for _ in range(months):
        if state.over:
            return
        state, _ = play_turn(state, controllers, [])
    note(f"{name} {format_month(state.date)} seed {seed} {level} {mode}")
    for faction in state.alive():
        if state.over or faction in state.done:
            continue
        orders = ai.orders(state, faction)
        state = assert_orders_legal(state, faction, list(orders))


def test_the_ai_answers_every_waiting_decision(mini_scen: Scenario) -> None:
    """A faction with decisions waiting answers them all, so it can end its turn."""
    ai = AIPlayer()
    for seed in range(1, 6):
        state = new_game(mini_scen, seed=seed, historical_mode="off")
        for _ in range(24):
            if state.over:
                break
            for faction in state.alive():
                if faction in state.done or state.over:
                    continue
                waiting = {p.id for p in state.pending_for(faction)}
                orders = ai.orders(state, faction)
                answered = {getattr(x, "pending") for x in orders if isinstance(x, (o.Answer, o.ChooseEvent))}
                assert waiting <= answered, (format_month(state.date), faction, waiting - answered)
                state = assert_orders_legal(state, faction, list(orders))
