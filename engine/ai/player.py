"""The AI player: one controller for any faction, at the level the game was set up with.

Each turn it reads the faction's intent (plans and personality, :mod:`engine.ai.plans`) and
the board (:mod:`engine.ai.situation`), answers what waits for it (event choices by
:mod:`engine.ai.choices`, offers, levies, dues and calls by :mod:`engine.ai.diplomacy`), makes
its own proposals, moves its armies (:mod:`engine.ai.military`), raises troops
(:mod:`engine.ai.recruitment`) and ends its turn. Every order it gives is legal when given:
each is checked with :func:`engine.legality.why_illegal` and applied to a scratch state in
turn (:func:`in_order`), so the list stays legal when the orders are given one after another.
"""

from __future__ import annotations

from engine import orders as o
from engine.ai.choices import choose
from engine.ai.diplomacy import Diplomacy
from engine.ai.garrisons import Garrisons
from engine.ai.levels import level_of
from engine.ai.military import Military
from engine.ai.plans import intent
from engine.ai.recruitment import Recruitment
from engine.ai.situation import Situation
from engine.apply import apply
from engine.legality import IllegalOrder, why_illegal
from engine.state import GameState


class AIPlayer:
    """The AI controller (see :class:`engine.ai.controller.Controller`)."""

    def orders(self, state: GameState, faction: str) -> list[o.Order]:
        out: list[o.Order] = []
        if why_illegal(state, o.EndTurn(faction)) is not None and not state.pending_for(faction):
            return out

        def add(order: o.Order) -> None:
            if order not in out:
                out.append(order)

        want = intent(state, faction)
        level = level_of(state)
        sit = Situation.of(state, faction)
        diplomacy = Diplomacy(state, faction, sit, want, level, add)
        for p in state.pending_for(faction):
            if p.kind == "event":
                add(choose(state, faction, p, want, level))
            else:
                add(diplomacy.answer(p))
        diplomacy.propose()
        garrisons = Garrisons(state, faction, sit, want, level, add)
        garrisons.run()
        Military(state, faction, sit, want, level, add, skip=garrisons.used).run()
        Recruitment(state, faction, sit, want, level, add).run()
        out = in_order(state, out)
        out.append(o.EndTurn(faction))
        return out


#: orders that only set what one army does this month: they change no other order's legality.
_TASKS = (o.Move, o.Hold, o.Besiege, o.Assault, o.Raid)


def in_order(state: GameState, orders: list[o.Order]) -> list[o.Order]:
    """The orders that stay legal when given one after another (an army merged away cannot
    march, the silver spent on one levy of troops is not there for the next). Each order is
    checked against a scratch state that the earlier ones have changed; one the rules would
    refuse is dropped, and so is a second task for the same army."""
    kept: list[o.Order] = []
    tasked: set[str] = set()
    w = state
    for order in orders:
        if isinstance(order, _TASKS):
            if order.army in tasked or why_illegal(w, order) is not None:
                continue
            tasked.add(order.army)
            kept.append(order)
            continue
        try:
            w, _ = apply(w, order)
        except IllegalOrder:
            continue
        kept.append(order)
    return kept
