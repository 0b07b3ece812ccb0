"""The launch reliability-growth curve (world.launch_growth) against the real record.

Oracles: GCAT's launch record as the catalog ships it (``launch_record.csv``, J. C.
McDowell's launch log, 6,817 launches 1957-2024): the curve's constants are fitted to it again
here by maximum likelihood (scipy, independent of the engine), its failure rates by experience
are compared with the record's, and vehicles' later records are predicted from their early
ones (out of sample) better than the frozen Beta mean would.
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from scipy.optimize import minimize

from spacerace.catalog.vehicles import count_outcomes, load_launch_record, load_record_rules
from spacerace.world.launch_growth import class_failure, family_flights, launch_odds
from spacerace.world.mechanics import Mechanics

M = Mechanics.with_overrides().missions
CURVE = (M.launch_first_failure, M.launch_growth_n0, M.launch_growth_slope)


@pytest.fixture(scope="module")
def flights():
    rows = family_flights(load_launch_record())
    return np.array([n for n, _ in rows], float), np.array([f for _, f in rows], float)


def test_the_constants_are_the_maximum_likelihood_fit_to_the_record(flights):
    n, failed = flights
    assert len(n) == 6817 and int((n == 0).sum()) == 255  # 255 families

    def nll(p):
        first, n0, slope = 1 / (1 + math.exp(-p[0])), math.exp(p[1]), p[2]
        q = np.clip(first * ((n0 + n) / n0) ** -slope, 1e-12, 1 - 1e-12)
        return -(failed * np.log(q) + (1 - failed) * np.log(1 - q)).sum()

    fit = minimize(nll, [0.0, math.log(2.0), 0.5], method="Nelder-Mead",
                   options={"xatol": 1e-6, "fatol": 1e-6, "maxiter": 5000})  # fmt: skip
    first, n0, slope = 1 / (1 + math.exp(-fit.x[0])), math.exp(fit.x[1]), fit.x[2]
    assert first == pytest.approx(M.launch_first_failure, abs=0.002)
    assert slope == pytest.approx(M.launch_growth_slope, abs=0.002)
    assert n0 == pytest.approx(M.launch_growth_n0, rel=0.02)
    # the fit is a real improvement on one rate for every flight (7.2 % of all launches)
    p = failed.mean()
    flat = -(failed * math.log(p) + (1 - failed) * math.log(1 - p)).sum()
    assert flat - fit.fun > 100  # log-likelihood units


@pytest.mark.parametrize(
    ("lo", "hi"), [(0, 1), (1, 5), (5, 20), (20, 100), (100, 500), (500, 10_000)]
)
def test_the_curve_gives_the_records_failure_rate_by_experience(flights, lo, hi):
    # record (this catalog): 34.5 % of first flights fail, 16.3 % of flights 2-5, 10.2 % of
    # 6-20, 4.3 % of 21-100, 3.6 % of 101-500, 2.7 % after
    n, failed = flights
    inside = (n >= lo) & (n < hi)
    observed = failed[inside].mean()
    predicted = np.mean([class_failure(k, *CURVE) for k in n[inside]])
    sigma = math.sqrt(observed * (1 - observed) / inside.sum())
    assert abs(predicted - observed) < max(3 * sigma, 0.2 * observed), (observed, predicted)


@pytest.mark.parametrize("key", ["proton", "soyuz"])
@pytest.mark.parametrize("cut", [1969, 1975, 1985])
def test_a_vehicles_early_record_predicts_its_later_failures(key, cut):
    # out of sample: the record up to ``cut`` scales the curve, which then predicts the
    # failures of every later flight of the vehicle; the Beta mean of the early record (what a
    # frozen belief would draw at) is the alternative
    rule = load_record_rules()[key]
    record = load_launch_record()
    s, f = count_outcomes(record, rule, until_year=cut)
    later = [x for x in record if x.year > cut and re.fullmatch(rule, x.lv_type)]
    observed = sum(not x.success for x in later)
    growth = sum(1 - launch_odds(s, f, k, *CURVE)[2] for k in range(len(later)))
    beta = len(later) * (1 + f) / (2 + s + f)
    assert observed >= 15 and s + f >= 10
    assert 1 / 2.1 < growth / observed < 2.1, (observed, growth, beta)
    if cut < 1985:  # a young record: the curve is far closer than the frozen belief
        assert abs(math.log(growth / observed)) < abs(math.log(beta / observed))
