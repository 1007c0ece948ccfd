"""Scenario loading: ``load_scenario(folder, overlays)`` gives an immutable :class:`Scenario` or
raises :class:`ScenarioError` listing every problem; ``check_scenario`` returns the problems."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from engine.scenario.crossref import CrossChecker
from engine.scenario.loader import (
    Reporter,
    apply_overlay,
    load_briefings,
    raise_on_errors,
    read_raw,
    validate_entries,
    whatif_files,
)
from engine.scenario.problems import Problem, ScenarioError
from engine.scenario.scenario import Scenario

__all__ = ["Problem", "Scenario", "ScenarioError", "check_scenario", "load_scenario", "find_scenario"]

LANGS = ("zh", "en")


def check_scenario(
    folder: Path | str, overlays: Iterable[Path | str] = (), root: Path | None = None
) -> tuple[Scenario | None, list[Problem]]:
    """Load a scenario folder with overlays; return it (None on errors) and every problem.

    Args:
        folder: the scenario folder (holding scenario.yaml).
        overlays: what-if overlay files, applied in order.
        root: file names in problems are shown relative to it (default: the current folder).
    """
    folder = Path(folder)
    rep = Reporter(root if root is not None else Path.cwd())
    raw = read_raw(folder, rep)
    if raw is None or raw.header is None:
        return None, sorted(rep.problems)
    for overlay in overlays:
        path = Path(overlay)
        if not path.is_file():
            rep.file(path, "no such what-if file")
            continue
        apply_overlay(raw, path, rep)
    typed = validate_entries(raw, rep)
    checker = CrossChecker(typed, raw.header, rep)
    checker.run(raw.header_doc)
    briefings = load_briefings(folder, raw.header, rep)
    for state, _ in typed.sections["states"]:
        if state.playable:
            for lang in LANGS:
                if (state.id, lang) not in briefings:
                    rep.file(folder / raw.header.briefings, f"no briefing {state.id}.{lang}.md for playable state {state.id!r}", "warning")
    if rep.has_errors:
        return None, sorted(rep.problems)
    s = typed.sections
    commanders = {c.id: c for st, _ in s["states"] for c in st.commanders}
    scenario = Scenario(
        folder=folder,
        header=raw.header,
        states={x.id: x for x, _ in s["states"]},
        places={x.id: x for x, _ in s["places"]},
        routes=tuple(x for x, _ in s["routes"]),
        armies=tuple(x for x, _ in s["armies"]),
        treaty_types={x.id: x for x, _ in s["treaty_types"]},
        treaties=tuple(x for x, _ in s["treaties"]),
        wars=tuple(x for x, _ in s["wars"]),
        history=tuple(sorted((x for x, _ in s["history"]), key=lambda h: h.date)),
        events={x.id: x for x, _ in s["events"]},
        chronology=tuple(sorted((x for x, _ in s["chronology"]), key=lambda c: c.date)),
        milestones=tuple(sorted((x for x, _ in s["milestones"]), key=lambda c: c.date)),
        goals=tuple(x for x, _ in s["goals"]),
        rules=typed.rules,
        briefings=briefings,
        content_hash=raw.hasher.hexdigest(),
        overlays=tuple(raw.overlay_ids),
        whatif_files=whatif_files(folder, raw.header),
        rulers={r.id: r for st, _ in s["states"] for r in st.rulers},
        ruler_state=dict(checker.ruler_state),
        commanders=commanders,
        commander_state={c.id: st.id for st, _ in s["states"] for c in st.commanders},
        plans=tuple(x for x, _ in s["plans"]),
    )
    return scenario, sorted(rep.problems)


def load_scenario(folder: Path | str, overlays: Iterable[Path | str] = (), root: Path | None = None) -> Scenario:
    """Load a scenario, raising :class:`ScenarioError` (with every problem) if it has errors."""
    scenario, problems = check_scenario(folder, overlays, root)
    raise_on_errors(problems)
    assert scenario is not None
    return scenario


def find_scenario(name: str, search: Iterable[Path] = ()) -> Path:
    """Resolve a scenario id or path: a folder path as given, else ``<dir>/<id>`` in ``search``
    (by default the project's ``scenarios/`` folder)."""
    direct = Path(name)
    if (direct / "scenario.yaml").is_file():
        return direct
    dirs = list(search) or [Path(__file__).resolve().parents[2] / "scenarios"]
    for d in dirs:
        if (d / name / "scenario.yaml").is_file():
            return d / name
    return direct
