"""Scripted events: the outcomes a scenario forces (its divergence), marked in the log."""

from __future__ import annotations

from spacerace.scenario.model import Scenario
from spacerace.sim.context import RunContext
from spacerace.sim.flights import flight_process
from spacerace.sim.missions import mission_name
from spacerace.sim.production import take
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import MISSION_KINDS, is_met

__all__ = ["scripted_process"]


def scripted_process(ctx: RunContext, scenario: Scenario):
    """Play the scenario's scripted events in date order."""
    for event in sorted(scenario.scripted, key=lambda e: (e.date, e.agency, e.name)):
        day = ctx.cal.day_of_iso(event.date)
        if event.kind == "mission":  # the date is the arrival: leave one transit earlier
            day -= (
                ctx.planner.lunar_tof_days if MISSION_KINDS[event.mission].body == "moon" else 0.0
            )
        if day >= ctx.end_day:
            return
        if day > ctx.now:
            yield ctx.env.timeout(day - ctx.now)
        if event.kind == "mission":
            yield from _scripted_mission(ctx, event)
        elif event.kind == "found_agency":
            agency = ctx.world.agencies[event.agency]
            agency.founded_year = min(agency.founded_year, ctx.year)
            ctx.emit(
                "agency_founded",
                event.agency,
                event.text or f"{agency.name} is founded.",
                cause="scripted by the scenario",
                scripted=True,
            )
        else:
            ctx.emit(
                "scripted_note",
                event.agency or None,
                event.text,
                cause="scripted by the scenario",
                scripted=True,
            )


def _scripted_mission(ctx: RunContext, event):
    """Fly a mission whose outcome is forced (it arrives on the scripted date)."""
    agency = ctx.world.agencies[event.agency]
    for token in MISSION_KINDS[event.mission].needs:
        if is_met(token, agency.capabilities):
            continue
        choices = token.split("|")  # the program under way if any, else the first
        granted = next((c for c in choices if c in agency.programs), choices[0])
        agency.gain(granted, ctx.ref.programs[granted].units)
        ctx.emit(
            "program_completed",
            event.agency,
            f"{agency.name} has {ctx.ref.programs[granted].name} ready.",
            cause="scripted by the scenario (the divergence)",
            program=granted,
            scripted=True,
        )
    fleet = sorted(agency.fleet, key=lambda v: -ctx.world.vehicle_specs[v].payload_leo_kg)
    vehicle = ctx.world.vehicle_specs[fleet[0]]
    plan = ctx.planner.plan(event.mission, vehicle, ctx.now, ctx.mech)
    if plan is None:  # no window before the planner's span ends (a run cut short by --until)
        return
    from dataclasses import replace

    plan = replace(plan, depart_day=ctx.now, launches=1)
    for name in event.crew:
        ctx.world.people[name].status = "flying"
    agency.mission_count += 1
    mission = Mission(
        id=f"{event.agency}-scripted-{event.date}",
        agency=event.agency,
        kind=event.mission,
        name=event.name or mission_name(ctx, event.agency, event.mission, vehicle.key, plan),
        vehicle=vehicle.key,
        crew=tuple(event.crew),
        plan=plan,
    )
    ctx.world.missions.append(mission)
    take(ctx, event.agency, vehicle.key, 1, mission.name)  # forced, even from an empty stock
    if event.text:  # the note tells the scripted date's event: it is dated then, not at launch
        ctx.env.process(_note_on(ctx, ctx.cal.day_of_iso(event.date), event))
    yield from flight_process(ctx, mission, forced=event.outcome)


def _note_on(ctx: RunContext, day: float, event):
    """Emit a scripted mission's note on its date (the arrival it describes)."""
    if day > ctx.now:
        yield ctx.env.timeout(day - ctx.now)
    if ctx.now < ctx.end_day:
        ctx.emit(
            "scripted_note",
            event.agency,
            event.text,
            cause="the scenario's divergence",
            scripted=True,
        )
