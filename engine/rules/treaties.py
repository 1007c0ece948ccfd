"""Treaty obligations over time: tribute and payments falling due, truces running out.

Dues become pending decisions for the payer (pay or withhold), answered by an order; what
withholding costs is the treaty type's breach rule.
"""

from __future__ import annotations

from engine.rules import politics
from engine.scenario import model as m
from engine.state import GameState, LogRecord, Pending


def month_start(w: GameState, out: list[LogRecord]) -> None:
    for tid in sorted(w.treaties):
        treaty = w.treaties.get(tid)
        if treaty is None:
            continue
        if treaty.until is not None and w.date >= treaty.until:
            politics.end_treaty(w, tid, out, reason="expired")
            continue
        elapsed = w.date - treaty.since
        if elapsed <= 0:
            continue
        for ob in w.scen.treaty_types[treaty.type].obligations:
            flow = ob.tribute if isinstance(ob, m.TributeOb) else ob.payment if isinstance(ob, m.PaymentOb) else None
            if flow is None or elapsed % flow.every:
                continue
            kind = "tribute" if isinstance(ob, m.TributeOb) else "payment"
            payer, payee = treaty.party(flow.from_), treaty.party(flow.to)
            silver = treaty.term("silver", flow.silver)
            grain = treaty.term("grain", flow.grain)
            w.pending.append(Pending(w.take_id(), "tribute", payer, other=payee, ref=tid, amount=silver,
                                     grain=grain, role=kind, date=w.date))


def levy_limit(w: GameState, treaty_id: str) -> tuple[str, str, int] | None:
    """(overlord, vassal, max men) if the treaty lets one party demand a levy."""
    treaty = w.treaties.get(treaty_id)
    if treaty is None:
        return None
    for ob in w.scen.treaty_types[treaty.type].obligations:
        if isinstance(ob, m.LevyOb):
            return treaty.party(ob.levy.by), treaty.party(ob.levy.from_), treaty.term("max_troops", ob.levy.max_troops)
    return None
