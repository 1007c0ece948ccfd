"""Golden campaigns: a whole seeded all-AI game per scenario, compared with a stored record.

Each case plays a campaign from its seed with the baseline AI and compares the outcome with
``tests/engine/golden/<name>.json``: a few headline facts (the owner of every place, who is
alive, the number of log records by kind, the number of orders, the final date) and the
final state hash. Any change to rules, AI, scenario data or set-up that alters play fails the
test, which is the point: look at the differing facts, and if the change is intended,
regenerate the files with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/engine/test_golden.py

and commit them with the change that caused them.

numpy stream compatibility: the game's randomness is numpy's PCG64 bit generator (its stream
is fixed by numpy's compatibility policy, NEP 19) fed through ``Generator`` methods such as
``uniform`` and ``random``, whose algorithms numpy may change between feature releases.
Each golden file therefore records the numpy version it was made with; when a comparison
fails under a different numpy, the message says so, and regenerating under the new version
is the remedy if the facts still look right.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from engine.ai.baseline import BaselineAI
from engine.apply import apply
from engine.calendar import format_month
from engine.cli_simulate import run_campaign
from engine.scenario import find_scenario, load_scenario
from engine.setup import new_game
from engine_testkit import MINI

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

#: (golden file name, scenario folder, seed)
CASES = [
    ("mini_seed2", MINI, 2),
    ("jin_xia_1211_seed1", find_scenario("jin_xia_1211"), 1),
]


def _play(folder: Path, seed: int) -> dict[str, Any]:
    scen = load_scenario(folder)
    ai = BaselineAI()
    start = new_game(scen, seed=seed)
    final, orders = run_campaign(start, {f: ai for f in scen.states})
    replayed = start
    for order in orders:
        replayed, _ = apply(replayed, order)
    assert replayed.state_hash() == final.state_hash(), "the campaign's own orders do not replay to it"
    return {
        "scenario": scen.id,
        "scenario_hash": scen.content_hash,
        "seed": seed,
        "numpy": np.__version__,
        "final_date": format_month(final.date),
        "over": final.over,
        "orders": len(orders),
        "owners": {pid: p.owner for pid, p in sorted(final.places.items())},
        "alive": {sid: p.alive for sid, p in sorted(final.polities.items())},
        "records": dict(sorted(Counter(r.kind for r in final.log).items())),
        "state_hash": final.state_hash(),
    }


@pytest.mark.parametrize("name, folder, seed", CASES, ids=[c[0] for c in CASES])
def test_golden_campaign(name: str, folder: Path, seed: int) -> None:
    path = GOLDEN / f"{name}.json"
    got = _play(folder, seed)
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.is_file(), f"no golden record {path.name}: run with UPDATE_GOLDEN=1 to make it"
    want = json.loads(path.read_text(encoding="utf-8"))
    hints = []
    if want["numpy"] != got["numpy"]:
        hints.append(f"the golden was made with numpy {want['numpy']}, this is numpy {got['numpy']} "
                     "(its random streams may differ)")
    if want["scenario_hash"] != got["scenario_hash"]:
        hints.append("the scenario's files have changed since the golden was made")
    hint = "; ".join(hints + ["if the change is intended, regenerate with UPDATE_GOLDEN=1"])
    for key in ("final_date", "over", "owners", "alive", "records", "orders"):
        assert got[key] == want[key], f"{name}: {key} differs ({hint})"
    assert got["state_hash"] == want["state_hash"], f"{name}: the final state differs ({hint})"


def test_every_shipped_scenario_has_a_golden_campaign() -> None:
    shipped = {p.parent.name for p in (Path(__file__).resolve().parents[2] / "scenarios").glob("*/scenario.yaml")}
    covered = {Path(folder).name for _, folder, _ in CASES}
    assert shipped <= covered, f"no golden campaign for {sorted(shipped - covered)}"
