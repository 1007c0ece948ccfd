"""The corpus of broken scenarios (tests/fixtures/bad/): one deliberate defect each.

Every case folder holds a small scenario, an optional what-if ``overlay.yaml`` (applied when
present) and ``expected.txt``: the exact problem lines, errors and warnings, with file names
relative to the case folder. ``_base`` is the valid scenario the cases were copied from; it
must load clean, so that whatever a case reports comes from its one change.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import main
from engine.scenario import check_scenario

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "fixtures" / "bad"
BASE = BAD / "_base"
OVERLAY = "overlay.yaml"
CASES = sorted(p.parent.name for p in BAD.glob("*/expected.txt"))


def _overlays(folder: Path) -> list[Path]:
    return [folder / OVERLAY] if (folder / OVERLAY).is_file() else []


def _expected(folder: Path) -> list[str]:
    return (folder / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_corpus_covers_enough_defects() -> None:
    assert len(CASES) >= 28


def test_base_loads_clean_with_its_overlay() -> None:
    scenario, problems = check_scenario(BASE, _overlays(BASE), root=BASE)
    assert [str(p) for p in problems] == []
    assert scenario is not None and scenario.overlays == ("bigger_city",)


@pytest.mark.parametrize("name", CASES)
def test_case_reports_exactly_its_expected_problems(name: str) -> None:
    folder = BAD / name
    scenario, problems = check_scenario(folder, _overlays(folder), root=folder)
    assert scenario is None
    assert [str(p) for p in problems] == _expected(folder)


@pytest.mark.parametrize("name", CASES)
def test_validate_command_prints_the_problems_and_exits_2(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = BAD / name
    monkeypatch.chdir(folder)  # problems print relative to the current folder
    argv = ["validate", "."] + (["--whatif", OVERLAY] if _overlays(folder) else [])
    code = main.main(argv)
    out, err = capsys.readouterr()
    assert code == main.EXIT_BAD_INPUT
    assert out.splitlines() == _expected(folder)
    assert "error(s)" in err


@pytest.mark.parametrize("name", ["missing_header", "yaml_syntax", "unknown_owner_state", "whatif_other_scenario"])
def test_validate_as_a_process_exits_2_without_a_traceback(name: str) -> None:
    folder = BAD / name
    argv = [sys.executable, str(ROOT / "main.py"), "validate", "."]
    argv += ["--whatif", OVERLAY] if _overlays(folder) else []
    done = subprocess.run(argv, cwd=folder, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.splitlines() == _expected(folder)
