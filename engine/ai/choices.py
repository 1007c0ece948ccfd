"""Event choices by interest: the AI takes the choice whose future it likes best.

Each choice is tried on a cloned state (its effects applied exactly as the rules would), the
clone runs the level's look-ahead months, and :func:`engine.ai.evaluation.value` judges it.
A plan may favour a choice (``choices:`` in a plan); that weight is added to the judgement,
so a favoured choice that ruins the state still loses. Whether a choice is the historical one
plays no part: in historical-events mode "off" the AI decides freely, and in the other modes
the rules take history's choice before the AI is asked.
"""

from __future__ import annotations

from typing import Callable

from engine import orders as o
from engine.ai.evaluation import value
from engine.ai.levels import Level
from engine.ai.lookahead import best_of
from engine.ai.plans import Intent
from engine.rules.events import take_choice
from engine.state import GameState, LogRecord, Pending

#: value units one point of a plan's choice weight is worth.
PLAN_CHOICE = 10.0


def choose(state: GameState, faction: str, pending: Pending, intent: Intent, level: Level) -> o.ChooseEvent:
    """The faction's choice in the pending event (ties go to the choice listed first)."""
    event = state.scen.events[pending.ref]

    def taking(choice_id: str) -> Callable[[GameState], GameState]:
        def make(state_: GameState) -> GameState:
            w = state_.copy()
            w.pending = [p for p in w.pending if p.id != pending.id]
            scratch: list[LogRecord] = []
            take_choice(w, event, choice_id, scratch)
            return w
        return make

    options = [(c.id, taking(c.id)) for c in event.choices]
    scored = best_of(state, faction, options, lambda w: value(w, faction, intent), level.event_months)
    best_id, best_score = event.choices[0].id, float("-inf")
    for score, cid in scored:
        score += PLAN_CHOICE * intent.choice_weight(event.id, cid)
        if score > best_score + 1e-9:
            best_id, best_score = cid, score
    return o.ChooseEvent(faction, pending.id, best_id)
