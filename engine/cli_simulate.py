"""The headless commands ``simulate`` and ``replay`` (called from main.py).

``simulate`` prints the game month by month: the game's own records, beside them what really
happened that month ("this month in history", with sources), and each milestone as it
resolves; at the end the final state, the fidelity score and the first major divergence.

Errors from bad input (a broken scenario or overlay, a bad date, a damaged save) print one
line each and return exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from engine import chronology
from engine.ai.baseline import BaselineAI
from engine.ai.controller import Controller, play_turn
from engine.apply import apply
from engine.calendar import format_month, parse_month
from engine.chronology import words
from engine.legality import IllegalOrder
from engine.narrate import chronicle_line
from engine.orders import Order
from engine.save import GameRecord, SaveError, load_game, read_save_json, save_game
from engine.scenario import Scenario, ScenarioError, find_scenario, load_scenario
from engine.setup import SetupError, new_game
from engine.state import GameState

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2

#: record kinds too small for the chronicle
QUIET_KINDS = {"recruited", "army_raised", "event_pending", "treaty_offered", "treaty_refused"}


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def _load(name: str, overlays: list[str]) -> Scenario:
    return load_scenario(find_scenario(name), overlays)


def run_campaign(state: GameState, controllers: dict[str, Controller], until: int | None = None,
                 on_month: object = None) -> tuple[GameState, list[Order]]:
    """Play turns until the game is over (or ``until`` has been played)."""
    record: list[Order] = []
    while not state.over and (until is None or state.date <= until):
        state, _ = play_turn(state, controllers, record)
        if callable(on_month):
            on_month(state)
    return state, record


def simulate(args: argparse.Namespace) -> int:
    try:
        scen = _load(args.scenario, args.whatif)
        start = parse_month(args.start) if args.start else None
        until = parse_month(args.until) if args.until else None
        state = new_game(scen, start=start, seed=args.seed, turn_months=3 if args.turn == "season" else 1,
                         historical_mode="ai", ai_level=getattr(args, "ai_level", "normal"), end=until)
    except ScenarioError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return EXIT_BAD_INPUT
    except (SetupError, ValueError) as exc:
        return _fail(f"simulate: {exc}")
    ai = BaselineAI()
    controllers: dict[str, Controller] = {f: ai for f in scen.states}
    lang = args.lang
    chronicle = MonthlyChronicle(scen, lang, state)

    def show(st: GameState) -> None:
        if not args.quiet:
            chronicle.turn(st)

    state, orders = run_campaign(state, controllers, on_month=show)
    _summary(state, scen, lang)
    _fidelity_summary(state, scen, lang)
    if args.save:
        try:
            save_game(args.save, GameRecord(scen.id, scen.content_hash, [str(p) for p in args.whatif], state, orders,
                                            scenario_folder=str(scen.folder)))
        except OSError as exc:
            return _fail(f"simulate: cannot write {args.save}: {exc.strerror}")
        print(f"saved {args.save} ({len(orders)} orders, state {state.state_hash()[:12]})")
    return EXIT_OK


class MonthlyChronicle:
    """Prints, month by month, the game's records beside "this month in history" and the
    milestones as they resolve (met on time, early, late, overdue, missed)."""

    def __init__(self, scen: Scenario, lang: str, state: GameState) -> None:
        self.scen, self.lang = scen, lang
        self.printed = 0
        self.month = state.date
        self.shown: dict[str, str] = {}
        self.colon = ": " if lang == "en" else "："

    def _label(self, en: str, zh: str, zh_hant: str) -> str:
        return {"en": en, "zh": zh, "zh_hant": zh_hant}.get(self.lang, en)

    def turn(self, st: GameState) -> None:
        """Print what is new since the last call: every month that has been played."""
        last = st.date - 1
        pending = st.log[self.printed:]
        for month in range(self.month, last + 1):
            for r in pending:
                if r.date == month and r.kind not in QUIET_KINDS:
                    print(chronicle_line(r, self.scen, self.lang))
            for e in chronology.this_month(self.scen, month):
                tag = self._label("history", "史实", "史實")
                print(f"{format_month(month)}  ┊ {tag}{self.colon}{e.text.get(self.lang)} [{e.source}]")
        self.printed += sum(1 for r in pending if r.date <= last)
        self.month = last + 1
        for r in chronology.milestone_results(st):
            if r.status in ("pending", "before_start") or self.shown.get(r.id) == r.status:
                continue
            self.shown[r.id] = r.status
            tag = self._label("milestone", "里程碑", "里程碑")
            print(f"{format_month(last)}  ┊ ◆ {tag} {format_month(r.date)}{self.colon}{r.text.get(self.lang)} — {words.status_text(r, self.lang)}")


def _fidelity_summary(state: GameState, scen: Scenario, lang: str) -> None:
    fid = chronology.fidelity(state)
    if fid.score is None:
        return
    met = fid.by_status["on_time"]
    if lang == "en":
        print(f"Fidelity to history: {fid.score:.1f} / 100 ({met} of {fid.counted} milestones on time)")
    else:
        print(f"{'史实吻合度' if lang == 'zh' else '史實吻合度'}：{fid.score:.1f} / 100（{fid.counted}个里程碑中{met}个如期）")
    first = chronology.first_divergence(state)
    if first is not None:
        print(words.divergence_headline(first, lang))
        print("  " + words.divergence_text(first, scen, lang))


def _summary(state: GameState, scen: Scenario, lang: str) -> None:
    zh = lang != "en"
    print("—— 终局 ——" if zh else "—— Final state ——")
    for sid in sorted(state.polities):
        pol = state.polities[sid]
        held = sum(1 for p in state.places.values() if p.owner == sid)
        name = scen.states[sid].name.get(lang)
        if zh:
            print(f"{name}：{'存' if pol.alive else '亡'}，据地{held}处，国库{pol.treasury}，正统{pol.legitimacy}")
        else:
            print(f"{name}: {'alive' if pol.alive else 'fallen'}, {held} places, treasury {pol.treasury}, legitimacy {pol.legitimacy}")


def replay(args: argparse.Namespace) -> int:
    """Re-apply a save's orders from its setup; report the first divergence or confirm."""
    try:
        data = read_save_json(args.save)
        folder = data.get("scenario_folder") or ""
        name = folder if folder and (Path(folder) / "scenario.yaml").is_file() else data["scenario"]
        scen = _load(name, data.get("overlays", []))
        record = load_game(args.save, scen)
    except SaveError as exc:
        return _fail(f"replay: {exc}")
    except ScenarioError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyError as exc:
        return _fail(f"replay: {args.save}: the save is damaged (missing {exc})")
    if record.scenario_hash != scen.content_hash:
        print(f"warning: the scenario files have changed since the save was made", file=sys.stderr)
    setup = record.state.setup
    state = new_game(scen, start=setup.start, seed=setup.seed, humans=setup.humans, turn_months=setup.turn_months,
                     historical_mode=setup.historical_mode, ai_level=setup.ai_level, end=setup.end)
    for i, order in enumerate(record.orders):
        try:
            state, _ = apply(state, order)
        except IllegalOrder as exc:
            print(f"replay diverged at order {i + 1} of {len(record.orders)} ({format_month(state.date)}): {exc}")
            return EXIT_FAILED
    final = state.state_hash()
    expected = record.state.state_hash()
    if final != expected:
        print(f"replay diverged: final state {final[:12]} differs from the saved {expected[:12]}")
        _first_difference(state, record.state)
        return EXIT_FAILED
    print(f"replay ok: {len(record.orders)} orders, final state {final[:12]} matches the save")
    return EXIT_OK


def _first_difference(a: GameState, b: GameState) -> None:
    ja, jb = a.to_json(), b.to_json()
    for key in ja:
        if ja[key] != jb.get(key):
            print(f"  first difference in {key!r}")
            return
