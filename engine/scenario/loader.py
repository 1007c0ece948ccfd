"""Loading a scenario folder: phase one, the shape of every file.

A scenario is ``scenario.yaml`` (the header) plus the files it includes; each included file may
hold any sections, and lists of the same section from several files are joined. What-if overlays
are applied to the raw entries *before* validation, so an overlay's mistakes are reported at the
overlay's own lines. Every entry is validated on its own, so one bad entry never hides another:
all problems are collected. Phase two (cross-references) is :mod:`engine.scenario.crossref`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Iterable, Union, get_args, get_origin

from pydantic import BaseModel, TypeAdapter, ValidationError

from engine.scenario import model as m
from engine.scenario.problems import Problem, ScenarioError, did_you_mean, display_path, dotted
from engine.scenario.yamlio import Mark, YamlDoc, YamlSyntaxError, read_yaml

SECTION_TYPES: dict[str, Any] = {
    "states": m.PolityDef,
    "places": m.PlaceDef,
    "routes": m.RouteDef,
    "armies": m.ArmyDef,
    "treaty_types": m.TreatyTypeDef,
    "treaties": m.TreatyDef,
    "wars": m.WarDef,
    "history": m.HistoryDef,
    "events": m.EventDef,
    "chronology": m.ChronicleEntryDef,
    "milestones": m.MilestoneDef,
    "goals": m.GoalDef,
    "plans": m.PlanDef,
    "rules": m.Rules,
}
_ADAPTERS = {name: TypeAdapter(tp) for name, tp in SECTION_TYPES.items()}
_KIND_LISTS = {
    "condition_kind": m.CONDITION_KINDS,
    "effect_kind": m.EFFECT_KINDS,
    "obligation_kind": m.OBLIGATION_KINDS,
}


def _all_field_names() -> set[str]:
    names: set[str] = set()
    for obj in vars(m).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            for name, info in obj.model_fields.items():
                names.add(info.alias or name)
    return names


_FIELD_NAMES = _all_field_names()


@dataclass
class RawEntry:
    """One entry of a section before validation, and where its parts were written."""

    section: str
    data: Any
    doc: YamlDoc
    loc: tuple[Any, ...]
    #: field path inside the entry -> (document, location) where an overlay set it.
    overrides: dict[tuple[Any, ...], tuple[YamlDoc, tuple[Any, ...]]] = field(default_factory=dict)

    def entry_id(self) -> str | None:
        """The entry's id (``from__to`` for a route without one)."""
        if not isinstance(self.data, dict):
            return None
        if "id" in self.data and isinstance(self.data["id"], str):
            return self.data["id"]
        if self.section == "routes" and isinstance(self.data.get("from"), str):
            return f"{self.data['from']}__{self.data.get('to')}"
        return None

    def locate(self, sub: tuple[Any, ...]) -> tuple[YamlDoc, tuple[Any, ...]]:
        """The document and full location of ``sub`` (a path inside this entry)."""
        for n in range(len(sub), 0, -1):
            hit = self.overrides.get(tuple(sub[:n]))
            if hit is not None:
                doc, loc = hit
                return doc, loc + tuple(sub[n:])
        return self.doc, self.loc + tuple(sub)


class Reporter:
    """Collects problems, turning (document, location) into ``file:line:col``."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def at(self, doc: YamlDoc | None, loc: Iterable[Any], message: str, severity: m.Any = "error", path: Path | None = None) -> None:
        loc = tuple(loc)
        if doc is not None:
            mark = doc.where(loc)
            file = display_path(doc.path, self.root)
        else:
            mark = Mark(1, 1)
            file = display_path(path, self.root) if path else "?"
        self.problems.append(Problem(file, mark.line, mark.col, dotted(loc), message, severity))

    def file(self, path: Path, message: str, severity: m.Any = "error", mark: Mark = Mark(1, 1)) -> None:
        self.problems.append(Problem(display_path(path, self.root), mark.line, mark.col, "", message, severity))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def friendly(err: dict[str, Any], fields: Iterable[str] | None = None, bool_word: str | None = None) -> str:
    """A pydantic error as a sentence an author understands, with "did you mean" where it helps.

    Args:
        err: one of ``ValidationError.errors()``, its location already without union tags.
        fields: the field names allowed where the error is (for "did you mean").
        bool_word: the word YAML read as a boolean here (``no``, ``on`` …), if it did.
    """
    kind, loc, value = err["type"], err["loc"], err.get("input")
    last = loc[-1] if loc else ""
    if kind == "missing":
        return f"required field {last!r} is missing"
    if kind == "extra_forbidden":
        return f"unknown field {last!r}{did_you_mean(str(last), fields if fields is not None else _FIELD_NAMES)}"
    if bool_word is not None and isinstance(value, bool):
        return f"{err['msg'].rstrip('.')} (got {bool_word}, which YAML reads as {str(value).lower()}; write \"{bool_word}\" in quotes)"
    if kind == "value_error":
        message = str(err.get("ctx", {}).get("error", err["msg"]))
        return message if repr(value) in message or not isinstance(value, (str, int, float)) else f"{message} (got {value!r})"
    if kind in _KIND_LISTS:
        key = next(iter(value)) if isinstance(value, dict) and value else value
        hint = did_you_mean(str(key), _KIND_LISTS[kind]) if isinstance(key, str) else ""
        shown = f"unknown kind {key!r}{hint}; " if isinstance(key, str) else ""
        return shown + err["msg"]
    if kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",")]
        return f"{err['msg']}, got {value!r}{did_you_mean(str(value), options)}"
    if isinstance(value, (str, int, float, bool)) or value is None:
        return f"{err['msg'].rstrip('.')} (got {value!r})"
    return err["msg"]


_TAGS = set(m.CONDITION_KINDS) | set(m.EFFECT_KINDS) | set(m.OBLIGATION_KINDS)


def without_tags(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the tags pydantic puts into a discriminated union's path: our unions are
    single-key mappings tagged by that key, so a tag shows as the key written twice."""
    out: list[Any] = []
    for part in loc:
        if out and part == out[-1] and part in _TAGS:
            continue
        out.append(part)
    return tuple(out)


def _members(tp: Any) -> list[Any]:
    """The model classes a type annotation may hold (through Annotated, Optional, unions)."""
    origin = get_origin(tp)
    if origin is Annotated:
        return _members(get_args(tp)[0])
    if origin in (Union, UnionType):
        return [x for arg in get_args(tp) for x in _members(arg)]
    return [tp]


def fields_at(root: Any, loc: tuple[Any, ...]) -> list[str] | None:
    """The field names of the model at ``loc`` (the last part is the field itself)."""
    candidates = _members(root)
    for part in loc[:-1]:
        nxt: list[Any] = []
        for tp in candidates:
            if isinstance(part, int):
                if get_origin(tp) is tuple:
                    nxt += _members(get_args(tp)[0])
            elif isinstance(tp, type) and issubclass(tp, BaseModel):
                for name, info in tp.model_fields.items():
                    if (info.alias or name) == part:
                        nxt += _members(info.annotation)
            elif get_origin(tp) is dict:
                nxt += _members(get_args(tp)[1])
        candidates = nxt
    models = [tp for tp in candidates if isinstance(tp, type) and issubclass(tp, BaseModel)]
    if not models:
        return None
    return [info.alias or name for tp in models for name, info in tp.model_fields.items()]


def _validation_problems(rep: Reporter, entry: RawEntry, exc: ValidationError, root: Any = None) -> None:
    errors = [{**err, "loc": without_tags(tuple(err["loc"]))} for err in exc.errors(include_url=False)]
    missing: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        if err["type"] == "missing":
            missing.setdefault(err["loc"][:-1], []).append(str(err["loc"][-1]))
    for err in errors:
        loc = err["loc"]
        doc, full = entry.locate(loc)
        fields = fields_at(root, loc) if root is not None else None
        text = friendly(err, fields, doc.bool_words.get(full))
        lost = missing.get(loc[:-1], [])
        if err["type"] == "extra_forbidden" and "did you mean" not in text and len(lost) == 1:
            text += f" (did you mean {lost[0]!r}?)"  # one unknown field, one missing: a misspelling
        rep.at(doc, full, text)


def _parse(rep: Reporter, path: Path) -> YamlDoc | None:
    try:
        doc = read_yaml(path)
    except YamlSyntaxError as exc:
        rep.file(exc.path, exc.message, mark=exc.mark)
        return None
    for loc, mark, message in doc.problems:
        rep.problems.append(Problem(display_path(path, rep.root), mark.line, mark.col, dotted(loc), message))
    return doc


def _inside(folder: Path, target: Path) -> bool:
    try:
        target.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


@dataclass
class RawScenario:
    """The scenario after phase one: a valid header and the raw entries of every section."""

    folder: Path
    header_doc: YamlDoc
    header: m.ScenarioHeader | None
    entries: dict[str, list[RawEntry]]
    hasher: Any
    overlay_ids: list[str] = field(default_factory=list)
    #: "*" when an included file could not be read or parsed
    unreadable: set[str] = field(default_factory=set)


def read_raw(folder: Path, rep: Reporter) -> RawScenario | None:
    """Read ``scenario.yaml`` and its includes, without validating entries yet."""
    header_path = folder / "scenario.yaml"
    if not folder.is_dir():
        rep.file(folder, "no such scenario folder")
        return None
    if not header_path.is_file():
        rep.file(header_path, "missing scenario.yaml (the scenario's header file)")
        return None
    hasher = hashlib.sha256()
    try:
        hasher.update(header_path.read_bytes())
    except OSError as exc:
        rep.file(header_path, f"cannot read: {exc.strerror}")
        return None
    header_doc = _parse(rep, header_path)
    if header_doc is None:
        return None
    header: m.ScenarioHeader | None = None
    if not isinstance(header_doc.data, dict):
        rep.at(header_doc, (), "scenario.yaml must be a mapping with format, id, name, calendar and include")
        return None
    try:
        header = m.ScenarioHeader.model_validate(header_doc.data)
    except ValidationError as exc:
        _validation_problems(rep, RawEntry("header", header_doc.data, header_doc, ()), exc, m.ScenarioHeader)
        return None
    raw = RawScenario(folder, header_doc, header, {name: [] for name in SECTION_TYPES}, hasher)
    seen: set[Path] = set()
    for i, inc in enumerate(header.include):
        try:
            doc = _include(rep, raw, header_doc, folder, i, inc, seen)
        except OSError as exc:
            rep.at(header_doc, ("include", i), f"cannot read included file {inc[:80]!r}: {exc.strerror}")
            doc = None
        if doc is None:
            raw.unreadable.add("*")
        else:
            _collect_sections(rep, doc, raw.entries)
    return raw


def _include(rep: Reporter, raw: RawScenario, header_doc: YamlDoc, folder: Path, i: int, inc: str, seen: set[Path]) -> YamlDoc | None:
    """Read one included file, or report why it cannot be included."""
    hasher = raw.hasher
    target = folder / inc
    if Path(inc).is_absolute() or not _inside(folder, target):
        rep.at(header_doc, ("include", i), f"include {inc!r} reaches outside the scenario folder")
        return None
    if target.resolve() in seen:
        rep.at(header_doc, ("include", i), f"include {inc!r} is listed twice")
        return None
    seen.add(target.resolve())
    if target.suffix not in (".yaml", ".yml"):
        rep.at(header_doc, ("include", i), f"include {inc!r} is not a .yaml file")
        return None
    if not target.is_file():
        rep.at(header_doc, ("include", i), f"included file {inc!r} does not exist")
        return None
    hasher.update(inc.encode())
    hasher.update(target.read_bytes())
    return _parse(rep, target)


def _collect_sections(rep: Reporter, doc: YamlDoc, entries: dict[str, list[RawEntry]]) -> None:
    if doc.data is None:
        return
    if not isinstance(doc.data, dict):
        rep.at(doc, (), "an included file must be a mapping of sections (states:, places:, …)")
        return
    for section, value in doc.data.items():
        if section not in SECTION_TYPES:
            rep.at(doc, (section,), f"unknown section {section!r}{did_you_mean(str(section), SECTION_TYPES)}")
            continue
        if section == "rules":
            if entries["rules"]:
                first = entries["rules"][0]
                rep.at(doc, (section,), f"rules are already given in {display_path(first.doc.path, rep.root)}")
                continue
            entries["rules"].append(RawEntry("rules", value, doc, (section,)))
            continue
        if value is None:
            continue
        if not isinstance(value, tuple):
            rep.at(doc, (section,), f"section {section!r} must be a list")
            continue
        for i, item in enumerate(value):
            entries[section].append(RawEntry(section, item, doc, (section, i)))


def apply_overlay(raw: RawScenario, path: Path, rep: Reporter) -> None:
    """Apply one what-if overlay to the raw entries (set fields, add entries, remove by id)."""
    doc = _parse(rep, path)
    if doc is None:
        return
    raw.hasher.update(path.read_bytes())
    try:
        overlay = m.WhatIfDef.model_validate(doc.data if doc.data is not None else {})
    except ValidationError as exc:
        _validation_problems(rep, RawEntry("whatif", doc.data, doc, ()), exc, m.WhatIfDef)
        return
    assert raw.header is not None
    if overlay.scenario is not None and overlay.scenario != raw.header.id:
        rep.at(doc, ("scenario",), f"overlay is for scenario {overlay.scenario!r}, not {raw.header.id!r}")
        return
    raw.overlay_ids.append(overlay.id)
    for verb in ("set", "add", "remove"):
        for section in getattr(overlay, verb):
            if section not in SECTION_TYPES:
                rep.at(doc, (verb, section), f"unknown section {section!r}{did_you_mean(section, SECTION_TYPES)}")
    for section, changes in overlay.set.items():
        if section not in SECTION_TYPES:
            continue
        if section == "rules":
            _set_rules(raw, doc, changes)
            continue
        for entry_id, fields in changes.items():
            target = _find(raw.entries[section], entry_id)
            if target is None:
                known = [e.entry_id() or "" for e in raw.entries[section]]
                rep.at(doc, ("set", section, entry_id), f"no {section} entry {entry_id!r}{did_you_mean(entry_id, known)}")
                continue
            if not isinstance(fields, dict):
                rep.at(doc, ("set", section, entry_id), "expected a mapping of fields to new values")
                continue
            patched = dict(target.data)
            for name, value in fields.items():
                patched[name] = value
                target.overrides[(name,)] = (doc, ("set", section, entry_id, name))
            target.data = patched
    for section, items in overlay.add.items():
        if section == "rules":
            rep.at(doc, ("add", "rules"), "rules cannot be added; change them with set: rules: {field: value}")
        elif section in SECTION_TYPES:
            for i, item in enumerate(items):
                raw.entries[section].append(RawEntry(section, item, doc, ("add", section, i)))
    for section, ids in overlay.remove.items():
        if section not in SECTION_TYPES:
            continue
        for i, entry_id in enumerate(ids):
            target = _find(raw.entries[section], entry_id)
            if target is None:
                known = [e.entry_id() or "" for e in raw.entries[section]]
                rep.at(doc, ("remove", section, i), f"no {section} entry {entry_id!r} to remove{did_you_mean(entry_id, known)}")
                continue
            raw.entries[section].remove(target)


def _set_rules(raw: RawScenario, doc: YamlDoc, changes: dict[str, Any]) -> None:
    if not raw.entries["rules"]:
        raw.entries["rules"].append(RawEntry("rules", {}, doc, ("set", "rules")))
    target = raw.entries["rules"][0]
    patched = dict(target.data) if isinstance(target.data, dict) else {}
    for name, value in changes.items():
        patched[name] = value
        target.overrides[(name,)] = (doc, ("set", "rules", name))
    target.data = patched


def _find(entries: list[RawEntry], entry_id: str) -> RawEntry | None:
    for entry in entries:
        if entry.entry_id() == entry_id:
            return entry
    return None


@dataclass
class Typed:
    """The validated entries of every section, each with its raw origin (for cross-reference
    problems' positions)."""

    sections: dict[str, list[tuple[Any, RawEntry]]]
    rules: m.Rules
    #: ids of entries that failed their shape check ("*" when a whole file could not be read):
    #: references to them are not reported again as unknown.
    failed: set[str] = field(default_factory=set)


def validate_entries(raw: RawScenario, rep: Reporter) -> Typed:
    """Phase one proper: validate each raw entry against its section's model."""
    sections: dict[str, list[tuple[Any, RawEntry]]] = {}
    failed: set[str] = set()
    rules = m.Rules()
    for section, entries in raw.entries.items():
        adapter = _ADAPTERS[section]
        good: list[tuple[Any, RawEntry]] = []
        for entry in entries:
            try:
                good.append((adapter.validate_python(entry.data), entry))
            except ValidationError as exc:
                _validation_problems(rep, entry, exc, SECTION_TYPES[section])
                failed.update(_ids_in(entry.data))
        if section == "rules":
            if good:
                rules = good[0][0]
        else:
            sections[section] = good
    return Typed(sections, rules, failed | raw.unreadable)


def _ids_in(data: Any) -> set[str]:
    """Ids an entry that failed its shape check would have defined (its own, its rulers' and
    commanders'), so that references to them are not reported again as unknown."""
    ids: set[str] = set()
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            ids.add(data["id"])
        for key in ("rulers", "commanders"):
            items = data.get(key)
            for item in items if isinstance(items, tuple) else ():
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids.add(item["id"])
    return ids


def load_briefings(folder: Path, header: m.ScenarioHeader, rep: Reporter | None = None) -> dict[tuple[str, str], str]:
    """Briefings are ``<briefings>/<state>.<lang>.md``; unreadable ones are reported."""
    out: dict[tuple[str, str], str] = {}
    bdir = folder / header.briefings
    if _inside(folder, bdir) and bdir.is_dir():
        for path in sorted(bdir.glob("*.md")):
            parts = path.name[: -len(".md")].split(".")
            if len(parts) == 2:
                try:
                    out[(parts[0], parts[1])] = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as exc:
                    if rep is not None:
                        reason = "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else f"cannot read: {exc.strerror}"
                        rep.file(path, reason)
    return out


def whatif_files(folder: Path, header: m.ScenarioHeader) -> tuple[Path, ...]:
    wdir = folder / header.whatifs
    if not (_inside(folder, wdir) and wdir.is_dir()):
        return ()
    return tuple(sorted(p for p in wdir.iterdir() if p.suffix in (".yaml", ".yml")))


def raise_on_errors(problems: list[Problem]) -> None:
    if any(p.severity == "error" for p in problems):
        raise ScenarioError(problems)
