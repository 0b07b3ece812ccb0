"""Real milestones: dates as cited, and totals recounted from the launch record."""

import datetime as dt

import pytest

from spacerace.catalog.real_milestones import load_real_milestones, parse_real_milestones
from spacerace.catalog.vehicles import load_launch_record
from spacerace.errors import InputError


@pytest.mark.parametrize(
    ("key", "day"),
    [
        ("apollo11_landing", "1969-07-20"),
        ("apollo17_landing", "1972-12-11"),
        ("salyut1_launch", "1971-04-19"),
        ("skylab_launch", "1973-05-14"),
        ("astp_docking", "1975-07-17"),
        ("sts1_launch", "1981-04-12"),
        ("challenger_lost", "1986-01-28"),
        ("mir_core_launch", "1986-02-20"),
        ("energia_first_flight", "1987-05-15"),
        ("buran_flight", "1988-11-15"),
        ("ussr_dissolved", "1991-12-26"),
        ("zarya_launch", "1998-11-20"),
        ("expedition1_aboard", "2000-11-02"),
        ("columbia_lost", "2003-02-01"),
    ],
)
def test_dates(key, day):
    assert load_real_milestones()[key].start == dt.date.fromisoformat(day)


def test_six_landings_and_the_apollo_13_abort():
    ms = load_real_milestones()
    landings = [m for k, m in ms.items() if k.startswith("apollo") and k.endswith("_landing")]
    assert len(landings) == 6 and "apollo13_abort" in ms


def _record(lv_type_prefix):
    return [r for r in load_launch_record() if r.lv_type.startswith(lv_type_prefix)]


def test_totals_match_the_launch_record():
    ms = load_real_milestones()
    shuttle = _record("Space Shuttle")
    assert ms["shuttle_flights"].count == len(shuttle) == 135
    assert ms["shuttle_flights"].start == min(dt.date.fromisoformat(r.date_iso) for r in shuttle)
    assert sum(not r.success for r in shuttle) == 1  # Challenger; Columbia was lost on re-entry
    assert ms["shuttle_orbiters_lost"].count == 2
    n1 = _record("N-1 11A52")
    assert ms["n1_launches"].count == len(n1) == 4 and not any(r.success for r in n1)
    assert ms["energia_flights"].count == len(_record("Energiya")) == 2


def test_launch_dates_are_in_the_record_within_a_day():
    days = {dt.date.fromisoformat(r.date_iso) for r in load_launch_record()}
    for key in (
        "salyut1_launch",
        "skylab_launch",
        "sts1_launch",
        "mir_core_launch",
        "energia_first_flight",
        "buran_flight",
        "zarya_launch",
    ):
        day = load_real_milestones()[key].start
        assert any(abs((day - d).days) <= 1 for d in days), key


def test_rows_are_sourced():
    for m in load_real_milestones().values():
        assert m.source and m.agencies, m.key
        if m.basis == "cited":
            assert m.source_url.startswith(("http://", "https://")), m.key


def test_bad_rows_are_refused():
    head = "key,agency,date,what,value,source,source_url,basis,note"
    with pytest.raises(InputError, match="bad date"):
        parse_real_milestones([head, "x,NASA,1969-13-40,w,,s,,cited,"])
    with pytest.raises(InputError, match="basis"):
        parse_real_milestones([head, "x,NASA,1969-07-20,w,,s,,invented,"])
