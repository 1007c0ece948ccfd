"""Architecture rules, checked on the source with ``ast`` (conventions 1 and the security
requirements of DESIGN.md section 8):

- ``engine/`` imports neither pygame, pygame_gui nor ``game/``, nor the unseeded ``random``;
- nowhere in ``engine/``, ``game/`` or ``main.py``: ``eval``, ``exec``, ``compile``,
  ``__import__``, pickle (or its kin: marshal, shelve, dill …), numpy's ``allow_pickle=True``,
  or YAML loading without a safe loader.

The checkers are tested on small snippets first, so a silent checker cannot pass the tree.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

ENGINE_FORBIDDEN = {"pygame", "pygame_gui", "game", "random"}
PICKLE_LIKE = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "shelve", "marshal", "joblib", "copyreg"}
DANGEROUS_CALLS = {"eval", "exec", "compile", "__import__"}
UNSAFE_YAML_FUNCS = {"unsafe_load", "unsafe_load_all", "full_load", "full_load_all"}
YAML_LOADS = {"load", "load_all"}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"}
UNSAFE_LOADERS = {"Loader", "CLoader", "UnsafeLoader", "CUnsafeLoader", "FullLoader", "CFullLoader"}


def _modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) for every import in the tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def forbidden_imports(source: str, forbidden: set[str]) -> list[str]:
    return [f"line {line}: imports {name}" for line, name in _modules(ast.parse(source))
            if name.split(".")[0] in forbidden]


def _loader_names(expr: ast.AST) -> set[str]:
    """Names and strings inside a Loader argument that look like YAML loader classes."""
    names = set()
    for node in ast.walk(expr):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names.add(node.value)
    return {n for n in names if n.endswith("Loader")}


def _yaml_aliases(tree: ast.AST) -> set[str]:
    aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            aliases |= {a.asname or a.name for a in node.names if a.name == "yaml"}
    return aliases


def unsafe_code(source: str) -> list[str]:
    """Every use of code execution, pickle or unsafe YAML loading in ``source``."""
    tree = ast.parse(source)
    problems = [f"line {line}: imports {name}" for line, name in _modules(tree) if name.split(".")[0] in PICKLE_LIKE]
    yaml_names = _yaml_aliases(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "yaml":
            for alias in node.names:
                if alias.name in UNSAFE_LOADERS | UNSAFE_YAML_FUNCS or alias.name in YAML_LOADS:
                    problems.append(f"line {node.lineno}: imports yaml.{alias.name}")
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in DANGEROUS_CALLS:
            problems.append(f"line {node.lineno}: calls {func.id}")
        for kw in node.keywords:
            if kw.arg == "allow_pickle" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                problems.append(f"line {node.lineno}: allow_pickle")
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in yaml_names:
            if func.attr in UNSAFE_YAML_FUNCS:
                problems.append(f"line {node.lineno}: calls yaml.{func.attr}")
            elif func.attr in UNSAFE_LOADERS:
                problems.append(f"line {node.lineno}: builds yaml.{func.attr}")
            elif func.attr in YAML_LOADS:
                loader = next((kw.value for kw in node.keywords if kw.arg == "Loader"),
                              node.args[1] if len(node.args) > 1 else None)
                names = _loader_names(loader) if loader is not None else set()
                if not names or not names <= SAFE_LOADERS:
                    problems.append(f"line {node.lineno}: yaml.{func.attr} without a safe loader")
    return problems


def _python_files(*roots: str) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        path = ROOT / root
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


# ---------------------------------------------------------------- the checkers themselves

@pytest.mark.parametrize("source", [
    "import random", "import pygame", "import pygame.draw", "from pygame import Rect", "import pygame_gui",
    "from game import app", "import game.mapview", "from random import choice", "def f():\n    import random",
])
def test_the_import_check_catches(source: str) -> None:
    assert forbidden_imports(source, ENGINE_FORBIDDEN)


@pytest.mark.parametrize("source", ["import numpy as np", "from numpy import random", "from engine import game_over",
                                    "import engine.rules.geography", "from . import random"])
def test_the_import_check_allows(source: str) -> None:
    assert forbidden_imports(source, ENGINE_FORBIDDEN) == []


@pytest.mark.parametrize("source", [
    "eval('1')", "exec('x = 1')", "compile('1', 'f', 'eval')", "__import__('os')",
    "import pickle", "from pickle import loads", "import marshal", "import shelve", "import dill",
    "import numpy as np\nnp.load('f', allow_pickle=True)",
    "import yaml\nyaml.load(text)", "import yaml\nyaml.load(text, Loader=yaml.Loader)",
    "import yaml\nyaml.load(text, yaml.FullLoader)", "import yaml\nyaml.unsafe_load(text)",
    "import yaml\nyaml.full_load(text)", "import yaml as y\ny.load_all(text)",
    "import yaml\nyaml.load(text, Loader=yaml.UnsafeLoader)", "from yaml import Loader",
    "from yaml import load", "import yaml\nyaml.Loader(text)",
])
def test_the_safety_check_catches(source: str) -> None:
    assert unsafe_code(source)


@pytest.mark.parametrize("source", [
    "import yaml\nyaml.load(text, Loader=yaml.SafeLoader)", "import yaml\nyaml.safe_load(text)",
    "import yaml\nyaml.load(text, Loader=getattr(yaml, 'CSafeLoader', yaml.SafeLoader))",
    "from yaml import CSafeLoader as L\nL(text)", "import re\nre.compile('x')", "import json\njson.loads(s)",
    "import numpy as np\nnp.load('f', allow_pickle=False)", "model.eval()",
])
def test_the_safety_check_allows(source: str) -> None:
    assert unsafe_code(source) == []


# ---------------------------------------------------------------- the tree

def test_the_engine_imports_no_ui_and_no_unseeded_random() -> None:
    files = _python_files("engine")
    assert len(files) > 20
    problems = [f"{f.relative_to(ROOT)}: {p}" for f in files
                for p in forbidden_imports(f.read_text(encoding="utf-8"), ENGINE_FORBIDDEN)]
    assert problems == []


def test_no_code_execution_pickle_or_unsafe_yaml() -> None:
    files = _python_files("engine", "game", "main.py")
    assert ROOT / "main.py" in files
    problems = [f"{f.relative_to(ROOT)}: {p}" for f in files for p in unsafe_code(f.read_text(encoding="utf-8"))]
    assert problems == []


def test_the_engine_has_no_wall_clock_in_its_rules() -> None:
    """Rules must not read the clock (a clock-dependent rule breaks replays)."""
    clock = re.compile(r"\b(time\.time|time\.perf_counter|datetime\.now|datetime\.today|date\.today)\b")
    problems = [f"{f.relative_to(ROOT)}:{i}" for f in _python_files("engine/rules", "engine/apply.py",
                                                                      "engine/legality.py", "engine/state.py")
                for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1) if clock.search(line)]
    assert problems == []
