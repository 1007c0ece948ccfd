"""The seam shared by humans, the AI and replays: a controller gives a faction's orders.

``play_turn`` asks each living faction's controller for its orders and applies them through
the one entry point, so an AI turn is recorded exactly like a human's.
"""

from __future__ import annotations

from typing import Protocol, Sequence

from engine.apply import apply
from engine.legality import why_illegal
from engine.orders import EndTurn, Order
from engine.state import GameState, LogRecord


class Controller(Protocol):
    def orders(self, state: GameState, faction: str) -> Sequence[Order]:
        """The faction's orders for this turn, given the state (the AI may end with EndTurn)."""
        ...


def run_faction(state: GameState, faction: str, controller: Controller, record: list[Order]) -> tuple[GameState, list[LogRecord]]:
    """Apply one faction's orders for this turn; the turn is ended if the controller did not.

    Orders the state no longer allows (an earlier order of the same batch changed things)
    are skipped, never applied.
    """
    out: list[LogRecord] = []
    ended = False
    for order in controller.orders(state, faction):
        if why_illegal(state, order) is not None:
            continue
        state, recs = apply(state, order)
        record.append(order)
        out.extend(recs)
        if isinstance(order, EndTurn):
            ended = True
            break
    if not ended and faction not in state.done and why_illegal(state, EndTurn(faction)) is None:
        state, recs = apply(state, EndTurn(faction))
        record.append(EndTurn(faction))
        out.extend(recs)
    return state, out


def play_turn(state: GameState, controllers: dict[str, Controller], record: list[Order]) -> tuple[GameState, list[LogRecord]]:
    """Every living faction gives its orders and ends its turn; the months then resolve."""
    out: list[LogRecord] = []
    start_date = state.date
    for faction in state.alive():
        if state.over or state.date != start_date:
            break
        if faction in state.done or not state.polities[faction].alive:
            continue
        state, recs = run_faction(state, faction, controllers[faction], record)
        out.extend(recs)
    return state, out
