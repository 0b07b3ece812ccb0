"""Scenarios, shared planners (Mars windows cost ~0.5 s each) and cached ensembles."""

from __future__ import annotations

import pytest

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
