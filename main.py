"""Four Realms (四国争衡) — one entry point.

``python main.py`` opens the game window; the subcommands run headless:
validate, schema, simulate, replay, report. Only this module turns errors into exit codes: 0 success,
1 a check failed (replay divergence), 2 bad input (a broken scenario, overlay or save).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

ROOT = Path(__file__).resolve().parent
EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def _print_problems(problems: Sequence[object]) -> None:
    for p in problems:
        print(p)


def cmd_validate(args: argparse.Namespace) -> int:
    from engine.scenario import check_scenario, find_scenario

    folder = find_scenario(args.path)
    scenario, problems = check_scenario(folder, args.whatif)
    _print_problems(problems)
    if scenario is None:
        errors = sum(1 for p in problems if p.severity == "error")
        print(f"{folder}: {errors} error(s)", file=sys.stderr)
        return EXIT_BAD_INPUT
    overlay_errors = 0
    if not args.whatif:
        for path in scenario.whatif_files:
            checked, oproblems = check_scenario(folder, [path])
            shown = [p for p in oproblems if p not in problems]
            _print_problems(shown)
            overlay_errors += checked is None
    print(
        f"{scenario.id}: {len(scenario.states)} states, {len(scenario.places)} places, "
        f"{len(scenario.routes)} routes, {len(scenario.treaties)} treaties, "
        f"{len(scenario.events)} events, {len(scenario.chronology)} chronicle entries, "
        f"{len(scenario.milestones)} milestones, {len(scenario.whatif_files)} what-ifs"
        + (f", {len(scenario.overlays)} overlay(s) applied" if scenario.overlays else "")
        + (f"; {sum(p.severity == 'warning' for p in problems)} warning(s)" if problems else "")
    )
    return EXIT_BAD_INPUT if overlay_errors else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    import json

    from engine.scenario.schema import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace) -> int:
    from engine.cli_simulate import simulate

    return simulate(args)


def cmd_replay(args: argparse.Namespace) -> int:
    from engine.cli_simulate import replay

    return replay(args)


def cmd_report(args: argparse.Namespace) -> int:
    from reports.cli import report

    return report(args)


def cmd_batch(args: argparse.Namespace) -> int:
    from lab.cli import batch

    return batch(args)


def cmd_compare(args: argparse.Namespace) -> int:
    from lab.cli import compare

    return compare(args)


def cmd_play(args: argparse.Namespace) -> int:
    from game.app import run

    return run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="four-realms", description="Four Realms (四国争衡), 1211–1227.")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("play", help="open the game window (the default)")
    p.add_argument("--exit-after-first-frame", action="store_true",
                   help="quit once the title screen is drawn and takes input, printing the seconds since launch (benchmarks)")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("validate", help="check a scenario folder and its what-ifs")
    p.add_argument("path", help="scenario folder or id")
    p.add_argument("--whatif", action="append", default=[], metavar="FILE", help="apply an overlay (repeatable)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of the scenario format")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("simulate", help="play a whole game headless, every faction by AI")
    p.add_argument("--scenario", default="jin_xia_1211", help="scenario id or folder")
    p.add_argument("--start", help="bookmark month YYYY-MM (default: the scenario's start)")
    p.add_argument("--until", help="last month to play, YYYY-MM (default: the scenario's end)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--whatif", action="append", default=[], metavar="FILE", help="apply an overlay (repeatable)")
    p.add_argument("--save", metavar="FILE", help="write the finished game as a save file")
    p.add_argument("--lang", choices=("zh", "zh_hant", "en"), default="en")
    p.add_argument("--turn", choices=("month", "season"), default="month", help="turn length")
    p.add_argument("--ai-level", choices=("easy", "normal", "hard"), default="normal",
                   help="how well the AI decides (look-ahead and care, not bonuses)")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser("replay", help="re-apply a save's orders and compare the final state")
    p.add_argument("save", help="save file")
    p.set_defaults(func=cmd_replay)

    from reports.cli import add_arguments as add_report_arguments

    p = sub.add_parser("report", help="compare a saved game with the real history: text, Markdown or HTML")
    add_report_arguments(p)
    p.set_defaults(func=cmd_report)

    from lab.cli_args import add_batch_arguments, add_compare_arguments

    p = sub.add_parser("batch", help="what-if lab: many seeded all-AI campaigns into an SQLite file")
    add_batch_arguments(p)
    p.set_defaults(func=cmd_batch)

    p = sub.add_parser("compare", help="what-if lab: a baseline against what-ifs, with probabilities and charts")
    add_compare_arguments(p)
    p.set_defaults(func=cmd_compare)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["play", *(argv or [])])
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into head and friends
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
