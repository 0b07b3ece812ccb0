"""Mission options: what an agency could decide now, one per (kind, vehicle) that fits.

A kind is offered when the agency holds what its row needs, it has crews (and is not
grounded), it serves a goal still open or is an upkeep flight that is due, and a vehicle
of its fleet can fly its plan within the kind's launch cap. Each option carries its cost
(in this year's dollars) and the engine's estimate of its odds: every launch's learned
reliability times every phase's survival, with the phase risks cut by the crew's skill.
"""

from __future__ import annotations

import math

from spacerace.policy.base import MissionOption
from spacerace.sim.company import launch_price_musd, sellers
from spacerace.sim.context import RunContext
from spacerace.sim.politics import money_in_dollars_of
from spacerace.sim.production import can_fly
from spacerace.world.crew import first_seats
from spacerace.world.mission_kinds import GOALS, MISSION_KINDS, MissionKind

__all__ = [
    "asteroid_destination",
    "best_odds",
    "flight_set_of",
    "goal_served",
    "mission_options",
    "next_upkeep_due_day",
    "phase_risk",
]


def phase_risk(ctx: RunContext, risk: str) -> float:
    """The failure chance a phase row names, before the skill cut.

    A first-of-kind phase's is what the run has learned of it (``World.phase_records``);
    any other's is its missions mechanic.
    """
    record = ctx.world.phase_records.get(risk)
    if record is not None:
        return record.failure_rate
    return getattr(ctx.mech.missions, risk)


def launch_cap(ctx: RunContext, kind: MissionKind) -> float:
    """Most launches a mission of ``kind`` may take (the programs mechanic its row names)."""
    return getattr(ctx.mech.programs, kind.launch_cap)


def upkeep_interval_days(ctx: RunContext, kind: MissionKind) -> float:
    """Days between two upkeep flights of ``kind`` (the missions mechanic its row names)."""
    return getattr(ctx.mech.missions, kind.upkeep_interval)


def next_upkeep_due_day(ctx: RunContext, key: str) -> float:
    """The next day after now an upkeep flight of agency ``key`` falls due (``inf``: none).

    A flight of a kind open to it that is not windowed falls due ``mission_lead_days``
    before it would leave an interval (``upkeep_interval_days``) after the last of its kind
    (``mission_options`` offers it from then on); windowed kinds follow their windows, and
    kinds it cannot fly at all (a base rotation without a base, a kind without its flight
    sets) never fall due. Flights already due are left out: what holds them back (money,
    crews, a grounding) is not a date.
    """
    agency = ctx.world.agencies[key]
    lead = ctx.mech.missions.mission_lead_days
    last = agency.last_flown
    now = ctx.now
    days = [
        last.get(kind.key, -1e9) + upkeep_interval_days(ctx, kind) - lead
        for kind in ctx.kinds_open_to(key)
        if kind.is_upkeep and not kind.windowed and _can_fly(ctx, key, agency, kind)
    ]
    return min((d for d in days if d > now), default=math.inf)


def _can_fly(ctx: RunContext, key: str, agency, kind: MissionKind) -> bool:
    """False for a kind agency ``key`` cannot fly at all now, whatever its money and crews.

    A base's kind without a standing base of its own there, a kind without its flight sets.
    """
    if kind.needs_own_base and not ctx.bases_of(key, kind.body):
        return False
    return not (kind.uses_flight_set and not flight_set_of(agency, kind))


def flight_set_of(agency, kind: MissionKind) -> str:
    """The program whose unflown flight sets a mission of ``kind`` would use ("" if none)."""
    for token in kind.needs:
        for key in token.split("|"):
            if agency.flight_sets.get(key, 0) > 0:
                return key
    return ""


def goal_served(ctx: RunContext, key: str, kind: str, has_woman: bool) -> str:
    """The first open goal of agency ``key`` that a mission of ``kind`` would achieve."""
    agency = ctx.world.agencies[key]
    done = agency.achieved
    for goal in agency.goals:
        if goal in done:
            continue
        row = GOALS[goal]
        if row.needs_woman and not has_woman:
            continue
        if row.after and row.after not in done:
            continue
        if row.is_achieved_by(kind):
            return goal
    return ""


def _odds(
    ctx, kind: MissionKind, vehicle: str, launches: int, skill: float, crew_vehicle=""
) -> float:
    reliability = ctx.world.vehicles[vehicle].reliability
    odds = reliability**launches
    if crew_vehicle:
        odds *= ctx.world.vehicles[crew_vehicle].reliability
    cut = 1.0 - ctx.mech.missions.skill_risk_reduction * skill
    for risk in _phase_risks(ctx, kind):
        odds *= 1.0 - risk * cut
    return odds


def _phase_risks(ctx: RunContext, kind: MissionKind) -> tuple[float, ...]:
    """The failure chances of a kind's phases in order (``phase_risk``), memoised per run."""
    memo = ctx.memo.setdefault("phase_risks", {})
    risks = memo.get(kind.key)
    if risks is None:
        risks = memo[kind.key] = tuple(phase_risk(ctx, phase.risk) for phase in kind.phases)
    return risks


def mission_options(
    ctx: RunContext, key: str, pool: list | None = None, max_cost_musd: float = math.inf
) -> list[MissionOption]:
    """Missions agency ``key`` could decide now, one per (kind, vehicle) that fits.

    ``pool`` is ``ctx.crew_pool(key)`` if the caller has it already; options costing more
    than ``max_cost_musd`` are left out (the same list as filtering the result).
    """
    agency = ctx.world.agencies[key]
    bought = sellers(ctx, key)  # a company buys launches of what it does not fly
    # a rocket whose closed production run is flown out is no option (sim.production), nor
    # the crew's ride: the best crew vehicle is taken among those that can still be had
    fleet = [v for v in sorted(agency.fleet | set(bought)) if can_fly(ctx, key, v, 1)]
    pool = ctx.crew_pool(key) if pool is None else pool
    has_woman = any(p.sex == "female" for p in pool)
    # the odds are the crew's the engine will offer first (world.crew.crew_order): the
    # mean skill of its (up to) three seats
    seats = first_seats(pool, 3)
    skill = sum(p.skill for p in seats) / len(seats) if seats else 0.0
    kinds = ctx.kinds_open_to(key)
    last = agency.last_flown
    nuclear = "nuclear_propulsion" in agency.capabilities
    destination = asteroid_destination(ctx, key)
    crew_vehicle = _crew_vehicle(ctx, fleet)
    pending = ctx.pending_goals(key)
    lead = ctx.mech.missions.mission_lead_days
    grounded = agency.is_grounded(ctx.now)
    options = []
    for kind in kinds:
        if not _can_fly(ctx, key, agency, kind):
            continue
        goal = goal_served(ctx, key, kind.key, has_woman)
        if goal in pending:
            goal = ""  # a mission is on its way to it
        # an upkeep flight is due when it would leave an interval after the last one
        leaves = ctx.now if kind.windowed else ctx.now + lead
        if not goal and (
            not kind.is_upkeep
            or leaves - last.get(kind.key, -1e9) < upkeep_interval_days(ctx, kind)
        ):
            continue
        if kind.crew and (len(pool) < kind.crew or grounded):
            continue
        for vkey in fleet:
            option = _option(
                ctx,
                kind,
                vkey,
                crew_vehicle,
                goal,
                skill,
                nuclear,
                destination,
                max_cost_musd,
                bought,
            )
            # the fleet holds only rockets with one left: an option of several launches
            # needs that many (the crew's ride, one launch, is of the fleet)
            if option is not None and can_fly(ctx, key, vkey, option.launches):
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


def _split(ctx: RunContext, kind: MissionKind, vkey: str, crew_vehicle: str, plan):
    """(cargo launches, crew vehicle): the crew rides the cargo vehicle if it lifts it all.

    ``crew_vehicle`` is the fleet's best crew-rated vehicle (``_crew_vehicle``).
    """
    spec = ctx.world.vehicle_specs[vkey]
    if not kind.crew or spec.crew_rated:  # the crew rides the last launch
        return plan.launches, ""
    if not crew_vehicle:
        return 0, None
    capsule = min(
        ctx.mech.spacecraft.capsule_kg, ctx.world.vehicle_specs[crew_vehicle].payload_leo_kg
    )
    cargo = max(1, math.ceil((plan.imleo_kg - capsule) / spec.payload_leo_kg))
    return cargo, crew_vehicle


def _price(ctx, vkey: str, bought) -> float:
    """One launch of ``vkey`` now: its cost, or a seller's price if it is bought."""
    if vkey in bought:
        return launch_price_musd(ctx, vkey)
    spec = ctx.world.vehicle_specs[vkey]
    return money_in_dollars_of(ctx, spec.cost_musd, spec.cost_year)


def _costed(ctx: RunContext, kind: MissionKind, vkey: str, best_crew_vehicle: str, plan, bought):
    """(launches, crew vehicle, cost this year) of flying ``plan``, or None if over the cap.

    A pure function of the plan, the vehicles, whether they are bought (a company's) and
    the year (the deflator, a seller's price): memoised per run by the plan's identity (the
    run keeps its plans, ``RunContext.plan``).
    """
    memo = ctx.memo.setdefault("costed", {})
    year = ctx.year
    key = (id(plan), kind.key, vkey, best_crew_vehicle, year, vkey in bought,
           best_crew_vehicle in bought)  # fmt: skip
    if key in memo:
        return memo[key]
    spec = ctx.world.vehicle_specs[vkey]
    launches, crew_vehicle = _split(ctx, kind, vkey, best_crew_vehicle, plan)
    if crew_vehicle is None or launches + bool(crew_vehicle) > launch_cap(ctx, kind):
        memo[key] = None
        return None
    cost = launches * _price(ctx, vkey, bought) + (plan.cost_musd - plan.launches * spec.cost_musd)
    if crew_vehicle:
        cost += _price(ctx, crew_vehicle, bought)
    found = memo[key] = (launches, crew_vehicle, round(cost, 2))
    return found


def _option(
    ctx,
    kind: MissionKind,
    vkey,
    best_crew_vehicle,
    goal,
    skill,
    nuclear,
    destination,
    max_cost_musd=math.inf,
    bought=(),
) -> MissionOption | None:
    spec = ctx.world.vehicle_specs[vkey]
    plan = ctx.plan(kind.key, spec, nuclear, destination)
    if plan is None:
        return None
    costed = _costed(ctx, kind, vkey, best_crew_vehicle, plan, bought)
    if costed is None:
        return None
    launches, crew_vehicle, cost = costed
    if cost > max_cost_musd:
        return None
    odds = _odds(ctx, kind, vkey, launches, skill, crew_vehicle)
    depart = plan.depart_day if kind.windowed else ctx.now + ctx.mech.missions.mission_lead_days
    return MissionOption(kind.key, vkey, crew_vehicle, cost, launches, odds, goal, depart)


def best_odds(ctx: RunContext, key: str, kind: str) -> float:
    """The best odds of any vehicle of the agency's fleet for a kind (a skill-0.7 crew)."""
    agency = ctx.world.agencies[key]
    fleet = sorted(agency.fleet)
    row = MISSION_KINDS[kind]
    nuclear = "nuclear_propulsion" in agency.capabilities
    destination, crew_vehicle = asteroid_destination(ctx, key), _crew_vehicle(ctx, fleet)
    options = [_option(ctx, row, v, crew_vehicle, "", 0.7, nuclear, destination) for v in fleet]
    return max((o.success_odds for o in options if o is not None), default=0.0)


def asteroid_destination(ctx: RunContext, key: str) -> str:
    """Where an agency's asteroid capture delivers: Mars orbit if it shares a Mars base."""
    return "mars-orbit" if ctx.bases_of(key, "mars") else "earth-moon"
