"""A game being played in the window: the scenario, the current state, the order record, and
whose turn it is.

This is glue, not rules: every change goes through ``engine.apply.apply`` and every "may I"
through ``engine.legality``. The session only sequences turns the way a table of players
would: the human factions one after another (hotseat), then every AI faction through the
engine's baseline AI; the engine resolves the month when the last living faction ends its turn.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from engine import orders as o
from engine.ai.baseline import BaselineAI
from engine.ai.controller import run_faction
from engine.apply import apply
from engine.legality import legal_orders, why_illegal
from engine.scenario import Scenario
from engine.state import GameState, LogRecord, Pending

log = logging.getLogger(__name__)


@dataclass
class GameOptions:
    """What the new-game screen chose."""

    scenario_folder: Path
    overlays: tuple[Path, ...] = ()
    start: int | None = None
    humans: tuple[str, ...] = ()
    ai_level: str = "normal"
    turn_months: int = 1
    seed: int = 1
    historical_mode: str = "ai"


@dataclass
class Session:
    scenario: Scenario
    state: GameState
    #: Every order applied since the start, in order: with the setup, the game's record.
    orders: list[o.Order] = field(default_factory=list)
    overlays: tuple[Path, ...] = ()
    #: Humans who have read their briefing (it is shown before a faction's first turn).
    briefed: set[str] = field(default_factory=set)
    #: Per human: index into ``state.log`` where the results since their last turn begin.
    seen_log: dict[str, int] = field(default_factory=dict)
    _legal_cache: tuple[GameState, str, list[o.Order]] | None = None

    # ------------------------------------------------------------ starting
    @classmethod
    def start(cls, scenario: Scenario, options: GameOptions) -> "Session":
        """A new game (raises ``engine.setup.SetupError`` for a bad setup)."""
        from engine.setup import new_game

        state = new_game(
            scenario,
            start=options.start,
            seed=options.seed,
            humans=options.humans,
            turn_months=options.turn_months,
            historical_mode=options.historical_mode,
            ai_level=options.ai_level,
        )
        session = cls(scenario, state, overlays=options.overlays)
        session.seen_log = {h: 0 for h in state.setup.humans}
        return session

    # ------------------------------------------------------------ who plays
    @property
    def humans(self) -> tuple[str, ...]:
        return self.state.setup.humans

    def living_humans(self) -> list[str]:
        return [h for h in self.humans if self.state.polities[h].alive]

    @property
    def current(self) -> str | None:
        """The human whose turn it is: the first living human who has not ended the turn."""
        for h in self.living_humans():
            if h not in self.state.done:
                return h
        return None

    @property
    def over(self) -> bool:
        return self.state.over or not self.living_humans()

    # ------------------------------------------------------------ orders
    def legal(self, faction: str) -> list[o.Order]:
        """``legal_orders`` for the current state (cached until the state changes)."""
        cache = self._legal_cache
        if cache is not None and cache[0] is self.state and cache[1] == faction:
            return cache[2]
        orders = legal_orders(self.state, faction)
        self._legal_cache = (self.state, faction, orders)
        return orders

    def why(self, order: o.Order) -> str | None:
        return why_illegal(self.state, order)

    def apply(self, order: o.Order) -> list[LogRecord]:
        """Apply and record one order. Raises ``IllegalOrder`` (the state is then unchanged)."""
        self.state, records = apply(self.state, order)
        self.orders.append(order)
        return records

    def end_turn(self) -> str:
        """End the current human's turn. Returns what comes next: ``"next_human"`` (hand the
        seat over), ``"new_turn"`` (the AIs moved and the month was resolved) or ``"over"``."""
        start = self.state.date
        human = self.current
        if human is not None:
            mark = len(self.state.log)  # the reports of their next turn start here
            self.apply(o.EndTurn(human))
            self.seen_log[human] = mark
        if self.state.over:
            return "over"
        if self.state.date == start:  # the turn is still open: other humans, then the AIs
            if self.current is not None:
                return "next_human"
            self.run_ais()
        return "over" if self.over else "new_turn"

    def run_ais(self) -> None:
        """Every AI faction gives its orders for this turn through the engine's baseline AI;
        the last one to end its turn makes the engine resolve the month."""
        ai = BaselineAI()
        start_date = self.state.date
        for faction in self.state.alive():
            if self.state.over or self.state.date != start_date:
                break
            if faction in self.humans or faction in self.state.done:
                continue
            self.state, _ = run_faction(self.state, faction, ai, self.orders)
            if self.state.date == start_date:  # else its EndTurn closed the turn already
                self._finish_turn(faction)

    def _finish_turn(self, faction: str) -> None:
        """If the AI left a decision waiting (so that it could not end its turn), take its first
        legal answer and end the turn: a faulty AI must not stall the game."""
        for _ in range(50):
            if faction in self.state.done or self.state.over or not self.state.polities[faction].alive:
                return
            legal = legal_orders(self.state, faction)
            order = next((x for x in legal if isinstance(x, o.EndTurn)), None) or next(
                (x for x in legal if isinstance(x, (o.Answer, o.ChooseEvent))), None
            )
            if order is None:
                return
            log.warning("AI %s left %s; the game takes it", faction, order)
            self.apply(order)

    # ------------------------------------------------------------ reading
    def new_records(self, faction: str) -> list[LogRecord]:
        """What happened since ``faction`` last ended a turn (this turn's results)."""
        return self.state.log[self.seen_log.get(faction, 0):]

    def pending_for(self, faction: str) -> list[Pending]:
        return self.state.pending_for(faction)


