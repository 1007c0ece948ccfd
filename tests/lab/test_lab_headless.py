"""The lab runs in worker processes and on cluster nodes without a display: nothing it imports
(directly or through the engine) may pull in pygame or the game package, and matplotlib is
imported only when a chart is drawn."""

from __future__ import annotations

import ast
import subprocess
import sys

from lab_testkit import ROOT

FORBIDDEN = {"pygame", "pygame_gui", "game"}


def test_lab_and_reports_sources_import_no_pygame_or_game() -> None:
    found = []
    for path in sorted((ROOT / "lab").rglob("*.py")) + sorted((ROOT / "reports").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module else [])
            found += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert found == []


def test_a_worker_process_loads_neither_pygame_nor_matplotlib() -> None:
    code = ("import sys; from lab.runner import RunTask, run_one; from engine.scenario import find_scenario;"
            "run_one(RunTask(0, 1, str(find_scenario('jin_xia_1211')), until=1211 * 12 + 2));"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygame', 'game', 'matplotlib')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
