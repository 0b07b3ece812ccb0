"""North Korea's secret program: Soviet-derived hardware, secret firsts, official firsts.

Sources and thresholds:
* The canon (../shared/WORLD.md; the series, season 3): a North Korean crew of two lands on
  Mars in secret in February 1995 in a craft taken for an uncrewed probe; NASA's Danielle
  Poole is officially first; Lee Jung-gil, the sole survivor, is found by the crews who
  land in 1996. So a secret first is recorded as the true first, the first public landing
  after it is the official first, and a later crew's arrival may reveal it.
* The hardware is Soviet-derived: the client receives the patron's designs and launchers
  (catalog transfers.csv) only while the patron races for the same goal at a rivalry of
  at least ``transfer_rivalry_min`` (invented, stated in the mechanics table).
* The two-seat craft must be affordable on the program's budget (150 M$ a year in 1969
  dollars, invented): its mission must cost less than a year's budget of the 1990s, or it
  could never be paid for (missions are paid from one year's money).
* End to end, on a variant of for-all-mankind with the program founded in 1980 (when the
  race is still on; the scenario's 1990 comes after NASA has landed in most seeds on main):
  over 20 fixed seeds, hardware is transferred in at least 15 (measured 20) and a North
  Korean crew lands on Mars in at least 4 (measured 8): the mechanism works when its
  conditions hold.
"""

from __future__ import annotations

import dataclasses

import pytest

from spacerace.catalog.transfers import load_transfers
from spacerace.sim.landings import record_first
from spacerace.sim.politics import money_in_dollars_of
from spacerace.sim.secrets import reveal_first, reveal_on_arrival
from spacerace.sim.transfers import transfer_process, transfers_due
from spacerace.world.mission import Mission, MissionPlan

_PLAN = MissionPlan(
    delta_v_km_s=1.0,
    imleo_kg=1.0,
    launches=1,
    depart_day=0.0,
    transit_days=1.0,
    surface_days=1.0,
    c3_km2_s2=0.0,
    cost_musd=1.0,
    notes="test",
)


def _mission(ctx, key, kind, crew):
    mission = Mission(
        id=f"{key}-t{len(ctx.world.missions)}",
        agency=key,
        kind=kind,
        name=f"{key} test",
        vehicle="saturn_v",
        crew=tuple(crew),
        plan=_PLAN,
    )
    ctx.world.missions.append(mission)
    return mission


def test_a_secret_first_is_the_true_first_and_the_next_public_one_is_official(make_ctx):
    ctx = make_ctx(at_year=1965)
    kp = _mission(ctx, "kp", "lunar_landing", ["Kim Il"])
    record_first(ctx, kp, "crewed_lunar_landing", False)
    first = ctx.world.milestones["crewed_lunar_landing"]
    assert (first.agency, first.secret, first.is_known) == ("kp", True, False)
    assert "crewed_lunar_landing" not in ctx.world.public_firsts
    assert ctx.view("usa").firsts_taken == {}  # the world does not know
    ctx.env.run(until=ctx.now + 30)
    us = _mission(ctx, "usa", "lunar_landing", ["Ann Able"])
    record_first(ctx, us, "crewed_lunar_landing", False)
    assert ctx.world.milestones["crewed_lunar_landing"] is first  # still the true first
    assert ctx.world.public_firsts["crewed_lunar_landing"].agency == "usa"
    assert kp.firsts == ["crewed_lunar_landing"] and us.firsts == []  # true firsts only
    official = [e for e in ctx.log.of_kind("milestone") if e.data.get("official")]
    assert [e.agency for e in official] == ["usa"]
    assert ctx.view("ussr").firsts_taken == {"crewed_lunar_landing": "usa"}


def test_another_crew_arriving_finds_the_secret_when_the_chance_is_one(make_ctx):
    ctx = make_ctx(at_year=1965)
    ctx.mech = _with_politics(ctx.mech, reveal_on_arrival=1.0)
    kp = _mission(ctx, "kp", "lunar_landing", ["Kim Il"])
    record_first(ctx, kp, "crewed_lunar_landing", False)
    own = _mission(ctx, "kp", "lunar_landing", ["Kim Il"])
    reveal_on_arrival(ctx, own)  # its own agency's crews reveal nothing
    assert not ctx.world.milestones["crewed_lunar_landing"].is_known
    us = _mission(ctx, "usa", "lunar_landing", ["Ann Able"])
    reveal_on_arrival(ctx, us)
    first = ctx.world.milestones["crewed_lunar_landing"]
    assert first.is_known and first.revealed_day == ctx.now and first.agency == "kp"
    [event] = ctx.log.of_kind("first_revealed")
    assert event.data["how"] == "found" and event.agency == "kp"


def test_an_arrival_elsewhere_or_a_zero_chance_reveals_nothing(make_ctx):
    ctx = make_ctx(at_year=1965)
    ctx.mech = _with_politics(ctx.mech, reveal_on_arrival=0.0)
    kp = _mission(ctx, "kp", "lunar_landing", ["Kim Il"])
    record_first(ctx, kp, "crewed_lunar_landing", False)
    reveal_on_arrival(ctx, _mission(ctx, "usa", "lunar_landing", ["Ann Able"]))
    ctx.mech = _with_politics(ctx.mech, reveal_on_arrival=1.0)
    reveal_on_arrival(ctx, _mission(ctx, "usa", "earth_orbit", ["Ann Able"]))  # not the Moon
    assert not ctx.world.milestones["crewed_lunar_landing"].is_known
    reveal_first(ctx, "crewed_lunar_landing", "announced", "test")
    assert ctx.world.milestones["crewed_lunar_landing"].is_known


def _with_politics(mech, **values):
    return dataclasses.replace(mech, politics=dataclasses.replace(mech.politics, **values))


def _tiny_client(make_ctx, rivalry):
    ctx = make_ctx(at_year=1965)
    kp, ussr = ctx.world.agencies["kp"], ctx.world.agencies["ussr"]
    kp.profile = dataclasses.replace(kp.profile, patron="ussr")
    kp.goals = ("crewed_mars_landing",)
    ussr.goals = ("crewed_mars_landing",)
    ussr.capabilities |= {"l3", "nuclear_propulsion"}
    ussr.fleet |= {"proton"}
    ctx.world.rivalry = rivalry
    return ctx


def test_a_racing_patron_hands_over_what_the_client_needs_at_high_rivalry(make_ctx):
    ctx = _tiny_client(make_ctx, rivalry=0.8)
    goal, rows = transfers_due(ctx, "kp")
    assert goal == "crewed_mars_landing"
    assert {r.item for r in rows} >= {"l3", "nuclear_propulsion", "proton"}
    ctx.world.agencies["kp"].funds_musd = 1000.0
    ctx.env.process(transfer_process(ctx))
    ctx.env.run(until=ctx.cal.day_of(1965, 10, 2))
    kp = ctx.world.agencies["kp"]
    assert {"l3", "nuclear_propulsion"} <= kp.capabilities and "proton" in kp.fleet
    [event] = ctx.log.of_kind("technology_transfer")
    assert event.data["patron"] == "ussr" and event.data["fee_musd"] > 0
    assert kp.funds_musd == pytest.approx(1000.0 - event.data["fee_musd"], abs=0.06)
    # the designs open the two-seat craft: its only missing prerequisites were handed over
    assert "mars_lander_light" in {o.key for o in _options(ctx, "kp")}


def _options(ctx, key):
    from spacerace.sim.programs import program_options

    return program_options(ctx, key)


@pytest.mark.parametrize("case", ["cold", "patron_gave_up", "taken_in_public"])
def test_no_transfer_when_the_cold_war_cools_or_the_race_is_over(make_ctx, case):
    ctx = _tiny_client(make_ctx, rivalry=0.8 if case != "cold" else 0.1)
    if case == "patron_gave_up":
        ctx.world.agencies["ussr"].goals = ()
    if case == "taken_in_public":
        ctx.achieve("usa", "crewed_mars_landing", ())
    assert transfers_due(ctx, "kp") == ("", [])


def test_every_transfer_row_names_a_program_or_a_vehicle_and_says_why():
    from spacerace.catalog.programs import load_programs
    from spacerace.catalog.vehicles import load_vehicles

    programs, vehicles = load_programs(), load_vehicles()
    for row in load_transfers():
        table = programs if row.kind == "program" else vehicles
        assert row.item in table, row
        assert row.fee_musd > 0 and row.source
        assert row.invented == row.source.startswith("invented") or "invented" in row.source


def test_the_two_seat_mars_mission_fits_the_programs_budget(make_ctx):
    """One Energia, nuclear stages: a mission below a 1990s year's budget (~370 M$)."""
    ctx = make_ctx("for-all-mankind", at_year=1993)
    spec = ctx.world.vehicle_specs["energia"]
    light = ctx.plan("mars_landing_light", spec, True)
    full = ctx.plan("mars_landing", spec, True)
    assert light.launches == 1 and light.imleo_kg < 100_000
    # as mission_options prices it: launches in this year's dollars, plus the spacecraft
    launch = money_in_dollars_of(ctx, spec.cost_musd, spec.cost_year)
    cost = light.cost_musd - light.launches * spec.cost_musd + light.launches * launch
    assert cost < 300.0  # the program's budget is ~370 M$ a year in the 1990s
    assert full.imleo_kg > 5 * light.imleo_kg  # the full ship is out of its reach
    assert light.depart_day == full.depart_day  # the same real window


def test_when_the_race_is_on_the_client_gets_hardware_and_lands_on_mars(early_program_runs):
    runs = early_program_runs
    transfer = [r for r in runs if r.log.of_kind("technology_transfer")]
    landed = [r for r in runs if "crewed_mars_landing" in r.world.agencies["dprk"].achieved]
    assert len(transfer) >= 15, len(transfer)
    assert len(landed) >= 4, len(landed)


def test_a_secret_first_is_told_as_both_firsts_in_the_chronicle(early_program_runs):
    from spacerace.report.chronicle import chronicle_eras, list_firsts

    for r in early_program_runs:
        first = r.world.milestones.get("crewed_mars_landing")
        if not (first and first.agency == "dprk"):
            continue
        assert first.secret
        official = r.world.public_firsts.get("crewed_mars_landing")
        if official:
            assert official.agency != "dprk" and official.day > first.day
        [told] = [f for f in list_firsts(r) if f.key == "crewed_mars_landing"]
        assert told.secret and told.official_agency == (official.agency if official else "")
        summaries = " ".join(c.summary for c in chronicle_eras(r))
        assert "in secret" in summaries
        if official:
            assert "officially" in summaries
        revealed = r.log.of_kind("first_revealed")
        assert bool(revealed) == (first.revealed_day is not None)
