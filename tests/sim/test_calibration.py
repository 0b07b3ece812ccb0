"""Calibration over many seeds: the history baseline and the For All Mankind divergence.

Thresholds and why:
* history, US first on the Moon in >= 85 % of seeds: the real Apollo program landed on its
  first attempt; only launch and landing failures (real Saturn V record, Apollo-era phase
  risks) can delay it, and a delay must outlast the Soviet attempts, which fail with the N1.
* history, first US landing in 1969 or 1970 in >= 70 %: Apollo 11 flew in July 1969 and
  Apollo 12-13 followed within a year.
* history, Soviet crewed landing in <= 5 %: the real N1 failed 4 of 4 flights; the
  Soviet policy gives the goal up once the US is there (as the real program did).
* history, NASA's budget within 40 % of the real appropriation in 1970 and 1980: money is
  modelled, not replayed (Planetary Society table in the catalog).
* for-all-mankind: the scripted landing on 1969-06-26 in every seed; both superpowers'
  1974 budgets above history's (the race intensifies); a lunar base by 1977 in >= 60 %; a
  first crewed Mars landing by 1999 in > 40 % ("most seeds" in the issue) and none before
  1985 (the 1969 Space Task Group plan's earliest landing was 1981-83 at full funding, and
  the Mars ship needs nuclear propulsion first). Before issue 11 the landing came in the
  1990s (median 1993); since NASA's budget grows with federal outlays and, its race never
  won, stays near its 1969 share of them (about twice the real appropriation), the ship is
  paid for by the mid-1980s and the median landing is 1989 (200 seeds, docs/calibration.md).
"""

import statistics

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.catalog.budgets import nasa_appropriation_musd


def _year(result, milestone):
    m = result.milestones.get(milestone)
    return int(jd_tdb_to_iso(result.start_jd_tdb + m.day)[:4]) if m else None


def _budget(result, agency, year):
    return next(
        r["budget_musd"] for r in result.metrics if r["agency"] == agency and r["year"] == year
    )


def test_history_us_lands_first(ensembles):
    runs = ensembles["history"]
    first = [r.milestones.get("crewed_lunar_landing") for r in runs]
    us = [m for m in first if m and m.agency == "nasa"]
    assert len(us) >= 0.85 * len(runs)
    early = [r for r in runs if _year(r, "crewed_lunar_landing") in (1969, 1970)]
    assert len(early) >= 0.70 * len(runs)


def test_history_soviets_do_not_land(ensembles):
    runs = ensembles["history"]
    soviet = [
        r
        for r in runs
        if any(
            e.agency == "soviet" and e.data.get("milestone") == "crewed_lunar_landing"
            for e in r.log.of_kind("milestone")
        )
    ]
    assert len(soviet) <= 0.05 * len(runs)


def test_history_budgets_track_the_real_ones(ensembles):
    for year in (1970, 1980):
        median = statistics.median(_budget(r, "nasa", year) for r in ensembles["history"])
        real = nasa_appropriation_musd(year + 1)  # the budget set in `year` is for FY year+1
        assert abs(median / real - 1) < 0.40, (year, median, real)


def test_fam_divergence_is_scripted_and_happens(ensembles):
    for r in ensembles["for-all-mankind"]:
        first = r.milestones["crewed_lunar_landing"]
        assert first.agency == "soviet" and first.people == ("Alexei Leonov",)
        assert jd_tdb_to_iso(r.start_jd_tdb + first.day) == "1969-06-26"
        event = next(
            e
            for e in r.log.of_kind("milestone")
            if e.data.get("milestone") == "crewed_lunar_landing"
        )
        assert event.scripted


def test_fam_race_intensifies(ensembles):
    for agency in ("nasa", "soviet"):
        fam = statistics.median(_budget(r, agency, 1974) for r in ensembles["for-all-mankind"])
        base = statistics.median(_budget(r, agency, 1974) for r in ensembles["history"])
        assert fam > base * 1.1, (agency, fam, base)


def test_fam_bases_and_mars_emerge(ensembles):
    runs = ensembles["for-all-mankind"]
    bases = [r for r in runs if (_year(r, "lunar_base") or 9999) <= 1977]
    assert len(bases) >= 0.60 * len(runs)
    years = [_year(r, "crewed_mars_landing") for r in runs]
    assert sum(1 for y in years if y and y <= 1999) > 0.40 * len(runs)
    assert all(y >= 1985 for y in years if y)
    assert not any(e.scripted for r in runs for e in r.log.of_kind("base_founded"))


def _crewed(result, agency):
    return any(
        m.agency == agency and m.crew and m.status != "planned" for m in result.world.missions
    )


def _calendar_year(result, day: float) -> int:
    from spacerace.sim.calendar import Calendar

    return Calendar(result.world.start_jd_tdb).year(day)


def test_fam_the_soviet_program_races_on_after_the_n1_works(ensembles):
    # canon (WORLD.md): Belikova is the first woman on the Moon (1969), Zvezda stands by 1974,
    # and the USSR still stands in 2003; each in most seeds (> 50 %), none scripted
    runs = ensembles["for-all-mankind"]
    woman = [r.milestones.get("woman_on_moon") for r in runs]
    assert sum(m is not None and m.agency == "soviet" for m in woman) > 0.5 * len(runs)
    zvezda = [
        r
        for r in runs
        if any(b.founder == "soviet" and b.body == "moon" for b in r.world.bases.values())
    ]
    assert len(zvezda) > 0.5 * len(runs)
    # the canon's claim is about 2003 (the runs now go on to 2012): no Soviet fall before 2004
    falls = [
        [_calendar_year(r, e.day) for e in r.log.of_kind("state_collapse") if e.agency == "soviet"]
        for r in runs
    ]
    standing = [r for r, years in zip(runs, falls, strict=True) if all(y > 2003 for y in years)]
    assert len(standing) > 0.5 * len(runs)
    assert not any(e.scripted for r in runs for e in r.log.of_kind("base_founded", "milestone")
                   if e.data.get("milestone") != "crewed_lunar_landing")  # fmt: skip


def test_fam_more_than_one_agency_lands_crews_on_mars(ensembles):
    # issue 12: across the ensemble, crews of more than one agency reach the Martian surface
    landed = {
        m.agency
        for r in ensembles["for-all-mankind"]
        for m in r.world.missions
        if m.kind.startswith("mars_landing") and "landing" in m.phases_done
    }
    assert len(landed) >= 2, landed
