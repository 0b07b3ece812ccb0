"""Resupply and growth of bases: what an order carries, who pays, and the cargo flights.

An order is placed once a fiscal year for a lunar base and once a window for a Mars base
(the Earth-Mars windows of the planner). It carries consumables for the time to the next
delivery plus a margin, spare parts, at most ``max_modules_per_order`` modules, and new
staff, planned with what the last order still has en route. Consumables come first and
are paid by the base's command (split among its state members by their people under joint
command); modules and staff come out of each member's growth allowance (a contractor's
workers, when it cannot pay, out of the payers'). The cargo flies on the command's vehicle
with the cheapest expected cost per kilogram: each launch draws its success at the
vehicle's launch odds (``world.launch_growth``), each lander the landing risk.
"""

from __future__ import annotations

import copy
import math
from collections import Counter

from spacerace.sim.context import RunContext
from spacerace.sim.politics import money_in_dollars_of
from spacerace.sim.production import can_fly, take
from spacerace.world.base import STOCKS, Base, ModuleUnit
from spacerace.world.life_support import capacity, daily_flows, daily_use_kg
from spacerace.world.person import Person
from spacerace.world.wording import count_verb, plural

__all__ = ["craft_learning_factor", "order_supplies", "payers", "staff_tour_days", "state_members"]

ROLES = {"state": ("engineer", "scientist", "technician"), "private": ("worker", "miner")}
"""Roles of the staff an agency sends (companies send workers)."""


def staff_tour_days(ctx: RunContext, base: Base) -> float:
    """Days of one staff tour at a base (``staff_tour_days_moon`` / ``_mars``)."""
    bases = ctx.mech.bases
    return bases.staff_tour_days_moon if base.body == "moon" else bases.staff_tour_days_mars


def _seat_kg(ctx: RunContext, base: Base) -> float:
    """Landed mass of one newcomer's seat, kg (``seat_kg_moon`` / ``seat_kg_mars``).

    On Mars a seat on a colonist transport (``seat_kg_mars_transport``) once any member of
    the base holds one (program ``mars_transport``): partners ride each other's ships, as
    the ISS's partners rode the Shuttle and Soyuz.
    """
    bases = ctx.mech.bases
    if base.body == "moon":
        return bases.seat_kg_moon
    agencies = ctx.world.agencies
    if any("mars_transport" in agencies[k].capabilities for k in base.agencies):
        return bases.seat_kg_mars_transport
    return bases.seat_kg_mars


def state_members(ctx: RunContext, base: Base) -> list[str]:
    """State agencies that share the base, sorted."""
    return sorted(k for k in base.agencies if not ctx.world.agencies[k].is_private)


def company_members(ctx: RunContext, base: Base) -> list[str]:
    """Private companies that share the base (contractors), sorted."""
    return sorted(k for k in base.agencies if ctx.world.agencies[k].is_private)


def payers(ctx: RunContext, base: Base) -> dict[str, float]:
    """Agency key -> share of the base's costs it pays: the alliance's shares, or the founder."""
    if base.alliance is not None:
        return dict(base.alliance.shares)
    if base.command != "joint":
        return {base.founder: 1.0}
    return _by_heads(ctx, base, state_members(ctx, base))


def _by_heads(ctx: RunContext, base: Base, members: list[str]) -> dict[str, float]:
    """Shares of ``members`` by their people at the base, each counted one more (sorted)."""
    heads = {k: 1 + sum(ctx.world.people[n].agency == k for n in base.residents) for k in members}
    total = sum(heads.values())
    return {k: heads[k] / total for k in sorted(members)}


def _vehicle(ctx: RunContext, key: str, imleo_per_kg: float):
    """The fleet's vehicle with the cheapest expected cost per kilogram delivered.

    A shipper pays for the launch and the spacecraft whether or not the cargo arrives, so
    a kilogram delivered costs ``_cost_per_kg`` over the vehicle's learned reliability;
    ties go to the heavier vehicle, then by key. (Before, the heaviest vehicle flew every
    order whatever its record: Sea Dragon at 2 successes in 7 lost most Mars orders.)
    """
    fleet = [v for v in sorted(ctx.world.agencies[key].fleet) if can_fly(ctx, key, v, 1)]
    if not fleet:
        return None
    specs, records = ctx.world.vehicle_specs, ctx.world.vehicles

    def expected(v):
        per_kg = _cost_per_kg(ctx, v, imleo_per_kg, key) / max(records[v].reliability, 1e-6)
        return (per_kg, -specs[v].payload_leo_kg, v)

    return min(fleet, key=expected)


def _cost_per_kg(ctx: RunContext, vkey: str, imleo_per_kg: float, key: str) -> float:
    """M$ per kg landed: launches shared by the kilogram plus spacecraft (1969 M$ per t).

    The spacecraft share is a third of ``spacecraft_cost_musd_per_t`` per tonne in LEO for
    the first cargo craft, less along agency ``key``'s learning curve
    (:func:`craft_learning_factor`).
    """
    spec = ctx.world.vehicle_specs[vkey]
    launch = money_in_dollars_of(ctx, spec.cost_musd, spec.cost_year) / spec.payload_leo_kg
    craft = (
        money_in_dollars_of(ctx, ctx.mech.spacecraft.spacecraft_cost_musd_per_t, 1969)
        / 1000.0
        / 3.0
        * craft_learning_factor(ctx.mech.bases.cargo_craft_learning, ctx.world.agencies[key])
    )
    return imleo_per_kg * (launch + craft)


def craft_learning_factor(rate: float, agency) -> float:
    """The next cargo craft's cost over the first's: Wright's law, unit n costs n ** log2(rate).

    Example:
        >>> from types import SimpleNamespace
        >>> craft_learning_factor(0.85, SimpleNamespace(cargo_craft_built=0))  # the first
        1.0
        >>> round(craft_learning_factor(0.85, SimpleNamespace(cargo_craft_built=1)), 3)
        0.85
        >>> round(craft_learning_factor(0.85, SimpleNamespace(cargo_craft_built=127)), 3)
        0.321
    """
    return float((agency.cargo_craft_built + 1) ** math.log2(rate))


def _modules_wanted(ctx: RunContext, base: Base, specs, flows, pop_after: int) -> list[str]:
    """Modules an order asks for, most needed first, as many as one order can land.

    In this order: landing pads, whenever the rest of the order would not all land as many
    as would let the next order land all that this one wants (``modules_per_order_per_pad``
    each), in at most ``pad_share_max`` of its slots (landing capacity is built as traffic
    needs it; before 2026-12-03 one pad an order, so a base's landing slots grew by six a
    window however much its members could pay to send; until 2026-12-04 only once the base
    had ``landing_pad_min_units`` modules, so a new Mars base lost its first window to two
    landers), and one pad besides once a base of that many modules has none, though its
    orders still fit; the power units a deficit of the base
    calls for now; an oxygen plant, an ice mine or a greenhouse as the flows call for, with
    the power it draws; then habitats, as many as the people expected after the order
    (``pop_after``) need to stay under ``base_fill_share`` of the beds, each with its share
    of power (``habitat_power_kw``): a power unit comes in the same order as the habitat
    that would overdraw the surplus, so a landing slot never goes to power for habitats
    that cannot land beside it (before 2026-12-02 power for all the habitats wanted came
    first, and a base limited to two modules an order could order power for years and
    never a habitat).
    """
    mech = ctx.mech.bases
    unit_kw = specs["power"].power_kw
    kinds = base.modules
    surplus = flows.power_kw
    first: list[str] = []

    def power_for(draw_kw: float) -> None:
        nonlocal surplus
        surplus -= draw_kw
        if surplus < 0:
            n = math.ceil(-surplus / unit_kw)
            first.extend(["power"] * n)
            surplus += n * unit_kw

    if flows.power_factor < 1.0 and surplus >= 0:
        first.append("power")
        surplus += unit_kw
    power_for(0.0)
    if flows.net_kg_day("oxygen_kg") > 0 and not kinds.get("isru"):
        first.append("isru")
        power_for(-specs["isru"].power_kw)
    elif flows.net_kg_day("water_kg") > 0 and not kinds.get("mine"):
        if base.body == "mars" or "lunar_water_ice" in ctx.world.discoveries:
            first.append("mine")
            power_for(-specs["mine"].power_kw)
    elif (
        flows.net_kg_day("food_kg") > mech.greenhouse_food_net_kg_day
        and surplus > mech.greenhouse_power_kw
    ):
        first.append("greenhouse")
        surplus += specs["greenhouse"].power_kw
    cap = capacity(base, specs, ctx.now)
    beds = specs["habitat"].crew_capacity
    short = pop_after - mech.base_fill_share * cap
    habitats = math.ceil(short / (mech.base_fill_share * beds)) if short > 0 else 0
    need_power = max(0, math.ceil((habitats * mech.habitat_power_kw - surplus) / unit_kw))
    room = _landing_capacity(ctx, base)
    rest = len(first) + habitats + need_power  # what the order wants besides pads
    pads = 0
    if rest + 1 > room:  # capacity binds: the next order's room holds all of this one
        pads = math.ceil((rest + 1 - room) / mech.modules_per_order_per_pad)
        pads = min(pads, max(1, int(mech.pad_share_max * room)))
    elif not kinds.get("landing_pad") and len(base.units) >= mech.landing_pad_min_units:
        pads = 1
    wanted = ["landing_pad"] * min(pads, room) + first
    for _ in range(habitats):
        if len(wanted) >= room:
            break
        if surplus < mech.habitat_power_kw and len(wanted) + 2 <= room:
            wanted.append("power")
            surplus += unit_kw
        wanted.append("habitat")  # without its power only in the last slot: the next
        surplus -= mech.habitat_power_kw  # order's deficit power comes first
    return wanted[:room]


def _landing_capacity(ctx: RunContext, base: Base) -> int:
    """Modules one order can land at ``base`` now: ``max_modules_per_order``, more with pads.

    A working landing pad adds ``modules_per_order_per_pad`` landers an order (cleared
    approach, beacons, a crew to unload): landing capacity is built, not given.
    """
    mech = ctx.mech.bases
    pads = base.module_count("landing_pad")
    return int(mech.max_modules_per_order + mech.modules_per_order_per_pad * pads)


def order_supplies(ctx: RunContext, base: Base, rng, specs, needs) -> None:
    """Place the base's next order and start its cargo flight (if anything is paid)."""
    mech = ctx.mech
    fleet = ctx.world.agencies[base.lead].fleet
    if not fleet:
        base.next_supply_day = ctx.now + mech.bases.lunar_supply_interval_days
        return
    nuclear = "nuclear_propulsion" in ctx.world.agencies[base.founder].capabilities
    route = ctx.planner.cargo_to_surface(base.body, 1000.0, ctx.now, mech, nuclear)
    if route is None:  # no window left in the run
        base.next_supply_day = math.inf
        return
    imleo_t, depart_day, transit_days = route
    vkey = _vehicle(ctx, base.lead, imleo_t / 1000.0)
    arrive_day = depart_day + transit_days
    if base.body == "moon":  # the next order follows the next appropriation (1 October)
        base.next_supply_day = (
            ctx.cal.day_of(ctx.year + (ctx.now >= ctx.cal.day_of(ctx.year, 10, 1)), 10, 1) + 2.0
        )
        following = arrive_day + mech.bases.lunar_supply_interval_days
    else:
        base.next_supply_day = depart_day + 1.0  # the next window after this one
        after = ctx.planner.cargo_to_surface("mars", 1000.0, depart_day + 1.0, mech, nuclear)
        following = (after[1] + after[2]) if after else arrive_day + 800.0
    per_kg = _cost_per_kg(ctx, vkey, imleo_t / 1000.0, base.lead)
    plan = _as_planned(base, arrive_day)
    flows = daily_flows(plan, specs, needs, mech, ctx.now)
    horizon = following - ctx.now + mech.bases.supply_margin_days
    coming = max(2, _newcomers_affordable(ctx, base, specs, per_kg))
    expected = base.population + base.staff_en_route
    modules = _modules_wanted(ctx, plan, specs, flows, expected + coming)
    new_beds = sum(specs[m].crew_capacity for m in modules)
    seats = _seats(ctx, plan, specs, new_beds, arrive_day)
    pop_after = expected + sum(seats.values())
    cargo = {}
    for stock in STOCKS:
        # what the base will use once the newcomers are in (an empty base's flows use
        # nothing: scaling them would send newcomers without air), less what it makes
        if stock == "spares_kg":
            use = mech.bases.spares_kg_per_module_day * (len(base.units) + 2)
        else:
            use = daily_use_kg(stock, needs[stock], pop_after, mech, base.rationing)
            use -= flows.production_kg_day.get(stock, 0)
        cargo[stock] = max(
            0.0, use * horizon - base.stocks[stock] - base.in_transit_kg.get(stock, 0)
        )
    funds_before = {k: ctx.world.agencies[k].funds_musd for k in base.agencies}
    paid = _pay_consumables(ctx, base, rng, sum(cargo.values()) * per_kg)
    if not paid:  # an unsupplied base does not grow: no new people without their food
        cargo = {s: 0.0 for s in STOCKS}
        modules, seats = [], {}
    modules, seats = _pay_growth(ctx, base, specs, modules, seats, per_kg, paid)
    base.order_cost_musd = sum(
        v - ctx.world.agencies[k].funds_musd for k, v in funds_before.items()
    )
    mass = sum(cargo.values()) + sum(specs[m].mass_kg for m in modules)
    mass += sum(seats.values()) * _seat_kg(ctx, base)
    if mass <= 0:
        return
    for stock, kg in cargo.items():
        base.in_transit_kg[stock] = base.in_transit_kg.get(stock, 0.0) + kg
    for kind in modules:
        base.modules_en_route[kind] = base.modules_en_route.get(kind, 0) + 1
    base.staff_en_route += sum(seats.values())
    ctx.env.process(
        _cargo_flight(
            ctx,
            base,
            vkey,
            imleo_t * mass / 1000.0,
            depart_day,
            arrive_day,
            cargo,
            modules,
            seats,
            rng,
        )
    )


def _as_planned(base: Base, arrive_day: float) -> Base:
    """The base as an order plans it: its modules en route landed by ``arrive_day``.

    A shallow copy with the en-route modules among its units (the base itself is left
    alone), for the planning functions that read units: beds, power, plants, landing pads.
    A Mars order is placed a window ahead, while the last one is still flying: before
    2026-12-03 it planned from the modules standing, so it asked again for the pad and
    habitats already on their way and filled its landing slots with them.
    """
    if not base.modules_en_route:
        return base
    plan = copy.copy(base)
    plan.units = base.units + [
        ModuleUnit(kind, arrive_day, base.lead)
        for kind, n in sorted(base.modules_en_route.items())
        for _ in range(n)
    ]
    return plan


def _newcomers_affordable(ctx: RunContext, base: Base, specs, per_kg: float) -> int:
    """New staff the members' growth allowances could bring, each with a share of a habitat.

    What an order expects to house (``_modules_wanted``): per member, its allowance
    (``_growth_budgets``) over the landed mass of a seat plus a bed's share of a habitat
    at the fill share, at this order's cost per kilogram.
    """
    fill = ctx.mech.bases.base_fill_share
    bed_kg = specs["habitat"].mass_kg / (specs["habitat"].crew_capacity * fill)
    each = (_seat_kg(ctx, base) + bed_kg) * per_kg
    if each <= 0:
        return 0
    return sum(int(v // each) for v in _growth_budgets(ctx, base).values())


def _growth_budgets(ctx: RunContext, base: Base) -> dict[str, float]:
    """Each member's money for this order's growth, M$ (a Mars order: two fiscal years')."""
    budget = {k: _allowance(ctx, k) for k in base.agencies}
    if base.body == "mars":  # a Mars order stands for two fiscal years of growth
        budget = {k: v * 2.0 for k, v in budget.items()}
        budget = {k: min(v, max(0.0, ctx.world.agencies[k].funds_musd)) for k, v in budget.items()}
    return budget


def _seats(ctx: RunContext, base: Base, specs, new_beds: int, arrive_day: float) -> dict[str, int]:
    """New staff wanted per member: fill the habitats (with those ordered) to the fill share.

    The beds of residents whose tours end by the time the order lands (``arrive_day``; on
    Mars up to ``mars_window_tolerance_days`` after it, since staff leave with a return
    window) count as free: the newcomers replace them.
    """
    beds = capacity(base, specs, ctx.now) + new_beds
    free = int(ctx.mech.bases.base_fill_share * beds) - base.population - base.staff_en_route
    leave_by = arrive_day + (
        ctx.mech.bases.mars_window_tolerance_days if base.body == "mars" else 30.0
    )
    free += sum(1 for n in base.residents if base.tours.get(n, math.inf) <= leave_by)
    if free <= 0 or base.evacuating_day is not None:
        return {}
    private = company_members(ctx, base)
    states = state_members(ctx, base)
    seats = {k: 0 for k in states + private}
    company = (
        max(1, round(free * ctx.mech.bases.contractor_seat_share)) if private and free > 1 else 0
    )
    if not states:  # a company's own base, or one its state partners have left
        company = free if private else 0
    for i in range(company):
        seats[private[i % len(private)]] += 1
    for i in range(free - company if states else 0):
        seats[states[i % len(states)]] += 1
    return {k: n for k, n in seats.items() if n}


def _pay_consumables(ctx: RunContext, base: Base, rng, cost_musd: float) -> dict[str, float]:
    """The command pays for its people's consumables; who will not, leaves it to the others.

    Each payer (``payers``) is asked for its share. One whose policy refuses drops out and
    the base's other state members are asked instead, the cost split by their people as
    under joint command, each asked anew for its new share: a broke or fallen command does
    not starve a base its partners will keep. Returns who paid and their shares (empty:
    nobody would, and no order flies).
    """
    shares = payers(ctx, base)
    if cost_musd <= 0:
        return shares
    refused: set[str] = set()
    while shares:
        for key, share in sorted(shares.items()):
            if not _will_pay(ctx, base, key, cost_musd * share):
                refused.add(key)
                break
        else:
            for key, share in sorted(shares.items()):
                ctx.world.agencies[key].funds_musd -= cost_musd * share
            return shares
        willing = [k for k in state_members(ctx, base) if k not in refused]
        shares = _by_heads(ctx, base, willing)
    return {}


def _will_pay(ctx: RunContext, base: Base, key: str, cost_musd: float) -> bool:
    """Ask an agency's policy whether it pays ``cost_musd`` for the base's consumables."""
    policy, view = ctx.policies[key], ctx.view(key)
    paid = ctx.decisions.ask(
        ctx, key, "supply_base", (True, False),
        lambda rng: policy.supply_base(view, base.name, cost_musd, rng),
        base=base.name, cost_musd=cost_musd,
    )  # fmt: skip
    if not paid:
        ctx.emit(
            "supply_refused",
            key,
            f"{ctx.world.agencies[key].name} does not pay for {base.name}'s consumables.",
            cause=f"its policy refused {cost_musd:,.0f} M$",
            base=base.name,
            cost_musd=round(cost_musd, 2),
        )
    return bool(paid)


def _allowance(ctx: RunContext, key: str) -> float:
    """What an agency spends at most on one base's growth at one order, M$."""
    agency = ctx.world.agencies[key]
    share = (
        ctx.mech.bases.contractor_budget_share
        if agency.is_private
        else ctx.mech.bases.growth_budget_share
    )
    return max(0.0, min(agency.funds_musd, share * agency.budget_musd))


def _pay_growth(ctx, base, specs, wanted, seats, per_kg, shares):
    """Modules and staff seats, as afforded: who paid the consumables pays the modules.

    Modules are split by ``shares`` (``_pay_consumables``); seats are paid by their employer.
    """
    seat_kg = _seat_kg(ctx, base)
    budget = _growth_budgets(ctx, base)
    modules = []
    for kind in wanted:
        cost = specs[kind].mass_kg * per_kg
        if shares and all(budget[k] >= cost * s for k, s in shares.items()):
            for k, s in shares.items():
                budget[k] -= cost * s
                ctx.world.agencies[k].funds_musd -= cost * s
            modules.append(kind)
    paid_seats: dict[str, int] = {}
    unpaid = 0
    for key, n in sorted(seats.items()):
        left = n - _buy_seats(ctx, key, n, budget, seat_kg * per_kg, paid_seats)
        if left and ctx.world.agencies[key].is_private and key not in shares:
            left -= _contract_seats(ctx, key, left, budget, seat_kg * per_kg, shares, paid_seats)
        unpaid += left
    # seats a member cannot pay go to the others that still can (states first: their staff
    # run the base; a company takes the rest for its workers)
    others = state_members(ctx, base) + company_members(ctx, base)
    for key in others:
        if unpaid <= 0:
            break
        unpaid -= _buy_seats(ctx, key, unpaid, budget, seat_kg * per_kg, paid_seats)
    return modules, {k: n for k, n in sorted(paid_seats.items()) if n}


def _contract_seats(ctx, key: str, n: int, budget: dict, seat_musd: float, shares, paid) -> int:
    """The base's payers buy what they can of ``n`` seats for contractor ``key``'s workers.

    A contractor's people come under its contract with the base (the series' Helios at
    Happy Valley, built and run on the alliance's money; the ISS's contractor staff are
    paid through NASA's contracts): seats the company cannot pay itself are paid by
    ``shares`` (``_pay_consumables``), each its share. Before 2026-12-03 they went to the
    states' own staff, and a company of a few hundred million dollars a year brought one
    or two workers a window.
    """
    if not shares or seat_musd <= 0 or any(k not in budget for k in shares):
        return 0
    afford = min(int(budget[k] // (seat_musd * s)) if s > 0 else n for k, s in shares.items())
    bought = max(0, min(n, afford))
    for k, s in shares.items():
        budget[k] -= bought * seat_musd * s
        ctx.world.agencies[k].funds_musd -= bought * seat_musd * s
    if bought:
        paid[key] = paid.get(key, 0) + bought
    return bought


def _buy_seats(ctx, key: str, n: int, budget: dict, seat_musd: float, paid: dict) -> int:
    """``key`` pays what it can of ``n`` seats at ``seat_musd`` each from ``budget``."""
    afford = min(n, int(budget[key] // seat_musd)) if seat_musd > 0 else n
    if afford > 0:
        cost = afford * seat_musd
        budget[key] -= cost
        ctx.world.agencies[key].funds_musd -= cost
        paid[key] = paid.get(key, 0) + afford
    return max(0, afford)


def _cargo_flight(ctx, base, vkey, imleo_kg, depart_day, arrive_day, cargo, modules, seats, rng):
    """Fly an order: launches (learned reliability), transit, landers (landing risk)."""
    spec = ctx.world.vehicle_specs[vkey]
    record = ctx.world.vehicles[vkey]
    launches = max(1, math.ceil(imleo_kg / spec.payload_leo_kg))
    take(ctx, base.lead, vkey, launches, f"a cargo order for {base.name}")  # when ordered
    yield ctx.env.timeout(max(0.0, depart_day - ctx.now))
    parts = []
    payer = base.lead
    ctx.world.agencies[payer].cargo_craft_built += launches  # one craft a launch
    for n in range(launches):
        ok, breakdown = record.fly(spec, ctx.mech.missions, rng)
        odds = breakdown.total
        parts.append(ok)
        ctx.emit(
            "launch",
            payer,
            f"{spec.name} cargo launch {n + 1} of {launches} for {base.name} "
            f"{'succeeds' if ok else 'fails'}.",
            cause=f"{spec.name} reliability {odds:.2f} ({plural(record.successes, 'success')} "
            f"in {plural(record.total, 'flight')}, real record and simulated)",
            vehicle=vkey,
            success=ok,
            base=base.name,
            odds=round(odds, 6),
            breakdown=breakdown,
        )
    flown = sum(parts) / launches  # a failed launch is known at once: its cargo is not coming
    riders = [key for key, n in sorted(seats.items()) for _ in range(n)]
    _settle_en_route(base, modules, riders, parts, launches, lambda ok: not ok)
    for stock, kg in cargo.items():
        base.in_transit_kg[stock] = max(0.0, base.in_transit_kg.get(stock, 0.0) - kg * (1 - flown))
    yield ctx.env.timeout(max(0.25, arrive_day - ctx.now))
    risk = cargo_landing_risk(ctx, base.body)
    if base.module_count("landing_pad"):
        risk *= ctx.mech.bases.pad_landing_risk_factor
    launched = parts
    parts = [ok and bool(rng.random() >= risk) for ok in parts]
    done = ctx.world.cargo_landings
    done[base.body] = done.get(base.body, 0) + sum(launched)
    share = sum(parts) / launches
    for stock, kg in cargo.items():
        base.in_transit_kg[stock] = max(0.0, base.in_transit_kg.get(stock, 0.0) - kg * flown)
    _settle_en_route(base, modules, riders, launched, launches, bool)
    lost = launches - sum(parts)
    if lost:
        ctx.emit(
            "resupply_lost",
            base.lead,
            (
                f"{'The' if launches == 1 else 'All'} {plural(launches, 'cargo flight')} "
                f"to {base.name} {count_verb(launches, 'is', 'are')} lost."
                if lost == launches
                else f"{lost} of {launches} cargo flights to {base.name} "
                f"{count_verb(lost, 'is', 'are')} lost."
            ),
            cause=f"{spec.name} reliability {record.reliability:.2f}; landing risk {risk:.1%}",
            base=base.name,
            lost=lost,
            flights=launches,
        )
    if base.abandoned_day is not None:
        return
    for stock, kg in cargo.items():
        if kg * share > 0:
            base.credit(stock, kg * share, "delivered")
    landed = [m for i, m in enumerate(modules) if parts[i % launches]]
    for kind in landed:
        base.units.append(ModuleUnit(kind, ctx.now, _operator(ctx, base, kind)))
    # newcomers ride the flights in turn, as the modules do: those on a failed launch stay
    # home (the abort), those on a lander lost on the approach die with it
    landing, lost_aboard = Counter(), Counter()
    for i, key in enumerate(riders):
        if parts[i % launches]:
            landing[key] += 1
        elif launched[i % launches]:
            lost_aboard[key] += 1
    arrived = _staff_arrive(ctx, base, dict(landing), rng)
    if lost_aboard:
        from spacerace.sim.bases import record_deaths

        dead = _staff_arrive(ctx, base, dict(lost_aboard), rng)
        record_deaths(ctx, base, dead, f"lost with their lander on the approach to {base.name}")
    if share > 0:
        ctx.emit(
            "resupply",
            base.lead,
            f"Cargo lands at {base.name}"
            + (f": {', '.join(k.replace('_', ' ') for k in landed)}" if landed else "")
            + (f"; {len(arrived)} new residents" if arrived else "")
            + ".",
            cause=f"{sum(cargo.values()) * share / 1000:.1f} t of supplies in {sum(parts)} "
            f"of {launches} {spec.name} flights",
            base=base.name,
            supplies_kg=round(sum(cargo.values()) * share, 1),
            modules=len(landed),
            arrived=len(arrived),
        )


def _settle_en_route(base: Base, modules, riders, flights, launches: int, done) -> None:
    """Take off en route the modules and riders of the flights ``i`` with ``done(flights[i])``.

    Module ``j`` and rider ``j`` fly on flight ``j % launches`` (as ``_cargo_flight`` lands
    them): at launch the failed flights' loads are no longer coming, at landing the rest.
    """
    for j, kind in enumerate(modules):
        if done(flights[j % launches]):
            left = base.modules_en_route.get(kind, 0) - 1
            if left > 0:
                base.modules_en_route[kind] = left
            else:
                base.modules_en_route.pop(kind, None)
    gone = sum(1 for j in range(len(riders)) if done(flights[j % launches]))
    base.staff_en_route = max(0, base.staff_en_route - gone)


def cargo_landing_risk(ctx: RunContext, body: str) -> float:
    """Chance that the next cargo lander is lost landing on ``body`` (before a pad's cut).

    Reliability growth (Duane's learning curve): the body's landing risk mechanic
    (``risk_lunar_landing``, ``risk_mars_landing``: a new lander's) times
    ``(1 + n / n0) ** -slope``, with ``n`` the cargo landers that have come down there in
    the run (``World.cargo_landings``), ``n0`` = ``cargo_landing_prior_attempts`` and
    ``slope`` = ``cargo_landing_growth_slope``: a route flown hundreds of times becomes
    routine (before 2026-12-02 every cargo landing kept the new-lander risk however many
    had landed). A curve, not a belief updated by outcomes: early losses do not make later
    landers worse.

    Example:
        >>> from types import SimpleNamespace as NS
        >>> mech = NS(missions=NS(risk_lunar_landing=0.03, risk_mars_landing=0.08),
        ...           bases=NS(cargo_landing_prior_attempts=6.0, cargo_landing_growth_slope=0.5))
        >>> ctx = NS(mech=mech, world=NS(cargo_landings={"moon": 96}))
        >>> round(cargo_landing_risk(ctx, "moon"), 4), cargo_landing_risk(ctx, "mars")
        (0.0073, 0.08)
    """
    mech = ctx.mech
    risk = mech.missions.risk_lunar_landing if body == "moon" else mech.missions.risk_mars_landing
    n = ctx.world.cargo_landings.get(body, 0)
    n0 = mech.bases.cargo_landing_prior_attempts
    return float(risk * (1.0 + n / n0) ** -mech.bases.cargo_landing_growth_slope)


def _operator(ctx: RunContext, base: Base, kind: str) -> str:
    """Who runs a new module: a contractor company works the mines and plants."""
    private = company_members(ctx, base)
    if private and kind in ("mine", "isru"):
        return private[0]
    return base.lead


def _staff_arrive(ctx: RunContext, base: Base, seats: dict[str, int], rng) -> list[str]:
    from spacerace.sim.bases import arrive
    from spacerace.sim.company import employ

    names = []
    tour = staff_tour_days(ctx, base)
    for key, n in sorted(seats.items()):
        agency = ctx.world.agencies[key]
        employ(ctx, base, key)  # a company's workers come on its terms (pay, hours)
        roles = ROLES["private" if agency.is_private else "state"]
        for _ in range(n):
            ctx.world.staff_count += 1
            count = ctx.world.staff_count
            role = roles[int(rng.integers(len(roles)))]
            name = f"{agency.name} {role} #{count}"
            ctx.world.people[name] = Person(
                name=name,
                agency=key,
                role=role,
                nationality=agency.profile.nationality,
                born_year=ctx.year - 25 - int(rng.integers(20)),
                skill=float(rng.uniform(0.3, 0.8)),
                status="resident",
            )
            names.append(name)
    arrive(ctx, base, names, ctx.now + tour)
    return names
