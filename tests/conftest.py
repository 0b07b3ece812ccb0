"""Shared fixtures: the ephemeris, Skyfield (an independent reader of DE421) as an oracle,
scenarios, shared mission planners and cached calibration ensembles."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import settings

# Property-based tests: a few dozen cases each in `make test`; `make fuzz` sets
# HYPOTHESIS_PROFILE=fuzz for thousands. No example database: the suite writes no files.
# make test: the same examples every run (a CI run cannot fail by the luck of the draw);
# make fuzz explores at random, at length
settings.register_profile(
    "default", max_examples=60, deadline=2_000, database=None, derandomize=True
)
settings.register_profile("fuzz", max_examples=1_000, deadline=10_000, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def _random_elements(rng, n, hyperbolic):
    """Random non-degenerate elements: ecc and sin(inc) kept away from 0 and from 1."""
    inc = rng.uniform(0.01, np.pi - 0.01, n)
    raan, argp = rng.uniform(0, 2 * np.pi, (2, n))
    if hyperbolic:
        ecc = rng.uniform(1.05, 5.0, n)
        a = -np.exp(rng.uniform(np.log(1e3), np.log(1e6), n))
        nu = rng.uniform(-0.95, 0.95, n) * np.arccos(-1 / ecc)
    else:
        ecc = rng.uniform(0.01, 0.95, n)
        a = np.exp(rng.uniform(np.log(7e3), np.log(1e6), n))
        nu = rng.uniform(-np.pi, np.pi, n)
    return a, ecc, inc, raan, argp, nu


@pytest.fixture(scope="session")
def random_elements():
    """``random_elements(rng, n, hyperbolic)`` -> (a_km, ecc, inc, raan, argp, nu) arrays
    of random non-degenerate orbits (tests/astro/test_kepler.py and its hapsira oracle)."""
    return _random_elements


@pytest.fixture(scope="session")
def eph():
    from spacerace.catalog.ephemeris import load_de421

    return load_de421()


@pytest.fixture(scope="session")
def skyfield_de421():
    """Skyfield's own loader over the same de421.bsp, and its built-in time scale."""
    from skyfield.api import Loader

    from spacerace.catalog.ephemeris import de421_path

    load = Loader(os.path.dirname(de421_path()))
    planets = load("de421.bsp")
    yield planets, load.timescale(builtin=True)
    planets.close()


N_SEEDS = 40
"""Seeds per calibration ensemble: a share of 0.5 is known to about +-0.08 (one sigma)."""


@pytest.fixture(scope="session")
def scenarios():
    from spacerace.scenario.loader import load_scenario

    return {name: load_scenario(name) for name in ("for-all-mankind", "history", "star-city")}


@pytest.fixture(scope="session")
def planners(scenarios):
    from spacerace.sim.engine import make_planner

    return {name: make_planner(sc) for name, sc in scenarios.items()}


@pytest.fixture(scope="session")
def ensembles(scenarios, planners):
    """N_SEEDS runs of history and for-all-mankind, seeds 0..N-1."""
    from spacerace.sim.engine import run_timeline

    return {
        name: [run_timeline(scenarios[name], s, planner=planners[name]) for s in range(N_SEEDS)]
        for name in ("history", "for-all-mankind")
    }


CHROMIUM = "/usr/bin/chromium"
LOOPBACK_ONLY = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1"
"""The browser resolves no name but localhost: a page cannot reach past the loopback."""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium for pytest-playwright (``playwright install`` cannot work here).

    One session fixture for every browser test: pytest-playwright launches one browser per
    session, with the arguments of whichever test asks first. A missing chromium fails the
    test, never skips it (``make test`` installs it).
    """
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (make test does)")
    args = [*browser_type_launch_args.get("args", []), LOOPBACK_ONLY]
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": args}


@pytest.fixture(scope="session")
def early_program_runs():
    """20 runs (seeds 0..19) of for-all-mankind with North Korea's program from 1980.

    In the built-in scenario (program from 1990) North Korea lands first on Mars, in
    secret, in well under one seed in a hundred; ten years more make it a race it can win,
    so the tests of secret firsts (tests/sim/test_secret_program.py,
    tests/report/test_voices.py) have some to read.
    """
    from importlib import resources

    from spacerace.scenario.loader import parse_scenario
    from spacerace.sim.engine import make_planner, run_timeline

    text = resources.files("spacerace.scenario.builtin").joinpath("for-all-mankind.toml")
    text = text.read_text(encoding="utf-8").replace(
        "founded_year = 1990             # invented", "founded_year = 1980             # invented"
    )
    assert "founded_year = 1980" in text  # the scenario still reads as this replaces it
    scenario = parse_scenario(text, "for-all-mankind, North Korea from 1980 (test)")
    planner = make_planner(scenario)
    return [run_timeline(scenario, seed, planner=planner) for seed in range(20)]
