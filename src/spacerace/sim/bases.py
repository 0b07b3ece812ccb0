"""Bases: one process per base — life support, residents, rationing, evacuation, tension.

Every ``STEP_DAYS`` the process runs the base's stocks and flows (``world.life_support``),
rations or evacuates when reserves run low, lets the starving die if its command refused
to leave, moves tension toward what its drivers set (``world.tension``) and draws
incidents, births and breakdowns; it places resupply orders (``sim.base_logistics``) and
records one metrics row per step for the report.
"""

from __future__ import annotations

import math

from spacerace.catalog.base_modules import load_life_support, load_module_specs
from spacerace.sim.base_agreements import review_agreements
from spacerace.sim.base_incidents import draw_incident, end_incidents
from spacerace.sim.base_logistics import order_supplies, staff_tour_days, state_members
from spacerace.sim.base_society import (
    appoint_commander,
    hourly_rates,
    isolation,
    review_movement,
    review_unions,
    roster,
)
from spacerace.sim.context import RunContext
from spacerace.sim.politics import react_to_loss
from spacerace.world.base import STOCKS, Base, ModuleUnit
from spacerace.world.life_support import (
    Flows,
    advance_stocks,
    capacity,
    daily_flows,
    daily_use_kg,
    reserve_days,
)
from spacerace.world.person import Person
from spacerace.world.tension import TensionDrivers, pay_gap, relax, tension_target
from spacerace.world.wording import count_verb, plural

__all__ = [
    "STEP_DAYS",
    "arrive",
    "bring_supplies",
    "depart",
    "found_base",
    "base_process",
    "drivers_of",
    "record_deaths",
]

STEP_DAYS = 30.4375
"""Days between two steps of a base (a mean month)."""


def found_base(ctx: RunContext, base: Base, crew: tuple[str, ...]) -> None:
    """Stock a new base from its founding landing and start its process.

    The founding landing brings a habitat and a power unit and, as the Apollo-class cargo
    of ``lunar_cargo_kg`` allows, consumables for the first crews until the first order:
    twice ``supply_margin_days``, and on Mars until the first order can land (the next
    window's cargo, months to two years away) plus that margin.
    """
    mech = ctx.mech
    needs = load_life_support()
    base.units = [
        ModuleUnit("habitat", ctx.now, base.founder),
        ModuleUnit("power", ctx.now, base.founder),
    ]
    days = 2.0 * mech.bases.supply_margin_days
    if base.body == "mars":
        nuclear = "nuclear_propulsion" in ctx.world.agencies[base.founder].capabilities
        first = ctx.planner.cargo_to_surface("mars", 1000.0, ctx.now, mech, nuclear)
        if first is not None:
            _, depart_day, transit_days = first
            days = max(days, depart_day + transit_days - ctx.now + mech.bases.supply_margin_days)
    start = {s: 4 * kg * days for s, kg in needs.items()}
    start["spares_kg"] = mech.bases.spares_kg_per_module_day * 2 * days
    for stock in STOCKS:
        base.stocks[stock] = start.get(stock, 0.0)
        base.ledger[stock]["initial"] = base.stocks[stock]
    base.next_supply_day = ctx.now
    ctx.world.bases[base.name] = base
    arrive(ctx, base, crew, None)
    ctx.env.process(base_process(ctx, base))


def arrive(ctx: RunContext, base: Base, names, tour_end_day: float | None) -> None:
    """People start living at a base (a crew's stay ends with its mission)."""
    if base.evacuating_day is not None and base.evacuating_day <= ctx.now:
        base.evacuating_day = None
    present = set(base.residents)  # a set: dozens arrive at a base of hundreds
    for name in names:
        if name not in present:
            present.add(name)
            base.residents.append(name)
            base.roster_version += 1
            base.arrived.setdefault(name, ctx.now)
        if tour_end_day is not None:
            base.tours[name] = tour_end_day
            ctx.world.people[name].status = "resident"


def bring_supplies(ctx: RunContext, base: Base, people: int, days: float) -> None:
    """A crewed landing brings what its crew will use at the base during its stay."""
    for stock, kg in sorted(load_life_support().items()):
        amount = daily_use_kg(stock, kg, people, ctx.mech, False) * days
        if amount > 0:
            base.credit(stock, amount, "delivered")


def depart(ctx: RunContext, base: Base, names) -> None:
    """People leave a base for home (staff end their tour; crews follow their mission)."""
    leaving = set(names) & set(base.residents)
    if leaving:  # residents are unique (``arrive``): one pass keeps the others in order
        base.residents[:] = [name for name in base.residents if name not in leaving]
        base.roster_version += 1
    for name in names:
        if name in leaving:
            base.arrived.pop(name, None)
        if base.tours.pop(name, None) is not None and ctx.world.people[name].status == "resident":
            ctx.world.people[name].status = "home"
    if not base.residents:
        # the last one has gone (tours ended before the evacuation day came): an evacuation
        # in hand is over, and the base may be resupplied and staffed again
        base.evacuating_day = None


def base_process(ctx: RunContext, base: Base):
    """Step a base every month while it stands."""
    rng = ctx.rng(f"base:{base.name}")
    specs, needs = load_module_specs(), load_life_support()
    while base.abandoned_day is None:
        yield ctx.env.timeout(STEP_DAYS)
        _step(ctx, base, rng, specs, needs)


def _step(ctx: RunContext, base: Base, rng, specs, needs) -> None:
    mech = ctx.mech
    review_agreements(ctx, base)
    if base.abandoned_day is not None:
        return
    _tours_end(ctx, base, rng)
    end_incidents(ctx, base)
    _repairs(ctx, base, rng)
    flows = daily_flows(base, specs, needs, mech, ctx.now)
    if base.residents:  # decide before anyone goes short
        _evacuation(ctx, base, reserve_days(base, flows, base.in_transit_kg), rng)
        if not base.residents:
            flows = daily_flows(base, specs, needs, mech, ctx.now)
    storage = mech.bases.storage_kg_per_habitat * max(1, base.module_count("habitat"))
    unmet = advance_stocks(base, flows, STEP_DAYS, storage)
    if base.residents:
        _shortfalls(ctx, base, unmet, flows.demand_kg_day["food_kg"])
    reserve = reserve_days(base, flows, base.in_transit_kg)
    _ration(ctx, base, reserve)
    urgent = (
        base.body == "moon"
        and base.residents
        and reserve < ctx.mech.bases.rationing_reserve_days
        and not any(base.in_transit_kg.values())
    )
    if (ctx.now >= base.next_supply_day or urgent) and base.evacuating_day is None:
        order_supplies(ctx, base, rng, specs, needs)
    employers = _employers(ctx, base)
    appoint_commander(ctx, base)
    drivers = _tension(ctx, base, flows, reserve, specs, employers)
    if base.residents:
        review_unions(ctx, base, employers)
        review_movement(ctx, base, drivers, STEP_DAYS)
        if draw_incident(ctx, base, rng, STEP_DAYS) == "defection":
            employers = _employers(ctx, base)
        if _births(ctx, base, rng):
            employers = _employers(ctx, base)
    _record(ctx, base, flows, reserve, employers)


def _tours_end(ctx: RunContext, base: Base, rng) -> None:
    """Staff whose tour is over leave, or sign on for another (``stay_on_share``).

    Keeping someone costs the base only their consumables, bringing a newcomer a seat:
    residents who stay are how a base grows beyond what each window's seats can bring.
    Mars staff leave only in a return window.
    """
    now = ctx.now
    if not base.tours or min(base.tours.values()) > now:  # nobody's tour is over (most months)
        return
    if base.body == "mars":  # staff leave Mars only in a return window (waited for monthly)
        window = ctx.planner.return_window_after(ctx.world.start_jd_tdb + ctx.now - 30.0)
        off_days = abs(window.depart_jd_tdb - ctx.world.start_jd_tdb - ctx.now) if window else 0
        if window is None or off_days > ctx.mech.bases.mars_window_tolerance_days:
            return
    done = sorted(n for n, end in base.tours.items() if end <= now)
    if done and base.evacuating_day is None:
        tour, stay = staff_tour_days(ctx, base), ctx.mech.bases.stay_on_share
        staying = [n for n in done if rng.random() < stay]
        for name in staying:
            base.tours[name] = now + tour
        done = [n for n in done if base.tours[n] <= now]
    if done:
        depart(ctx, base, done)


def _repairs(ctx: RunContext, base: Base, rng) -> None:
    mech = ctx.mech
    for unit in base.units:
        if unit.offline_until != math.inf:
            continue
        if base.stocks["spares_kg"] >= mech.bases.repair_spares_kg:
            base.debit("spares_kg", mech.bases.repair_spares_kg, "consumed")
            unit.offline_until = ctx.now
    if base.stocks["spares_kg"] <= 0 and base.residents:
        chance = 1.0 - math.exp(-mech.bases.breakdowns_per_module_year * STEP_DAYS / 365.25)
        for unit in base.units:
            if unit.works(ctx.now) and rng.random() < chance:
                unit.offline_until = math.inf
                ctx.emit(
                    "breakdown",
                    unit.operator,
                    f"The {unit.kind.replace('_', ' ')} at {base.name} breaks down.",
                    cause="no spare parts left at the base",
                    base=base.name,
                    module=unit.kind,
                )


def _shortfalls(ctx: RunContext, base: Base, unmet: dict[str, float], food_kg_day: float) -> None:
    """Without oxygen or water people die at once; without food, after ``starvation_days``."""
    breath = [s for s in ("oxygen_kg", "water_kg") if unmet.get(s, 0.0) > 1e-9]
    hungry = unmet.get("food_kg", 0.0)
    if hungry > 1e-9:  # days of the step without food
        base.starving_days += min(STEP_DAYS, hungry / food_kg_day)
    else:
        base.starving_days = 0.0
    if breath or base.starving_days > ctx.mech.bases.starvation_days:
        what = breath[0].removesuffix("_kg") if breath else "food"
        _deaths(ctx, base, list(base.residents), f"the base ran out of {what}")


def _deaths(ctx: RunContext, base: Base, names: list[str], why: str) -> None:
    record_deaths(ctx, base, names, why)


def record_deaths(
    ctx: RunContext, base: Base, names: list[str], why: str, ground: bool = True
) -> None:
    """People die at a base: they leave it, their stays end, a ``base_deaths`` event.

    With ``ground`` each state agency that lost people reacts as to a loss of crew
    (``sim.politics.react_to_loss``: support falls, crewed flights stop); deaths by hostile
    action (``sim.lunar_front``) are not a safety failure and do not ground.
    """
    if not names:
        return
    depart(ctx, base, names)
    by_agency: dict[str, int] = {}
    for name in names:
        person = ctx.world.people[name]
        person.status, person.health = "dead", 0.0
        by_agency[person.agency] = by_agency.get(person.agency, 0) + 1
        _recall(ctx, name, "dead")
    base.deaths += len(names)
    ctx.emit(
        "base_deaths",
        base.founder,
        f"{plural(len(names), 'person')} {count_verb(len(names), 'dies', 'die')} at {base.name}.",
        cause=why,
        actors=tuple(names),
        base=base.name,
        count=len(names),
    )
    for key, count in sorted(by_agency.items()):
        if ground and not ctx.world.agencies[key].is_private:
            react_to_loss(ctx, key, count)


def _recall(ctx: RunContext, name: str, why: str) -> None:
    """End the surface stay of the mission a crew member is on (evacuation or death)."""
    for _, stay in sorted(ctx.stays.items()):
        if name in stay.crew and not stay.recall.triggered:
            stay.recall.succeed(why)


def _ration(ctx: RunContext, base: Base, reserve: float) -> None:
    want = bool(base.residents) and reserve < ctx.mech.bases.rationing_reserve_days
    if want == base.rationing:
        return
    base.rationing = want
    ctx.emit(
        "rationing",
        base.founder,
        f"{base.name} {'rations food and water' if want else 'ends rationing'}.",
        cause=f"reserves for {plural(round(min(reserve, 9999)), 'day')} at the present rates",
        base=base.name,
        on=want,
        reserve_days=round(min(reserve, 9999.0), 1),
    )


def _days_home(ctx: RunContext, base: Base) -> float:
    """Days it takes to get home from the base now: a return window's wait plus the transit."""
    leave_day, tof_days = _days_to_leave(ctx, base)
    return leave_day - ctx.now + tof_days


def _days_to_leave(ctx: RunContext, base: Base) -> tuple[float, float]:
    """(day people can leave, days it takes): Mars waits for a return window."""
    if base.body == "moon":
        return ctx.now, ctx.planner.lunar_tof_days
    window = ctx.planner.return_window_after(ctx.world.start_jd_tdb + ctx.now)
    if window is None:
        return math.inf, math.inf
    return window.depart_jd_tdb - ctx.world.start_jd_tdb, window.tof_days


def _evacuation(ctx: RunContext, base: Base, reserve: float, rng) -> None:
    if not base.residents:
        return
    if base.evacuating_day is not None:
        if ctx.now >= base.evacuating_day:
            _evacuate(ctx, base)
        return
    leave_day, _ = _days_to_leave(ctx, base)
    if reserve >= leave_day - ctx.now + ctx.mech.bases.evacuation_margin_days:
        return
    deciders = state_members(ctx, base) if base.command == "joint" else [base.command]
    if not any(_asks_to_evacuate(ctx, k, base, reserve) for k in deciders):
        ctx.emit(
            "evacuation_refused",
            base.lead,
            f"{base.name} stays on with reserves for {plural(round(reserve), 'day')}.",
            cause="its command refused to evacuate",
            base=base.name,
            reserve_days=round(reserve, 1),
        )
        return
    base.evacuating_day = leave_day
    if leave_day <= ctx.now + STEP_DAYS / 2:
        _evacuate(ctx, base)


def _asks_to_evacuate(ctx: RunContext, key: str, base: Base, reserve: float) -> bool:
    """Ask agency ``key`` (through the decision point) whether to evacuate ``base``."""
    policy, view = ctx.policies[key], ctx.view(key)
    return ctx.decisions.ask(
        ctx, key, "evacuate_base", (True, False),
        lambda rng: policy.evacuate_base(view, base.name, reserve, rng),
        base=base.name, reserve_days=reserve,
    )  # fmt: skip


def _evacuate(ctx: RunContext, base: Base) -> None:
    names = list(base.residents)
    for name in names:
        _recall(ctx, name, "evacuated")
    depart(ctx, base, names)
    base.evacuating_day = None
    base.rationing = False
    ctx.emit(
        "base_evacuated",
        base.founder,
        f"{base.name} is evacuated: {plural(len(names), 'person')} "
        f"{count_verb(len(names), 'leaves', 'leave')} for Earth.",
        cause="reserves would not last until resupply",
        base=base.name,
        count=len(names),
    )


def _employers(ctx: RunContext, base: Base) -> dict[str, int]:
    """Residents by employer key, sorted by key (a new dict: metrics rows keep it)."""
    return dict(roster(ctx, base)[0])


def drivers_of(
    ctx: RunContext, base: Base, flows: Flows, reserve: float, specs, employers=None
) -> TensionDrivers:
    """The tension drivers of a base now (see ``world.tension``)."""
    mech = ctx.mech
    employers = _employers(ctx, base) if employers is None else employers
    agencies = ctx.world.agencies
    n = base.population
    if base.rationing:
        scarcity = 1.0
    else:
        scarcity = max(0.0, min(1.0, 1.0 - reserve / mech.bases.comfort_reserve_days))
    cap = max(1, capacity(base, specs, ctx.now))
    crowding = max(0.0, min(1.0, (n / cap - 0.75) / 0.5))
    workload = min(1.0, crowding + (1.0 - flows.power_factor))
    private = 0  # residents by kind of employer (exact: integer sums)
    sides: dict[str, int] = {}  # residents of each side of the superpowers' rivalry
    for key, count in employers.items():
        agency = agencies[key]
        if agency.is_private:
            private += count
        if agency.profile.superpower:
            sides[agency.country] = sides.get(agency.country, 0) + count
    share = private / n if n else 0.0
    a, b = (list(sides.values()) + [0, 0])[:2]
    mix = 4.0 * a * b / (a + b) ** 2 if a + b else 0.0
    people = ctx.world.people
    leader = people[base.commander].skill if base.commander in people else 0.5
    return TensionDrivers(
        scarcity=scarcity,
        workload=workload,
        inequality=4.0 * share * (1.0 - share) * pay_gap(hourly_rates(ctx, base, employers)),
        rivalry=ctx.world.rivalry * mix,
        incidents=min(1.0, base.incident_memory),
        joint_work=1.0 if base.command == "joint" else 0.0,
        treaty=1.0 if ctx.world.treaty_year else 0.0,
        leadership=leader,
        isolation=isolation(ctx, base, _days_home(ctx, base)),
        grievances=min(1.0, base.grievance),
        council=1.0 if base.council else 0.0,
    )


def _tension(
    ctx: RunContext, base: Base, flows: Flows, reserve: float, specs, employers
) -> TensionDrivers:
    """Move tension and morale; returns the drivers (a calm empty base's, if nobody is there)."""
    mech = ctx.mech
    base.incident_memory *= math.exp(-STEP_DAYS / 365.25)
    base.grievance *= math.exp(-STEP_DAYS / 365.25)
    if not base.residents:
        base.tension = relax(
            base.tension, mech.tension.tension_floor, STEP_DAYS, mech.tension.tension_relax_per_year
        )
        base.morale = {}
        base.drivers = None
        return TensionDrivers()
    d = base.drivers = drivers_of(ctx, base, flows, reserve, specs, employers)
    base.tension = relax(
        base.tension, tension_target(d, mech), STEP_DAYS, mech.tension.tension_relax_per_year
    )
    calm = 1.0 - base.tension - mech.tension.morale_w_scarcity * d.scarcity
    w_unequal = mech.tension.morale_w_inequality
    agencies = ctx.world.agencies
    # two values only, computed once: state staff (calm - 0.0) and company workers
    state = round(max(0.0, min(1.0, calm - 0.0)), 3)
    company = round(max(0.0, min(1.0, calm - d.inequality * w_unequal)), 3)
    base.morale = {key: company if agencies[key].is_private else state for key in employers}
    return d


def _births(ctx: RunContext, base: Base, rng) -> int:
    """Children born this step (returns how many)."""
    mech = ctx.mech
    years = (ctx.now - base.founded_day) / 365.25
    if (
        base.population < mech.bases.settlement_min_residents
        or years < mech.bases.settlement_min_years
    ):
        return 0
    born = int(
        rng.poisson(mech.bases.birth_rate_per_person_year * base.population * STEP_DAYS / 365.25)
    )
    for _ in range(born):
        parent = ctx.world.people[base.residents[int(rng.integers(base.population))]]
        ctx.world.staff_count += 1
        count = ctx.world.staff_count
        name = f"child #{count} of {base.name}"
        ctx.world.people[name] = Person(
            name=name,
            agency=parent.agency,
            role="child",
            nationality=parent.nationality,
            born_year=ctx.year,
            status="resident",
        )
        base.births += 1
        arrive(ctx, base, [name], math.inf)
        ctx.emit(
            "birth",
            parent.agency,
            f"A child is born at {base.name}, the base's birth number {base.births}.",
            cause=f"{base.population} residents; birth rate "
            f"{mech.bases.birth_rate_per_person_year * 1000:.1f} per 1,000 a year",
            base=base.name,
        )
    return born


def _record(ctx: RunContext, base: Base, flows: Flows, reserve: float, employers) -> None:
    stocks = base.stocks
    ctx.base_metrics.append(
        {
            "day": round(ctx.now, 4),
            "base": base.name,
            "population": len(base.residents),
            "employers": employers,
            "oxygen_kg": round(stocks["oxygen_kg"], 1),  # world.base.STOCKS, in its order
            "water_kg": round(stocks["water_kg"], 1),
            "food_kg": round(stocks["food_kg"], 1),
            "spares_kg": round(stocks["spares_kg"], 1),
            "reserve_days": round(min(reserve, 9999.0), 1),
            "tension": round(base.tension, 4),
            "morale": dict(base.morale),
            "power_kw": round(flows.power_kw, 2),
            "modules": base.modules,
            "rationing": base.rationing,
            "command": base.command,
            "lead": base.lead,
            "commander": base.commander,
            "independence": round(base.independence, 4),
        }
    )
