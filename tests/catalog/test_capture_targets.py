"""The packaged capture targets are what the mining machinery designs (re-run for one year)."""

import importlib.util
from pathlib import Path

import pytest

from spacerace.catalog.capture_targets import load_capture_targets

TOOL = Path(__file__).parents[2] / "tools" / "build_capture_targets.py"


def _tool():
    spec = importlib.util.spec_from_file_location("build_capture_targets", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_table_covers_the_engine_years_and_both_destinations():
    table = load_capture_targets()
    for year in range(1970, 2045):
        for dest in ("mars-orbit", "earth-moon"):
            targets = table[(year, dest)]
            assert [t.rank for t in targets] == list(range(1, len(targets) + 1))
            assert all(t.depart_jd_tdb < t.rendezvous_jd_tdb <= t.leave_jd_tdb
                       < t.arrive_jd_tdb for t in targets)  # fmt: skip


@pytest.mark.parametrize("year, destination", [(2003, "mars-orbit"), (1985, "earth-moon")])
def test_table_rows_are_what_rank_candidates_designs(year, destination):
    from spacerace.mining import rank_candidates

    tool = _tool()
    fresh = rank_candidates(year, destination, tool.TOP, n_design=tool.N_DESIGN, grid=tool.GRID)
    stored = load_capture_targets()[(year, destination)]
    assert [c.designation for c in fresh] == [t.designation for t in stored]
    for c, t in zip(fresh, stored, strict=True):
        assert t.dv_outbound_km_s == pytest.approx(c.dv_outbound_km_s, rel=1e-5)
        assert t.dv_return_km_s == pytest.approx(c.dv_return_km_s, rel=1e-5)
        assert t.depart_jd_tdb == c.depart_jd_tdb and t.arrive_jd_tdb == c.arrive_jd_tdb


def test_objects_are_known_by_the_year_they_are_picked():
    from spacerace.catalog.neas import load_neas

    cat = load_neas()
    first = {str(d): int(y) for d, y in zip(cat.designation, cat.first_obs_year, strict=True)}
    for (year, _), targets in load_capture_targets().items():
        assert all(first[t.designation] <= year for t in targets)
