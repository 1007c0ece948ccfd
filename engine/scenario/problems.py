"""Problems found in scenario files, reported as ``file:line:col: severity: path: message``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a scenario, with where it is."""

    file: str
    line: int
    col: int
    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {where}{self.message}"


class ScenarioError(Exception):
    """A scenario (or overlay) has errors; ``problems`` lists them all, warnings included."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=_problem_order)
        errors = [p for p in self.problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in scenario" + (f"; first: {errors[0]}" if errors else ""))


def _problem_order(p: Problem) -> tuple[str, int, int, str]:
    return (p.file, p.line, p.col, p.message)


def dotted(loc: Iterable[Any]) -> str:
    """``('places', 3, 'owner')`` → ``places.3.owner``."""
    return ".".join(str(part) for part in loc)


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, or an empty string."""
    match = difflib.get_close_matches(str(word), sorted(set(candidates)), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def display_path(path: Path, root: Path | None) -> str:
    """The file name as the user should see it: relative to ``root`` when inside it."""
    if root is not None:
        try:
            return str(path.resolve().relative_to(root.resolve()))
        except ValueError:
            pass
    return str(path)
