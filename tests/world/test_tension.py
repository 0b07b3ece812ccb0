"""Tension moves in the documented direction for each driver."""

import dataclasses

import numpy as np
import pytest

from spacerace.world.mechanics import Mechanics
from spacerace.world.tension import (
    RAISING,
    REDUCING,
    TensionDrivers,
    incident_chance,
    relax,
    tension_target,
    tension_terms,
)

MECH = Mechanics()
MIDDLE = TensionDrivers(0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 0.5, 0.5)


@pytest.mark.parametrize("driver", RAISING)
def test_each_raising_driver_raises_tension(driver):
    more = dataclasses.replace(MIDDLE, **{driver: 0.9})
    assert tension_target(more, MECH) > tension_target(MIDDLE, MECH)


@pytest.mark.parametrize("driver", REDUCING)
def test_each_reducing_driver_lowers_tension(driver):
    more = dataclasses.replace(MIDDLE, **{driver: 1.0})
    assert tension_target(more, MECH) < tension_target(MIDDLE, MECH)


def test_target_stays_in_range():
    worst = TensionDrivers(1, 1, 1, 1, 1, 0, 0, 0)
    best = TensionDrivers(0, 0, 0, 0, 0, 1, 1, 1)
    assert tension_target(worst, MECH) == 1.0
    assert tension_target(best, MECH) == 0.0


def test_relax_approaches_the_target_from_both_sides():
    assert 0.2 < relax(0.2, 0.8, 30.0, 2.0) < 0.8
    assert 0.2 < relax(0.8, 0.2, 30.0, 2.0) < 0.8
    assert relax(0.8, 0.2, 1e5, 2.0) == pytest.approx(0.2)


def test_incidents_only_above_the_threshold_and_more_when_tenser():
    t0 = MECH.tension.incident_threshold
    assert incident_chance(t0 - 0.01, 30.0, MECH) == 0.0
    assert 0.0 < incident_chance(t0 + 0.1, 30.0, MECH) < incident_chance(0.9, 30.0, MECH) < 1.0


def test_target_is_the_explained_terms_sum_to_the_last_bit():
    """``tension_target`` sums the values ``tension_terms`` explains, in their order.

    The target skips the labels for speed; what a chronicle or the report explains with
    ``tension_terms`` must still add up to the very float the engine moved tension toward.
    """
    rng = np.random.default_rng(7)
    names = [f.name for f in dataclasses.fields(TensionDrivers)]
    for _ in range(500):
        d = TensionDrivers(**dict(zip(names, rng.uniform(0.0, 0.4, len(names)), strict=True)))
        explained = sum(x for _, x in tension_terms(d, MECH))
        assert tension_target(d, MECH) == min(1.0, max(0.0, explained))
