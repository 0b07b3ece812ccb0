"""Summaries: intervals against hand computations and published values."""

import math

import pytest

from spacerace.ensemble.summary import (
    EnsembleRows,
    format_summary,
    rows_from_records,
    summarize,
    wilson_interval,
)


@pytest.mark.parametrize(
    "k, n, expected",
    [
        # Newcombe (1998), "Two-sided confidence intervals for the single proportion",
        # Statistics in Medicine 17:857, Table I, method 3 (Wilson score): 4 digits given.
        (81, 263, (0.2553, 0.3662)),
        (15, 148, (0.0624, 0.1605)),
        (0, 20, (0.0, 0.1611)),
        (1, 29, (0.0061, 0.1718)),
    ],
)
def test_wilson_matches_published_values(k, n, expected):
    lo, hi = wilson_interval(k, n)
    assert (round(lo, 4), round(hi, 4)) == expected


def test_wilson_by_hand():
    # Wilson (1927), as written in Agresti & Coull (1998), eq. 2, for 7 of 10 and z = 1.96:
    # centre = (0.7 + z²/20) / (1 + z²/10); half = z √(0.21/10 + z²/400) / (1 + z²/10)
    z = 1.959963984540054
    denom = 1 + z * z / 10
    centre = (0.7 + z * z / 20) / denom
    half = z * math.sqrt(0.7 * 0.3 / 10 + z * z / 400) / denom
    assert wilson_interval(7, 10) == pytest.approx((centre - half, centre + half), abs=1e-15)
    assert (round(centre - half, 4), round(centre + half, 4)) == (0.3968, 0.8922)


def _rows():
    """Ten runs by hand: the Soviets land first in seven (1969, 1969, ...), NASA in three."""
    soviet_years = [1969, 1969, 1969, 1970, 1970, 1971, 1972]
    nasa_years = [1969, 1970, 1974]
    firsts = [(s, "crewed_lunar_landing", "soviet", y) for s, y in enumerate(soviet_years)]
    firsts += [(7 + i, "crewed_lunar_landing", "nasa", y) for i, y in enumerate(nasa_years)]
    firsts += [(0, "crewed_mars_landing", "nasa", 1990)]
    crew = [(s, a, n) for s in range(10) for a, n in (("nasa", s % 3), ("soviet", 0))]
    budgets = [(s, 1980, "nasa", 100.0 * (s % 4 + 1)) for s in range(10)]
    return EnsembleRows(
        scenario="hand",
        scenario_hash="0" * 16,
        version="0",
        seeds=list(range(10)),
        agencies=["nasa", "soviet"],
        firsts=sorted(firsts),
        crew_lost=crew,
        budgets=budgets,
        budget_years=[1980],
    )


def test_summary_against_hand_computation():
    s = summarize(_rows())
    assert s["runs"] == 10 and s["seeds"] == [0, 9]
    landing = s["milestones"][0]
    assert landing["milestone"] == "crewed_lunar_landing"
    soviet, nasa = (
        next(f for f in landing["first"] if f["agency"] == a) for a in ("soviet", "nasa")
    )
    assert (soviet["runs"], soviet["share"], soviet["ci95"]) == (7, 0.7, [0.3968, 0.8922])
    assert (nasa["runs"], nasa["share"]) == (3, 0.3)
    # Years 1969 1969 1969 1970 1970 1971 1972: median 1970; linear percentiles
    # p5 = x[0.3] = 1969, p95 = x[5.7] = 1971 + 0.7 = 1971.7.
    assert soviet["year"] == {"p5": 1969.0, "median": 1970.0, "p95": 1971.7}
    assert landing["first"][-1] == {
        "agency": "nobody",
        "runs": 0,
        "share": 0.0,
        "ci95": [0.0, 0.2775],
        "year": {"p5": None, "median": None, "p95": None},
    }
    mars = s["milestones"][4]
    assert mars["milestone"] == "crewed_mars_landing"
    assert [(f["agency"], f["runs"]) for f in mars["first"]] == [
        ("nasa", 1),
        ("soviet", 0),
        ("nobody", 9),
    ]
    # Crew lost per run 0,1,2,0,1,2,0,1,2,0: mean 0.9, sample sd √(0.9889), normal interval.
    values = [s % 3 for s in range(10)]
    sd = math.sqrt(sum((v - 0.9) ** 2 for v in values) / 9)
    half = 1.959963984540054 * sd / math.sqrt(10)
    assert s["crew_lost"]["mean"] == 0.9
    assert s["crew_lost"]["ci95"] == [round(0.9 - half, 3), round(0.9 + half, 3)]
    assert s["crew_lost"]["by_agency"]["soviet"] == {"mean": 0.0, "ci95": [0.0, 0.0]}
    # Budgets 100,200,300,400,100,200,300,400,100,200, sorted 100 100 100 200 200 200 300 300
    # 400 400; linear quartiles at positions 2.25, 4.5, 6.75: 125, 200, 300.
    assert s["budgets_musd"] == [
        {"year": 1980, "agency": "nasa", "runs": 10, "q1": 125.0, "median": 200.0, "q3": 300.0}
    ]


def test_crew_interval_is_clipped_at_zero():
    rows = _rows()
    rare = EnsembleRows(**{**rows.__dict__, "crew_lost": [(0, "nasa", 1)]})
    assert summarize(rare)["crew_lost"]["ci95"][0] == 0.0


def test_format_lists_each_answer():
    text = format_summary(summarize(_rows()))
    assert "crewed lunar landing" in text
    assert "soviet" in text and "70.0 % [ 39.7- 89.2]" in text
    assert "Crew lost per timeline" in text and "1980  nasa" in text


def test_rows_from_records_match_the_records(serial_records):
    rows = rows_from_records(serial_records)
    assert rows.seeds == list(range(12))
    assert rows.budget_years == [1970, 1980, 1990, 2000, 2010, 2012]  # to 2012
    assert (0, "crewed_lunar_landing", "soviet", 1969) in rows.firsts  # the scripted divergence
    assert rows.firsts == sorted(rows.firsts)
    s = summarize(rows)
    landing = s["milestones"][0]["first"]
    assert next(f for f in landing if f["agency"] == "soviet")["runs"] == 12


def test_rows_from_records_refuse_mixed_scenarios(serial_records, scenarios):
    from spacerace.ensemble.backends import run_seeds

    other = []
    run_seeds(scenarios["history"], [0], on_records=other.extend)
    with pytest.raises(ValueError, match="more than one scenario"):
        rows_from_records(serial_records[:1] + other)
