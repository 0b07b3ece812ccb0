"""Calibration: ensembles of every built-in scenario beside the real record or the canon.

    .venv/bin/python tools/calibrate.py            # make calibrate: 200 seeds each
    .venv/bin/python tools/calibrate.py --seeds 40 --out /tmp/cal.md

Plays seeds 0..N-1 of each built-in scenario in worker processes (2 by default), each
worker reducing its runs to small facts (``spacerace.ensemble.calibration.facts_of``), and
writes docs/calibration.md with a plot beside it (docs/calibration_budget.png):

* ``history`` against the real record (WORLD.md's "real history" paragraph, cited per row
  below): every real milestone with its date beside the share of runs that reach it and
  its median year (5-95 %); counts per run (Apollo landings 1969-72 and after, Saturn V,
  Energia and Space Shuttle flights, years with a US crew launch 1976-80, training deaths,
  crew lost) as median and 5-95 %;
* NASA's appropriation by five-year span of fiscal years, then-year M$: the real one
  (``catalog.budgets.nasa_appropriation_musd``) beside the simulated median-seed value,
  its 5-95 % band and the ratio, and a plot of the years;
* every scenario's firsts (who was first in what share of runs, with the 95 % Wilson
  interval, and in what median year) beside the real record for ``history`` and the
  series' canon for ``for-all-mankind`` and ``star-city`` (Leonov 1969, Belikova the
  first woman on the Moon in 1969, Jamestown 1973, Lee Jung-gil secretly first on Mars
  1995, Happy Valley 1995, the first successful capture 2003).

The references are data below, each with where it comes from; nothing here tunes the
engine.
"""

from __future__ import annotations

import argparse
import math
import sys
import textwrap
import time
from pathlib import Path

from spacerace.catalog.budgets import nasa_appropriation_musd
from spacerace.catalog.programs import load_programs
from spacerace.ensemble.calibration import (
    BUDGET_SPANS,
    band,
    count_landings,
    first,
    many_ensemble_facts,
    real_span_total,
    span_total,
)
from spacerace.ensemble.summary import MILESTONES, Z95, wilson_interval
from spacerace.scenario.loader import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ("history", "for-all-mankind", "star-city")
US, USSR = "nasa", "soviet"
APOLLO_YEARS = range(1969, 1973)

REAL = {  # milestone -> (agency or "nobody", year or None): the real record (WORLD.md)
    "crewed_lunar_landing": ("nasa", 1969),  # Apollo 11, 20 July 1969
    "woman_on_moon": ("nobody", None),
    "space_station": ("soviet", 1971),  # Salyut 1, April 1971
    "lunar_base": ("nobody", None),
    "crewed_mars_landing": ("nobody", None),
    "mars_base": ("nobody", None),
    "asteroid_capture": ("nobody", None),
}
CANON = {  # milestone -> (agency, year): For All Mankind (WORLD.md, the series' timeline)
    "crewed_lunar_landing": ("soviet", 1969),  # Leonov, 26 June 1969 (scripted divergence)
    "woman_on_moon": ("soviet", 1969),  # Anastasia Belikova, later in 1969
    "space_station": ("—", None),  # the series does not date a first station
    "lunar_base": ("nasa", 1973),  # Jamestown, October 1973 (Zvezda 1974)
    "crewed_mars_landing": ("dprk", 1995),  # Lee Jung-gil, secretly; Poole officially
    "mars_base": ("nasa", 1995),  # Happy Valley, 1995
    "asteroid_capture": ("nasa", 2003),  # Goldilocks captured into Mars orbit, 2003
}
REFERENCE = {"history": ("real record", REAL)}


# --- numbers --------------------------------------------------------------------------------


def _pct(k: int, n: int) -> str:
    return f"{k / n:.0%}" if n else "—"


def _years(values: list[int]) -> str:
    """Median year and 5-95 % range of some years, or a dash."""
    b = band(values)
    if not b["n"]:
        return "—"
    return f"{b['median']:.0f} ({b['p5']:.0f}-{b['p95']:.0f})"


def _counts(values: list[float]) -> str:
    """Median (5-95 %) and mean of counts per run, quantiles to a tenth."""
    b = band(values)
    p5, med, p95 = (f"{round(b[k], 1):g}" for k in ("p5", "median", "p95"))
    return f"{med} ({p5}-{p95}), mean {b['mean']:.2f}"


def _share_and_year(facts: list[dict], year_of) -> tuple[str, str]:
    """Share of runs where ``year_of(facts)`` is a year, and those years' median (5-95 %)."""
    years = [y for y in (year_of(f) for f in facts) if y is not None]
    return _pct(len(years), len(facts)), _years(years)


def _modelled(facts: list[dict], *, program: str = "", kind: str = "") -> bool:
    """True if a program is in the catalog or completed in a run, or an event kind occurs."""
    if program:
        return program in load_programs() or any(program in f["programs_completed"] for f in facts)
    return any(kind in f["event_kinds"] for f in facts)


def _first_soviet_landing(f: dict) -> int | None:
    years = [y for body in f["landings"].values() for y in body.get(USSR, {})]
    return min(years) if years else None


def history_rows(facts: list[dict]) -> list[tuple[str, str, str, str, str]]:
    """Rows (milestone, real, share of runs, median year 5-95 %, how it is read)."""
    n = len(facts)
    rows = []

    def first_year(milestone, agency=None):
        def year(f):
            got = first(f, milestone)
            return got[1] if got and (agency is None or got[0] == agency) else None

        return year

    us_1969 = sum(first(f, "crewed_lunar_landing") == (US, 1969) for f in facts)
    share, years = _share_and_year(facts, first_year("crewed_lunar_landing", US))
    rows.append(
        (
            "First crewed lunar landing by the US",
            "US, 20 Jul 1969 (Apollo 11)",
            f"US first {share}; US first in 1969 {_pct(us_1969, n)}",
            years,
            "`crewed_lunar_landing` first",
        )
    )
    apollo = [count_landings(f, "moon", US, APOLLO_YEARS) for f in facts]
    rows.append(
        (
            "US crewed lunar landings 1969-72",
            "6 (Apollo 11, 12, 14-17; 13 aborted)",
            f"exactly 6 in {_pct(sum(a == 6 for a in apollo), n)}",
            _counts(apollo),
            "NASA crewed Moon missions past their landing phase, by touchdown year",
        )
    )
    late = [count_landings(f, "moon", US, range(APOLLO_YEARS.stop, 2100)) for f in facts]
    rows.append(
        (
            "US crewed lunar landings after 1972",
            "none (Apollo 18-20 cancelled, Jan and Sep 1970)",
            f"none in {_pct(sum(a == 0 for a in late), n)}",
            _counts(late),
            "NASA crewed Moon missions past their landing phase, touchdown 1973 or later",
        )
    )
    rows.append(_saturn_v_row(facts))
    soviet_years = [y for y in map(_first_soviet_landing, facts) if y is not None]
    rows.append(
        (
            "Soviet crewed landing (Moon or Mars)",
            "none (N1 0 of 4; L3 ended 1974-76)",
            f"none in {_pct(n - len(soviet_years), n)}",
            f"first: {_years(soviet_years)}",
            "Soviet crewed missions past their landing phase",
        )
    )
    station = [first(f, "space_station") for f in facts]
    share, years = _share_and_year(facts, first_year("space_station"))
    rows.append(
        (
            "First crewed space station",
            "Soviet, Jun 1971 (Salyut 1 / Soyuz 11)",
            f"Soviet first {_pct(sum(s is not None and s[0] == USSR for s in station), n)}; "
            f"reached {share}",
            years,
            "`space_station` first",
        )
    )
    share, years = _share_and_year(facts, lambda f: f["station_years"].get(US))
    rows.append(
        (
            "Skylab-class US station crewed",
            "May 1973 (Skylab 2)",
            share,
            years,
            "first NASA crewed `space_station` mission that arrived",
        )
    )
    share, years = _share_and_year(facts, lambda f: f["treaty_year"])
    rows.append(
        (
            "Apollo-Soyuz style joint flight",
            "Jul 1975 (ASTP)",
            share,
            years,
            "first `treaty` event",
        )
    )
    gap = [
        sum(1976 <= y <= 1980 for y in f["crewed_years"].get(US, ())) for f in facts
    ]  # years with a US crew launch
    rows.append(
        (
            "US crew launches 1976-80",
            "none (Apollo-Soyuz Jul 1975 to STS-1 Apr 1981: the Saturns flown out)",
            f"none in {_pct(sum(g == 0 for g in gap), n)}",
            f"years with one: {_counts(gap)}",
            "years 1976-80 in which a NASA crew left (scrubbed flights left out)",
        )
    )
    shuttle = [f["first_launch"].get("space_shuttle") for f in facts]
    by_1983 = sum(y is not None and y <= 1983 for y in shuttle)
    share, years = _share_and_year(facts, lambda f: f["first_launch"].get("space_shuttle"))
    rows.append(
        (
            "Reusable spaceplane first flight",
            "12 Apr 1981 (STS-1)",
            f"{share}; by 1983 {_pct(by_1983, n)}",
            years,
            "first `launch` of vehicle `space_shuttle` (test flights too) or mission on it",
        )
    )
    # a station program completes when its first crew may fly to it (programs.csv runs
    # each station's duration to its first crew aboard): the real date beside it is that
    for label, real, program in (
        ("Soviet second-generation station", "Mar 1986 (first crew; core Feb 1986)", "mir"),
        ("International Space Station", "Nov 2000 (Expedition 1; Zarya Nov 1998)", "iss"),
    ):
        if _modelled(facts, program=program):
            share, years = _share_and_year(
                facts, lambda f, p=program: (f["programs_completed"].get(p) or [None, None])[1]
            )
        else:
            share, years = "not modelled yet", "—"
        rows.append((label, real, share, years, f"first `program_completed` of `{program}`"))
    rows.append(
        _flights_row(
            facts, "energia", "Energia flights", "2 (May 1987 Polyus, Nov 1988 Buran)",
            "`launch` events of vehicle `energia`",
        )
    )  # fmt: skip
    rows.append(_shuttle_row(facts))
    if _modelled(facts, kind="state_collapse"):
        share, years = _share_and_year(facts, lambda f: f["collapse"].get(USSR))
    else:
        share, years = "not modelled yet", "—"
    rows.append(
        (
            "USSR dissolves",
            "26 Dec 1991",
            share,
            years,
            "`state_collapse` event of the Soviet agency",
        )
    )
    for milestone, label in (
        ("lunar_base", "No lunar base"),
        ("woman_on_moon", "No woman on the Moon"),
        ("crewed_mars_landing", "No crewed Mars landing"),
        ("asteroid_capture", "No asteroid capture"),
    ):
        reached = [first(f, milestone) for f in facts]
        years = [r[1] for r in reached if r]
        rows.append(
            (
                label,
                "none",
                f"none in {_pct(n - len(years), n)}",
                f"if reached: {_years(years)}",
                f"no `{milestone}` first",
            )
        )
    rows.append(
        (
            "Training (non-flight) deaths per run",
            "a handful after 1969",
            "",
            _counts([f["training_deaths"] for f in facts]),
            '`death` events of a "training accident"',
        )
    )
    rows.append(
        (
            "Crew lost in flight per run",
            "17 (Soyuz 11 3, Challenger 7, Columbia 7)",
            "",
            _counts([sum(f["crew_lost"].values()) for f in facts]),
            "`crew_lost` events, people",
        )
    )
    return rows


def _window_agencies(f: dict) -> int:
    """Most agencies whose crews left for Mars in one window (departures within 200 days)."""
    days = sorted((d, a) for a, d in f["mars_departures"])
    best = 0
    for i, (d0, _) in enumerate(days):
        best = max(best, len({a for d, a in days[i:] if d - d0 <= 200.0}))
    return best


def _cal_year(start_year: int, day: float) -> int:
    return start_year + int(day // 365.25)


def _year_if_by(got, agency: str) -> int | None:
    """The year of a first (``[agency, year, ...]`` or None) if ``agency`` holds it."""
    return got[1] if got and got[0] == agency else None


def _year_if_in(got, years: range) -> int | None:
    """The year of a first (``[agency, year, ...]`` or None) if it falls in ``years``."""
    return got[1] if got and got[1] in years else None


def _official_first(f: dict, milestone: str):
    """The first the world was told of (``public_firsts``), else the true one; or None."""
    return f["public_firsts"].get(milestone) or f["firsts"].get(milestone)


def canon_rows(facts: list[dict]) -> list[tuple[str, str, str, str, str]]:
    """For All Mankind's canon items (issue 12) beside the simulated share and median year.

    Canon dates are ../shared/WORLD.md's; "—" where the series gives no year.
    """
    n = len(facts)
    rows = []

    def add(label, canon, year_of, how, share_label=""):
        share, years = _share_and_year(facts, year_of)
        rows.append((label, canon, f"{share_label}{share}", years, how))

    def add_share(label, canon, happens, how):
        rows.append((label, canon, _pct(sum(bool(happens(f)) for f in facts), n), "—", how))

    def first_by(milestone, agency):
        return lambda f: _year_if_by(first(f, milestone), agency)

    add(
        "Soviet woman first on the Moon",
        "1969 (Belikova)",
        first_by("woman_on_moon", USSR),
        "`woman_on_moon` first by the Soviet agency",
    )
    add(
        "NASA lunar base (Jamestown)",
        "Oct 1973",
        lambda f: f["bases_founded"].get(US, {}).get("moon"),
        "NASA's first `base_founded` on the Moon",
    )
    add(
        "Soviet lunar base (Zvezda)",
        "1974",
        lambda f: f["bases_founded"].get(USSR, {}).get("moon"),
        "the Soviet agency's first `base_founded` on the Moon",
    )
    add(
        "Sea Dragon flies",
        "1977-83",
        lambda f: f["first_launch"].get("sea_dragon"),
        "first launch of vehicle `sea_dragon`",
    )
    add(
        "Nuclear shuttle flies (Pathfinder)",
        "1983",
        lambda f: f["first_launch"].get("pathfinder"),
        "first launch of vehicle `pathfinder`",
    )
    add(
        "Armed confrontation on the Moon",
        "1983",
        lambda f: f["event_years"].get("armed_standoff"),
        "first `armed_standoff` event",
    )
    add(
        "A site seized on the Moon",
        "1983",
        lambda f: f["event_years"].get("site_seized"),
        "first `site_seized` event",
    )
    add(
        "Apollo-Soyuz handshake / treaty",
        "1983",
        lambda f: f["treaty_year"],
        "first `treaty` event",
    )
    add_share(
        "Helios launches a crew",
        "1990s (Phoenix 1994)",
        lambda f: "helios" in f["crewed_agencies"],
        "a crewed Helios mission left",
    )
    add(
        "Helios crew leaves for Mars",
        "1994 (Phoenix)",
        lambda f: min(
            (_cal_year(1969, d) for a, d in f["mars_departures"] if a == "helios"), default=None
        ),
        "a crewed Helios mission to Mars left",
    )
    add_share(
        "North Korea launches a crew",
        "1995",
        lambda f: "dprk" in f["crewed_agencies"],
        "a crewed North Korean mission left",
    )
    add(
        "First on Mars: North Korea, in secret",
        "1995 (Lee Jung-gil)",
        first_by("crewed_mars_landing", "dprk"),
        "`crewed_mars_landing` first by `dprk`",
    )
    add(
        "First on Mars, officially: NASA",
        "1995 (Danielle Poole)",
        lambda f: _year_if_by(_official_first(f, "crewed_mars_landing"), US),
        "the official (public) `crewed_mars_landing` first is NASA's",
    )
    add(
        "First crewed Mars landing in 1994-96",
        "1995",
        lambda f: _year_if_in(first(f, "crewed_mars_landing"), range(1994, 1997)),
        "the true first, any agency",
    )
    windows = [_window_agencies(f) for f in facts]
    rows.append(
        (
            "Agencies sending crews to Mars in one window",
            "3 in 1994 (Phoenix, Sojourner 1, Mars-94)",
            f"2 or more in {_pct(sum(w >= 2 for w in windows), n)}"
            f"; 3 or more in {_pct(sum(w >= 3 for w in windows), n)}",
            _counts(windows),
            "crewed Mars departures within 200 days of each other, most agencies",
        )
    )
    agencies_on_mars = sorted({a for f in facts for a in f["landings"].get("mars", {})})
    rows.append(
        (
            "Agencies that land crews on Mars (ensemble)",
            "NASA, Soviets, Helios, North Korea",
            ", ".join(agencies_on_mars) or "none",
            "—",
            "crewed Mars missions past their landing phase, any seed",
        )
    )
    add_share(
        "A crew rescued on Mars",
        "1995 (Mars-94)",
        lambda f: f["rescues"].get("mars"),
        "a `rescue` event at Mars",
    )
    add(
        "Happy Valley (first Mars base)",
        "1995",
        lambda f: min(
            (b["mars"] for b in f["bases_founded"].values() if "mars" in b), default=None
        ),
        "first `base_founded` on Mars, any agency",
    )
    add(
        "A colonist transport in service",
        "— (by 2003 the series' ships carry Happy Valley's hundreds)",
        lambda f: (f["programs_completed"].get("mars_transport") or [None, None])[1],
        "first `program_completed` of `mars_transport`, any agency",
    )
    rows += [
        _population_row(
            facts,
            2003,
            100,
            "Happy Valley over 100 residents in 2003",
            "over 100 (up to about 200)",
            "mars_base_population",
            "residents of the first Mars base at its last step of 2003",
        ),
        _population_row(
            facts,
            2012,
            1000,
            "Thousands live on Mars in 2012",
            "thousands",
            "mars_population",
            "residents of all Mars bases at their last step of 2012",
        ),
    ]
    rows += [
        _society_row(
            facts,
            "alliance",
            1997,
            "M-7-style alliance at Happy Valley",
            "1997 (M-7: NASA/Soviet command, Helios sole contractor)",
            "an `alliance` event at the first Mars base",
        ),
        _society_row(
            facts,
            "union",
            2003,
            "Company workers unionise at Happy Valley",
            "2003 (Helios workers)",
            "a `union_formed` event at the first Mars base",
        ),
        _society_row(
            facts,
            "company_strike",
            2003,
            "Helios workers strike at Happy Valley",
            "2003",
            "a strike `incident` by a company's workers at the first Mars base",
        ),
        _society_row(
            facts,
            "riot",
            2003,
            "A riot at Happy Valley",
            "2003",
            "a riot `incident` at the first Mars base",
        ),
        _society_row(
            facts,
            "movement",
            2012,
            "Free Mars movement",
            "2012",
            "an `independence_movement` event at the first Mars base",
        ),
    ]
    first_capture = [f["capture_attempts"][0] for f in facts if f.get("capture_attempts")]
    lost = [y for y, how in first_capture if how == "capture"]
    rows.append(
        (
            "The first asteroid capture fails in its capture phase",
            "2003 (Kronos; Kuznetsov killed)",
            f"{_pct(len(lost), n)} (of {_pct(len(first_capture), n)} that try one)",
            _years(lost),
            "the first `asteroid_capture` mission to leave fails in its `capture` phase "
            "(the engine's tugs are uncrewed: nobody is killed)",
        )
    )
    to_mars = [[y for y, where in f.get("asteroid_deliveries", ()) if where == "mars-orbit"]
               for f in facts]  # fmt: skip
    firsts = [min(ys) for ys in to_mars if ys]
    rows.append(
        (
            "An asteroid captured into Mars orbit",
            "2003 (Goldilocks, into Mars orbit instead of Earth's)",
            f"by 2003: {_pct(sum(y <= 2003 for y in firsts), n)}; ever: {_pct(len(firsts), n)}",
            _years(firsts),
            "the first `asteroid_delivered` of a capture bound for `mars-orbit`",
        )
    )
    later = sum(any(2004 <= y <= 2012 for y in ys) for ys in to_mars)
    rows.append(
        (
            "Asteroid material reaches Mars orbit 2004-2012",
            "2012 (Goldilocks mined in Mars orbit)",
            _pct(later, n) if _ran_to(facts, 2012) else "— (the runs end earlier)",
            "—",
            "an `asteroid_delivered` bound for `mars-orbit` in 2004-2012",
        )
    )
    fell = [f["collapse"][USSR] for f in facts if f["collapse"].get(USSR, 9999) <= 2003]
    rows.append(
        (
            "The USSR stands in 2003",
            "yes",
            _pct(n - len(fell), n),
            "fell: " + _years(fell),
            "no `state_collapse` of the Soviet agency by 2003 (runs may go on to 2012)",
        )
    )
    return rows  # fmt: skip


def _flights_row(facts: list[dict], vehicle: str, label: str, real: str, how: str) -> tuple:
    """A row counting one vehicle's `launch` events a run: share with any, median (5-95 %)."""
    flights = [f["launches"].get(vehicle, 0) for f in facts]
    any_share = f"any in {_pct(sum(x > 0 for x in flights), len(facts))}"
    return (label, real, any_share, _counts(flights), how)


def _real_launches(vehicle: str, first_year: int, last_year: int) -> int:
    """Launches of ``vehicle`` in the catalog's launch record, ``first_year``-``last_year``."""
    from spacerace.catalog.vehicles import count_outcomes, load_launch_record, load_record_rules

    record, rule = load_launch_record(), load_record_rules()[vehicle]
    return sum(count_outcomes(record, rule, until_year=last_year)) - sum(
        count_outcomes(record, rule, until_year=first_year - 1)
    )


def _saturn_v_row(facts: list[dict]) -> tuple:
    """Saturn V launches from 1969: the real count from the catalog's launch record."""
    return _flights_row(
        facts,
        "saturn_v",
        "Saturn V launches 1969-2003",
        f"{_real_launches('saturn_v', 1969, 2003)} (Apollo 9-17 and Skylab, the last in May "
        "1973; launch record)",
        "`launch` events of vehicle `saturn_v`, to the run's end",
    )


def _shuttle_row(facts: list[dict]) -> tuple:
    """Space Shuttle launches to 2003: the real count from the catalog's launch record."""
    return _flights_row(
        facts,
        "space_shuttle",
        "Space Shuttle flights 1981-2003",
        f"{_real_launches('space_shuttle', 1981, 2003)} (STS-1 to STS-107; launch record)",
        "`launch` events of vehicle `space_shuttle` (test flights too), to the run's end",
    )


def _society_row(facts, key, by, label, canon, how):
    """A canon row on Happy Valley's society: share by the canon year, share ever, median year."""
    years = [f.get("mars_society", {}).get(key) for f in facts]
    years = [y for y in years if y is not None]
    n = len(facts)
    share = f"by {by}: {_pct(sum(y <= by for y in years), n)}; ever: {_pct(len(years), n)}"
    return (label, canon, share, _years(years), how)


def _population_row(facts, year, least, label, canon, key, how):
    """A canon row on how many live on Mars in a year: share of runs with ``least`` or more."""
    found = [f[key][year] for f in facts if year in f.get(key, {})]
    n = len(facts)
    if not _ran_to(facts, year):
        return (label, canon, "— (the runs end earlier)", "—", how)
    share = f"{least:,}+ in {_pct(sum(p >= least for p in found), n)}"
    return (label, canon, share, _counts([float(p) for p in found]) if found else "—", how)


def _ran_to(facts: list[dict], year: int) -> bool:
    """Whether the runs reach ``year`` (their budget rows go to its fiscal year)."""
    return any(year in b for f in facts for b in f["budget"].values())


def plot_mars_population(facts: list[dict], path: Path, title: str) -> None:
    """Residents of the first Mars base by year: median and 5-95 % of the runs that have it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    years = sorted({y for f in facts for y in f["mars_base_population"]})
    fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
    if years:
        bands = [band([float(f["mars_base_population"][y]) for f in facts
                       if y in f["mars_base_population"]]) for y in years]  # fmt: skip
        have = [sum(y in f["mars_base_population"] for f in facts) / len(facts) for y in years]
        ax.fill_between(years, [b["p5"] for b in bands], [b["p95"] for b in bands],
                        color="tab:red", alpha=0.2, label="simulated 5-95 %")  # fmt: skip
        ax.plot(years, [b["median"] for b in bands], color="tab:red", label="simulated median")
        share = ax.twinx()
        share.plot(years, [100 * h for h in have], color="grey", ls=":", label="runs with it, %")
        share.set_ylim(0, 100)
        share.set_ylabel("runs with the base, %")
    ax.scatter([2003, 2012], [150, 2000], color="black", marker="x", zorder=3,
               label="canon (over 100 in 2003, thousands in 2012)")  # fmt: skip
    ax.set_yscale("symlog", linthresh=10)
    ax.set_xlabel("year")
    ax.set_ylabel("residents at the end of the year")
    ax.set_title(title)
    ax.legend(loc="upper left", fontsize="small")
    ax.grid(alpha=0.3)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)


def format_canon(name: str, facts: list[dict]) -> str:
    """For All Mankind's canon items against the runs of ``name`` (issue 12)."""
    lines = [
        f"## {name} against the canon ({len(facts)} seeds)",
        "",
        *_paragraph(
            "The series' events (WORLD.md) beside the share of runs in which each happens and "
            "its median year (5-95 %), from the runs' facts. Only the divergence (Leonov's "
            "landing, the N1's record) is scripted or declared; everything else comes from the "
            "mechanisms that also play `history`."
        ),
    ]
    head = ["canon", "canon date", "simulated share", "median (5-95 %)", "read from"]
    return "\n".join(lines + _table(head, canon_rows(facts)) + [""])


# --- the cast in their roles (issue 14 part 3) --------------------------------------------

CAST = (  # (person, canon role or deed, canon date, what to read, which) from WORLD.md
    ("Edward Baldwin", "commands a crewed flight", "1969 (Apollo 10)", "commanded", ""),
    ("Edward Baldwin", "lands on the Moon", "1973 (Jamestown)", "landed", "moon"),
    ("Edward Baldwin", "lands on Mars", "1995 (Phoenix)", "landed", "mars"),
    ("Margo Madison", "flight director", "by 1974", "role", "flight_director"),
    ("Margo Madison", "runs the crew centre (JSC)", "1983-95", "role", "center_director"),
    ("Margo Madison", "heads NASA (the brief: 'can rise')", "—", "role", "agency_head"),
    ("Aleida Rosales", "flight director", "1990s", "role", "flight_director"),
    ("Dev Ayesa", "founds Helios", "c. 1986", "role", "founder"),
    ("Molly Cobb", "lands on the Moon", "1973 (Jamestown)", "landed", "moon"),
    ("Gordon Stevens", "lands on the Moon", "1973 (Jamestown)", "landed", "moon"),
    ("Tracy Stevens", "lands on the Moon", "1970s", "landed", "moon"),
    ("Danielle Poole", "lands on Mars", "1995", "landed", "mars"),
    ("Danielle Poole", "officially first on Mars", "1995", "official", "crewed_mars_landing"),
    ("Kelly Baldwin", "lands on Mars", "1995 (Sojourner 1)", "landed", "mars"),
    ("Kelly Baldwin", "dies in a training accident (not canon)", "—", "died", "training"),
    ("Ellen Wilson", "goes into politics", "1990s (US President)", "role", "politician"),
    ("Anastasia Belikova", "first woman on the Moon", "1969", "first", "woman_on_moon"),
    ("Grigory Kuznetsov", "commands a Mars mission", "1994 (Mars-94)", "commanded", "mars"),
    ("Sergei Nikulov", "heads the Soviet program", "2000s (Roscosmos)", "role", "agency_head"),
    ("Lee Jung-gil", "first on Mars (in secret)", "1995", "first", "crewed_mars_landing"),
)  # fmt: skip
"""The series' people against their canon roles and deeds (read from ``cast_facts``)."""


def cast_deed(f: dict, c: dict, what: str, which: str):
    """The year of the deed if the person's cast facts ``c`` (of run facts ``f``) show it.

    None or False when they do not (False: a death, which has no year here).

    ``what``: ``role`` (year ``which`` was first held), ``landed`` / ``commanded`` (year of
    the first touchdown on / command to body ``which``; any body if ""), ``first`` (on the
    true first ``which``), ``official`` (on the first the world was told of, or the true one
    when it was public), ``died`` (how they died is ``which``).
    """
    if what == "role":
        return c["roles"].get(which)
    if what in ("landed", "commanded"):
        years = c[what] if not which else {which: c[what].get(which)}
        found = [y for y in years.values() if y]
        return min(found) if found else None
    if what == "first":
        return f["firsts"][which][1] if which in c["firsts"] else None
    if what == "official":
        if which in c["official_firsts"]:
            return f["public_firsts"][which][1]
        return f["firsts"][which][1] if which in c["firsts"] else None
    return c["died"] == which


def cast_rows(facts: list[dict]) -> list[tuple[str, ...]]:
    """One row per canon role or deed: its share of runs (Wilson 95 %) and median year."""
    rows = []
    for person, deed, canon, what, which in CAST:
        runs = [(f, f["cast"][person]) for f in facts if person in f.get("cast", {})]
        if not runs:
            continue
        got = [cast_deed(f, c, what, which) for f, c in runs]
        k = sum(1 for g in got if g)
        low, high = wilson_interval(k, len(runs), Z95)
        years = sorted(int(g) for g in got if g and not isinstance(g, bool))
        median = _years(years) if years else "—"
        rows.append((person, deed, canon, f"{_pct(k, len(runs))} ({low:.0%}-{high:.0%})", median))
    return rows


def format_cast(name: str, facts: list[dict]) -> str:
    """The series' people in their canon roles, over the runs of ``name``."""
    rows = cast_rows(facts)
    if not rows:
        return ""
    lines = [
        f"## {name}: the cast in their roles ({len(facts)} seeds)",
        "",
        *_paragraph(
            "Each canon person's role or deed (WORLD.md) beside the share of runs in which they "
            "hold or do it (95 % Wilson interval) and its median year (5-95 %), from the runs' "
            "cast facts (`ensemble.calibration.cast_facts`). Roles come from the careers rules "
            "(`catalog/data/roles.csv`, `career_moves.csv`), the same in every scenario; the "
            "scenario only says who starts where (Ed Baldwin a commander, Margo Madison an "
            "engineer, Dev Ayesa Helios's founder)."
        ),
    ]
    head = ["person", "canon role or deed", "canon", "share of runs", "median year (5-95 %)"]
    return "\n".join(lines + _table(head, rows) + [""])


def budget_rows(facts: list[dict]) -> list[dict]:
    """NASA by span: real total, simulated median and 5-95 % of the seeds' totals, ratio."""
    rows = []
    for span in BUDGET_SPANS:
        years = range(span[0], span[1] + 1)
        sims = [t for t in (span_total(f, US, years) for f in facts) if t is not None]
        real = real_span_total(span)
        b = band(sims)
        rows.append({"span": span, "real": real, **b, "ratio": (b["median"] or 0) / real})
    return rows


def firsts_rows(facts: list[dict]) -> list[dict]:
    """Per milestone: runs first per agency ("nobody" last), their years, Wilson intervals."""
    n = len(facts)
    out = []
    for milestone in MILESTONES:
        by: dict[str, list[int]] = {}
        for f in facts:
            got = first(f, milestone)
            agency, year = got if got else ("nobody", None)
            by.setdefault(agency, []).append(year)
        entries = [
            {
                "agency": a,
                "runs": len(ys),
                "share": len(ys) / n,
                "ci95": wilson_interval(len(ys), n),
                "years": [y for y in ys if y is not None],
            }
            for a, ys in sorted(by.items(), key=lambda kv: (kv[0] == "nobody", kv[0]))
        ]
        out.append({"milestone": milestone, "first": entries})
    return out


# --- text and plot --------------------------------------------------------------------------


def _table(head: list[str], rows: list) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def _paragraph(text: str) -> list[str]:
    """Wrapped lines of a paragraph, never breaking "5-95 %" or "95 %", then a blank line."""
    glued = text.replace(" %", "\u00a0%")
    return [line.replace("\u00a0", " ") for line in textwrap.wrap(glued, 92)] + [""]


def format_history(facts: list[dict]) -> str:
    """Part (a): the real milestones of the ``history`` baseline."""
    lines = [
        f"## history against the real record ({len(facts)} seeds)",
        "",
        *_paragraph(
            "Each row is computed from the runs' facts (missions, firsts, event log), not "
            "from their prose (`spacerace.ensemble.calibration.facts_of`). Shares are of all "
            "runs; years are calendar years, median (5-95 %) over the runs that reach it; "
            "counts per run are median (5-95 %) and mean."
        ),
    ]
    head = ["milestone", "real", "simulated share", "median (5-95 %)", "read from"]
    return "\n".join(lines + _table(head, history_rows(facts)) + [""])


def format_budget(facts: list[dict], png: str) -> str:
    """Part (b): NASA's appropriation by five-year span."""
    rows = [
        (
            f"FY{r['span'][0]}-{str(r['span'][1])[2:]}",
            f"{r['real']:,.0f}",
            f"{r['median']:,.0f}",
            f"{r['p5']:,.0f}-{r['p95']:,.0f}",
            f"{r['ratio']:.2f}",
        )
        for r in budget_rows(facts)
    ]
    head = ["fiscal years", "real M$", "simulated median M$", "5-95 %", "ratio"]
    lines = [
        f"## NASA's appropriation by five-year span ({len(facts)} history seeds)",
        "",
        *_paragraph(
            "Sums over the span's fiscal years, then-year million dollars. Real: the enacted "
            "appropriation (`catalog/data/budgets.csv`, Planetary Society table). Simulated: "
            "the budget the engine appropriates each 1 October for the next fiscal year "
            "(metrics `budget_musd` at the year's end, so the row of year Y is FY Y+1), "
            "summed per seed; the median seed's sum and the 5-95 % range of the seeds' sums; "
            "ratio = simulated median / real. FY2000-03 is four years. The plot shows each "
            "fiscal year (median and 5-95 % over seeds) and the span ratios."
        ),
        *_table(head, rows),
        "",
        f"![NASA budget, real and simulated]({png})",
        "",
    ]
    return "\n".join(lines)


def format_firsts(name: str, facts: list[dict]) -> str:
    """Part (c): who is first and when, beside the real record or the canon."""
    label, ref = REFERENCE.get(name, ("canon", CANON))
    n = len(facts)
    seeds = [f["seed"] for f in facts]
    lines = [
        f"## {name}: firsts ({n} seeds, {seeds[0]}-{seeds[-1]})",
        "",
        f"| milestone | {label} | most often first (share, 95 % CI) | its median year "
        "(5-95 %) | shares of all |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in firsts_rows(facts):
        who, year = ref[row["milestone"]]
        top = max(row["first"], key=lambda e: e["runs"])
        shares = ", ".join(f"{e['agency']} {e['share']:.0%}" for e in row["first"])
        lines.append(
            f"| {row['milestone']} | {who}{f' {year}' if year else ''} | {top['agency']} "
            f"{top['share']:.1%} ({top['ci95'][0]:.1%}-{top['ci95'][1]:.1%}) | "
            f"{_years(top['years'])} | {shares} |"
        )
    lost = [sum(f["crew_lost"].values()) for f in facts]
    mean = sum(lost) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in lost) / (n - 1)) if n > 1 else 0.0
    half = Z95 * sd / math.sqrt(n)
    lines += ["", f"Crew lost in flight per run: mean {mean:.2f} "
              f"(95 % CI {max(0.0, mean - half):.2f}-{mean + half:.2f}).", ""]  # fmt: skip
    return "\n".join(lines)


def plot_budget(facts: list[dict], path: Path) -> None:
    """Plot NASA's budget per fiscal year (real; simulated median, 5-95 %) and span ratios."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    years = list(range(BUDGET_SPANS[0][0], BUDGET_SPANS[-1][1] + 1))
    real = [nasa_appropriation_musd(y) for y in years]
    bands = [band([f["budget"][US][y] for f in facts if y in f["budget"].get(US, {})])
             for y in years]  # fmt: skip
    fig, (top, bottom) = plt.subplots(
        2, 1, figsize=(8, 6.5), height_ratios=(3, 1.4), sharex=True, layout="constrained"
    )
    top.fill_between(years, [b["p5"] for b in bands], [b["p95"] for b in bands],
                     color="tab:blue", alpha=0.2, label="simulated 5-95 %")  # fmt: skip
    top.plot(years, [b["median"] for b in bands], color="tab:blue", label="simulated median")
    top.plot(years, real, color="black", marker=".", label="real appropriation")
    top.set_ylabel("NASA, then-year M$")
    top.set_title(f"NASA's budget by fiscal year, history scenario ({len(facts)} seeds)")
    top.legend(loc="upper left")
    top.grid(alpha=0.3)
    spans = budget_rows(facts)
    mids = [(r["span"][0] + r["span"][1]) / 2 for r in spans]
    bottom.axhspan(0.8, 1.2, color="tab:green", alpha=0.12, label="±20 %")
    bottom.axhline(1.0, color="black", lw=0.8)
    bottom.bar(mids, [r["ratio"] for r in spans], width=3.6, color="tab:blue", alpha=0.7,
               label="span median / real")  # fmt: skip
    bottom.set_ylabel("ratio")
    bottom.set_xlabel("fiscal year")
    bottom.legend(loc="upper right", fontsize="small")
    bottom.grid(alpha=0.3)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    """Play the ensembles and write the report and its plot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=200, help="seeds per scenario (200)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (2)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "calibration.md")
    args = parser.parse_args(argv)
    if args.out.is_dir() or not args.out.parent.is_dir():  # before minutes of playing
        parser.error(f"--out {args.out}: give a .md file in an existing folder")
    t0 = time.perf_counter()
    jobs = [(load_scenario(name), range(args.seeds)) for name in SCENARIOS]
    facts = dict(zip(SCENARIOS, many_ensemble_facts(jobs, args.workers), strict=True))
    print(f"calibrate: {len(jobs)} x {args.seeds} seeds played after "
          f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)  # fmt: skip
    png = args.out.with_name(args.out.stem + "_budget.png")
    plot_budget(facts["history"], png)
    head = f"""# Calibration

Written by `make calibrate` (`tools/calibrate.py --seeds {args.seeds}`): seeds 0..{args.seeds - 1}
of each built-in scenario, to their scenario's end year. First the `history` baseline
against the real record (WORLD.md; sources per row in the tool): its milestones, then
NASA's budget. Then, for every scenario, each milestone's reference (the real record for
`history`, the series' canon for the others), the agency first most often with its share
of runs and 95 % Wilson interval, the median year of those firsts with the 5-95 % range,
and every agency's share ("nobody": not reached before the scenario ends). Secret firsts
count as firsts here. The references are not targets the engine is tuned to: they say how
far the mechanisms are from the record. `tests/calibration` holds the thresholds the
baseline is meant to meet.

"""
    parts = [format_history(facts["history"]), format_budget(facts["history"], png.name)]
    for name in SCENARIOS:
        if name == "history":
            continue
        mars_png = args.out.with_name(f"{args.out.stem}_mars_{name}.png")
        plot_mars_population(
            facts[name], mars_png, f"Residents of the first Mars base, {name} ({args.seeds} seeds)"
        )
        parts.append(
            format_canon(name, facts[name])
            + f"\n![Residents of the first Mars base by year]({mars_png.name})\n"
        )
        cast = format_cast(name, facts[name])
        if cast:
            parts.append(cast)
    parts += [format_firsts(name, facts[name]) for name in SCENARIOS]
    args.out.write_text(head + "\n".join(parts), encoding="utf-8")
    print(
        f"calibrate: wrote {args.out} and {png.name} after {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
