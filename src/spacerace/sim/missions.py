"""Missions: an agency's policy picks one, the planner sizes it, the flight runs phase by phase.

Launch success is drawn from the vehicle's Beta reliability (its real record plus every
simulated flight); the other phases use the stated phase risks (``world.mechanics``), cut by
the crew's skill. A failure may kill the crew; a loss grounds the agency's crewed flights.
"""

from __future__ import annotations

import math

from spacerace.policy.base import MissionOption
from spacerace.policy.builtin import GOAL_MISSION
from spacerace.sim.asteroids import deliver_asteroid
from spacerace.sim.bases import arrive, bring_supplies, depart, found_base
from spacerace.sim.context import RunContext
from spacerace.sim.politics import money_in_dollars_of, react_to_first, react_to_loss
from spacerace.sim.programs import GOAL_PROGRAMS, is_met
from spacerace.world.base import Base, ModuleUnit
from spacerace.world.mission import Mission

__all__ = ["decide_process", "flight_process", "mission_options", "PHASES"]

PHASES = {
    "earth_orbit": (("orbit", "risk_orbit"),),
    "space_station": (("orbit", "risk_orbit"),),
    "lunar_landing": (
        ("transfer", "risk_lunar_transfer"),
        ("landing", "risk_lunar_landing"),
        ("return", "risk_lunar_ascent_return"),
    ),
    "lunar_base": (
        ("transfer", "risk_lunar_transfer"),
        ("landing", "risk_lunar_landing"),
        ("return", "risk_lunar_ascent_return"),
    ),
    "lunar_rotation": (
        ("transfer", "risk_lunar_transfer"),
        ("landing", "risk_lunar_landing"),
        ("return", "risk_lunar_ascent_return"),
    ),
    "mars_landing": (
        ("transfer", "risk_mars_transfer"),
        ("landing", "risk_mars_landing"),
        ("return", "risk_mars_return"),
    ),
    "mars_base_rotation": (
        ("transfer", "risk_mars_transfer"),
        ("landing", "risk_mars_landing"),
        ("return", "risk_mars_return"),
    ),
    "asteroid_capture": (
        ("transfer", "risk_orbit"),
        ("capture", "risk_asteroid_capture"),
        ("return", "risk_orbit"),
    ),
}
"""Phases after launch of each mission kind, with the mechanic giving each one's risk."""

CAPSULE_KG = 7000.0
"""Mass of a crew capsule launched separately to meet the cargo (Soyuz: 7.2 t), kg."""

CREW_SIZE = {
    "earth_orbit": 2,
    "space_station": 3,
    "lunar_landing": 3,
    "lunar_base": 3,
    "lunar_rotation": 3,
    "mars_landing": 4,
    "mars_base_rotation": 4,
    "asteroid_capture": 0,
}
KIND_NEEDS = {
    "earth_orbit": (),
    "space_station": ("space_station",),
    "lunar_landing": ("apollo_lm|l3",),
    "lunar_base": ("lunar_base",),
    "lunar_rotation": ("apollo_lm|l3",),
    "mars_landing": ("mars_vehicle",),
    "mars_base_rotation": ("mars_vehicle",),
    "asteroid_capture": ("asteroid_capture",),
}
REVIEWED_GOALS = ("crewed_lunar_landing", "lunar_base", "crewed_mars_landing")
"""Goals an agency may give up once the rival has them (the others are never dropped)."""
BASE_NAMES = {("moon", "US"): "Jamestown", ("moon", "SU"): "Zvezda", ("mars", ""): "Happy Valley"}


def _goal_served(ctx: RunContext, key: str, kind: str, has_woman: bool) -> str:
    agency = ctx.world.agencies[key]
    done = ctx.achievements(key)
    for goal in agency.goals:
        if goal in done:
            continue
        if goal == "woman_on_moon" and not has_woman:
            continue
        if goal == "mars_base" and "crewed_mars_landing" not in done:
            continue
        if kind == GOAL_MISSION.get(goal):
            return goal
    return ""


def _odds(ctx, kind: str, vehicle: str, launches: int, skill: float, crew_vehicle="") -> float:
    reliability = ctx.world.vehicles[vehicle].reliability
    odds = reliability**launches
    if crew_vehicle:
        odds *= ctx.world.vehicles[crew_vehicle].reliability
    cut = 1.0 - ctx.mech.missions.skill_risk_reduction * skill
    for _, risk in PHASES[kind]:
        odds *= 1.0 - getattr(ctx.mech.missions, risk) * cut
    return odds


def mission_options(ctx: RunContext, key: str) -> list[MissionOption]:
    """Missions agency ``key`` could decide now, one per (kind, vehicle) that fits."""
    agency = ctx.world.agencies[key]
    fleet = sorted(ctx.catalog["fleet"].get(key, set()))
    pool = ctx.crew_pool(key)
    has_woman = any(ctx.catalog["sex"].get(p.name) == "female" for p in pool)
    skill = sum(p.skill for p in pool[:3]) / 3 if pool else 0.0
    kinds = [
        k for k, needs in KIND_NEEDS.items() if all(is_met(t, agency.capabilities) for t in needs)
    ]
    last = ctx.catalog["last_flown"].setdefault(key, {})
    options = []
    for kind in kinds:
        if kind == "lunar_rotation" and not ctx.bases_of(key, "moon"):
            continue
        if kind == "mars_base_rotation" and not ctx.bases_of(key, "mars"):
            continue
        goal = _goal_served(ctx, key, kind, has_woman)
        interval = {
            "lunar_rotation": ctx.mech.missions.base_rotation_interval_days,
            "mars_base_rotation": 700.0,
            "space_station": ctx.mech.missions.station_crew_interval_days,
            "earth_orbit": 365.0,
        }.get(kind)
        if not goal and (interval is None or ctx.now - last.get(kind, -1e9) < interval):
            continue
        if CREW_SIZE[kind] and (len(pool) < CREW_SIZE[kind] or agency.is_grounded(ctx.now)):
            continue
        for vkey in fleet:
            option = _option(ctx, key, kind, vkey, fleet, goal, skill)
            if option is not None:
                options.append(option)
    return options


def _crew_vehicle(ctx: RunContext, fleet: list[str]) -> str:
    """The most reliable crew-rated vehicle of a fleet (ties: the cheaper)."""
    rated = [v for v in fleet if ctx.world.vehicle_specs[v].crew_rated]
    if not rated:
        return ""
    return max(
        rated,
        key=lambda v: (ctx.world.vehicles[v].reliability, -ctx.world.vehicle_specs[v].cost_musd, v),
    )


def _split(ctx: RunContext, kind: str, vkey: str, fleet: list[str], plan):
    """(cargo launches, crew vehicle): the crew rides the cargo vehicle if it lifts it all."""
    spec = ctx.world.vehicle_specs[vkey]
    if not CREW_SIZE[kind] or spec.crew_rated:  # the crew rides the last launch
        return plan.launches, ""
    crew_vehicle = _crew_vehicle(ctx, fleet)
    if not crew_vehicle:
        return 0, None
    capsule = min(CAPSULE_KG, ctx.world.vehicle_specs[crew_vehicle].payload_leo_kg)
    cargo = max(1, math.ceil((plan.imleo_kg - capsule) / spec.payload_leo_kg))
    return cargo, crew_vehicle


def _max_launches(ctx: RunContext, kind: str) -> float:
    if kind.startswith("lunar"):
        return ctx.mech.programs.max_launches_lunar
    if kind.startswith("mars"):
        return ctx.mech.programs.max_launches_mars
    return ctx.mech.programs.max_launches_other


def _option(ctx, key, kind, vkey, fleet, goal, skill) -> MissionOption | None:
    agency = ctx.world.agencies[key]
    spec = ctx.world.vehicle_specs[vkey]
    nuclear = "nuclear_propulsion" in agency.capabilities
    plan = ctx.plan(kind, spec, nuclear, asteroid_destination(ctx, key))
    if plan is None:
        return None
    launches, crew_vehicle = _split(ctx, kind, vkey, fleet, plan)
    if crew_vehicle is None or launches + bool(crew_vehicle) > _max_launches(ctx, kind):
        return None
    cost = launches * money_in_dollars_of(ctx, spec.cost_musd, spec.cost_year) + (
        plan.cost_musd - plan.launches * spec.cost_musd
    )
    if crew_vehicle:
        crew_spec = ctx.world.vehicle_specs[crew_vehicle]
        cost += money_in_dollars_of(ctx, crew_spec.cost_musd, crew_spec.cost_year)
    odds = _odds(ctx, kind, vkey, launches, skill, crew_vehicle)
    windowed = kind.startswith("mars") or kind == "asteroid_capture"
    depart = plan.depart_day if windowed else ctx.now + ctx.mech.missions.mission_lead_days
    return MissionOption(kind, vkey, crew_vehicle, round(cost, 2), launches, odds, goal, depart)


def decide_process(ctx: RunContext, key: str):
    """One agency's mission decisions, every two months while it exists."""
    agency = ctx.world.agencies[key]
    rng = ctx.rng(f"policy:{key}")
    while True:
        if agency.founded_year > ctx.year:
            yield ctx.env.timeout(ctx.cal.day_of(agency.founded_year, 1, 1) - ctx.now)
            continue
        _review_goals(ctx, key, rng)
        options = [o for o in mission_options(ctx, key) if o.cost_musd <= agency.funds_musd]
        if not options:  # nothing can fly: wait for money (1 Oct), crews (1 Jan) or returns
            yield ctx.env.timeout(ctx.mech.missions.idle_review_days)
            continue
        choice = ctx.policies[key].next_mission(ctx.view(key), options, rng)
        if choice is None:
            yield ctx.env.timeout(60.0)
            continue
        mission = _commit(ctx, key, choice, rng)
        if mission is None:
            yield ctx.env.timeout(60.0)
            continue
        ctx.env.process(flight_process(ctx, mission))
        yield ctx.env.timeout(max(30.0, mission.plan.depart_day - ctx.now + 30.0))


def _review_goals(ctx: RunContext, key: str, rng) -> None:
    """Give up goals the rival reached first when one's own odds are poor (policy decides)."""
    agency = ctx.world.agencies[key]
    view = ctx.view(key)
    for goal in view.rival_ahead:
        if goal not in agency.goals or goal in ctx.achievements(key):
            continue
        if goal not in REVIEWED_GOALS:
            continue
        odds = _best_odds(ctx, key, GOAL_MISSION[goal])
        if ctx.policies[key].keep_goal(view, goal, odds, rng):
            continue
        dropped = [
            g
            for g in agency.goals
            if g == goal
            or (
                goal in ("crewed_lunar_landing", "lunar_base")
                and g in ("crewed_lunar_landing", "woman_on_moon", "lunar_base")
            )
        ]
        agency.goals = tuple(g for g in agency.goals if g not in dropped)
        for program in [
            p
            for p in sorted(agency.programs)
            if any(p in tok.split("|") for g in dropped for tok in GOAL_PROGRAMS[g])
        ]:
            del agency.programs[program]
        ctx.emit(
            "goal_abandoned",
            key,
            f"{agency.name} abandons {', '.join(g.replace('_', ' ') for g in dropped)}.",
            cause=f"the rival got there first and its own odds were {odds:.0%}",
            goal=goal,
            odds=round(odds, 3),
        )


def _best_odds(ctx: RunContext, key: str, kind: str) -> float:
    fleet = sorted(ctx.catalog["fleet"].get(key, set()))
    options = [_option(ctx, key, kind, v, fleet, "", 0.7) for v in fleet]
    return max((o.success_odds for o in options if o is not None), default=0.0)


def _commit(
    ctx: RunContext, key: str, choice: MissionOption, rng, forced_crew=()
) -> Mission | None:
    agency = ctx.world.agencies[key]
    spec = ctx.world.vehicle_specs[choice.vehicle]
    nuclear = "nuclear_propulsion" in agency.capabilities
    plan = ctx.plan(choice.kind, spec, nuclear, asteroid_destination(ctx, key))
    if plan is None:
        return None
    size = CREW_SIZE[choice.kind]
    if forced_crew:
        crew = list(forced_crew)
    elif size:
        pool = [p.name for p in ctx.crew_pool(key)]
        if choice.serves_goal == "woman_on_moon":
            women = [n for n in pool if ctx.catalog["sex"].get(n) == "female"]
            pool = women[:1] + [n for n in pool if n not in women[:1]]
        crew = ctx.policies[key].pick_crew(ctx.view(key), choice.kind, pool, size, rng)
    else:
        crew = []
    for name in crew:
        ctx.world.people[name].status = "flying"
    agency.funds_musd -= choice.cost_musd
    count = ctx.catalog["counter"][key] = ctx.catalog["counter"].get(key, 0) + 1
    delay = (
        agency.approval_delay_days
        if choice.kind not in ("mars_landing", "mars_base_rotation", "asteroid_capture")
        else 0.0
    )
    from dataclasses import replace

    plan = replace(plan, depart_day=choice.depart_day + delay, launches=choice.launches)
    mission = Mission(
        id=f"{key}-{count:04d}",
        agency=key,
        kind=choice.kind,
        name=f"{agency.name} {choice.kind.replace('_', ' ')} {count}",
        vehicle=choice.vehicle,
        crew=tuple(crew),
        plan=plan,
        crew_vehicle=choice.crew_vehicle,
    )
    ctx.world.missions.append(mission)
    ctx.catalog["last_flown"].setdefault(key, {})[choice.kind] = plan.depart_day
    return mission


def flight_process(ctx: RunContext, mission: Mission, forced: str = ""):
    """Fly a mission: launches, then each phase; ``forced`` ("success"/"failure") scripts it."""
    agency = ctx.world.agencies[mission.agency]
    yield ctx.env.timeout(max(0.0, mission.plan.depart_day - ctx.now))
    if mission.crew and agency.is_grounded(ctx.now) and not forced:
        _release(ctx, mission)
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
    for phase, risk_name in PHASES[mission.kind]:
        duration = {
            "transfer": mission.plan.transit_days,
            "return": mission.plan.return_days or mission.plan.transit_days,
            "landing": 0.25,
        }.get(phase, 3.0)
        yield ctx.env.timeout(max(0.25, duration))
        risk = getattr(ctx.mech.missions, risk_name) * cut
        fails = (forced == "failure" and phase == PHASES[mission.kind][-1][0]) or (
            not forced and rng.random() < risk
        )
        if fails:
            _fail(ctx, mission, phase, risk, rng, scripted)
            return
        mission.phases_done.append(phase)
        if phase in ("landing", "capture", "orbit"):
            _arrive(ctx, mission, scripted)  # firsts count at touchdown, not at splashdown
            stay = _stay_days(ctx, mission)
            if stay > 0:
                outcome = yield from _surface_stay(ctx, mission, stay)
                if outcome == "dead":
                    mission.status, mission.failed_phase = "lost", "surface"
                    return
    _succeed(ctx, mission, scripted)


def _stay_days(ctx: RunContext, mission: Mission) -> float:
    """Days on the surface: a lunar rotation crew serves a tour at its base."""
    if mission.kind == "lunar_rotation" and ctx.catalog.get("lives_at", {}).get(
        mission.crew[0] if mission.crew else ""
    ):
        return max(mission.plan.surface_days, ctx.mech.missions.base_rotation_interval_days)
    return mission.plan.surface_days


def _surface_stay(ctx: RunContext, mission: Mission, stay: float):
    """Wait out the stay, or until the base recalls the crew (evacuation or death)."""
    recall = ctx.env.event()
    ctx.catalog.setdefault("recalls", {})[mission.id] = recall
    ctx.catalog.setdefault("recall_crews", {})[mission.id] = mission.crew
    yield ctx.env.timeout(stay) | recall
    del ctx.catalog["recalls"][mission.id]
    del ctx.catalog["recall_crews"][mission.id]
    outcome = recall.value if recall.triggered else "done"
    if outcome != "dead":
        for name in mission.crew:
            home = ctx.catalog.setdefault("lives_at", {}).get(name)
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
            yield ctx.env.timeout(20.0)
        odds = record.reliability
        success = True if forced else bool(rng.random() < odds)
        record.update(success)
        last = n == len(sequence) - 1
        ctx.emit(
            "launch",
            mission.agency,
            f"{spec.name} launch {n + 1} of {len(sequence)} for {mission.name} "
            f"{'succeeds' if success else 'fails'}.",
            cause=f"{spec.name} reliability {odds:.2f} ({record.successes} successes in "
            f"{record.total} flights, real record and simulated)",
            vehicle=vkey,
            success=success,
            scripted=bool(forced),
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
    if lost:
        mission.status = "lost"
        for name in mission.crew:
            person = ctx.world.people[name]
            person.status = "dead"
            person.health = 0.0
        ctx.emit(
            "crew_lost",
            mission.agency,
            f"The crew of {mission.name} is lost: {', '.join(mission.crew)}.",
            cause=f"failure during {phase}; survival chance was {survive:.0%}",
            actors=mission.crew,
            count=len(mission.crew),
        )
        react_to_loss(ctx, mission.agency, len(mission.crew))
    else:
        for name in mission.crew:
            ctx.world.people[name].flights += 1
        _release(ctx, mission)


def asteroid_destination(ctx: RunContext, key: str) -> str:
    """Where an agency's asteroid capture delivers: Mars orbit if it shares a Mars base."""
    return "mars-orbit" if ctx.bases_of(key, "mars") else "earth-moon"


def _succeed(ctx: RunContext, mission: Mission, scripted: bool) -> None:
    if mission.kind == "asteroid_capture":
        deliver_asteroid(ctx, mission)
    mission.status = "success"
    agency = ctx.world.agencies[mission.agency]
    agency.prestige += ctx.mech.prestige.prestige_success if mission.crew else 0.0
    if agency.is_private:  # investors follow success
        agency.capital_musd += ctx.mech.economy.private_success_capital_musd
    for name in mission.crew:
        ctx.world.people[name].flights += 1
    _release(ctx, mission)
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


def _arrive(ctx: RunContext, mission: Mission, scripted: bool) -> None:
    """At touchdown (or capture, or orbit): the firsts, and bases."""
    for milestone in _milestones_of(ctx, mission):
        _record(ctx, mission, milestone, scripted)
    if mission.kind in ("lunar_base", "lunar_rotation", "mars_landing", "mars_base_rotation"):
        _land_at_site(ctx, mission, scripted)


def _milestones_of(ctx: RunContext, mission: Mission) -> list[str]:
    women = [n for n in mission.crew if ctx.catalog["sex"].get(n) == "female"]
    return {
        "lunar_landing": ["crewed_lunar_landing"] + (["woman_on_moon"] if women else []),
        "lunar_base": ["crewed_lunar_landing"] + (["woman_on_moon"] if women else []),
        "space_station": ["space_station"],
        "mars_landing": ["crewed_mars_landing"],
        "asteroid_capture": ["asteroid_capture"],
    }.get(mission.kind, [])


def _record(ctx: RunContext, mission: Mission, milestone: str, scripted: bool) -> None:
    secret = mission.agency in ctx.catalog["secret_agencies"]
    first = ctx.achieve(mission.agency, milestone, mission.crew, secret=secret)
    agency = ctx.world.agencies[mission.agency]
    label = milestone.replace("_", " ")
    if first is not None:
        ctx.emit(
            "milestone",
            mission.agency,
            f"First {label}: {agency.name}"
            + (f" ({', '.join(mission.crew)})" if mission.crew else "")
            + (" — kept secret" if secret else "")
            + ".",
            cause=f"{mission.name}: {mission.plan.notes}",
            actors=mission.crew,
            milestone=milestone,
            first=True,
            scripted=scripted,
        )
        if not secret:
            react_to_first(ctx, mission.agency, milestone)
    elif milestone not in ctx.catalog["announced"].setdefault(mission.agency, set()):
        ctx.catalog["announced"][mission.agency].add(milestone)
        ctx.emit(
            "milestone",
            mission.agency,
            f"{agency.name} achieves {label} too.",
            cause=f"{mission.name}",
            actors=mission.crew,
            milestone=milestone,
            first=False,
        )


def _land_at_site(ctx: RunContext, mission: Mission, scripted: bool) -> None:
    body = "moon" if mission.kind.startswith("lunar") else "mars"
    agency = ctx.world.agencies[mission.agency]
    own = ctx.bases_of(mission.agency, body)
    if own:
        base = own[0]
        if mission.kind == "lunar_base":  # the mission lands one more module
            base.units.append(ModuleUnit("habitat", ctx.now, mission.agency))
        _crew_moves_in(ctx, base, mission)
        return
    if body == "mars" or agency.is_private:
        joined = _join_existing(ctx, mission, body)
        if joined:
            return
    sites = ctx.landings.setdefault(f"{body}:{mission.agency}", [])
    sites.append(mission.id)
    need = (
        ctx.mech.missions.lunar_base_min_landings
        if body == "moon"
        else ctx.mech.missions.mars_base_min_landings
    )
    if body == "moon" and mission.kind != "lunar_base":
        return
    if len(sites) < need:
        return
    name = (
        BASE_NAMES.get((body, agency.country))
        or BASE_NAMES.get((body, ""))
        or f"{agency.name} {body.title()} Base"
    )
    if name in ctx.world.bases:
        name = f"{agency.name} {body.title()} Base"
    base = Base(
        name,
        body,
        mission.agency,
        [mission.agency],
        ctx.now,
        site="Shackleton crater" if body == "moon" else "",
    )
    found_base(ctx, base, mission.crew)
    ctx.emit(
        "base_founded",
        mission.agency,
        f"{agency.name} founds {name} on {'the Moon' if body == 'moon' else 'Mars'}.",
        cause=f"{len(sites)} landings at one site",
        base=name,
        body=body,
        scripted=scripted,
    )
    milestone = "lunar_base" if body == "moon" else "mars_base"
    _record(ctx, mission, milestone, scripted)


def _crew_moves_in(ctx: RunContext, base: Base, mission: Mission) -> None:
    arrive(ctx, base, mission.crew, None)
    bring_supplies(ctx, base, len(mission.crew), _stay_days(ctx, mission))


def _join_existing(ctx: RunContext, mission: Mission, body: str) -> bool:
    """When rivalry is low, a later arrival joins an existing base ("foes into partners")."""
    if (
        ctx.world.rivalry >= ctx.mech.politics.treaty_rivalry_threshold
        and not ctx.world.agencies[mission.agency].is_private
    ):
        return False
    for _, base in sorted(ctx.world.bases.items()):
        if base.body == body and mission.agency not in base.agencies and base.abandoned_day is None:
            base.agencies.append(mission.agency)
            _crew_moves_in(ctx, base, mission)
            agency = ctx.world.agencies[mission.agency]
            ctx.emit(
                "base_joined",
                mission.agency,
                f"{agency.name} joins {base.name}.",
                cause=f"rivalry {ctx.world.rivalry:.2f} below the treaty threshold"
                if not agency.is_private
                else "contractor to the base",
                base=base.name,
            )
            if agency.is_private and body == "moon":
                agency.revenue_musd += ctx.mech.economy.helium3_revenue_musd
            return True
    return False
