"""A comparison of stored variants, as data: the text and HTML reports and the game's lab
screen all render the same :class:`Comparison`.

For each what-if variant in the database (or the ones asked for), the baseline runs over the
same dates are set beside it: per question the two probabilities with their intervals and the
change; per state the fall dates; the milestone hit rates; fidelity; and the charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

from engine.scenario import Scenario, ScenarioError, find_scenario, load_scenario

from lab.questions import Question, questions_for
from lab.stats import FallDates, MilestoneRate, QuestionRow, Summary, fall_dates, fidelity_summary, final_places, milestone_rates, question_rows
from lab.store import Store, VariantInfo

BASELINE = ""


class CompareError(ValueError):
    """The database cannot answer what was asked (no runs, an unknown what-if …)."""


@dataclass(frozen=True)
class Names:
    """Display names from the scenario (ids where the scenario is not at hand)."""

    scenario: Scenario | None
    lang: str

    def state(self, sid: str) -> str:
        s = self.scenario.states.get(sid) if self.scenario else None
        return s.name.get(self.lang) if s else sid

    def colour(self, sid: str) -> str:
        s = self.scenario.states.get(sid) if self.scenario else None
        return s.colour if s else "#1f77b4"

    def milestone(self, mid: str) -> str:
        for m in self.scenario.milestones if self.scenario else ():
            if m.id == mid:
                return m.text.get(self.lang)
        return mid


@dataclass
class Block:
    """One what-if against the baseline (``other`` is None when there is no what-if)."""

    title: str
    variant: str
    start: str
    until: str
    base_runs: list[Mapping[str, Any]]
    other_runs: list[Mapping[str, Any]] | None
    rows: list[QuestionRow]
    falls: list[tuple[str, str, FallDates, FallDates | None]]
    #: per state: (id, name, places held at the end in the baseline, in the what-if) as p10, median, p90
    held: list[tuple[str, str, tuple[float, float, float] | None, tuple[float, float, float] | None]]
    milestones: list[tuple[str, str, MilestoneRate | None, MilestoneRate | None]]
    fidelity: tuple[Summary | None, Summary | None]
    base_title: str = ""
    #: the baseline's variant ("" for the runs without overlays; an overlay id with --baseline)
    base_variant: str = ""
    #: the historical-events mode both sides were played with (off, ai, all)
    historical: str = "off"
    notes: list[str] = field(default_factory=list)
    charts: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Comparison:
    scenario: str
    scenario_title: str
    lang: str
    blocks: list[Block]
    names: Names


def overlay_title(path: str | Path, lang: str) -> str | None:
    """The ``title`` of an overlay file in ``lang`` (None if unreadable)."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return None
    title = data.get("title") if isinstance(data, dict) else None
    if not isinstance(title, dict):
        return None
    return title.get(lang) or title.get("zh" if lang == "zh_hant" else "en") or title.get("en")


def overlay_id(path_or_id: str) -> str:
    """The id inside an overlay file, or the argument itself when it names no file."""
    path = Path(path_or_id)
    if path.is_file():
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
            raise CompareError(f"cannot read what-if {path_or_id}: {exc}") from exc
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            return data["id"]
        raise CompareError(f"{path_or_id}: not a what-if overlay (no id)")
    return path.stem if path.suffix in (".yaml", ".yml") else path_or_id


def variant_title(store: Store, info: VariantInfo, scen: Scenario | None, lang: str) -> str:
    if info.variant == BASELINE:
        return {"zh": "基线（无假设）", "zh_hant": "基線（無假設）"}.get(lang, "baseline (no what-if)")
    titles = []
    files = store.overlay_files(info.scenario, info.variant)
    known = {p.stem: p for p in (scen.whatif_files if scen else ())}
    for oid, path in zip(info.overlays, files or [None] * len(info.overlays)):
        title = overlay_title(path, lang) if path else None
        if title is None and oid in known:
            title = overlay_title(known[oid], lang)
        titles.append(title or oid)
    return " + ".join(titles)


def _load(scenario_id: str) -> Scenario | None:
    try:
        return load_scenario(find_scenario(scenario_id))
    except (ScenarioError, OSError):
        return None


def _pick_scenario(variants: list[VariantInfo], wanted: str | None) -> str:
    scenarios = sorted({v.scenario for v in variants})
    if wanted:
        if wanted not in scenarios:
            raise CompareError(f"the database holds no runs of scenario {wanted!r} (it has: {', '.join(scenarios)})")
        return wanted
    if len(scenarios) > 1:
        raise CompareError(f"the database holds runs of several scenarios ({', '.join(scenarios)}); choose one with --scenario")
    return scenarios[0]


def build(store: Store, baseline: str = "none", whatifs: Sequence[str] = (), lang: str = "en",
          scenario: str | None = None, charts: bool = True, historical: str | None = None) -> Comparison:
    """Gather a comparison from the database.

    Args:
        baseline: ``"none"`` (the runs without overlays) or a what-if file / id to compare against.
        whatifs: what-if files or ids to compare (default: every variant in the database).
        charts: draw the PNG charts (matplotlib) into each block.
        historical: only the runs of this historical-events mode (None: every mode; a what-if
            is only ever set beside baseline runs of its own mode).

    Raises:
        CompareError: no runs, or no runs of what was asked for.
    """
    variants = store.variants()
    if not variants:
        raise CompareError(f"{store.path}: no runs yet (run `main.py batch` first)")
    scen_id = _pick_scenario(variants, scenario)
    variants = [v for v in variants if v.scenario == scen_id]
    if historical is not None:
        modes = sorted({v.historical for v in variants})
        variants = [v for v in variants if v.historical == historical]
        if not variants:
            raise CompareError(f"no runs with historical events {historical!r} in {store.path} (it has: {', '.join(modes)})")
    scen = _load(scen_id)
    names = Names(scen, lang)
    base_variant = BASELINE if baseline in ("none", "") else "+".join(overlay_id(p) for p in baseline.split("+"))
    wanted = ["+".join(overlay_id(p) for p in w.split("+")) for w in whatifs]
    present = {v.variant for v in variants}
    for w in wanted + ([base_variant] if base_variant else []):
        if w not in present:
            shown = ", ".join(v or "(baseline)" for v in sorted(present))
            raise CompareError(f"no runs of what-if {w!r} in {store.path} (it has: {shown})")
    others = [v for v in variants if v.variant != base_variant and (not wanted or v.variant in wanted)]
    bases = {(v.start, v.until, v.historical): v for v in variants if v.variant == base_variant}
    state_names = {sid: s.name.model_dump() for sid, s in scen.states.items()} if scen else {}

    def questions(until: str) -> list[Question]:
        """Survival is asked at the end of the runs (the scenario's end for whole campaigns)."""
        return questions_for(scen_id, state_names, until)

    blocks: list[Block] = []
    paired: set[tuple[str, str, str]] = set()
    for info in others:
        paired.add((info.start, info.until, info.historical))
        base = bases.get((info.start, info.until, info.historical))
        if base is None:
            blk = _block(store, info, None, questions(info.until), names, scen, charts)
            blk.notes.append(f"no baseline runs over {info.start}..{info.until} with historical events "
                             f"{info.historical} to compare with")
            blocks.append(blk)
        else:
            blocks.append(_block(store, base, info, questions(info.until), names, scen, charts))
    if not wanted:  # baseline runs no what-if is set beside (other dates or another mode) stand alone
        for key, info in bases.items():
            if key not in paired:
                blocks.append(_block(store, info, None, questions(info.until), names, scen, charts))
    if not blocks:
        raise CompareError(f"{store.path}: no baseline runs to compare with")
    title = scen.header.name.get(lang) if scen else scen_id
    return Comparison(scen_id, title, lang, blocks, names)


def _decided(rate: MilestoneRate | None) -> bool:
    return rate is not None and rate.on_time.n > 0


def _block(store: Store, base: VariantInfo, other: VariantInfo | None, questions: list[Question],
           names: Names, scen: Scenario | None, charts: bool) -> Block:
    lang = names.lang
    base_runs = [r.result for r in store.runs(base.scenario, base.variant, base.start, base.until, base.historical)]
    other_runs = ([r.result for r in store.runs(other.scenario, other.variant, other.start, other.until, other.historical)]
                  if other else None)
    states = sorted(scen.states) if scen else sorted(base_runs[0]["states"]) if base_runs else []
    falls = [(sid, names.state(sid), fall_dates(sid, base_runs), fall_dates(sid, other_runs) if other_runs is not None else None)
             for sid in states]
    rb = {m.id: m for m in milestone_rates(base_runs)}
    ro = {m.id: m for m in milestone_rates(other_runs)} if other_runs is not None else {}
    order = [m.id for m in scen.milestones] if scen else sorted(set(rb) | set(ro))
    milestones = [(mid, names.milestone(mid), rb.get(mid), ro.get(mid)) for mid in order if _decided(rb.get(mid)) or _decided(ro.get(mid))]
    subject = other if other is not None else base
    block = Block(
        title=variant_title(store, subject, scen, lang),
        variant=subject.variant,
        start=subject.start,
        until=subject.until,
        base_runs=base_runs,
        other_runs=other_runs,
        rows=question_rows(questions, base_runs, other_runs),
        falls=falls,
        held=[(sid, names.state(sid), final_places(sid, base_runs), final_places(sid, other_runs) if other_runs is not None else None)
              for sid in states],
        milestones=milestones,
        fidelity=(fidelity_summary(base_runs), fidelity_summary(other_runs) if other_runs is not None else None),
        base_title=variant_title(store, base, scen, lang),
        base_variant=base.variant,
        historical=base.historical,
    )
    for info in (base, other):
        if info is not None and info.versions > 1:
            block.notes.append(f"{info.variant or 'baseline'}: runs from {info.versions} versions of the scenario files "
                               "or the engine are mixed (start a new database after changing them)")
    if not any(r.get("milestones") for r in base_runs):
        block.notes.append("milestone outcomes and fidelity were not recorded (the chronology check was not available)")
    if charts:
        from lab.plots import Side, StateStyle, fall_chart, territory_chart

        styles = [StateStyle(sid, names.state(sid), names.colour(sid)) for sid in states]
        sides = [Side(block.base_title, base_runs)] + ([Side(block.title, other_runs)] if other_runs is not None else [])
        block.charts["territory"] = territory_chart(styles, sides, lang)
        block.charts["falls"] = fall_chart(styles, sides, lang, (int(subject.start[:4]), int(subject.until[:4])))
    return block
