# Two commands on a fresh machine with only Python 3.11 and make:
#   make play   -- set up .venv if needed, then open the game
#   make test   -- set up .venv (with the test extra) if needed, then run the tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test

.PHONY: play test demo validate bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(TSTAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP)

play: $(STAMP)
	$(PY) main.py play

test: $(TSTAMP)
	$(PY) -m pytest

demo: $(STAMP)
	$(PY) main.py simulate --scenario jin_xia_1211 --seed 1

validate: $(STAMP)
	$(PY) main.py validate scenarios/jin_xia_1211

bench: $(STAMP)
	$(PY) benchmarks/load.py
	$(PY) benchmarks/turns.py
	$(PY) benchmarks/render.py
	$(PY) benchmarks/batch.py
	$(PY) benchmarks/fidelity.py

clean:
	rm -rf $(VENV) build *.egg-info
