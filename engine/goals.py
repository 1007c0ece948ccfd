"""Each faction's goals: judging them in their month, and the score.

A goal (``goals.yaml``, :class:`engine.scenario.model.GoalDef`) gives its state ``points`` if
its condition holds *at* its ``by`` month, or at the end of the game when it has none. A dated
goal is about a moment ("Zhongdu still Jin at the end of 1215"), so it must be judged in that
month, not from the final state: :func:`track` runs as each month closes and writes the
outcome into ``state.goal_outcomes``, where it stays whatever happens later. :func:`score`
only reads.

Statuses:

* ``met`` / ``failed`` -- judged: the condition held / did not hold at the goal's month (for
  an undated goal, at the end of the game).
* ``pending`` -- not judged yet; ``holds_now`` tells whether it would be met today.
* ``void`` -- its month passed before this game began (a later bookmark), so it is neither
  won nor lost and counts for nothing.

A dated goal whose month lies after this game's last month (a game cut short with
``--until``) is judged with the undated ones at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

from engine.rules.conditions import holds
from engine.scenario.model import GoalDef
from engine.state import GameState

MET, FAILED, PENDING, VOID = "met", "failed", "pending", "void"


@dataclass(frozen=True, slots=True)
class GoalOutcome:
    goal: GoalDef
    status: str
    #: points won: the goal's points when met, else 0.
    points: int
    #: whether the condition holds in the state scored (a hint while the goal is pending).
    holds_now: bool
    #: the month the goal is (or was) judged in.
    due: int


@dataclass(frozen=True, slots=True)
class FactionScore:
    faction: str
    goals: tuple[GoalOutcome, ...]

    @property
    def points(self) -> int:
        """Points won so far (met goals only)."""
        return sum(g.points for g in self.goals)

    @property
    def possible(self) -> int:
        """The most this faction can score: every goal still in play with positive points met."""
        return sum(max(0, g.goal.points) for g in self.goals if g.status != VOID)

    @property
    def judged(self) -> int:
        return sum(1 for g in self.goals if g.status in (MET, FAILED))


def due_month(goal: GoalDef, state: GameState) -> int:
    """The month ``goal`` is judged in: its ``by`` date, or this game's last month."""
    end = state.setup.end
    return goal.by if goal.by is not None and goal.by <= end else end


def track(w: GameState) -> None:
    """Judge the goals that fall due in the month now closing (``w.date``, before the date moves
    on). Called once per month by :func:`engine.rules.month.resolve_month`; changes ``w``."""
    month = w.date
    for goal in sorted(w.scen.goals, key=lambda g: g.id):
        if goal.id not in w.goal_outcomes and due_month(goal, w) == month:
            w.goal_outcomes[goal.id] = holds(w, goal.condition)


def _outcome(goal: GoalDef, state: GameState, final: bool) -> GoalOutcome:
    due = due_month(goal, state)
    now = holds(state, goal.condition)
    judged = state.goal_outcomes.get(goal.id)
    if judged is None and final and due >= state.date:
        # the game ended before this goal's month closed (every human fell): judge it now
        judged = now
    if judged is None:
        # a month that closed without judging it came before this game began
        status = VOID if due < state.date else PENDING
    else:
        status = MET if judged else FAILED
    return GoalOutcome(goal, status, goal.points if status == MET else 0, now, due)


def score(state: GameState, final: bool | None = None) -> dict[str, FactionScore]:
    """Every state's goals and points, by state id (sorted), in the goals' file order.

    ``final`` (default: whether the game is over) judges the goals still open with the current
    state, for a game that ended early; a finished game has judged them all already.
    """
    final = state.over if final is None else final
    scen = state.scen
    out: dict[str, FactionScore] = {}
    for sid in sorted(scen.states):
        goals = tuple(_outcome(g, state, final) for g in scen.goals if g.state == sid)
        out[sid] = FactionScore(sid, goals)
    return out
