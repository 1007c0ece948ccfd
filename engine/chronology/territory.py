"""Who held which place at the end of each month, rebuilt from the game log.

Every change of owner in the engine goes through :func:`engine.rules.politics.capture`, which
writes a ``capture`` record (taker, loser, place). Walking the log backwards from the final
state and undoing each capture gives the owners at the end of every month played — no replay,
no extra data in the state.
"""

from __future__ import annotations

from engine.state import GameState


def owners_by_month(state: GameState) -> dict[int, dict[str, str]]:
    """Month -> place -> owner at the end of that month, for every month played so far.

    A record dated ``m`` happened in month ``m`` (during its turn, its resolution, or when it
    opened), so the end of ``m`` is the state after every record dated ``m`` or earlier.
    """
    current = {pid: p.owner for pid, p in state.places.items()}
    captures = [r for r in state.log if r.kind == "capture" and r.place is not None and len(r.actors) >= 2]
    result: dict[int, dict[str, str]] = {}
    k = len(captures) - 1
    for month in range(state.date - 1, state.setup.start - 1, -1):
        while k >= 0 and captures[k].date > month:
            r = captures[k]
            current[r.place] = r.actors[1]  # type: ignore[index]
            k -= 1
        result[month] = dict(current)
    return dict(sorted(result.items()))


def places_held(state: GameState) -> tuple[list[int], dict[str, list[int]]]:
    """(months, state -> number of places held at the end of each of those months).

    Every state of the scenario has a series (zeros once it has fallen), in sorted id order.
    """
    by_month = owners_by_month(state)
    months = list(by_month)
    held = {sid: [sum(1 for o in by_month[m].values() if o == sid) for m in months] for sid in sorted(state.polities)}
    return months, held
