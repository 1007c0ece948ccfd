"""Saves: round trip, atomic writes, damaged and too-new files refused with a clear message,
and ``main.py replay`` turning a bad save into exit code 2 without a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pytest

import main
from engine import save as save_module
from engine.save import SAVE_FORMAT, GameRecord, SaveError, load_game, read_save_json, save_game
from engine.scenario import Scenario
from engine.setup import new_game
from engine_testkit import MINI, ROOT, random_play


@pytest.fixture(scope="module")
def played(duel_scen: Scenario) -> GameRecord:
    """A duel played for a while with random legal orders, as a record."""
    state, orders, _ = random_play(new_game(duel_scen, seed=9, historical_mode="off"), 200, seed=2)
    assert orders and state.log
    return GameRecord(duel_scen.id, duel_scen.content_hash, [], state, orders, scenario_folder=str(duel_scen.folder))


def _write(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def test_round_trip_keeps_the_game(tmp_path: Path, played: GameRecord, duel_scen: Scenario) -> None:
    path = tmp_path / "saves" / "game.json"  # the folder is made
    save_game(path, played)
    loaded = load_game(path, duel_scen)
    assert loaded.state.state_hash() == played.state.state_hash()
    assert loaded.state.to_json() == played.state.to_json()
    assert loaded.orders == played.orders
    assert (loaded.scenario, loaded.scenario_hash, loaded.overlays) == (played.scenario, played.scenario_hash, [])
    assert loaded.numpy_version == np.__version__
    assert loaded.state.scen is duel_scen
    # the loaded game plays on exactly as the original would
    assert np.array_equal(loaded.state.generator().random(3), played.state.generator().random(3))


def test_the_save_is_plain_versioned_json(tmp_path: Path, played: GameRecord) -> None:
    path = tmp_path / "game.json"
    save_game(path, played)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert (data["format"], data["game"], data["scenario"]) == (SAVE_FORMAT, "four-realms", "duel")
    assert data["setup"]["seed"] == 9 and data["state_hash"] == played.state.state_hash()


def _old_save(tmp_path: Path, played: GameRecord) -> tuple[Path, bytes]:
    path = tmp_path / "game.json"
    first = GameRecord(played.scenario, played.scenario_hash, [], new_game(played.state.scen, seed=1), [])
    save_game(path, first)
    return path, path.read_bytes()


def _boom(*args: Any, **kwargs: Any) -> None:
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("target", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_save_and_no_temp_file(tmp_path: Path, played: GameRecord,
                                                            monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    path, old = _old_save(tmp_path, played)
    monkeypatch.setattr(os, target, _boom)
    with pytest.raises(OSError):
        save_game(path, played)
    monkeypatch.undo()
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"]


def test_an_unwritable_state_leaves_the_old_save(tmp_path: Path, played: GameRecord) -> None:
    path, old = _old_save(tmp_path, played)
    broken = played.state.copy()
    broken.flags = {object()}  # type: ignore[arg-type]  # cannot become JSON
    with pytest.raises(TypeError):
        save_game(path, GameRecord(played.scenario, played.scenario_hash, [], broken, []))
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.json"]


def _truncate(text: str) -> str:
    return text[: len(text) // 2]


def _edit_state(data: dict) -> dict:
    first = sorted(data["state"]["polities"])[0]
    data["state"]["polities"][first]["treasury"] += 1000
    return data


def _wrong_game(data: dict) -> dict:
    data["game"] = "another-game"
    return data


def _no_orders(data: dict) -> dict:
    del data["orders"]
    return data


def _unknown_order(data: dict) -> dict:
    data["orders"][0] = {"kind": "summon_dragons", "faction": "red"}
    return data


def _mistyped_order(data: dict) -> dict:
    # the orders are not covered by the state checksum: their fields must be checked on load
    i = next(i for i, x in enumerate(data["orders"]) if "amount" in x)
    data["orders"][i]["amount"] = "many"
    return data


def _mistyped_state(data: dict) -> dict:
    data["state"]["date"] = "yesterday"
    return data


DAMAGE: list[tuple[str, Callable[[Any], Any], bool, str]] = [
    # (name, change, applies to the raw text, words the message must contain)
    ("truncated", _truncate, True, "damaged"),
    ("not-json", lambda text: "\x00\x01 definitely not json", True, "damaged"),
    ("edited-state", _edit_state, False, "damaged"),
    ("wrong-game", _wrong_game, False, "not a Four Realms save"),
    ("a-list", lambda data: [data], False, "not a Four Realms save"),
    ("no-orders", _no_orders, False, "damaged"),
    ("unknown-order", _unknown_order, False, "damaged"),
    ("mistyped-order", _mistyped_order, False, "damaged"),
    ("mistyped-state", _mistyped_state, False, "damaged"),
]


def _damaged(tmp_path: Path, played: GameRecord, change: Callable[[Any], Any], raw: bool) -> tuple[Path, bytes]:
    path = tmp_path / "game.json"
    save_game(path, played)
    text = path.read_text(encoding="utf-8")
    if raw:
        path.write_text(change(text), encoding="utf-8")
    else:
        _write(path, change(json.loads(text)))
    return path, path.read_bytes()


@pytest.mark.parametrize("change, raw, words", [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_a_damaged_save_is_refused_and_left_alone(tmp_path: Path, played: GameRecord, duel_scen: Scenario,
                                                  change, raw: bool, words: str) -> None:
    path, damaged = _damaged(tmp_path, played, change, raw)
    with pytest.raises(SaveError) as caught:
        load_game(path, duel_scen)
    message = str(caught.value)
    assert words in message and str(path) in message
    assert path.read_bytes() == damaged  # refusing never rewrites or removes the file


def test_a_too_new_save_is_refused_naming_its_format(tmp_path: Path, played: GameRecord, duel_scen: Scenario) -> None:
    path = tmp_path / "game.json"
    save_game(path, played)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format"] = SAVE_FORMAT + 98
    _write(path, data)
    with pytest.raises(SaveError, match=rf"newer version .*format {SAVE_FORMAT + 98}"):
        load_game(path, duel_scen)


def test_a_save_without_a_format_is_refused(tmp_path: Path, played: GameRecord) -> None:
    path = tmp_path / "game.json"
    save_game(path, played)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["format"]
    _write(path, data)
    with pytest.raises(SaveError, match="no format version"):
        read_save_json(path)


def test_an_old_save_is_upgraded_by_the_migrations_table(tmp_path: Path, played: GameRecord, duel_scen: Scenario,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "game.json"
    save_game(path, played)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["format"] = SAVE_FORMAT - 1
    data["game_orders"] = data.pop("orders")  # pretend the old format named it so
    _write(path, data)
    with pytest.raises(SaveError, match=f"no upgrade from save format {SAVE_FORMAT - 1}"):
        read_save_json(path)

    def upgrade(old: dict) -> dict:
        new = dict(old, format=SAVE_FORMAT)
        new["orders"] = new.pop("game_orders")
        return new

    monkeypatch.setitem(save_module.MIGRATIONS, SAVE_FORMAT - 1, upgrade)
    assert load_game(path, duel_scen).orders == played.orders


def test_a_save_for_another_scenario_is_refused(tmp_path: Path, played: GameRecord, mini_scen: Scenario) -> None:
    path = tmp_path / "game.json"
    save_game(path, played)
    with pytest.raises(SaveError, match="for scenario 'duel', not 'mini'"):
        load_game(path, mini_scen)


def test_a_missing_save_is_refused(tmp_path: Path, duel_scen: Scenario) -> None:
    with pytest.raises(SaveError, match="no such save file"):
        load_game(tmp_path / "nothing.json", duel_scen)


# ---------------------------------------------------------------- main.py replay on bad saves


@pytest.fixture(scope="module")
def mini_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("replay") / "mini.json"
    assert main.main(["simulate", "--scenario", str(MINI), "--seed", "2", "--until", "1200-08", "--quiet",
                      "--save", str(path)]) == 0
    return path


@pytest.mark.parametrize("change, raw, words", [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_replay_of_a_damaged_save_exits_2_without_a_traceback(tmp_path: Path, mini_save: Path,
                                                              capsys: pytest.CaptureFixture[str], change, raw: bool,
                                                              words: str) -> None:
    capsys.readouterr()
    path = tmp_path / "bad.json"
    text = mini_save.read_text(encoding="utf-8")
    if raw:
        path.write_text(change(text), encoding="utf-8")
    else:
        _write(path, change(json.loads(text)))
    code = main.main(["replay", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_replay_of_a_too_new_save_exits_2(tmp_path: Path, mini_save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(mini_save.read_text(encoding="utf-8"))
    data["format"] = SAVE_FORMAT + 1
    path = tmp_path / "new.json"
    _write(path, data)
    capsys.readouterr()
    assert main.main(["replay", str(path)]) == 2
    assert f"format {SAVE_FORMAT + 1}" in capsys.readouterr().err


def test_replay_as_a_program_prints_no_traceback(tmp_path: Path, mini_save: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(_truncate(mini_save.read_text(encoding="utf-8")), encoding="utf-8")
    done = subprocess.run([sys.executable, "main.py", "replay", str(path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert "damaged" in done.stderr and "Traceback" not in done.stderr + done.stdout
