"""Development programs: funded each fiscal year by policy, finished by money, time and tests.

Each fiscal year an agency's policy chooses, through the decision point, among competing
proposals: the programs that bring its open goals closer, and the infrastructure it may
build for its own sake (stations, cheaper transport; a heavy cargo launcher once it has a
base to supply). Each proposal says what it costs a year, what is left to pay, what it is
for and whether a rival is already on its way to the same goal.

A program needs its catalog cost (a company's terms: ``sim.company.program_terms``),
converted to the current year's dollars with the OMB deflator, and, at the planned rate,
its catalog duration. While an agency races (``Agency.racing``) it
may spend up to ``crash_program_rate`` times a program's yearly need and finish it that
much sooner; afterwards a program gets at most its planned yearly need. A new program is
approved only when this year's development money covers its yearly need in full; a year
funded below ``program_min_funding_share`` of its yearly need makes no progress. A program
that brings a launch vehicle flies its test flights uncrewed, each one updating the
vehicle's reliability, before the vehicle (and capability) is available.
"""

from __future__ import annotations

from spacerace.catalog.programs import FOR_A_BASE, INFRASTRUCTURE, SHARED_AT_MARS
from spacerace.policy.base import ProgramOption
from spacerace.sim.company import program_terms
from spacerace.sim.context import RunContext
from spacerace.sim.lunar_front import is_claimed
from spacerace.sim.politics import money_in_dollars_of
from spacerace.sim.production import can_fly, take
from spacerace.sim.soviet_politics import development_factor, in_force, politburo_verdict
from spacerace.world.agency import ProgramProgress
from spacerace.world.mission_kinds import GOALS, is_met
from spacerace.world.vehicle import VehicleRecord

__all__ = ["begin_studies", "fund_programs", "needed_for", "program_options"]


def _allowed(ctx: RunContext, agency_key: str, program: str) -> bool:
    """True if the agency may develop a program (its catalog row's ``developers``)."""
    agency = ctx.world.agencies[agency_key]
    if program in agency.retired:
        return False  # its time is over: a station is not built twice
    developers = ctx.ref.programs[program].developers
    who = "private" if agency.is_private else agency.country
    return not developers or who in developers


def _needed_for(ctx: RunContext, agency_key: str, token: str, seen: set[str]) -> list[str]:
    """Programs (with prerequisites first) this agency must finish to satisfy a token."""
    agency = ctx.world.agencies[agency_key]
    if is_met(token, agency.capabilities):
        return []
    programs = ctx.ref.programs
    for key in token.split("|"):
        if key in programs and _allowed(ctx, agency_key, key):
            out = []
            for req in programs[key].requires:
                if req not in seen:
                    seen.add(req)
                    out += _needed_for(ctx, agency_key, req, seen)
            return out + [key]
    return []


def needed_for(ctx: RunContext, agency_key: str, token: str) -> list[str]:
    """Programs (prerequisites first) the agency must finish to satisfy a capability token."""
    return _needed_for(ctx, agency_key, token, set())


def _serves(ctx: RunContext, agency_key: str) -> dict[str, str]:
    """Program key -> the earliest goal it brings closer, for the agency's open goals.

    A function of the agency's capabilities (only ever added) and goals (only ever
    dropped), memoised per run on both.
    """
    agency = ctx.world.agencies[agency_key]
    memo_key = (agency_key, len(agency.capabilities), len(agency.retired), agency.goals)
    serves = ctx.memo.get(memo_key)
    if serves is None:
        serves = {}
        for goal in agency.goals:
            for token in GOALS[goal].needs:
                for key in _needed_for(ctx, agency_key, token, set()):
                    serves.setdefault(key, goal)
        ctx.memo[memo_key] = serves
    return serves


def _infrastructure(ctx: RunContext, agency_key: str) -> dict[str, str]:
    """Program key -> "" for the infrastructure the agency may propose now.

    Stations and transport it may develop and does not hold; a heavy cargo launcher or a
    crew shuttle (purposes ``"cargo"``, ``"shuttle"``: :data:`FOR_A_BASE`) only once it
    belongs to a base it must supply and crew; a colonist transport (``"colony"``:
    :data:`SHARED_AT_MARS`) unless a partner at one of its Mars bases holds one.
    """
    agency = ctx.world.agencies[agency_key]
    mine = [b for b in ctx.world.bases.values() if agency_key in b.agencies]
    has_base = bool(mine)
    # a colonist transport serves every member of the base (sim.base_logistics._seat_kg):
    # none is proposed once a partner at one of its Mars bases holds it
    partners = {k for b in mine if b.body == "mars" for k in b.agencies} - {agency_key}
    held_by_partners = set().union(*(ctx.world.agencies[k].capabilities for k in partners))
    out = {}
    for key, spec in ctx.ref.programs.items():
        if key in agency.capabilities or not _allowed(ctx, agency_key, key):
            continue
        if spec.purpose not in INFRASTRUCTURE:
            continue
        if (spec.purpose in FOR_A_BASE and not has_base) or (
            spec.purpose in SHARED_AT_MARS and key in held_by_partners
        ):
            continue
        out[key] = ""
    return out


FUNDED_LATELY_DAYS = 400.0
"""A program is under way if it was funded within this many days (one fiscal year and
a little): one left without money is no threat to a rival."""


def _contested(ctx: RunContext, agency_key: str, goal: str) -> bool:
    """True if a rival races for ``goal``, or the goal is a resource claimed beside it.

    A race: the rival's own race is on, it pursues the goal, nobody has it yet, and it is
    funding or has finished a program toward it. A claim (``sim.lunar_front.is_claimed``):
    the rival's base already stands at the site the agency means to share.
    """
    if goal and is_claimed(ctx.world.agencies[agency_key], goal):
        return True  # a resource claimed beside the rival's base: contested by its presence
    if not goal or goal in ctx.world.public_firsts:  # what the world knows is taken
        return False
    rival = ctx.rival_of(agency_key)
    if rival is None:
        return False
    other = ctx.world.agencies[rival]
    if not other.racing or goal not in other.goals or goal in other.achieved:
        return False
    serves = _serves(ctx, rival)
    if any(
        serves.get(key) == goal and ctx.now - p.funded_day <= FUNDED_LATELY_DAYS
        for key, p in other.programs.items()
    ):
        return True
    return any(
        is_met(token, other.capabilities) and key in other.capabilities
        for token in GOALS[goal].needs
        for key in token.split("|")
    )


def _candidates(ctx: RunContext, agency_key: str) -> list[tuple[str, str]]:
    """(program key, goal it serves or "") the agency could propose now, by key.

    Goal programs and infrastructure whose prerequisites it holds, studied or not.
    """
    agency = ctx.world.agencies[agency_key]
    programs = ctx.ref.programs
    serves = {**_infrastructure(ctx, agency_key), **_serves(ctx, agency_key)}
    return [
        (key, goal)
        for key, goal in sorted(serves.items())
        if all(is_met(r, agency.capabilities) for r in programs[key].requires)
        and _rockets_for(ctx, agency_key, programs[key])
    ]


def _rockets_for(ctx: RunContext, agency_key: str, spec) -> bool:
    """True unless a station's own launches need rockets that cannot be had (a closed run)."""
    if not spec.station_launches or spec.key in ctx.world.agencies[agency_key].programs:
        return True  # under way: its rockets were set aside when it started
    return can_fly(ctx, agency_key, spec.launched_on, spec.station_launches)


def begin_studies(ctx: RunContext, agency_key: str) -> None:
    """Start the definition studies of every program the agency could propose now.

    Called at each fiscal-year decision (``fund_programs``), before the proposals are
    made: a program's studies (``ProgramSpec.definition_years``) date from the first
    decision at which it could have been proposed.
    """
    agency = ctx.world.agencies[agency_key]
    for key, _ in _candidates(ctx, agency_key):
        if ctx.ref.programs[key].definition_years > 0 and key not in agency.programs:
            agency.studies.setdefault(key, ctx.now)


def program_options(ctx: RunContext, agency_key: str) -> list[ProgramOption]:
    """Proposals the agency could fund now: goal programs and infrastructure.

    Each is tagged with the earliest goal it serves ("" for infrastructure), its purpose,
    and whether a rival contests that goal. A program whose definition studies
    (:func:`begin_studies`) are not done is not among them.
    """
    agency = ctx.world.agencies[agency_key]
    programs = ctx.ref.programs
    options = []
    for key, goal in _candidates(ctx, agency_key):
        spec = programs[key]
        progress = agency.programs.get(key)
        if progress is None and not _defined(ctx, agency_key, key):
            continue  # its definition studies are still under way
        spent = progress.spent_musd if progress else 0.0
        terms = program_terms(ctx, agency_key, key)
        cost = spec.cost_musd * terms.cost_factor
        remaining = money_in_dollars_of(ctx, max(0.0, cost - spent), spec.cost_year)
        yearly = money_in_dollars_of(ctx, cost / terms.duration_years, spec.cost_year)
        seller = ctx.world.agencies[terms.licensed_from].name if terms.licensed_from else ""
        options.append(
            ProgramOption(
                key,
                spec.name + (f" (bought from {seller})" if seller else ""),
                yearly,
                remaining,
                goal,
                progress is not None,
                spec.purpose,
                _contested(ctx, agency_key, goal),
            )
        )
    return options


def _defined(ctx: RunContext, agency_key: str, program: str) -> bool:
    """True once a program's definition studies are done and it may be approved.

    Studies (``ProgramSpec.definition_years``: the Shuttle's Phase A and B, the station's
    task force) begin at the first fiscal-year decision at which the agency could propose
    the program (:func:`begin_studies`), and a race shortens them as it does the
    development (``spending_rate``). Before 2026-12-03 a program could be approved the day
    it became possible: NASA started the Shuttle in January 1969 and flew it in 1978, and
    started the ISS in 1978 (crewed in 1995).
    """
    years = ctx.ref.programs[program].definition_years
    if years <= 0:
        return True
    began = ctx.world.agencies[agency_key].studies.get(program)
    if began is None:
        return False
    return ctx.now - began >= years * 365.25 / spending_rate(ctx, agency_key) - 1e-9


def spending_rate(ctx: RunContext, agency_key: str) -> float:
    """Most a program may get in a year, in multiples of its yearly need."""
    if ctx.world.agencies[agency_key].racing:
        return ctx.mech.programs.crash_program_rate
    return 1.0


def fund_programs(ctx: RunContext, agency_key: str):
    """Split this fiscal year's development money between programs.

    A generator: finishing a vehicle program flies its test flights.
    """
    agency = ctx.world.agencies[agency_key]
    programs = ctx.ref.programs
    begin_studies(ctx, agency_key)
    options = {o.key: o for o in program_options(ctx, agency_key)}
    offered = list(options.values())
    policy, view = ctx.policies[agency_key], ctx.view(agency_key)
    chosen = ctx.decisions.ask(
        ctx, agency_key, "fund", offered, lambda rng: policy.fund(view, offered, rng)
    )
    pool = agency.funds_musd * (1.0 - ctx.mech.programs.operations_share)
    for key in sorted(agency.programs):
        if key in agency.programs:
            yield from _maybe_complete(ctx, agency_key, agency.programs[key])
    rate = spending_rate(ctx, agency_key)
    factor = development_factor(ctx, agency_key)
    for key in chosen:
        option = options.get(key)
        if option is None or pool <= 0:
            continue
        if not option.in_progress and pool < min(option.yearly_need_musd, option.remaining_musd):
            continue  # approved only if this year's money covers its yearly need
        if not option.in_progress and not _heard(ctx, agency_key, key, programs[key].name):
            continue  # a planned economy's Politburo refused or delayed it
        spend = min(option.yearly_need_musd * rate, option.remaining_musd, pool)
        if spend < ctx.mech.programs.program_min_funding_share * min(
            option.yearly_need_musd, max(option.remaining_musd, 1e-9)
        ):
            continue
        pool -= spend
        agency.funds_musd -= spend
        spec = programs[key]
        progress = agency.programs.get(key)
        if progress is None:
            progress = agency.programs[key] = ProgramProgress(key, started_day=ctx.now)
            if spec.station_launches:  # its rockets are set aside (Skylab's Saturn V, 1969)
                take(ctx, agency_key, spec.launched_on, spec.station_launches, spec.name)
            terms = program_terms(ctx, agency_key, key)
            ctx.emit(
                "program_started",
                agency_key,
                f"{agency.name} starts {option.name}.",
                cause=(
                    f"serves the goal {option.serves_goal.replace('_', ' ')}"
                    + (" (a race: the rival is on its way)" if option.contested else "")
                    if option.serves_goal
                    else f"{option.purpose} infrastructure"
                )
                + f"; budget {spec.cost_musd * terms.cost_factor:,.0f} M$ ({spec.cost_year} "
                f"dollars) over {terms.duration_years:g} years",
                program=key,
                cost_musd=round(spec.cost_musd * terms.cost_factor, 1),
            )
        # the Chief Designer and the KGB's watch make money go further or less far
        share = spend / money_in_dollars_of(ctx, 1.0, spec.cost_year) * factor
        progress.spent_musd += share
        progress.funded_day = ctx.now
        yield from _maybe_complete(ctx, agency_key, progress)


def _heard(ctx: RunContext, agency_key: str, program: str, name: str) -> bool:
    """True if a new program may start: no Politburo, or one that approves it now."""
    apparatus = in_force(ctx, agency_key)
    if apparatus is None:
        return True
    if apparatus.refuses(program, ctx.now):
        return False
    return politburo_verdict(ctx, agency_key, program, name) == "approved"


def _maybe_complete(ctx: RunContext, agency_key: str, progress: ProgramProgress):
    """Complete a paid-for program now, or on the day its shortest duration ends."""
    spec = ctx.ref.programs[progress.key]
    terms = program_terms(ctx, agency_key, progress.key)
    if progress.spent_musd < spec.cost_musd * terms.cost_factor * 0.999 or progress.completion_due:
        return
    shortest = terms.duration_years / spending_rate(ctx, agency_key)
    wait = progress.started_day + shortest * 365.25 - ctx.now
    if wait > 0.0:
        progress.completion_due = True
        ctx.env.process(_complete_later(ctx, agency_key, progress, wait))
        return
    yield from _complete(ctx, agency_key, progress)


def _complete_later(ctx: RunContext, agency_key: str, progress: ProgramProgress, wait: float):
    yield ctx.env.timeout(wait)
    if ctx.world.agencies[agency_key].programs.get(progress.key) is progress:
        yield from _complete(ctx, agency_key, progress)


def _complete(ctx: RunContext, agency_key: str, progress: ProgramProgress):
    agency = ctx.world.agencies[agency_key]
    spec = ctx.ref.programs[progress.key]
    elapsed_years = (ctx.now - progress.started_day) / 365.25
    progress.completion_due = True
    if spec.vehicle and not program_terms(ctx, agency_key, progress.key).licensed_from:
        yield from _test_flights(ctx, agency_key, spec)  # a line bought has flown already
    if spec.station_launches and not (yield from _station_launches(ctx, agency_key, spec)):
        agency.programs.pop(progress.key, None)
        agency.retired.add(progress.key)  # its hardware is gone: not proposed again
        return  # lost with its rocket, and no other to be had
    if agency.programs.get(progress.key) is not progress:
        return  # given up while its test or station flights flew
    agency.gain(progress.key, spec.units)
    if spec.vehicle:
        agency.fleet.add(spec.vehicle)
    if spec.purpose == "station":
        ctx.emit(
            "station_launched",
            agency_key,
            f"{agency.name} launches its station: {spec.name}.",
            cause="its development is complete; crews may now fly to it"
            + (f" for {spec.lifetime_years:g} years" if spec.lifetime_years else ""),
            program=progress.key,
        )
        if spec.lifetime_years:
            ctx.env.process(_retire_station(ctx, agency_key, spec))
    ctx.emit(
        "program_completed",
        agency_key,
        f"{agency.name} completes {spec.name}.",
        cause=f"{progress.spent_musd:,.0f} of "
        f"{spec.cost_musd * program_terms(ctx, agency_key, progress.key).cost_factor:,.0f} M$ "
        f"({spec.cost_year} "
        f"dollars) spent over {elapsed_years:.1f} years",
        program=progress.key,
        cost_musd=round(progress.spent_musd, 1),
    )


def _retire_station(ctx: RunContext, agency_key: str, spec):
    """A station leaves orbit at the end of its catalog lifetime."""
    yield ctx.env.timeout(spec.lifetime_years * 365.25)
    agency = ctx.world.agencies[agency_key]
    agency.retired.add(spec.key)
    ctx.emit(
        "station_retired",
        agency_key,
        f"{agency.name}'s station leaves orbit: {spec.name}.",
        cause=f"the end of its {spec.lifetime_years:g}-year life (programs.csv)",
        program=spec.key,
    )


def _station_launches(ctx: RunContext, agency_key: str, spec):
    """Fly a station up: ``station_launches`` launches of ``spec.launched_on``; True once all flew.

    Each draws its success at the vehicle's launch odds (``world.launch_growth``); a module
    lost at launch is built again (Skylab had its backup, the DOS hulls came in series) and
    flies on another rocket, if one can be had (``sim.production``); if none can, the
    station is lost and the program ends (``program_abandoned``). The rockets themselves
    were set aside when the program started.
    """
    vehicle, record = _vehicle_and_record(ctx, spec.launched_on)
    rng = ctx.rng("launches")
    flown = 0
    n = 0
    while flown < spec.station_launches:
        n += 1
        if n > spec.station_launches:  # a replacement module needs a rocket of its own
            if not can_fly(ctx, agency_key, spec.launched_on, 1):
                agency = ctx.world.agencies[agency_key]
                ctx.emit(
                    "program_abandoned",
                    agency_key,
                    f"{agency.name} gives up {spec.name}: a launch failed and no "
                    f"{vehicle.name} is left.",
                    cause=f"its production run is flown out ({spec.launched_on})",
                    program=spec.key,
                )
                return False
            take(ctx, agency_key, spec.launched_on, 1, spec.name)
        if n > 1:
            yield ctx.env.timeout(ctx.mech.missions.launch_interval_days)
        success, breakdown = record.fly(vehicle, ctx.mech.missions, rng)
        odds = breakdown.total
        flown += success
        ctx.emit(
            "launch",
            agency_key,
            f"{vehicle.name} launch {n} for {spec.name} {'succeeds' if success else 'fails'}.",
            cause=f"{vehicle.name} reliability {odds:.2f} ({record.successes} successes in "
            f"{record.total} flights, real record and simulated)",
            vehicle=spec.launched_on,
            success=success,
            program=spec.key,
            odds=round(odds, 6),
            breakdown=breakdown,
        )
    return True


def _vehicle_and_record(ctx: RunContext, vkey: str):
    """A vehicle's spec and its run record (started from its real record if it has none)."""
    vehicle = ctx.world.vehicle_specs[vkey]
    record = ctx.world.vehicles.get(vkey)
    if record is None:
        record = ctx.world.vehicles[vkey] = VehicleRecord.from_spec(vehicle)
    return vehicle, record


def _test_flights(ctx: RunContext, agency_key: str, spec):
    vehicle, record = _vehicle_and_record(ctx, spec.vehicle)
    rng = ctx.rng("launches")
    name = vehicle.name
    for n in range(spec.test_flights):
        yield ctx.env.timeout(60.0)
        success, breakdown = record.fly(vehicle, ctx.mech.missions, rng)
        odds = breakdown.total
        ctx.emit(
            "launch",
            agency_key,
            f"{name} test flight {n + 1} {'succeeds' if success else 'fails'}.",
            cause=f"reliability {odds:.2f} before the flight ({record.successes} successes in "
            f"{record.total} flights after it)",
            vehicle=spec.vehicle,
            success=success,
            test=True,
            odds=round(odds, 6),
            breakdown=breakdown,
        )
