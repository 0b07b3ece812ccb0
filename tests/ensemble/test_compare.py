"""Comparing two ensembles: Newcombe's interval for differences of shares."""

import pytest

from spacerace.ensemble.compare import compare_summaries, format_comparison, newcombe_interval
from spacerace.ensemble.summary import EnsembleRows, summarize


@pytest.mark.parametrize(
    "counts, expected",
    [
        # Newcombe (1998), "Interval estimation for the difference between independent
        # proportions", Statistics in Medicine 17:873: worked examples, method 10, 4 digits.
        ((56, 70, 48, 80), (0.0524, 0.3339)),
        ((9, 10, 3, 10), (0.1705, 0.8090)),
        ((5, 56, 0, 29), (-0.0381, 0.1926)),
    ],
)
def test_newcombe_matches_published_values(counts, expected):
    lo, hi = newcombe_interval(*counts)
    assert (round(lo, 4), round(hi, 4)) == expected


def _summary(name, soviet_years, nasa_years, n):
    firsts = [(s, "crewed_lunar_landing", "soviet", y) for s, y in enumerate(soviet_years)]
    k = len(soviet_years)
    firsts += [(k + i, "crewed_lunar_landing", "nasa", y) for i, y in enumerate(nasa_years)]
    rows = EnsembleRows(
        name, name[:1] * 16, "0", list(range(n)), ["nasa", "soviet"], sorted(firsts), [], []
    )
    return summarize(rows)


def test_compare_side_by_side():
    a = _summary("fam", [1969] * 9, [1970], 10)
    b = _summary("history", [1970] * 3, [1969] * 7, 10)
    cmp = compare_summaries(a, b)
    landing = cmp["milestones"][0]
    assert landing["milestone"] == "crewed_lunar_landing"
    soviet = next(r for r in landing["first"] if r["agency"] == "soviet")
    lo, hi = newcombe_interval(9, 10, 3, 10)
    assert soviet["share_a"] == 0.9 and soviet["share_b"] == 0.3
    assert soviet["difference"] == 0.6
    assert soviet["ci95"] == [round(lo, 4), round(hi, 4)] == [0.1705, 0.8090]
    assert (soviet["median_year_a"], soviet["median_year_b"]) == (1969.0, 1970.0)
    assert soviet["median_year_difference"] == -1.0
    nobody = landing["first"][-1]
    assert nobody["agency"] == "nobody" and nobody["difference"] == 0.0
    mars = cmp["milestones"][4]
    assert [r["agency"] for r in mars["first"]] == ["nobody"]  # no agency reached it in either
    text = format_comparison(cmp)
    assert "A: fam" in text and "+60.0 [ +17.1  +80.9]" in text


def _with_purges(name, per_run):
    """A summary of runs whose only counted events are the given purges per run."""
    n = len(per_run)
    events = [(seed, "purge", k) for seed, k in enumerate(per_run) if k]
    rows = EnsembleRows(
        name, name[:1] * 16, "0", list(range(n)), ["soviet"], [], [], [], events=events
    )
    return summarize(rows)


def test_events_per_timeline_are_counted_and_compared():
    # purges per run 0,1,...,9 (mean 4.5, sample sd 3.0277) against 2 in each of 10 runs:
    # difference 2.5 with the normal interval 2.5 +- 1.96 x 3.0277 / sqrt(10) = [0.62, 4.38]
    a = _with_purges("star-city", list(range(10)))
    b = _with_purges("fam", [2] * 10)
    assert a["events_per_run"]["purge"]["mean"] == 4.5
    assert b["events_per_run"]["purge"]["ci95"] == [2.0, 2.0]
    assert a["events_per_run"]["defection"]["mean"] == 0.0
    (row,) = compare_summaries(a, b)["events_per_run"]  # kinds seen in neither are left out
    assert row["kind"] == "purge" and row["difference"] == 2.5
    assert row["ci95"] == pytest.approx([0.623, 4.377], abs=2e-3)
    text = format_comparison(compare_summaries(a, b))
    assert "purge" in text and "*" in text  # the interval excludes zero
