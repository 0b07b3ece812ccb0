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


def test_first_mars_landing_falls_in_1994_96_in_a_good_share(facts):
    """The series' first Mars landing is 1995 (Lee Jung-gil; NASA's Poole the same year).

    Mars windows come every 26 months, so the first landing falls in one of 1990, 1992-93,
    1995 (the 1994 departures) or later: the share of 1994-96 was 32 % over 100 seeds once
    programs stopped finishing in half their planned time (``crash_program_rate``; 5 %
    before). 20 % is about three sigma (4.3 % at 120 seeds) under what is measured.
    """
    years = [f["firsts"]["crewed_mars_landing"][1] for f in facts
             if "crewed_mars_landing" in f["firsts"]]  # fmt: skip
    share = sum(1994 <= y <= 1996 for y in years) / len(facts)
    assert share >= 0.20, (share, sorted(years))


def test_who_is_first_on_mars_varies(facts):
    """The series' first on Mars is North Korea's, in secret, then NASA's in public.

    More than one agency is first across the ensemble, and none in more than 90 % of the
    seeds that reach Mars (NASA is first in 74 of the 112 of these 120 that do, 66 %).
    """
    who = [f["firsts"]["crewed_mars_landing"][0] for f in facts
           if "crewed_mars_landing" in f["firsts"]]  # fmt: skip
    shares = {a: who.count(a) / len(who) for a in set(who)}
    assert len(shares) >= 2 and max(shares.values()) <= 0.9, shares


def test_happy_valley_grows_from_what_its_members_keep_and_pay_for(facts):
    """The series' Happy Valley has over 100 residents in 2003 and thousands by 2012.

    The engine is not there yet (docs/calibration.md: a median of about 9 in 2003 and 50
    in 2012 over 40 seeds, where before staff stayed one tour and orders landed two
    modules: 0 and 4); what this holds is that the base grows: among the seeds that have
    it in both years it holds more people in 2012 than in 2003 in most, and its median in
    2012 is at least 20 (about half what is measured; the engine before this work, with a
    median of 4, falls far under it).
    """
    both = [f["mars_base_population"] for f in facts
            if {2003, 2012} <= set(f["mars_base_population"])]  # fmt: skip
    grew = sum(p[2012] > p[2003] for p in both) / len(both)
    late = sorted(p[2012] for p in both)
    assert len(both) >= 60 and grew > 0.5, (len(both), grew)
    assert late[len(late) // 2] >= 20, late
