"""Helpers for the engine tests (the fixtures are in conftest.py).

Two scenarios: ``mini`` (tests/fixtures/mini, three states, every construct) and ``duel``
(tests/fixtures/duel, Red and Blue at war beside a walled fortress, neutral Grey between them;
its numbers are chosen so rule tests can predict outcomes). Rule tests build the exact state
they need from a fresh game with the ``set_*`` helpers and call one rule on a working copy.

Randomness is pinned by injection: :class:`Draws` stands in for the numpy ``Generator`` where a
test needs one exact draw; statistical tests pass a seeded ``numpy.random.Generator``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable

import numpy as np
from pydantic import TypeAdapter

from engine import orders as o
from engine.apply import apply
from engine.calendar import parse_month
from engine.legality import legal_orders
from engine.scenario import Scenario
from engine.scenario import model as m
from engine.state import Army, GameState, LogRecord

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
DUEL = ROOT / "tests" / "fixtures" / "duel"

_CONDITION = TypeAdapter(m.Condition)
_EFFECT = TypeAdapter(m.Effect)


def _tuples(value: Any) -> Any:
    """Lists to tuples, as the scenario YAML reader builds them (the models are strict)."""
    if isinstance(value, list):
        return tuple(_tuples(v) for v in value)
    if isinstance(value, dict):
        return {k: _tuples(v) for k, v in value.items()}
    return value


def cond(data: dict[str, Any]) -> Any:
    """A condition model from its YAML shape, e.g. ``cond({"flag": "x"})``."""
    return _CONDITION.validate_python(_tuples(data))


def eff(data: dict[str, Any]) -> Any:
    """An effect model from its YAML shape, e.g. ``eff({"set_flag": "x"})``."""
    return _EFFECT.validate_python(_tuples(data))


def build(cls: Any, data: dict[str, Any]) -> Any:
    """A scenario model (e.g. ``HistoryDef``) from its YAML shape."""
    return cls.model_validate(_tuples(data))


def month(text: str) -> int:
    return parse_month(text)


class Draws:
    """A stand-in for ``numpy.random.Generator`` that returns fixed draws.

    ``uniform(lo, hi)`` returns the point ``at`` of the way from lo to hi (0.5: the middle, so
    battle and assault noise is neutral; 1.0: the luckiest draw); ``random()`` returns
    ``random``. Records how many draws were taken.
    """

    def __init__(self, at: float = 0.5, random: float = 0.5) -> None:
        self.at = at
        self.value = random
        self.calls = 0

    def uniform(self, lo: float, hi: float) -> float:
        self.calls += 1
        return lo + self.at * (hi - lo)

    def random(self) -> float:
        self.calls += 1
        return self.value


def with_rules(scen: Scenario, **changes: Any) -> Scenario:
    """The scenario with some rule coefficients changed (a new, equally immutable object)."""
    return dataclasses.replace(scen, rules=scen.rules.model_copy(update=changes))


def put_army(w: GameState, aid: str, owner: str, place: str, troops: tuple[int, int, int, int],
             task: str = "idle", commander: str | None = None, morale: int = 80,
             path: tuple[str, ...] = ()) -> Army:
    """Place an army in the working state (replacing one of the same id)."""
    army = Army(aid, owner, place, troops, commander, morale, task, path, 0)
    w.armies[aid] = army
    return army


def clear_armies(w: GameState) -> None:
    w.armies = {}


def at_date(w: GameState, text: str) -> GameState:
    w.date = parse_month(text)
    return w


def kinds(records: list[LogRecord]) -> list[str]:
    return [r.kind for r in records]


def end_month(state: GameState) -> GameState:
    """Every living faction ends its turn (answering nothing): the month resolves."""
    for f in state.alive():
        if f not in state.done and not state.over:
            state, _ = apply(state, o.EndTurn(f))
    return state


def choose_order(legal: list[o.Order], pick: Callable[[int], int]) -> o.Order:
    """One of ``legal``, chosen by ``pick(n)`` (an index below n): half the time the turn ends
    when it may, otherwise an order kind is picked first and then an order of that kind, so
    rare kinds (answers, levies, war) come up as often as the many moves and recruits."""
    by_kind: dict[str, list[o.Order]] = {}
    for order in legal:
        by_kind.setdefault(order.kind, []).append(order)
    if "end_turn" in by_kind and pick(2) == 0:
        return by_kind["end_turn"][0]
    group = by_kind[sorted(by_kind)[pick(len(by_kind))]]
    return group[pick(len(group))]


def random_play(state: GameState, steps: int, seed: int) -> tuple[GameState, list[o.Order], list[GameState]]:
    """A game of random legal orders from ``state``, driven by a seeded numpy generator:
    the final state, the orders given and every state passed through."""
    gen = np.random.Generator(np.random.PCG64(seed))

    def pick(n: int) -> int:
        return int(gen.integers(n))

    orders: list[o.Order] = []
    seen: list[GameState] = []
    for _ in range(steps):
        factions = [f for f in state.alive() if f not in state.done]
        if state.over or not factions:
            break
        order = choose_order(legal_orders(state, factions[pick(len(factions))]), pick)
        state, _ = apply(state, order)
        orders.append(order)
        seen.append(state)
    return state, orders, seen
