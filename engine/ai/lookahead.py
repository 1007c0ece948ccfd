"""Look-ahead: try a decision on a cloned state and let a few months run.

The clone (``GameState.copy``, cheap and copy-on-write) resolves its months with the rules
themselves, every army keeping its standing orders. The clone's dice are reseeded from the
game's seed, the month and the faction: the AI imagines a future, it never peeks at the real
one (the game's own generator state is never used ahead of time).
"""

from __future__ import annotations

import hashlib
from typing import Callable

from engine.rules import month
from engine.state import GameState, LogRecord, seeded_rng


def imagined_seed(state: GameState, faction: str, salt: str = "") -> int:
    """A seed for imagined futures, fixed by the game's seed, the month and the faction."""
    text = f"{state.setup.seed}:{state.date}:{faction}:{salt}".encode()
    return int.from_bytes(hashlib.sha256(text).digest()[:8], "little")


def simulate(state: GameState, faction: str, months: int, seed: int | None = None) -> GameState:
    """A clone of ``state`` after ``months`` months of resolution with no new orders.

    Decisions left waiting stay waiting (events do not fire twice), so only what the rules do
    by themselves happens: marches, battles, sieges, raids, attrition, income, dated history
    and events whose choice the setup forces.
    """
    w = state.copy()
    if months <= 0:
        return w
    w.rng = seeded_rng(imagined_seed(state, faction) if seed is None else seed)
    scratch: list[LogRecord] = []
    for _ in range(months):
        if w.over:
            break
        month.resolve_month(w, scratch)
    return w


def best_of(state: GameState, faction: str, options: list[tuple[str, Callable[[GameState], GameState]]],
            judge: Callable[[GameState], float], months: int) -> list[tuple[float, str]]:
    """Score each option: make it on the state, run ``months`` months, judge the result.

    Args:
        options: (name, make) pairs; ``make`` returns the state after the decision (it must
            not change the state it is given).
        judge: the value of a resulting state to the faction.
        months: months to run after the decision (0: judge the decision at once).

    Returns:
        (score, name) for every option, in the order given. All options share one imagined
        future (one seed), so they differ only by the decision.
    """
    seed = imagined_seed(state, faction, "options")
    scored: list[tuple[float, str]] = []
    for name, make in options:
        w = simulate(make(state), faction, months, seed)
        scored.append((judge(w), name))
    return scored
