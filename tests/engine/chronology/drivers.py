"""Test controllers that play a game along history, against it, or not at all.

They act only through orders, like any controller: answer what is pending, then end the turn.
"""

from __future__ import annotations

from typing import Sequence

from engine import orders as o
from engine.state import GameState


class Driver:
    """Takes each event's historical option unless ``overrides`` names another for that event;
    with ``historical=False`` takes a non-historical option everywhere. Pays tribute and sends
    levies when asked (a vassal's duty), refuses offers and calls to arms, moves no army —
    except that an army standing at an enemy place it is at war with besieges it."""

    def __init__(self, historical: bool = True, overrides: dict[str, str] | None = None, besiege: bool = True) -> None:
        self.historical = historical
        self.overrides = overrides or {}
        self.besiege = besiege

    def orders(self, state: GameState, faction: str) -> Sequence[o.Order]:
        out: list[o.Order] = []
        for p in state.pending_for(faction):
            if p.kind == "event":
                event = state.scen.events[p.ref]
                choice = self.overrides.get(event.id) or next(
                    (c.id for c in event.choices if c.historical == self.historical), event.choices[0].id)
                out.append(o.ChooseEvent(faction, p.id, choice))
            else:
                out.append(o.Answer(faction, p.id, p.kind in ("tribute", "levy")))
        if self.besiege:
            for army in state.armies_of(faction):
                owner = state.places[army.place].owner
                if army.task == "idle" and owner != faction and state.at_war(faction, owner):
                    out.append(o.Besiege(faction, army.id))
        out.append(o.EndTurn(faction))
        return out
