"""A private company: its books, what it buys and sells, and its fall or takeover.

A company (``Agency.company``) lives on capital, not appropriations. Each 1 January it
earns its contracts at the bases it works at (the bases' commands pay construction
contracts; lunar bases give helium-3); during the year its hotel's guests pay their fares
and investors follow its successes; each 1 October (:func:`close_books`) that money is
booked with its business revenue and the launches it sold, its payroll and overhead go
out, and its owners let it spend ``economy.private_investor_share`` of what is left.
Capital below zero for ``company.bankruptcy_years`` fiscal years in a row ends in a
takeover (new owners put money in and oust the founder) or in bankruptcy (its people
leave, its programs and vehicles go, it acts no more).

It buys what it does not build: launches of vehicles its country's agencies fly (at their
cost plus ``launch_service_margin``; :func:`sellers`), and finished vehicle lines they
developed (at ``license_cost_share`` of the development, :func:`program_terms`); what it
develops itself costs ``private_cost_factor`` of a government program. It may sell launches
of its own vehicles on the commercial market (the ``sell_launches`` question). A state
agency is untouched by all of this: its terms are the catalog's.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.sim.context import RunContext
from spacerace.world.base import Employment
from spacerace.world.company import CompanyYear
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import MISSION_KINDS, SURFACE_BODIES

__all__ = [
    "ProgramTerms",
    "close_books",
    "earn_contracts",
    "employ",
    "launch_price_musd",
    "on_success",
    "pay",
    "program_terms",
    "sellers",
    "spendable_musd",
]

PRICE_YEAR = 1995
"""Dollar year of the company mechanics given in M$ without a year of their own (pay,
overhead, contracts); the fare is in 2001 dollars (its source's)."""


@dataclass(frozen=True)
class ProgramTerms:
    """What a program costs one agency: a share of its catalog cost, over some years.

    Attributes:
        cost_factor: Share of the catalog cost it pays (1 for a state).
        duration_years: Its planned duration (the catalog's, or the licence's).
        licensed_from: Key of the agency whose finished line it buys, "" if it develops it.
    """

    cost_factor: float
    duration_years: float
    licensed_from: str = ""


def program_terms(ctx: RunContext, key: str, program: str) -> ProgramTerms:
    """The terms on which agency ``key`` gets ``program``.

    A state pays the catalog's cost over its duration. A company buys a line an agency of
    its nationality has finished (``license_cost_share`` over ``license_years``), else
    develops it at ``private_cost_factor`` of the catalog's cost (a row priced as a private
    design already, developers ``private`` alone, at its own cost).
    """
    spec = ctx.ref.programs[program]
    agency = ctx.world.agencies[key]
    if not agency.is_private:
        return ProgramTerms(1.0, spec.duration_years)
    mech = ctx.mech.company
    for other in sorted(ctx.world.agencies):
        holder = ctx.world.agencies[other]
        if (
            other != key
            and not holder.is_private
            and holder.country == agency.profile.nationality
            and program in holder.capabilities
        ):
            return ProgramTerms(mech.license_cost_share, mech.license_years, other)
    factor = 1.0 if tuple(spec.developers) == ("private",) else mech.private_cost_factor
    return ProgramTerms(factor, spec.duration_years)


def sellers(ctx: RunContext, key: str) -> dict[str, str]:
    """Vehicle key -> the agency that sells agency ``key`` its launches (a company only).

    A company buys launches of the vehicles its country's state agencies fly, and of the
    vehicles of other companies that sell launches; its own fleet it flies itself.
    """
    agency = ctx.world.agencies[key]
    if not agency.is_private:
        return {}
    out: dict[str, str] = {}
    for other in ctx.active_agencies():
        seller = ctx.world.agencies[other]
        if other == key:
            continue
        if seller.is_private:
            if not (seller.company and seller.company.sells_launches):
                continue
        elif seller.country != agency.profile.nationality:
            continue
        for vehicle in sorted(seller.fleet):
            if vehicle not in agency.fleet:
                out.setdefault(vehicle, other)
    return out


def launch_price_musd(ctx: RunContext, vehicle: str) -> float:
    """What one bought launch of ``vehicle`` costs now: its cost plus the seller's margin."""
    spec = ctx.world.vehicle_specs[vehicle]
    return (
        spec.cost_musd * ctx.deflator(spec.cost_year) * (1 + ctx.mech.company.launch_service_margin)
    )


def spendable_musd(ctx: RunContext, key: str) -> float:
    """Most agency ``key`` could pay for one mission now, million USD.

    A state: this year's funds. A company: its funds and capital, less the reserve
    ``mission_reserve_share`` of the cost must leave (so cost x (1 + share) <= all it has).
    """
    agency = ctx.world.agencies[key]
    if agency.company is None:
        return agency.funds_musd
    cash = agency.funds_musd + max(0.0, agency.capital_musd)
    return cash / (1.0 + ctx.mech.company.mission_reserve_share)


def pay(ctx: RunContext, key: str, cost_musd: float, vehicle: str = "", launches: int = 0):
    """Agency ``key`` pays a mission's cost; a company also pays a seller for its launches.

    A company pays from this year's funds first, then from its capital. The seller of
    bought launches keeps its margin (the rest buys the vehicles it flies for the buyer).
    """
    agency = ctx.world.agencies[key]
    agency.funds_musd -= cost_musd
    if agency.company is not None and agency.funds_musd < 0:
        agency.capital_musd += agency.funds_musd
        agency.funds_musd = 0.0
    seller = sellers(ctx, key).get(vehicle, "") if vehicle else ""
    if seller and launches:
        margin = ctx.mech.company.launch_service_margin
        earned = launches * launch_price_musd(ctx, vehicle) * margin / (1 + margin)
        other = ctx.world.agencies[seller]
        if other.company is not None:
            other.company.earn("launches", earned)
        else:
            other.funds_musd += earned
        ctx.emit(
            "launch_sold",
            seller,
            f"{other.name} sells {launches} {ctx.world.vehicle_specs[vehicle].name} "
            f"launches to {agency.name}.",
            cause=f"at cost plus {margin:.0%}: {earned:,.1f} M$ margin",
            buyer=key,
            vehicle=vehicle,
            launches=launches,
            margin_musd=round(earned, 2),
        )


def on_success(ctx: RunContext, mission: Mission) -> None:
    """A company's mission came home: investors follow a goal reached, its hotel's guests pay."""
    company = ctx.world.agencies[mission.agency].company
    if company is None:
        return
    if mission.goal:
        company.earn("investors", ctx.mech.economy.private_success_capital_musd)
    if mission.crew and MISSION_KINDS[mission.kind].carries_guests:
        company.earn("hotel", ctx.guest_fares_musd(mission.agency))


def employ(ctx: RunContext, base, key: str) -> None:
    """Set a company's terms at a base when its first workers arrive there."""
    if ctx.world.agencies[key].company is None or key in base.employment:
        return
    mech = ctx.mech.company
    base.employment[key] = Employment(
        mech.worker_pay_musd_per_year * ctx.deflator(PRICE_YEAR),
        mech.worker_hours_per_week,
        ctx.now,
    )


def earn_contracts(ctx: RunContext, key: str) -> None:
    """Each 1 January: the bases a company works at pay its contracts (and helium-3)."""
    agency = ctx.world.agencies[key]
    company = agency.company
    if company is None or not company.trades:
        return
    fee = ctx.mech.company.construction_contract_musd * ctx.deflator(PRICE_YEAR)
    for _, base in sorted(ctx.world.bases.items()):
        if key not in base.agencies or base.abandoned_day is not None or base.lead == key:
            continue
        ctx.world.agencies[base.lead].funds_musd -= fee
        company.earn("contracts", fee)
        if SURFACE_BODIES[base.body].helium3:
            company.earn("helium3", ctx.mech.economy.helium3_revenue_musd)


def _payroll_musd(ctx: RunContext, key: str) -> float:
    total = 0.0
    for _, base in sorted(ctx.world.bases.items()):
        terms = base.employment.get(key)
        if terms is None:
            continue
        staff = sum(1 for n in base.residents if ctx.world.people[n].agency == key)
        total += staff * terms.pay_musd_per_year
    return total


def _commercial_launches_musd(ctx: RunContext, key: str) -> float:
    """Margin earned a year selling launches of its own fleet on the commercial market."""
    agency = ctx.world.agencies[key]
    if not agency.fleet:
        return 0.0
    mech = ctx.mech.company
    cheapest = min(
        ctx.world.vehicle_specs[v].cost_musd * ctx.deflator(ctx.world.vehicle_specs[v].cost_year)
        for v in sorted(agency.fleet)
    )
    return (
        mech.commercial_launches_per_year
        * mech.commercial_market_share
        * cheapest
        * mech.launch_service_margin
    )


def close_books(ctx: RunContext, key: str, fy: int) -> str:
    """Close a company's fiscal year on 1 October; return the budget event's cause.

    Unspent funds go back to capital; the year's revenue comes in, payroll and overhead go
    out; then insolvency is judged (:func:`_insolvency`) and the owners' share of what is
    left becomes this year's budget. The year is one :class:`CompanyYear` of its books and
    a ``company_books`` event.
    """
    agency = ctx.world.agencies[key]
    company = agency.company
    mech = ctx.mech
    agency.capital_musd += agency.funds_musd
    agency.funds_musd = 0.0
    if agency.fleet:
        policy, view = ctx.policies[key], ctx.view(key)
        company.sells_launches = ctx.decisions.ask(
            ctx, key, "sell_launches", (True, False),
            lambda rng: policy.sell_launches(view, sorted(agency.fleet), rng),
            vehicles=",".join(sorted(agency.fleet)),
        )  # fmt: skip
    streams = dict(company.pending_musd)
    company.pending_musd.clear()
    streams["business"] = agency.revenue_musd
    if company.sells_launches:
        streams["launches"] = streams.get("launches", 0.0) + _commercial_launches_musd(ctx, key)
    payroll = _payroll_musd(ctx, key)
    overhead = mech.company.overhead_musd * ctx.deflator(PRICE_YEAR)
    agency.capital_musd += sum(streams.values()) - payroll - overhead
    company.years_in_debt = company.years_in_debt + 1 if agency.capital_musd < 0 else 0
    if company.years_in_debt >= mech.company.bankruptcy_years:
        _insolvency(ctx, key)
    spend = max(0.0, agency.capital_musd) * mech.economy.private_investor_share
    if not company.trades:
        spend = 0.0
    agency.capital_musd -= spend
    agency.budget_musd = spend
    year = CompanyYear(
        fy, round(agency.capital_musd + spend, 1),
        payroll=round(payroll, 1), overhead=round(overhead, 1), budget_musd=round(spend, 1),
        **{k: round(v, 1) for k, v in sorted(streams.items())},
    )  # fmt: skip
    company.books.append(year)
    ctx.emit(
        "company_books",
        key,
        f"{agency.name} closes FY{fy - 1}: capital {year.capital_musd:,.0f} M$.",
        cause=f"revenue {year.revenue_musd:,.0f} M$, payroll {payroll:,.0f} M$, overhead "
        f"{overhead:,.0f} M$",
        capital_musd=year.capital_musd,
        revenue_musd=round(year.revenue_musd, 1),
        owner=company.owner,
    )
    share = mech.economy.private_investor_share
    return f"{share:.0%} of capital {year.capital_musd:,.0f} M$ (revenue {year.revenue_musd:,.0f})"


def _insolvency(ctx: RunContext, key: str) -> None:
    """Capital below zero too long: a takeover (new owners, founder out) or bankruptcy."""
    agency = ctx.world.agencies[key]
    company = agency.company
    mech = ctx.mech.company
    rng = ctx.rng("company")
    debt = -agency.capital_musd
    if rng.random() < mech.takeover_chance:
        buyer = _buyer(ctx, key, debt)
        price = mech.takeover_capital_musd * ctx.deflator(PRICE_YEAR)
        if buyer:
            ctx.world.agencies[buyer].capital_musd -= price + debt
        company.owner = buyer or "investors"
        company.taken_over_day = ctx.now
        company.years_in_debt = 0
        agency.capital_musd = price
        ousted = ""
        founder = ctx.world.people.get(company.founder)
        if founder is not None and founder.status not in ("dead", "retired"):
            founder.status = "retired"
            ousted = founder.name
        who = ctx.world.agencies[buyer].name if buyer else "investors"
        ctx.emit(
            "company_taken_over",
            key,
            f"{agency.name} is taken over by {who}" + (f"; {ousted} is ousted." if ousted else "."),
            cause=f"capital below zero for {mech.bankruptcy_years:g} years ({debt:,.0f} M$ of "
            f"debt); the new owners pay it and put in {price:,.0f} M$",
            owner=company.owner,
            debt_musd=round(debt, 1),
            actors=(ousted,) if ousted else (),
        )
        return
    _go_bankrupt(ctx, key, debt)


def _buyer(ctx: RunContext, key: str, debt: float) -> str:
    """Another trading company with the capital to pay the debt and the price, or ""."""
    price = ctx.mech.company.takeover_capital_musd * ctx.deflator(PRICE_YEAR)
    rich = [
        k
        for k in ctx.active_agencies()
        if k != key
        and ctx.world.agencies[k].company is not None
        and ctx.world.agencies[k].trades
        and ctx.world.agencies[k].capital_musd >= price + debt
    ]
    return max(rich, key=lambda k: (ctx.world.agencies[k].capital_musd, k), default="")


def _go_bankrupt(ctx: RunContext, key: str, debt: float) -> None:
    """The company is gone: its people leave, its programs, lines and bases with them."""
    agency = ctx.world.agencies[key]
    agency.company.bankrupt_day = ctx.now
    left = 0
    for _, base in sorted(ctx.world.bases.items()):
        staff = [n for n in base.residents if ctx.world.people[n].agency == key]
        for name in staff:
            base.residents.remove(name)
            base.roster_version += 1
            base.tours.pop(name, None)
            base.arrived.pop(name, None)
            ctx.world.people[name].status = "home"
        left += len(staff)
        for unit in base.units:
            if unit.operator == key:
                unit.operator = base.lead if base.lead != key else base.founder
        if key in base.agencies and base.founder != key:
            base.agencies.remove(key)
        base.employment.pop(key, None)
    laid_off = 0
    for person in ctx.people_of(key):
        if person.status in ("active", "training", "injured"):
            person.status = "retired"
            laid_off += 1
    agency.programs.clear()
    agency.fleet.clear()
    agency.capital_musd = agency.funds_musd = agency.budget_musd = 0.0
    ctx.emit(
        "company_bankrupt",
        key,
        f"{agency.name} goes bankrupt.",
        cause=f"capital below zero for {ctx.mech.company.bankruptcy_years:g} years "
        f"({debt:,.0f} M$ of debt) and nobody took it over; {left} workers leave the bases, "
        f"{laid_off} astronauts are laid off",
        debt_musd=round(debt, 1),
    )
