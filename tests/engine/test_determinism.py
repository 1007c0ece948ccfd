"""Determinism: the seed and the orders fix the game, and the state hash proves it.

Includes the deliberate break (conventions 7): a rule made to draw from an unseeded source
must make two runs of the same game differ, proving the hash check would catch it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest

import main
from engine import orders as o
from engine.ai.baseline import BaselineAI
from engine.apply import apply
from engine.cli_simulate import run_campaign
from engine.rules import supply
from engine.scenario import Scenario
from engine.setup import new_game
from engine.state import GameState, seeded_rng, state_from_json
from engine_testkit import MINI, ROOT, random_play


def _campaign(scen: Scenario, seed: int, until: int | None = None) -> tuple[GameState, list[o.Order]]:
    ai = BaselineAI()
    state = new_game(scen, seed=seed, end=until)
    return run_campaign(state, {f: ai for f in scen.states})


def _random_orders(state: GameState, steps: int, seed: int) -> tuple[GameState, list[o.Order]]:
    final, orders, _ = random_play(state, steps, seed)
    return final, orders


def test_same_seed_and_orders_give_the_same_hash(duel_scen) -> None:
    a, orders = _random_orders(new_game(duel_scen, seed=11), 300, seed=4)
    b = new_game(duel_scen, seed=11)
    for order in orders:
        b, _ = apply(b, order)
    assert a.date > duel_scen.start + 6  # months were played
    assert {"battle", "capture"} <= {r.kind for r in a.log}  # and chance was used
    assert a.state_hash() == b.state_hash()


def test_an_all_ai_campaign_is_reproducible(mini_scen) -> None:
    first, orders = _campaign(mini_scen, seed=2)
    second, again = _campaign(mini_scen, seed=2)
    assert first.state_hash() == second.state_hash() and orders == again


def test_another_seed_gives_another_game(duel_scen) -> None:
    assert new_game(duel_scen, seed=1).state_hash() != new_game(duel_scen, seed=2).state_hash()


def test_the_hash_ignores_container_order(duel: GameState) -> None:
    shuffled = duel.copy()
    shuffled.places = dict(reversed(list(duel.places.items())))
    shuffled.flags = {"b", "a"}
    duel.flags = {"a", "b"}
    assert shuffled.state_hash() == duel.state_hash()


def test_simulate_prints_the_same_chronicle_twice(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["simulate", "--scenario", str(MINI), "--seed", "2", "--until", "1201-06"]
    outputs = []
    for _ in range(2):
        assert main.main(argv) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and outputs[0].strip()


def test_a_saves_replay_reproduces_its_hash(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "game.json"
    assert main.main(["simulate", "--scenario", str(MINI), "--seed", "2", "--until", "1201-06", "--quiet",
                      "--save", str(save)]) == 0
    recorded = json.loads(save.read_text(encoding="utf-8"))["state_hash"]
    capsys.readouterr()
    assert main.main(["replay", str(save)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("replay ok") and recorded[:12] in out


def test_a_replay_that_diverges_is_reported(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / "game.json"
    main.main(["simulate", "--scenario", str(MINI), "--seed", "2", "--until", "1200-06", "--quiet", "--save", str(save)])
    data = json.loads(save.read_text(encoding="utf-8"))
    data["setup"]["seed"] = data["state"]["setup"]["seed"] = 3  # the same orders from another seed
    state = state_from_json(data["state"])
    data["state_hash"] = state.state_hash()
    save.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main.main(["replay", str(save)]) == 1
    assert "diverged" in capsys.readouterr().out


def _unseeded(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    """Make the supply rule draw from outside the game's generator (the defect to catch)."""
    original = supply.attrition
    os_gen = np.random.default_rng()  # seeded from the operating system: not reproducible

    def leaky(w: GameState, out: list) -> None:
        original(w, out)
        noise = int(os_gen.integers(0, 2**62)) if source == "generator" else time.perf_counter_ns()
        first = w.alive()[0]
        w.set_polity(first, treasury=w.polities[first].treasury + noise)

    monkeypatch.setattr(supply, "attrition", leaky)


@pytest.mark.parametrize("source", ["generator", "clock"])
def test_a_non_deterministic_rule_is_caught_by_the_hash(mini_scen, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    until = mini_scen.start + 5
    honest = [_campaign(mini_scen, seed=2, until=until)[0].state_hash() for _ in range(2)]
    assert honest[0] == honest[1]
    _unseeded(monkeypatch, source)
    leaky = [_campaign(mini_scen, seed=2, until=until)[0].state_hash() for _ in range(2)]
    assert leaky[0] != leaky[1]
    assert honest[0] not in leaky


def test_the_generator_state_round_trips_through_json(duel: GameState) -> None:
    gen = duel.generator()
    gen.random(5)  # move it on from the seed
    duel.keep_rng(gen)
    expected = gen.random(8)
    restored = state_from_json(json.loads(json.dumps(duel.to_json())), duel.scen)
    assert restored.rng == duel.rng
    assert np.array_equal(restored.generator().random(8), expected)
    assert restored.state_hash() == duel.state_hash()


def test_the_seed_fixes_the_generator(duel: GameState) -> None:
    a, b, c = duel.copy(), duel.copy(), duel.copy()
    a.rng, b.rng, c.rng = seeded_rng(42), seeded_rng(42), seeded_rng(43)
    assert np.array_equal(a.generator().random(4), b.generator().random(4))
    assert not np.array_equal(a.generator().random(4), c.generator().random(4))


def test_play_does_not_depend_on_python_hash_seeds(tmp_path) -> None:
    """Two interpreters with different PYTHONHASHSEED (so different set and dict-of-str
    orders) play the same random-order game to the same hash."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from test_determinism import _random_orders;"
        "from engine.scenario import load_scenario; from engine.setup import new_game;"
        "scen = load_scenario(sys.argv[2]);"
        "print(_random_orders(new_game(scen, seed=5, historical_mode='off'), 250, seed=8)[0].state_hash())"
    )
    hashes = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "-c", script, os.path.dirname(__file__), str(MINI)], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        hashes.add(done.stdout.strip())
    assert len(hashes) == 1
