"""Shared runs for the ensemble tests: twelve seeds of for-all-mankind, played serially."""

import pytest

SEEDS = range(12)


@pytest.fixture(scope="session")
def fam(scenarios):
    return scenarios["for-all-mankind"]


@pytest.fixture(scope="session")
def serial_records(fam):
    from spacerace.ensemble.backends import run_seeds

    got = []
    run_seeds(fam, SEEDS, backend="serial", on_records=got.extend)
    return got


def content(records):
    """What a backend must reproduce: every row but the timing, sorted by seed."""
    rows = []
    for r in sorted(records, key=lambda r: r.run["seed"]):
        run = {k: v for k, v in r.run.items() if k != "duration_s"}
        rows.append((run, r.events, r.milestones, r.metrics, r.missions))
    return rows
