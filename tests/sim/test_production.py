"""Production runs (sim/production.py): a closed line's stock bounds the flights, then retires.

Oracles: the launch record (catalog/data/launch_record.csv, GCAT) for the vehicles flown
before 1969, and the production runs in vehicles.csv (Saturn V: 15 built, SA-501 to 515).
"""

from __future__ import annotations

import math

from spacerace.catalog.vehicles import load_vehicles, stock_at_start
from spacerace.sim.mission_options import mission_options
from spacerace.sim.production import can_fly, give_back, line_open, take


def test_the_stock_at_the_start_is_the_run_less_the_record_before_it():
    specs = load_vehicles()
    # Saturn V: 15 built; AS-501 (Nov 1967), AS-502 (Apr 1968), AS-503 (Apollo 8, Dec 1968)
    assert stock_at_start(specs["saturn_v"], 1969) == 12
    assert stock_at_start(specs["saturn_v"], 1974) == 2  # SA-514 and SA-515, never flown
    # Saturn IB: 8 orbital vehicles (SA-201 and 202 flew suborbital, outside the record);
    # AS-203, Apollo 5 and Apollo 7 flew before 1969; Skylab 2-4 and Apollo-Soyuz after
    assert stock_at_start(specs["saturn_ib"], 1969) == 5
    assert stock_at_start(specs["titan_ii"], 1969) == 0  # Gemini's launchers, all flown
    assert math.isinf(stock_at_start(specs["soyuz"], 1969))  # serial production


def _saturn_v_options(ctx):
    return [o for o in mission_options(ctx, "nasa") if "saturn_v" in (o.vehicle, o.crew_vehicle)]


def test_a_closed_line_flies_out_its_stock_and_the_vehicle_retires(make_ctx):
    ctx = make_ctx("history", at_year=1975)
    nasa = ctx.world.agencies["nasa"]
    nasa.race_won = True  # Apollo's race is over and NASA supplies no base
    assert not line_open(ctx, "nasa")
    record = ctx.world.vehicles["saturn_v"]
    record.units_left = 1.0
    assert can_fly(ctx, "nasa", "saturn_v", 1) and not can_fly(ctx, "nasa", "saturn_v", 2)
    assert _saturn_v_options(ctx)  # the last one can still fly a one-launch mission
    take(ctx, "nasa", "saturn_v", 1, "Skylab 2")
    assert record.units_left == 0
    [retired] = ctx.log.of_kind("vehicle_retired")
    assert retired.text == "NASA assigns its last Saturn V to Skylab 2."
    assert retired.data["built"] == 15
    assert not _saturn_v_options(ctx)  # gone from the options
    give_back(ctx, "saturn_v", 1)  # the flight was scrubbed: its rocket is still there
    assert _saturn_v_options(ctx)
    take(ctx, "nasa", "saturn_v", 1, "Skylab 3")
    assert len(ctx.log.of_kind("vehicle_retired")) == 1  # retired once


def test_an_open_line_orders_again_what_a_flight_takes(make_ctx):
    ctx = make_ctx("history", at_year=1969)
    nasa = ctx.world.agencies["nasa"]
    assert nasa.racing and line_open(ctx, "nasa")  # racing for the Moon
    record = ctx.world.vehicles["saturn_v"]
    record.units_left = 0.0
    assert can_fly(ctx, "nasa", "saturn_v", 3)
    take(ctx, "nasa", "saturn_v", 2, "Apollo 11")
    assert record.units_left == 0 and not ctx.log.of_kind("vehicle_retired")
    nasa.race_won = True
    assert not line_open(ctx, "nasa")
    ctx.world.bases["Jamestown"] = type("B", (), {"agencies": ["nasa"]})()  # a base to supply
    assert line_open(ctx, "nasa")  # a base keeps it ordering


def _complete(ctx, key, program):
    from spacerace.sim import programs as sim_programs
    from spacerace.world.agency import ProgramProgress

    progress = ProgramProgress(program, started_day=ctx.now)
    ctx.world.agencies[key].programs[program] = progress
    done = {}

    def run():
        yield from sim_programs._complete(ctx, key, progress)
        done["at"] = ctx.now

    ctx.env.process(run())
    ctx.env.run(until=ctx.now + 400)
    return done


def test_a_station_flies_up_on_its_launches_and_its_rocket_comes_from_the_run(make_ctx):
    # programs.csv: Skylab flies on one Saturn V (SA-513, May 1973), the ISS's US share on
    # five Shuttle assembly flights before Expedition 1 (STS-88, 96, 101, 106, 92)
    ctx = make_ctx("history", at_year=1985)
    done = _complete(ctx, "nasa", "iss")
    shuttle = [e for e in ctx.log.of_kind("launch") if e.data.get("program") == "iss"]
    assert len([e for e in shuttle if e.data["success"]]) == 5
    assert all(e.data["vehicle"] == "space_shuttle" for e in shuttle)
    assert "iss" in ctx.world.agencies["nasa"].capabilities and done
    assert ctx.log.of_kind("station_launched")


def test_a_station_lost_at_launch_with_no_rocket_left_is_abandoned(make_ctx):
    ctx = make_ctx("history", at_year=1972)
    nasa = ctx.world.agencies["nasa"]
    nasa.race_won = True  # the line is closed
    ctx.world.vehicles["saturn_v"].units_left = 0.0  # Skylab's rocket set aside, none more

    class Fails:  # every launch draw above any odds: the launch fails
        def random(self):
            return 1.0

    ctx.rng = lambda name: Fails()
    _complete(ctx, "nasa", "skylab")
    assert "skylab" not in nasa.capabilities and "skylab" not in nasa.programs
    [launch] = [e for e in ctx.log.of_kind("launch") if e.data.get("program") == "skylab"]
    assert not launch.data["success"] and launch.data["vehicle"] == "saturn_v"
    [gone] = ctx.log.of_kind("program_abandoned")
    assert gone.text == (
        "NASA gives up Skylab (Apollo Applications orbital workshop): a launch failed and no "
        "Saturn V is left."
    )
    nasa.race_won = False  # racing, the line is open: a second rocket is ordered
    ctx2 = make_ctx("history", at_year=1972)
    ctx2.world.vehicles["saturn_v"].units_left = 0.0
    draws = iter([1.0, 0.0])  # the first fails, the second flies

    class Once:
        def random(self):
            return next(draws)

    ctx2.rng = lambda name: Once()
    _complete(ctx2, "nasa", "skylab")
    assert "skylab" in ctx2.world.agencies["nasa"].capabilities
    assert [e.data["success"] for e in ctx2.log.of_kind("launch")] == [False, True]
