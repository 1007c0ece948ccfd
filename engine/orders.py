"""Orders: every action of a player, the AI or a replay, as a small frozen value.

Orders hold ids, never object references, so they serialise to JSON and replay exactly.
They are checked by :mod:`engine.legality` and applied by :func:`engine.apply.apply`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True, slots=True)
class Order:
    faction: str
    kind: ClassVar[str] = "order"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **asdict(self)}


@dataclass(frozen=True, slots=True)
class Move(Order):
    """March ``army`` to ``to`` along the quickest route (a standing order)."""

    army: str
    to: str
    kind: ClassVar[str] = "move"


@dataclass(frozen=True, slots=True)
class Hold(Order):
    """Stop marching, besieging or raiding."""

    army: str
    kind: ClassVar[str] = "hold"


@dataclass(frozen=True, slots=True)
class Besiege(Order):
    """Besiege the enemy place the army stands at (food runs down each month)."""

    army: str
    kind: ClassVar[str] = "besiege"


@dataclass(frozen=True, slots=True)
class Assault(Order):
    """Storm the walls of the enemy place the army stands at, this month."""

    army: str
    kind: ClassVar[str] = "assault"


@dataclass(frozen=True, slots=True)
class Raid(Order):
    """Plunder the enemy place's countryside each month (no siege needed)."""

    army: str
    kind: ClassVar[str] = "raid"


@dataclass(frozen=True, slots=True)
class Garrison(Order):
    """Leave ``amount`` men of the army in the garrison of the own place it stands at."""

    army: str
    amount: int
    kind: ClassVar[str] = "garrison"


@dataclass(frozen=True, slots=True)
class Muster(Order):
    """Lead ``amount`` men out of an own place's garrison as a field army."""

    place: str
    amount: int
    kind: ClassVar[str] = "muster"


@dataclass(frozen=True, slots=True)
class Recruit(Order):
    """Raise ``amount`` men of ``troop`` kind at an own place (silver and manpower)."""

    place: str
    troop: str
    amount: int
    kind: ClassVar[str] = "recruit"


@dataclass(frozen=True, slots=True)
class Merge(Order):
    """Join ``army`` into ``into`` (both at one place)."""

    army: str
    into: str
    kind: ClassVar[str] = "merge"


@dataclass(frozen=True, slots=True)
class MoveCapital(Order):
    place: str
    kind: ClassVar[str] = "move_capital"


@dataclass(frozen=True, slots=True)
class DeclareWar(Order):
    target: str
    kind: ClassVar[str] = "declare_war"


@dataclass(frozen=True, slots=True)
class ProposeTreaty(Order):
    """Offer a treaty of ``type`` to ``to``; the proposer takes ``role``."""

    to: str
    type: str
    role: str
    kind: ClassVar[str] = "propose_treaty"


@dataclass(frozen=True, slots=True)
class BreakTreaty(Order):
    treaty: str
    kind: ClassVar[str] = "break_treaty"


@dataclass(frozen=True, slots=True)
class DemandLevy(Order):
    """As overlord under ``treaty``, demand ``amount`` men from the vassal."""

    treaty: str
    amount: int
    kind: ClassVar[str] = "demand_levy"


@dataclass(frozen=True, slots=True)
class Answer(Order):
    """Answer a pending decision: accept (yes) or refuse (no) — an offer, a levy, a tribute
    falling due, an ally's call to arms."""

    pending: int
    accept: bool
    kind: ClassVar[str] = "answer"


@dataclass(frozen=True, slots=True)
class ChooseEvent(Order):
    """Take ``choice`` in the pending event ``pending``."""

    pending: int
    choice: str
    kind: ClassVar[str] = "choose_event"


@dataclass(frozen=True, slots=True)
class EndTurn(Order):
    kind: ClassVar[str] = "end_turn"


ORDER_TYPES: dict[str, type[Order]] = {
    cls.kind: cls
    for cls in (Move, Hold, Besiege, Assault, Raid, Garrison, Muster, Recruit, Merge, MoveCapital,
                DeclareWar, ProposeTreaty, BreakTreaty, DemandLevy, Answer, ChooseEvent, EndTurn)
}


def order_from_json(data: dict[str, Any]) -> Order:
    """Rebuild an order from :meth:`Order.to_json`.

    Raises:
        ValueError: unknown kind or fields.
    """
    data = dict(data)
    kind = data.pop("kind", None)
    cls = ORDER_TYPES.get(kind)  # type: ignore[arg-type]
    if cls is None:
        raise ValueError(f"unknown order kind {kind!r}")
    types = {f.name: f.type for f in fields(cls)}
    if set(data) != set(types):
        raise ValueError(f"order {kind!r} needs fields {sorted(types)}, got {sorted(data)}")
    for name, value in data.items():
        expected = _FIELD_TYPES[str(types[name])]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ValueError(f"order {kind!r}: field {name!r} must be {types[name]}, got {value!r}")
    return cls(**data)


_FIELD_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool}
