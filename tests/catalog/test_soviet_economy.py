"""Soviet economy table: typed records, growth by plan period, leaders, sources."""

import datetime as dt

import pytest

from spacerace.catalog.soviet_economy import (
    SovietEconomyRecord,
    five_year_plan_growth_pct,
    leader_on,
    load_soviet_economy,
    parse_soviet_economy,
)
from spacerace.errors import InputError


def test_every_row_has_a_source_and_cited_rows_an_address():
    rows = load_soviet_economy()
    assert len(rows) >= 20
    for r in rows:
        assert r.source and r.basis in ("cited", "derived", "memory"), r
        if r.basis == "cited":
            assert r.source_url.startswith(("http://", "https://")), r
        r.years()  # every period parses


def test_growth_slows_plan_by_plan():
    # CIA 1966: 4 1/2 % a year 1961-65; CIA 1971: 5 1/2 % 1966-70; then the slowdown.
    assert five_year_plan_growth_pct(1961) == 4.5
    assert five_year_plan_growth_pct(1968) == 5.5
    assert five_year_plan_growth_pct(1978) == 2.0  # "less than 2 percent": the bound
    assert five_year_plan_growth_pct(1974) > five_year_plan_growth_pct(1978)
    with pytest.raises(InputError, match="1961-1985"):
        five_year_plan_growth_pct(1990)


def test_defense_burden_rises_from_the_1970s_to_the_1980s():
    burden = {r.period: r for r in load_soviet_economy() if r.metric == "defense share of GNP"}
    assert burden["1970s"].bounds() == (12.0, 13.0)
    assert burden["1984"].midpoint() == 13.5
    assert burden["late 1980s"].midpoint() >= burden["1970s"].midpoint()


def test_leaders_and_dissolution():
    assert leader_on(dt.date(1969, 7, 20)) == "Leonid Brezhnev"
    assert leader_on(dt.date(1982, 11, 12)) == "Yuri Andropov"
    assert leader_on(dt.date(1984, 6, 1)) == "Konstantin Chernenko"
    assert leader_on(dt.date(1991, 12, 25)) == "Mikhail Gorbachev"
    with pytest.raises(InputError):
        leader_on(dt.date(1991, 12, 26))
    (end,) = [r for r in load_soviet_economy() if r.metric == "dissolution of the USSR"]
    assert end.period == "1991-12-26"


def test_value_forms():
    def rec(value):
        return SovietEconomyRecord("1990", "m", value, "", "", "", "", "cited")

    assert rec("4.5").bounds() == (4.5, 4.5)
    assert rec("<2").bounds() == (None, 2.0)
    assert rec("<=-10").bounds() == (None, -10.0)
    assert rec("50.11 -> 24.71").bounds() == (24.71, 50.11)
    assert rec("Leonid Brezhnev").bounds() == (None, None)
    assert SovietEconomyRecord("late 1990s", "m", "1", "", "", "", "", "cited").years() == (
        1995,
        1999,
    )


def test_unknown_basis_is_refused():
    lines = ["period,metric,value,unit,source,source_url,note,basis", "1990,m,1,%,s,,n,invented"]
    with pytest.raises(InputError, match="basis"):
        parse_soviet_economy(lines)


def test_russian_space_budget_share_is_the_koptev_ratio():
    (share,) = [r for r in load_soviet_economy() if r.metric.endswith("share of NASA")]
    assert float(share.value) == pytest.approx(100 * 309 / 15_000, abs=0.05)
