"""Reading YAML safely, with a line/column for every value.

PyYAML's C safe loader composes the node tree (no Python objects, no tags beyond the safe
ones); one walk over the nodes then builds plain data — mappings as dicts, sequences as tuples
so that strict models accept them — and an index from each value's path to its position. The
same walk finds duplicate keys, which PyYAML would silently let the last one win. Dates stay
text: the scenario format writes months as ``YYYY-MM`` and days as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader ships inside PyYAML's wheels; fall back to the pure-Python one
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - only on a PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[Any, ...]

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_constructor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Mark:
    """A position in a file, 1-based as editors show it."""

    line: int
    col: int


class _Marks(dict):  # type: ignore[type-arg]
    """Path -> position. Holds PyYAML's own marks and makes a :class:`Mark` only when one is
    asked for: most values never need their position, so loading stays fast."""

    def __getitem__(self, key: Path_) -> Mark:
        raw = dict.__getitem__(self, key)
        return raw if isinstance(raw, Mark) else Mark(raw.line + 1, raw.column + 1)

    def get(self, key: Path_, default: Any = None) -> Any:  # type: ignore[override]
        return self[key] if key in self else default


@dataclass
class YamlDoc:
    """A parsed YAML file: its data, the position of every path in it, and any problems."""

    path: Path
    data: Any
    marks: dict[Path_, Mark] = field(default_factory=_Marks)
    problems: list[tuple[Path_, Mark, str]] = field(default_factory=list)
    #: values YAML read as booleans from words like ``no`` or ``on``: path -> the word.
    bool_words: dict[Path_, str] = field(default_factory=dict)
    nodes: int = 0

    def where(self, loc: Path_) -> Mark:
        """The position of ``loc``, or of its deepest ancestor that has one."""
        loc = tuple(loc)
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), Mark(1, 1))


class YamlSyntaxError(Exception):
    """The file is not well-formed YAML."""

    def __init__(self, path: Path, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.mark = mark
        self.message = message


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


MAX_DEPTH = 100
#: values built at the most from one file (aliases can otherwise expand exponentially)
MAX_NODES = 500_000


_STR_TAG = "tag:yaml.org,2002:str"


def _scalar(node: yaml.ScalarNode, path: Path_ = (), doc: YamlDoc | None = None) -> Any:
    if node.tag == _STR_TAG or node.tag == _TIMESTAMP_TAG:  # most values: no constructor needed
        return node.value
    try:
        value = _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, KeyError, TypeError, OverflowError):
        if doc is not None:
            doc.problems.append((path, _mark(node), f"cannot read the value {node.value!r} tagged {node.tag}"))
        return node.value
    if isinstance(value, bool) and doc is not None and node.value.lower() not in ("true", "false"):
        doc.bool_words[path] = node.value
    return value


def _build(node: yaml.Node, path: Path_, doc: YamlDoc, active: frozenset[int] = frozenset()) -> Any:
    doc.nodes += 1
    if doc.nodes > MAX_NODES:
        if doc.nodes == MAX_NODES + 1:
            doc.problems.append((path, _mark(node), f"the file expands to more than {MAX_NODES} values (too many aliases?)"))
        return None
    dict.__setitem__(doc.marks, path, node.start_mark)
    if id(node) in active:
        doc.problems.append((path, _mark(node), "recursive YAML alias (a value that contains itself)"))
        return None
    if len(active) >= MAX_DEPTH:
        doc.problems.append((path, _mark(node), f"nested more than {MAX_DEPTH} levels deep"))
        return None
    if not isinstance(node, yaml.ScalarNode):
        active = active | {id(node)}
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                doc.problems.append((path, _mark(key_node), "YAML merge keys (<<) are not supported"))
                continue
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if isinstance(key, bool) and isinstance(key_node, yaml.ScalarNode):
                doc.problems.append(
                    (path, _mark(key_node), f"key {key_node.value!r} is read as a boolean by YAML; write it in quotes")
                )
                key = key_node.value
            if key is None or isinstance(key, (dict, list, tuple)):
                doc.problems.append((path, _mark(key_node), "mapping keys must be plain text"))
                continue
            if key in out:
                doc.problems.append(
                    (path + (key,), _mark(key_node), f"duplicate key {key!r} (the first is at line {doc.marks[path + (key,)].line})")
                )
                continue
            out[key] = _build(value_node, path + (key,), doc, active)
        return out
    if isinstance(node, yaml.SequenceNode):
        return tuple(_build(child, path + (i,), doc, active) for i, child in enumerate(node.value))
    return _scalar(node, path, doc)


def parse_text(text: str, path: Path) -> YamlDoc:
    """Parse YAML text into a :class:`YamlDoc`.

    Raises:
        YamlSyntaxError: the text is not well-formed YAML, or holds more than one document.
    """
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        message = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlSyntaxError(path, where, f"YAML syntax: {message}") from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(path, Mark(1, 1), f"YAML syntax: {exc}") from None
    doc = YamlDoc(path=path, data=None)
    if node is not None:
        doc.data = _build(node, (), doc)
    return doc


def read_yaml(path: Path) -> YamlDoc:
    """Read and parse a YAML file (UTF-8).

    Raises:
        YamlSyntaxError: unreadable, not UTF-8, or not well-formed YAML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(path, Mark(1, 1), f"not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise YamlSyntaxError(path, Mark(1, 1), f"cannot read: {exc.strerror}") from None
    return parse_text(text, path)
