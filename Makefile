# spacerace: two commands set everything up on a fresh machine.
#   make demo   create .venv, install, run the main job (the For All Mankind timeline)
#   make test   install what the tests need and run them
#   make fuzz   10,000 mutated scenarios loaded and played, the property tests at length
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NUMBA_CACHE_DIR ?= $(CURDIR)/.numba-cache

.PHONY: demo test fuzz bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/spacerace run --out out/demo

test: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest src tests

fuzz: $(VENV)/.installed-test   # about 10 minutes on 2 cores (docs/reliability.md)
	$(BIN)/python tools/fuzz_scenarios.py --cases 10000 --jobs 2
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/scenario/test_loader_fuzz.py tests/sim/test_decision_log_fuzz.py

bench: $(VENV)/.installed-test
	$(BIN)/python bench/bench_lambert.py
	$(BIN)/python bench/bench_porkchop.py
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_engine.py --before 9bbdf00 --profile   # own temporary worktree
	@test -d /tmp/before || git worktree add /tmp/before 74b34d9    # bench_bases' checkout
	$(BIN)/python bench/bench_bases.py --before /tmp/before
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_asteroids.py   # about 1 minute
	$(BIN)/python bench/bench_ensemble.py   # about 10 minutes

clean:
	rm -rf $(VENV) .numba-cache porkchop.png
