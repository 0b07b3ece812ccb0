"""Flights: a committed mission flies its launches, then each phase of its kind's row.

Launch success is drawn from the vehicle's Beta reliability (its real record plus every
simulated flight); the other phases use the risks their rows name (``world.mechanics``),
cut by the crew's skill. A failure may kill the crew; a loss grounds the agency's crewed
flights. On arrival (touchdown, capture, orbit) ``sim.landings`` records the firsts and
the bases; a crew living at a base stays until its tour ends or the base recalls it.
"""

from __future__ import annotations

from spacerace.sim.asteroids import deliver_asteroid
from spacerace.sim.bases import depart
from spacerace.sim.careers import on_return
from spacerace.sim.company import on_success
from spacerace.sim.context import RunContext, SurfaceStay
from spacerace.sim.landings import arrive_at_destination, stay_days
from spacerace.sim.mission_options import phase_risk
from spacerace.sim.politics import react_to_loss
from spacerace.sim.production import give_back
from spacerace.sim.rescue import try_rescue
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import MISSION_KINDS, Phase
from spacerace.world.wording import join_names, plural

__all__ = ["flight_process"]


def flight_process(ctx: RunContext, mission: Mission, forced: str = ""):
    """Fly a mission: launches, then each phase; ``forced`` ("success"/"failure") scripts it."""
    agency = ctx.world.agencies[mission.agency]
    yield ctx.env.timeout(max(0.0, mission.plan.depart_day - ctx.now))
    if mission.crew and agency.is_grounded(ctx.now) and not forced:
        _release(ctx, mission)
        give_back(ctx, mission.vehicle, mission.plan.launches)  # its rockets never left
        if mission.crew_vehicle:
            give_back(ctx, mission.crew_vehicle, 1)
        if mission.flight_set:  # nor its lander (until 2026-12-04 a scrub used one up)
            agency.flight_sets[mission.flight_set] += 1
        mission.status = "failed"
        mission.failed_phase = "scrubbed"
        ctx.emit(
            "mission_failed",
            mission.agency,
            f"{mission.name} is scrubbed.",
            cause="crewed flights are grounded",
            phase="scrubbed",
            actors=mission.crew,
        )
        return
    rng = ctx.rng("missions")
    scripted = bool(forced)
    mission.status = "flying"
    if not (yield from _launches(ctx, mission, rng, forced)):
        return
    skill = (
        sum(ctx.world.people[n].skill for n in mission.crew) / len(mission.crew)
        if mission.crew
        else 0.5
    )
    cut = 1.0 - ctx.mech.missions.skill_risk_reduction * skill
    phases = MISSION_KINDS[mission.kind].phases
    for phase in phases:
        yield ctx.env.timeout(max(0.25, _duration(ctx, mission, phase)))
        risk = phase_risk(ctx, phase.risk) * cut
        fails = (forced == "failure" and phase is phases[-1]) or (
            not forced and rng.random() < risk
        )
        if phase.learns:  # a first-of-kind phase: every attempt teaches
            ctx.world.phase_records[phase.risk].update(failed=fails)
            ctx.memo.pop("phase_risks", None)  # the options' odds follow what was learned
        if fails:
            _fail(ctx, mission, phase.name, risk, rng, scripted)
            return
        mission.phases_done.append(phase.name)
        if phase.arrives:
            arrive_at_destination(ctx, mission, scripted)  # firsts count at touchdown
            stay = stay_days(ctx, mission)
            if stay > 0:
                outcome = yield from _surface_stay(ctx, mission, stay)
                if outcome == "dead":
                    mission.status, mission.failed_phase = "lost", "surface"
                    return
    _succeed(ctx, mission, scripted)


def _duration(ctx: RunContext, mission: Mission, phase: Phase) -> float:
    """Days a phase lasts (its row says which of the plan's durations)."""
    if phase.duration == "transit":
        return mission.plan.transit_days
    if phase.duration == "return":
        return mission.plan.return_days or mission.plan.transit_days
    if phase.duration == "landing":
        return ctx.mech.missions.landing_phase_days
    return ctx.mech.missions.other_phase_days


def _surface_stay(ctx: RunContext, mission: Mission, stay: float):
    """Wait out the stay, or until the base recalls the crew (evacuation or death)."""
    recall = ctx.env.event()
    ctx.stays[mission.id] = SurfaceStay(mission.crew, recall)
    yield ctx.env.timeout(stay) | recall
    del ctx.stays[mission.id]
    outcome = recall.value if recall.triggered else "done"
    if outcome != "dead":
        for name in mission.crew:
            home = ctx.world.home_of(name)
            if home:
                depart(ctx, ctx.world.bases[home], [name])
    return outcome


def _launches(ctx: RunContext, mission: Mission, rng, forced: str):
    sequence = [mission.vehicle] * mission.plan.launches
    if mission.crew_vehicle:
        sequence.append(mission.crew_vehicle)
    for n, vkey in enumerate(sequence):
        spec = ctx.world.vehicle_specs[vkey]
        record = ctx.world.vehicles[vkey]
        if n:
            yield ctx.env.timeout(ctx.mech.missions.launch_interval_days)
        success, breakdown = record.fly(spec, ctx.mech.missions, rng, forced=bool(forced))
        odds = breakdown.total
        last = n == len(sequence) - 1
        ctx.emit(
            "launch",
            mission.agency,
            f"{spec.name} launch {n + 1} of {len(sequence)} for {mission.name} "
            f"{'succeeds' if success else 'fails'}.",
            cause=f"{spec.name} reliability {odds:.2f} ({plural(record.successes, 'success')} "
            f"in {plural(record.total, 'flight')}, real record and simulated)",
            vehicle=vkey,
            success=success,
            scripted=bool(forced),
            odds=round(odds, 6),
            breakdown=breakdown,
        )
        if not success:
            if mission.crew and last:
                _fail(
                    ctx,
                    mission,
                    "launch",
                    1.0 - odds,
                    rng,
                    False,
                    survive=ctx.mech.missions.crew_survival_launch_failure,
                )
            else:
                _release(ctx, mission)
                mission.status = "failed"
                mission.failed_phase = "launch"
                ctx.emit(
                    "mission_failed",
                    mission.agency,
                    f"{mission.name} is lost at launch.",
                    cause=f"launch {n + 1} failed (uncrewed stage)",
                    phase="launch",
                )
            return False
    return True


def _release(ctx: RunContext, mission: Mission) -> None:
    for name in mission.crew:
        person = ctx.world.people[name]
        if person.status == "flying":
            person.status = "active"


def _fail(ctx, mission, phase, risk, rng, scripted, survive=None):
    mission.status = "failed"
    mission.failed_phase = phase
    survive = 1.0 - ctx.mech.missions.loss_given_phase_failure if survive is None else survive
    lost = bool(mission.crew) and rng.random() >= survive
    ctx.emit(
        "mission_failed",
        mission.agency,
        f"{mission.name} fails during {phase}.",
        cause=f"{phase} risk {risk:.1%}",
        phase=phase,
        actors=mission.crew,
        scripted=scripted,
    )
    if lost and not scripted and try_rescue(ctx, mission, phase, ctx.rng("rescue")):
        lost = False
    if lost:
        mission.status = "lost"
        for name in mission.crew:
            person = ctx.world.people[name]
            person.status = "dead"
            person.health = 0.0
        ctx.emit(
            "crew_lost",
            mission.agency,
            f"The crew of {mission.name} is lost: {join_names(mission.crew)}.",
            cause=f"failure during {phase}; survival chance was {survive:.0%}",
            actors=mission.crew,
            count=len(mission.crew),
        )
        react_to_loss(ctx, mission.agency, len(mission.crew))
    else:
        for name in mission.crew:
            ctx.world.people[name].flights += 1
        _release(ctx, mission)
        on_return(ctx, mission)  # its first seat makes a commander


def _succeed(ctx: RunContext, mission: Mission, scripted: bool) -> None:
    if MISSION_KINDS[mission.kind].body == "asteroid":
        deliver_asteroid(ctx, mission)
    mission.status = "success"
    agency = ctx.world.agencies[mission.agency]
    if mission.crew:
        agency.gain_prestige(ctx.mech.prestige.prestige_success, "crewed missions home")
    on_success(ctx, mission)  # a company's investors and hotel guests
    for name in mission.crew:
        ctx.world.people[name].flights += 1
    _release(ctx, mission)
    on_return(ctx, mission)  # its first seat makes a commander
    ctx.emit(
        "mission_success",
        mission.agency,
        f"{mission.name} returns safely.",
        cause=mission.plan.notes,
        actors=mission.crew,
        scripted=scripted,
        mission_kind=mission.kind,
        vehicle=mission.vehicle,
    )
