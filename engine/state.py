"""The game state: plain data, copied on write.

Entries (places, armies, polities, treaties) are frozen dataclasses; the containers are dicts
and lists. :func:`engine.apply.apply` never changes the state it is given: it works on
:meth:`GameState.copy` (new containers, shared frozen entries) and replaces the entries it
changes. That keeps a copy cheap (a few dict copies), so the AI and what-if runs can fork
states freely. All randomness comes from the generator state stored in ``rng`` (numpy PCG64).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

import numpy as np

Troops = tuple[int, int, int, int]  # steppe_cavalry, heavy_cavalry, infantry, siege
NO_TROOPS: Troops = (0, 0, 0, 0)


def troops_total(t: Troops) -> int:
    return t[0] + t[1] + t[2] + t[3]


def troops_add(a: Troops, b: Troops) -> Troops:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])


def troops_scale(t: Troops, factor: float) -> Troops:
    """Each kind times ``factor``, rounded down, never below zero."""
    return (max(0, int(t[0] * factor)), max(0, int(t[1] * factor)), max(0, int(t[2] * factor)), max(0, int(t[3] * factor)))


def troops_take(t: Troops, amount: int) -> tuple[Troops, Troops]:
    """Take exactly ``amount`` men (at most all) from ``t``, each kind in proportion; returns
    (taken, left). Rounding goes by largest remainder, so no man is lost or made."""
    total = troops_total(t)
    amount = max(0, min(amount, total))
    if total == 0 or amount == 0:
        return NO_TROOPS, t
    shares = [n * amount / total for n in t]
    taken = [int(x) for x in shares]
    order = sorted(range(4), key=lambda i: (-(shares[i] - taken[i]), i))
    for i in order[: amount - sum(taken)]:
        taken[i] += 1
    took: Troops = (taken[0], taken[1], taken[2], taken[3])
    return took, (t[0] - took[0], t[1] - took[1], t[2] - took[2], t[3] - took[3])


@dataclass(frozen=True, slots=True)
class Setup:
    """How this game was set up; fixed for the whole game."""

    scenario: str
    seed: int
    start: int
    end: int
    turn_months: int = 1
    humans: tuple[str, ...] = ()
    #: "off": nobody gets history's choices forced; "ai": AI factions take them; "all": everyone.
    historical_mode: str = "ai"
    ai_level: str = "normal"


@dataclass(frozen=True, slots=True)
class Polity:
    id: str
    treasury: int
    grain: int
    manpower: int
    legitimacy: int
    ruler: str | None
    heir: str | None
    capital: str | None
    siege_skill: int
    alive: bool = True
    #: states this one may attack without losing legitimacy (a broken treaty gave cause).
    casus_belli: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    owner: str
    garrison: int
    walls: int
    population: int
    prosperity: int
    food: int
    #: the state besieging it, if any.
    besieger: str | None = None
    siege_months: int = 0


@dataclass(frozen=True, slots=True)
class Army:
    id: str
    owner: str
    place: str
    troops: Troops
    commander: str | None = None
    morale: int = 80
    #: "idle", "move", "besiege", "assault", "raid".
    task: str = "idle"
    #: the places still to walk through, the next one first.
    path: tuple[str, ...] = ()
    #: days already marched towards ``path[0]``.
    progress: int = 0

    @property
    def size(self) -> int:
        return troops_total(self.troops)


@dataclass(frozen=True, slots=True)
class Treaty:
    id: str
    type: str
    #: (role, state) pairs in the type's role order.
    parties: tuple[tuple[str, str], ...]
    since: int
    until: int | None = None
    #: overriding numbers (silver, grain, max_troops, income, legitimacy, target).
    terms: tuple[tuple[str, Any], ...] = ()

    def party(self, role: str) -> str:
        for r, s in self.parties:
            if r == role:
                return s
        raise KeyError(role)

    def role_of(self, state: str) -> str | None:
        for r, s in self.parties:
            if s == state:
                return r
        return None

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(s for _, s in self.parties)

    def term(self, name: str, default: Any) -> Any:
        for k, v in self.terms:
            if k == name:
                return v
        return default


@dataclass(frozen=True, slots=True)
class Pending:
    """A decision waiting for ``faction``: an event's choice, a treaty offer, a levy demand,
    a tribute or payment falling due, or a call to arms from an ally."""

    id: int
    kind: str  # "event", "offer", "levy", "tribute", "call"
    faction: str
    other: str | None = None
    ref: str | None = None  # event id, treaty id or treaty type
    amount: int = 0
    grain: int = 0
    #: for offers: the role the proposer takes.
    role: str | None = None
    date: int = 0


@dataclass(frozen=True, slots=True)
class LogRecord:
    """One change of note, as structured data; ``game/`` and the reports turn it into words."""

    date: int
    kind: str
    actors: tuple[str, ...] = ()
    place: str | None = None
    data: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        for k, v in self.data:
            if k == key:
                return v
        return default


def rec(date: int, kind: str, actors: tuple[str, ...] | list[str] = (), place: str | None = None, **data: Any) -> LogRecord:
    """Build a :class:`LogRecord` (data keys sorted, so equal records compare equal)."""
    return LogRecord(date, kind, tuple(actors), place, tuple(sorted(data.items())))


@dataclass(slots=True)
class GameState:
    """Everything that changes during a game."""

    setup: Setup
    date: int
    polities: dict[str, Polity]
    places: dict[str, Place]
    armies: dict[str, Army]
    treaties: dict[str, Treaty]
    wars: set[tuple[str, str]]
    flags: set[str]
    #: commanders dead or retired.
    commanders_gone: set[str]
    #: event id -> the choice taken ("" for events without choices).
    fired: dict[str, str]
    pending: list[Pending]
    log: list[LogRecord]
    #: factions that have ended the current turn.
    done: set[str]
    rng: dict[str, Any]
    next_id: int = 1
    #: months left in the current turn (a season turn is three months).
    months_left: int = 1
    over: bool = False
    #: orders applied so far; with the seed, the game's whole record.
    order_count: int = 0
    #: milestone id -> runs (first, last) of months at whose end its condition held, looked at
    #: only inside the milestone's observation window (see :mod:`engine.chronology.milestones`).
    milestones_seen: dict[str, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    #: goal id -> whether its condition held in the month it was judged (see :mod:`engine.goals`).
    goal_outcomes: dict[str, bool] = field(default_factory=dict)
    #: the immutable definitions this game is played on (shared, never saved or hashed).
    scen: Any = field(default=None, repr=False, compare=False)

    def copy(self) -> "GameState":
        """A copy whose containers are new; entries are frozen and shared."""
        return GameState(
            setup=self.setup,
            date=self.date,
            polities=dict(self.polities),
            places=dict(self.places),
            armies=dict(self.armies),
            treaties=dict(self.treaties),
            wars=set(self.wars),
            flags=set(self.flags),
            commanders_gone=set(self.commanders_gone),
            fired=dict(self.fired),
            pending=list(self.pending),
            log=list(self.log),
            done=set(self.done),
            rng=self.rng,
            next_id=self.next_id,
            months_left=self.months_left,
            over=self.over,
            order_count=self.order_count,
            milestones_seen=dict(self.milestones_seen),
            goal_outcomes=dict(self.goal_outcomes),
            scen=self.scen,
        )

    # ---------------------------------------------------------------- helpers

    def generator(self) -> np.random.Generator:
        """A generator positioned at the stored state; store it back with :meth:`keep_rng`."""
        bits = np.random.PCG64()
        bits.state = _rng_from_json(self.rng)
        return np.random.Generator(bits)

    def keep_rng(self, gen: np.random.Generator) -> None:
        self.rng = _rng_to_json(gen.bit_generator.state)

    def take_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def at_war(self, a: str, b: str) -> bool:
        return (a, b) in self.wars if a < b else (b, a) in self.wars

    def enemies(self, faction: str) -> list[str]:
        return sorted(b if a == faction else a for a, b in self.wars if faction in (a, b))

    def treaties_between(self, a: str, b: str) -> list[Treaty]:
        return [t for _, t in sorted(self.treaties.items()) if a in t.states and b in t.states]

    def places_of(self, faction: str) -> list[Place]:
        return [p for _, p in sorted(self.places.items()) if p.owner == faction]

    def armies_of(self, faction: str) -> list[Army]:
        return [a for _, a in sorted(self.armies.items()) if a.owner == faction]

    def pending_for(self, faction: str) -> list[Pending]:
        return [p for p in self.pending if p.faction == faction]

    def alive(self) -> list[str]:
        return [pid for pid, p in sorted(self.polities.items()) if p.alive]

    def set_polity(self, pid: str, **changes: Any) -> Polity:
        new = replace(self.polities[pid], **changes)
        self.polities[pid] = new
        return new

    def set_place(self, pid: str, **changes: Any) -> Place:
        new = replace(self.places[pid], **changes)
        self.places[pid] = new
        return new

    def set_army(self, aid: str, **changes: Any) -> Army:
        new = replace(self.armies[aid], **changes)
        self.armies[aid] = new
        return new

    # ---------------------------------------------------------------- JSON and hash

    def to_json(self) -> dict[str, Any]:
        """Plain JSON data (sorted, so equal states give equal text)."""
        return {
            "setup": asdict(self.setup),
            "date": self.date,
            "polities": {k: asdict(v) for k, v in sorted(self.polities.items())},
            "places": {k: asdict(v) for k, v in sorted(self.places.items())},
            "armies": {k: asdict(v) for k, v in sorted(self.armies.items())},
            "treaties": {k: asdict(v) for k, v in sorted(self.treaties.items())},
            "wars": sorted(list(w) for w in self.wars),
            "flags": sorted(self.flags),
            "commanders_gone": sorted(self.commanders_gone),
            "fired": dict(sorted(self.fired.items())),
            "pending": [asdict(p) for p in self.pending],
            "log": [asdict(r) for r in self.log],
            "done": sorted(self.done),
            "rng": self.rng,
            "next_id": self.next_id,
            "months_left": self.months_left,
            "over": self.over,
            "order_count": self.order_count,
            # left out while empty, so states and saves from before the chronology check hash alike
            **({"milestones_seen": {k: [list(r) for r in v] for k, v in sorted(self.milestones_seen.items())}}
               if self.milestones_seen else {}),
            # likewise left out while empty (states from before goals were judged month by month)
            **({"goal_outcomes": dict(sorted(self.goal_outcomes.items()))} if self.goal_outcomes else {}),
        }

    def state_hash(self) -> str:
        """sha256 of the canonical JSON: equal hashes mean equal games."""
        text = json.dumps(self.to_json(), sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=list)
        return hashlib.sha256(text.encode()).hexdigest()


def _rng_to_json(state: dict[str, Any]) -> dict[str, Any]:
    inner = state["state"]
    return {
        "bit_generator": state["bit_generator"],
        "state": {"state": hex(inner["state"]), "inc": hex(inner["inc"])},
        "has_uint32": state["has_uint32"],
        "uinteger": state["uinteger"],
    }


def _rng_from_json(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "bit_generator": data["bit_generator"],
        "state": {"state": int(data["state"]["state"], 16), "inc": int(data["state"]["inc"], 16)},
        "has_uint32": data["has_uint32"],
        "uinteger": data["uinteger"],
    }


def seeded_rng(seed: int) -> dict[str, Any]:
    """The JSON generator state for ``seed`` (PCG64 via SeedSequence)."""
    return _rng_to_json(np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed))).bit_generator.state)


def state_from_json(data: dict[str, Any], scen: Any = None) -> GameState:
    """Rebuild a :class:`GameState` from :meth:`GameState.to_json` data.

    Raises:
        KeyError, TypeError, ValueError: the data is not a state (the save module reports it).
    """

    def tup(v: Any) -> Any:
        return tuple(tup(x) for x in v) if isinstance(v, list) else v

    def build(cls: type, d: dict[str, Any]) -> Any:
        names = {f.name for f in fields(cls)}
        unknown = set(d) - names
        if unknown:
            raise ValueError(f"unknown {cls.__name__} fields: {sorted(unknown)}")
        return cls(**{k: tup(v) for k, v in d.items()})

    return GameState(
        setup=build(Setup, data["setup"]),
        date=int(data["date"]),
        polities={k: build(Polity, v) for k, v in data["polities"].items()},
        places={k: build(Place, v) for k, v in data["places"].items()},
        armies={k: build(Army, v) for k, v in data["armies"].items()},
        treaties={k: build(Treaty, v) for k, v in data["treaties"].items()},
        wars={(a, b) for a, b in data["wars"]},
        flags=set(data["flags"]),
        commanders_gone=set(data["commanders_gone"]),
        fired=dict(data["fired"]),
        pending=[build(Pending, p) for p in data["pending"]],
        log=[build(LogRecord, r) for r in data["log"]],
        done=set(data["done"]),
        rng=data["rng"],
        next_id=int(data["next_id"]),
        months_left=int(data["months_left"]),
        over=bool(data["over"]),
        order_count=int(data["order_count"]),
        milestones_seen={str(k): tuple((int(a), int(b)) for a, b in v) for k, v in data.get("milestones_seen", {}).items()},
        goal_outcomes={str(k): bool(v) for k, v in data.get("goal_outcomes", {}).items()},
        scen=scen,
    )
