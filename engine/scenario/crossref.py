"""Phase two of loading: cross-references between entries and files.

Shape is already checked; here every id must name something that exists (with "did you mean"),
ids must be unique, dates must lie in the calendar, treaty parties must fill their type's roles,
and the route graph must be connected. Each reference is found by walking the typed
definitions, so a new condition or effect kind only needs its id fields listed in ``REFS``.
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Any, Iterator

from pydantic import BaseModel

from engine.calendar import format_month
from engine.scenario import model as m
from engine.scenario.loader import RawEntry, Reporter, Typed
from engine.scenario.problems import did_you_mean

#: model class -> field (alias) -> the kind of id it holds.
REFS: dict[type[BaseModel], dict[str, str]] = {
    m.StatePlace: {"place": "place", "state": "state"},
    m.StatePair: {"a": "state", "b": "state"},
    m.CedeAll: {"state": "state", "to": "state"},
    m.TreatyQuery: {"type": "treaty_type"},
    m.StateCount: {"state": "state"},
    m.StateRuler: {"state": "state", "ruler": "ruler"},
    m.StateCapital: {"state": "state", "place": "place"},
    m.FlagCond: {"flag": "flag"},
    m.AliveCond: {"alive": "state"},
    m.BesiegedCond: {"besieged": "place"},
    m.CommanderCond: {"commander_active": "commander"},
    m.EventFiredArgs: {"event": "event"},
    m.StateAmount: {"state": "state"},
    m.PlaceAmount: {"place": "place"},
    m.PlacePercent: {"place": "place"},
    m.TreatySpec: {"type": "treaty_type"},
    m.TreatyEnd: {"id": "treaty", "type": "treaty_type"},
    m.Terms: {"target": "state"},
    m.ArmySpec: {"state": "state", "place": "place", "commander": "commander"},
    m.ArmyRef: {"army": "army"},
    m.ArmyTroops: {"army": "army"},
    m.CommanderActive: {"commander": "commander"},
    m.LogSpec: {"actors": "state", "place": "place"},
    m.SetFlagEff: {"set_flag": "flag"},
    m.ClearFlagEff: {"clear_flag": "flag"},
    m.JointAttackArgs: {"target": "state"},
    m.PlanDef: {"state": "state", "enemies": "state", "friends": "state"},
    m.PlanTarget: {"place": "place", "region": "region", "state": "state"},
    m.PlanChoice: {"event": "event"},
}

#: model classes whose ``parties`` maps treaty roles to states.
_PARTY_HOLDERS = (m.TreatyQuery, m.TreatySpec, m.TreatyEnd)


def walk(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[BaseModel, tuple[Any, ...]]]:
    """Every model inside ``obj`` with its path (field aliases, tuple indices)."""
    if isinstance(obj, BaseModel):
        yield obj, path
        for name, info in type(obj).model_fields.items():
            yield from walk(getattr(obj, name), path + (info.alias or name,))
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from walk(item, path + (i,))


def _value(obj: BaseModel, alias: str) -> Any:
    for name, info in type(obj).model_fields.items():
        if (info.alias or name) == alias:
            return getattr(obj, name)
    raise KeyError(alias)


class CrossChecker:
    """Runs every cross-reference check and builds the lookups the engine needs."""

    def __init__(self, typed: Typed, header: m.ScenarioHeader, rep: Reporter) -> None:
        self.t = typed
        self.header = header
        self.rep = rep
        self.known: dict[str, set[str]] = defaultdict(set)
        self.ruler_state: dict[str, str] = {}
        self.flags_set: set[str] = set()
        self.flag_uses: list[tuple[RawEntry, tuple[Any, ...], str]] = []

    def err(self, entry: RawEntry, sub: tuple[Any, ...], message: str, severity: str = "error") -> None:
        doc, loc = entry.locate(sub)
        self.rep.at(doc, loc, message, severity)

    # ------------------------------------------------------------------ ids

    def collect_ids(self) -> None:
        s = self.t.sections
        for kind, section in (("state", "states"), ("place", "places"), ("army", "armies"),
                              ("treaty_type", "treaty_types"), ("treaty", "treaties"),
                              ("event", "events"), ("chronicle", "chronology"),
                              ("milestone", "milestones"), ("goal", "goals"), ("plan", "plans")):
            seen: dict[str, RawEntry] = {}
            for item, entry in s[section]:
                if item.id in seen:
                    self.err(entry, ("id",), f"duplicate {kind} id {item.id!r} (first in {seen[item.id].doc.path.name})")
                seen[item.id] = entry
                self.known[kind].add(item.id)
        self.known["region"] = {p.region for p, _ in s["places"] if p.region is not None}
        commanders: dict[str, str] = {}
        for state, entry in s["states"]:
            for i, ruler in enumerate(state.rulers):
                if ruler.id in self.ruler_state:
                    self.err(entry, ("rulers", i, "id"), f"duplicate ruler id {ruler.id!r}")
                self.ruler_state[ruler.id] = state.id
                self.known["ruler"].add(ruler.id)
            for i, cmd in enumerate(state.commanders):
                if cmd.id in commanders:
                    self.err(entry, ("commanders", i, "id"), f"duplicate commander id {cmd.id!r}")
                commanders[cmd.id] = state.id
                self.known["commander"].add(cmd.id)
        route_keys: dict[str, RawEntry] = {}
        pairs: dict[frozenset[str], RawEntry] = {}
        for route, entry in s["routes"]:
            if route.key in route_keys:
                self.err(entry, ("id",), f"duplicate route id {route.key!r}")
            route_keys[route.key] = entry
            pair = frozenset((route.from_, route.to))
            if pair in pairs and len(pair) == 2:
                self.err(entry, (), f"a second route joins {route.from_!r} and {route.to!r}", "warning")
            pairs[pair] = entry
        # ids created by effects: armies spawned, treaties started with an id, flags set
        for section in ("history", "events"):
            for item, entry in s[section]:
                for obj, _ in walk(item):
                    if isinstance(obj, m.ArmySpec):
                        self.known["army"].add(obj.id)
                    elif isinstance(obj, m.TreatySpec) and obj.id:
                        self.known["treaty"].add(obj.id)
                    elif isinstance(obj, m.SetFlagEff):
                        self.flags_set.add(obj.set_flag)

    # ------------------------------------------------------------------ references

    def ref(self, entry: RawEntry, sub: tuple[Any, ...], kind: str, value: str | None) -> None:
        if value is None or kind == "flag" or value in self.t.failed or "*" in self.t.failed:
            return
        if value not in self.known[kind]:
            label = kind.replace("_", " ")
            self.err(entry, sub, f"unknown {label} {value!r}{did_you_mean(value, self.known[kind])}")

    def check_tree(self, item: Any, entry: RawEntry) -> None:
        """Check every id inside one entry (conditions, effects, obligations …)."""
        for obj, path in walk(item):
            for alias, kind in REFS.get(type(obj), {}).items():
                value = _value(obj, alias)
                if kind == "flag":
                    if isinstance(obj, m.FlagCond):
                        self.flag_uses.append((entry, path + (alias,), value))
                    continue
                if isinstance(value, tuple):
                    for i, v in enumerate(value):
                        self.ref(entry, path + (alias, i), kind, v)
                else:
                    self.ref(entry, path + (alias,), kind, value)
            if isinstance(obj, m.StateRuler) and obj.ruler in self.ruler_state:
                owner = self.ruler_state[obj.ruler]
                if obj.state in self.known["state"] and owner != obj.state:
                    self.err(entry, path + ("ruler",), f"ruler {obj.ruler!r} belongs to {owner!r}, not {obj.state!r}")
            if isinstance(obj, _PARTY_HOLDERS):
                self.check_parties(entry, path, obj.type, obj.parties, partial=not isinstance(obj, m.TreatySpec))

    def check_parties(self, entry: RawEntry, path: tuple[Any, ...], type_id: str | None, parties: dict[str, str], partial: bool) -> None:
        ttype = next((t for t, _ in self.t.sections["treaty_types"] if t.id == type_id), None)
        for role, state in parties.items():
            self.ref(entry, path + ("parties", role), "state", state)
            if ttype is not None and role not in ttype.roles:
                self.err(entry, path + ("parties", role), f"treaty type {ttype.id!r} has no role {role!r}{did_you_mean(role, ttype.roles)}")
        if ttype is not None and not partial:
            missing = [r for r in ttype.roles if r not in parties]
            if missing:
                self.err(entry, path + ("parties",), f"role(s) {', '.join(missing)} of treaty type {ttype.id!r} not filled")
        if len(set(parties.values())) < len(parties):
            self.err(entry, path + ("parties",), "a state cannot be both parties of a treaty")

    # ------------------------------------------------------------------ sections

    def check_states(self) -> None:
        held = {p.owner for p, _ in self.t.sections["places"]}
        for state, entry in self.t.sections["states"]:
            self.ref(entry, ("capital",), "place", state.capital)
            rulers = {r.id for r in state.rulers}
            for key in ("ruler", "heir"):
                value = getattr(state, key)
                if value is not None and value not in rulers:
                    self.err(entry, (key,), f"{key} {value!r} is not one of this state's rulers{did_you_mean(value, rulers)}")
            if state.playable and state.id not in held:
                self.err(entry, ("id",), f"playable state {state.id!r} holds no place at the start")

    def check_places(self) -> None:
        bounds = self.header.map
        for place, entry in self.t.sections["places"]:
            self.ref(entry, ("owner",), "state", place.owner)
            if bounds and not (bounds.west <= place.lon <= bounds.east and bounds.south <= place.lat <= bounds.north):
                self.err(entry, ("lon",), f"place {place.id!r} ({place.lon}, {place.lat}) lies outside the map bounds", "warning")

    def check_routes(self) -> None:
        adjacency: dict[str, set[str]] = defaultdict(set)
        for route, entry in self.t.sections["routes"]:
            self.ref(entry, ("from",), "place", route.from_)
            self.ref(entry, ("to",), "place", route.to)
            if route.from_ == route.to:
                self.err(entry, ("to",), "a route must join two different places")
            adjacency[route.from_].add(route.to)
            adjacency[route.to].add(route.from_)
        places = self.t.sections["places"]
        if not places:
            return
        start = places[0][0].id
        seen = {start}
        queue = deque([start])
        while queue:
            for nxt in adjacency[queue.popleft()]:
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append(nxt)
        cut = [(p, e) for p, e in places if p.id not in seen]
        if cut:
            names = ", ".join(p.id for p, _ in cut[:8]) + (" …" if len(cut) > 8 else "")
            self.err(cut[0][1], ("id",), f"route graph is not connected: {len(cut)} place(s) cannot be reached from {start!r}: {names}")

    def check_armies(self) -> None:
        for army, entry in self.t.sections["armies"]:
            self.ref(entry, ("owner",), "state", army.owner)
            self.ref(entry, ("place",), "place", army.place)
            self.ref(entry, ("commander",), "commander", army.commander)

    def check_treaties(self) -> None:
        for ttype, entry in self.t.sections["treaty_types"]:
            roles = set(ttype.roles)
            if len(roles) != 2:
                self.err(entry, ("roles",), "a treaty type needs two different roles")
            for i, ob in enumerate(ttype.obligations):
                for obj, path in walk(ob, ("obligations", i)):
                    for alias in ("from", "to", "by", "of"):
                        if alias in {(inf.alias or n) for n, inf in type(obj).model_fields.items()}:
                            value = _value(obj, alias)
                            if isinstance(value, str) and value != "any" and value not in roles:
                                self.err(entry, path + (alias,), f"{value!r} is not a role of this treaty type{did_you_mean(value, roles)}")
            self.check_tree(ttype, entry)
        for treaty, entry in self.t.sections["treaties"]:
            self.ref(entry, ("type",), "treaty_type", treaty.type)
            self.check_parties(entry, (), treaty.type, treaty.parties, partial=False)
            self.check_tree(treaty, entry)
        for war, entry in self.t.sections["wars"]:
            for i, state in enumerate(war.between):
                self.ref(entry, ("between", i), "state", state)
            if len(set(war.between)) < 2:
                self.err(entry, ("between",), "a war needs two different states")

    def check_dates(self) -> None:
        cal = self.header.calendar
        lo, hi = cal.start, cal.end
        header_entry = RawEntry("header", None, self.t_header_doc, ())
        if lo > hi:
            self.err(header_entry, ("calendar", "end"), "the calendar ends before it starts")
        for i, bm in enumerate(cal.bookmarks):
            if not lo <= bm.date <= hi:
                self.err(header_entry, ("calendar", "bookmarks", i, "date"), self._outside(bm.date, lo, hi))

        def inside(entry: RawEntry, sub: tuple[Any, ...], month: int | None) -> None:
            if month is not None and not lo <= month <= hi:
                self.err(entry, sub, self._outside(month, lo, hi))

        for h, entry in self.t.sections["history"]:
            inside(entry, ("date",), h.date)
        for e, entry in self.t.sections["events"]:
            inside(entry, ("window", "from"), e.window.from_)
            inside(entry, ("window", "to"), e.window.to)
            if e.window.from_ is not None and e.window.to is not None and e.window.from_ > e.window.to:
                self.err(entry, ("window",), "the window ends before it starts")
        for c, entry in self.t.sections["chronology"]:
            inside(entry, ("date",), c.date)
        for ms, entry in self.t.sections["milestones"]:
            inside(entry, ("date",), ms.date)
        for g, entry in self.t.sections["goals"]:
            inside(entry, ("by",), g.by)
        for plan, entry in self.t.sections["plans"]:
            inside(entry, ("when", "from"), plan.when.from_)
            inside(entry, ("when", "to"), plan.when.to)
            if plan.when.from_ is not None and plan.when.to is not None and plan.when.from_ > plan.when.to:
                self.err(entry, ("when",), "the plan ends before it starts")

    @staticmethod
    def _outside(month: int, lo: int, hi: int) -> str:
        return f"date {format_month(month)} lies outside the calendar {format_month(lo)}..{format_month(hi)}"

    def check_events(self) -> None:
        for event, entry in self.t.sections["events"]:
            self.ref(entry, ("actor",), "state", event.actor)
            if event.choices and event.actor is None:
                self.err(entry, ("choices",), "an event with choices needs an actor (the state that decides)")
            ids = [c.id for c in event.choices]
            for i, cid in enumerate(ids):
                if ids.index(cid) != i:
                    self.err(entry, ("choices", i, "id"), f"duplicate choice id {cid!r}")
            historical = sum(c.historical for c in event.choices)
            if event.choices and historical == 0:
                self.err(entry, ("choices",), "no choice is marked historical", "warning")
            if historical > 1:
                self.err(entry, ("choices",), "more than one choice is marked historical")
            self.check_tree(event, entry)
        for section in ("history", "chronology", "milestones"):
            for item, entry in self.t.sections[section]:
                self.check_tree(item, entry)
                if isinstance(item, m.ChronicleEntryDef):
                    for i, actor in enumerate(item.actors):
                        self.ref(entry, ("actors", i), "state", actor)
                    self.ref(entry, ("place",), "place", item.place)
        for goal, entry in self.t.sections["goals"]:
            self.ref(entry, ("state",), "state", goal.state)
            self.check_tree(goal, entry)
        for entry, path, flag in self.flag_uses:
            if flag not in self.flags_set:
                self.err(entry, path, f"flag {flag!r} is tested but never set{did_you_mean(flag, self.flags_set)}", "warning")

    def check_plans(self) -> None:
        """AI plans: every id exists, each chosen choice belongs to its event, and no plan
        counts a state both as enemy and friend (or itself as either)."""
        events = {e.id: e for e, _ in self.t.sections["events"]}
        for plan, entry in self.t.sections["plans"]:
            self.check_tree(plan, entry)
            for key in ("enemies", "friends"):
                if plan.state in getattr(plan, key):
                    self.err(entry, (key,), f"a plan cannot name its own state {plan.state!r} among its {key}")
            for state in sorted(set(plan.enemies) & set(plan.friends)):
                self.err(entry, ("friends",), f"{state!r} is both an enemy and a friend of this plan")
            for i, pc in enumerate(plan.choices):
                event = events.get(pc.event)
                if event is None:
                    continue
                ids = [c.id for c in event.choices]
                if pc.choice not in ids:
                    self.err(entry, ("choices", i, "choice"), f"event {pc.event!r} has no choice {pc.choice!r}{did_you_mean(pc.choice, ids)}")
                elif event.actor is not None and event.actor != plan.state:
                    self.err(entry, ("choices", i, "event"), f"event {pc.event!r} is decided by {event.actor!r}, not by {plan.state!r}")

    def run(self, header_doc: Any) -> None:
        self.t_header_doc = header_doc
        self.collect_ids()
        self.check_states()
        self.check_places()
        self.check_routes()
        self.check_armies()
        self.check_treaties()
        self.check_dates()
        self.check_events()
        self.check_plans()
