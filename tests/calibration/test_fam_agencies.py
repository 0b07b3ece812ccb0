"""For All Mankind's agencies all fly (issue 12): 120 seeds, enough to tell "most seeds".

In the series NASA, the Soviet program, Helios (from the 1990s) and North Korea (its 1995
Mars flight) all fly crews. "Most seeds" is > 50 %; North Korea's share is near 60 % (200
seeds, docs/calibration.md), so 40 seeds (one sigma about 8 %) cannot tell it from a half:
120 seeds (about 4.5 %) can. Played once for the module in two worker processes.
"""

from __future__ import annotations

import pytest

from spacerace.ensemble.calibration import ensemble_facts

pytestmark = pytest.mark.calibration


@pytest.fixture(scope="module")
def facts(scenarios):
    return ensemble_facts(scenarios["for-all-mankind"], range(120), workers=2)


@pytest.mark.parametrize("agency", ["nasa", "soviet", "helios", "dprk"])
def test_every_agency_launches_crews_in_most_seeds(facts, agency):
    share = sum(agency in f["crewed_agencies"] for f in facts) / len(facts)
    assert share > 0.5, (agency, share)
