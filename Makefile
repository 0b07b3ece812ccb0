# spacerace: two commands set everything up on a fresh machine.
#   make demo   create .venv, install (with the web extra), run the main job (the For All
#               Mankind timeline); then `.venv/bin/spacerace serve` shows it in a browser
#   make test   install what the tests need and run them: the main suite in .venv (the
#               versions `make demo` installs), then tests/oracle in .venv-oracle, where
#               hapsira 0.18 holds Matplotlib < 3.8 (and so NumPy < 2) and astropy < 7
#   make fuzz   10,000 mutated scenarios loaded and played, the property tests at length
#   make calibrate  200 seeds of each built-in scenario beside the record: docs/calibration.md
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ORACLE := .venv-oracle
OBIN   := $(ORACLE)/bin
export NUMBA_CACHE_DIR ?= $(CURDIR)/.numba-cache
ORACLE_NUMBA := $(CURDIR)/.numba-cache-oracle

.PHONY: demo test fuzz calibrate bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[web]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,web]'
	test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	touch $@

$(OBIN)/python:
	$(PYTHON) -m venv $(ORACLE)
	$(OBIN)/python -m pip install --quiet --upgrade pip

$(ORACLE)/.installed: $(OBIN)/python pyproject.toml
	$(OBIN)/python -m pip install --quiet -e '.[oracle]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/spacerace run --out out/demo

# Each pytest fails on exit 5 (nothing collected); with SPACERACE_ORACLE=1 a missing peer is
# an error, not a skip. The main suite runs on two pytest-xdist workers (CI has 2 cores), a
# test file to a worker so that its module fixtures are built once (docs/reliability.md).
test: $(VENV)/.installed-test $(ORACLE)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -n 2 --dist loadfile src tests --ignore=tests/oracle
	SPACERACE_ORACLE=1 NUMBA_CACHE_DIR=$(ORACLE_NUMBA) $(OBIN)/python -m pytest tests/oracle

fuzz: $(VENV)/.installed-test   # about 10 minutes on 2 cores (docs/reliability.md)
	$(BIN)/python tools/fuzz_scenarios.py --cases 10000 --jobs 2
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q -p no:cacheprovider \
		tests/scenario/test_loader_fuzz.py tests/sim/test_decision_log_fuzz.py

calibrate: $(VENV)/.installed   # about 1 minute on 2 cores (docs/calibration.md and its plot)
	$(BIN)/python tools/calibrate.py --seeds 200

# bench_lambert and bench_porkchop time hapsira too: they run in .venv-oracle.
bench: $(VENV)/.installed-test $(ORACLE)/.installed
	NUMBA_CACHE_DIR=$(ORACLE_NUMBA) $(OBIN)/python bench/bench_lambert.py
	NUMBA_CACHE_DIR=$(ORACLE_NUMBA) $(OBIN)/python bench/bench_porkchop.py
	$(BIN)/python bench/bench_startup.py
	$(BIN)/python bench/bench_engine.py --before 9bbdf00 --profile   # own temporary worktree
	@test -d /tmp/before || git worktree add /tmp/before 74b34d9    # bench_bases' checkout
	$(BIN)/python bench/bench_bases.py --before /tmp/before
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_asteroids.py   # about 1 minute
	$(BIN)/python bench/bench_ensemble.py   # about 10 minutes

clean:
	rm -rf $(VENV) $(ORACLE) .numba-cache .numba-cache-oracle porkchop.png
