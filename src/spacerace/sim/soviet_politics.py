"""The inner politics of a planned program: the Politburo, the KGB, the Chief Designer.

Every agency whose profile is ``planned`` has an ``Apparatus`` (``world.apparatus``) and lives
under these rules while the state behind it stands, in every scenario; how strongly each
acts is the ``soviet`` group of the mechanics (``star-city`` turns several up).

* **The Politburo** hears every goal mission and every new program (:func:`politburo_verdict`):
  *approved*, *delayed* (the mission waits ``politburo_delay_days`` more, a windowed one
  misses its window; a program waits for next year) or *refused* (not heard again for
  ``politburo_refusal_days``). Refusal and delay grow with stagnation (the approval backlog
  of ``sim.politics``) and, for refusals, with the Chief Designer's disgrace; rivalry with
  the Americans opens the doors.
* **The Chief Designer** is a person (``catalog.chief_designers``: Korolev, Mishin,
  Glushko, Semyonov, seated in that order). His skill speeds development
  (:func:`development_factor`); his standing rises with firsts and successes and falls with
  failures and lost crews; below a line he may be dismissed; he may die in office. The next
  holder of the record succeeds him, else the agency's best engineer, else an invented one.
* **The KGB** watches cosmonauts and engineers: surveillance follows the rivalry and jumps
  after a defection. It slows development (fear of blame), lowers morale, and prevents
  defections (their chance falls with surveillance and with morale) while making purges
  likelier (more so in a year of failures): a purge dismisses ``purge_size`` people.

Each 12 April (Cosmonautics Day) the year is reviewed from the event log: the agency's
firsts, successes, failures and losses since the last review.
"""

from __future__ import annotations

from spacerace.catalog.chief_designers import designers_of
from spacerace.sim.context import RunContext
from spacerace.world.apparatus import Apparatus
from spacerace.world.event import Event
from spacerace.world.person import Person
from spacerace.world.wording import join_names, plural, subject

__all__ = [
    "development_factor",
    "holds_post",
    "in_force",
    "politburo_verdict",
    "review_apparatus",
    "seat_designer",
    "soviet_politics_process",
]

VERDICTS = ("approved", "delayed", "refused")
"""What the Politburo may answer."""


def in_force(ctx: RunContext, key: str) -> Apparatus | None:
    """The agency's apparatus while the state behind it stands, else None."""
    agency = ctx.world.agencies[key]
    regime = ctx.world.regimes.get(key)
    if agency.apparatus is None or (regime is not None and not regime.stands):
        return None
    return agency.apparatus


def soviet_politics_process(ctx: RunContext):
    """Seat each planned agency's Chief Designer, then review every 12 April."""
    rng = ctx.rng("kgb")
    keys = [k for k, a in sorted(ctx.world.agencies.items()) if a.apparatus is not None]
    for key in keys:
        app = ctx.world.agencies[key].apparatus
        app.surveillance = _surveillance_target(ctx)
        app.morale = _morale_target(ctx, key, 0, 0)
        seat_designer(ctx, key, ctx.year, "")
    seen = len(ctx.log)
    while keys:
        day = ctx.cal.day_of(ctx.year, 4, 12)
        if day <= ctx.now:
            day = ctx.cal.day_of(ctx.year + 1, 4, 12)
        yield ctx.env.timeout(day - ctx.now)
        events = ctx.log.events[seen:]
        seen = len(ctx.log)
        for key in keys:
            if in_force(ctx, key) is not None and ctx.world.agencies[key].founded_year <= ctx.year:
                review_apparatus(ctx, key, events, rng)


def politburo_verdict(ctx: RunContext, key: str, subject: str, what: str, windowed=False) -> str:
    """Put a goal mission or new program to the Politburo; record and announce the answer.

    Args:
        ctx: The run.
        key: The agency.
        subject: The goal or program key heard (a refusal bars it for a while).
        what: What is proposed, in words ("the Soyuz L3-2 lunar landing").
        windowed: True for a mission bound to a launch window (a delay misses it).

    Returns:
        ``"approved"``, ``"delayed"`` or ``"refused"`` (``"approved"`` without an apparatus).
    """
    app = in_force(ctx, key)
    if app is None:
        return "approved"
    mech = ctx.mech.soviet
    agency = ctx.world.agencies[key]
    backlog_years = agency.approval_delay_days / 365.25
    relief = 1.0 - mech.politburo_rivalry_relief * ctx.world.rivalry
    disgrace = max(0.0, 0.5 - app.designer_standing)
    p_refuse = min(
        1.0,
        relief
        * (
            mech.politburo_refusal_base
            + mech.politburo_refusal_per_delay_year * backlog_years
            + mech.politburo_refusal_per_standing * disgrace
        ),
    )
    p_delay = min(
        1.0 - p_refuse,
        relief * (mech.politburo_delay_base + mech.politburo_delay_per_delay_year * backlog_years),
    )
    draw = ctx.rng("politburo").random()
    outcome = (
        "refused" if draw < p_refuse else "delayed" if draw < p_refuse + p_delay else "approved"
    )
    app.verdicts[outcome] = app.verdicts.get(outcome, 0) + 1
    if outcome == "refused":
        app.refused_until[subject] = ctx.now + mech.politburo_refusal_days
    elif outcome == "delayed":
        app.refused_until[subject] = ctx.now + mech.politburo_delay_days
    designer = app.chief_designer or "no Chief Designer"
    cause = (
        f"approval backlog {agency.approval_delay_days:.0f} days, Chief Designer {designer}'s "
        f"standing {app.designer_standing:.2f}, rivalry {ctx.world.rivalry:.2f}: chances "
        f"{p_refuse:.0%} refused, {p_delay:.0%} delayed"
    )
    text = {
        "approved": f"The Politburo approves {what}.",
        "delayed": f"The Politburo sends {what} back to the commissions"
        + (": it will miss its launch window." if windowed else "; it waits."),
        "refused": f"The Politburo refuses {what}.",
    }[outcome]
    ctx.emit(
        "politburo",
        key,
        text,
        cause=cause,
        outcome=outcome,
        subject=subject,
        p_refuse=round(p_refuse, 3),
        p_delay=round(p_delay, 3),
    )
    return outcome


def development_factor(ctx: RunContext, key: str) -> float:
    """Work a unit of development money buys, relative to 1 (the Chief Designer and the KGB).

    ``(1 + designer_speed_per_skill x (skill - 0.5)) x (1 - kgb_program_drag x surveillance)``;
    1.0 for an agency without an apparatus in force.
    """
    app = in_force(ctx, key)
    if app is None:
        return 1.0
    mech = ctx.mech.soviet
    person = ctx.world.people.get(app.chief_designer)
    skill = person.skill if person is not None else 0.5
    return (1.0 + mech.designer_speed_per_skill * (skill - 0.5)) * (
        1.0 - mech.kgb_program_drag * app.surveillance
    )


def holds_post(ctx: RunContext, person: Person) -> bool:
    """True for a sitting Chief Designer (he does not retire at the corps' age)."""
    agency = ctx.world.agencies.get(person.agency)
    return bool(agency and agency.apparatus and agency.apparatus.chief_designer == person.name)


def seat_designer(ctx: RunContext, key: str, year: int, why: str) -> str:
    """Name the next Chief Designer of agency ``key`` and announce him; returns his name.

    The first holder of the record still in office in the start year or after it (at the
    start: the one in office then), not yet seated in the run and not past
    ``designer_max_age``; else the best engineer of the agency still alive; else an invented one.
    """
    agency = ctx.world.agencies[key]
    app = agency.apparatus
    mech = ctx.mech.soviet
    people = ctx.world.people
    rows = designers_of(agency.country)
    start_year = ctx.cal.year(0.0)  # who had left the post before the start never returns
    rows = [r for r in rows if r.to_year >= start_year] or list(rows[-1:])
    name = ""
    for row in rows:
        if row.name in app.designers or year - row.born_year > mech.designer_max_age:
            continue
        if row.name in people and people[row.name].status == "dead":
            continue
        name = row.name
        if name not in people:
            people[name] = Person(
                name, key, "engineer", agency.country, row.born_year, skill=row.skill,
                real=True, sex="male",
            )  # fmt: skip
        break
    if not name:
        engineers = [
            p
            for p in ctx.people_of(key)
            if p.role == "engineer"
            and p.status != "dead"
            and p.name not in app.designers
            and year - p.born_year <= mech.designer_max_age
        ]
        if engineers:
            name = max(engineers, key=lambda p: (p.skill, p.name)).name
        else:
            name = f"{agency.name} Chief Designer {len(app.designers) + 1}"
            people[name] = Person(name, key, "engineer", agency.country, year - 50, skill=0.5)
    person = people[name]
    if person.agency != key:  # someone of another agency's: the indexes must hear of it
        person.agency = key
        ctx.forget_people_index()
    person.status = "active"
    app.chief_designer = name
    app.designer_since_year = year
    app.designer_standing = mech.designer_standing_start
    app.designers.append(name)
    ctx.forget_people_index()
    invented = "" if person.real or person.canon else " (invented)"
    ctx.emit(
        "chief_designer",
        key,
        f"{name}{invented} is Chief Designer of {agency.name}" + (f", {why}." if why else "."),
        cause=f"skill {person.skill:.2f}; "
        + ("the post's holder in the record" if person.real else "the best engineer left"),
        actors=(name,),
        outcome="seated",
        skill=round(person.skill, 3),
    )
    return name


def review_apparatus(ctx: RunContext, key: str, events: list[Event], rng) -> None:
    """One year of the Chief Designer's standing, the KGB's watch, defections and purges."""
    record = _record(ctx, key, events)
    _review_designer(ctx, key, record, rng)
    app = ctx.world.agencies[key].apparatus
    mech = ctx.mech.soviet
    purges = 0
    failures = record["failures"] + record["crew_lost"]
    p_purge = min(1.0, mech.purge_chance_max * app.surveillance * (1 + failures))
    if rng.random() < p_purge:
        purges = _purge(ctx, key, rng, p_purge, failures)
    app.surveillance += (_surveillance_target(ctx) - app.surveillance) * mech.kgb_relax_per_year
    target = _morale_target(ctx, key, record["firsts"], purges)
    app.morale = min(1.0, max(0.0, app.morale + (target - app.morale) * mech.kgb_relax_per_year))
    p_defect = mech.defection_chance_max * (1.0 - app.surveillance) * (1.0 - app.morale)
    if ctx.rival_of(key) is not None and rng.random() < p_defect:
        _defect(ctx, key, rng, p_defect)
    ctx.emit(
        "surveillance",
        key,
        f"The KGB's watch over {ctx.world.agencies[key].name}: surveillance "
        f"{app.surveillance:.2f}, morale {app.morale:.2f}.",
        cause=f"rivalry {ctx.world.rivalry:.2f}; {plural(record['firsts'], 'first')}, "
        f"{plural(failures, 'failure or loss', 'failures and losses')} this year; "
        f"chances {p_purge:.0%} of a purge, "
        f"{p_defect:.1%} of a defection",
        surveillance=round(app.surveillance, 3),
        morale=round(app.morale, 3),
    )


def _record(ctx: RunContext, key: str, events: list[Event]) -> dict[str, int]:
    """The agency's firsts, successes, failures and losses of crew among ``events``."""
    out = {"firsts": 0, "successes": 0, "failures": 0, "crew_lost": 0}
    for e in events:
        if e.agency != key:
            continue
        if e.kind == "milestone" and e.data.get("first", True):
            out["firsts"] += 1
        elif e.kind == "mission_success":
            out["successes"] += 1
        elif e.kind == "mission_failed" or (
            e.kind == "launch" and e.data.get("test") and not e.data.get("success", True)
        ):
            out["failures"] += 1
        elif e.kind == "crew_lost":
            out["crew_lost"] += 1
    return out


def _review_designer(ctx: RunContext, key: str, record: dict[str, int], rng) -> None:
    app = ctx.world.agencies[key].apparatus
    mech = ctx.mech.soviet
    year = ctx.year
    app.designer_standing = min(
        1.0,
        max(
            0.0,
            app.designer_standing
            + mech.designer_standing_per_first * record["firsts"]
            + mech.designer_standing_per_success * record["successes"]
            - mech.designer_standing_per_failure * record["failures"]
            - mech.designer_standing_per_crew_lost * record["crew_lost"],
        ),
    )
    person = ctx.world.people.get(app.chief_designer)
    if person is None:
        seat_designer(ctx, key, year, "the post being empty")
        return
    age = year - person.born_year
    p_death = min(1.0, mech.designer_mortality_at_60 * 2.0 ** ((age - 60) / 8.0))
    dies = rng.random() < p_death
    p_dismiss = mech.designer_dismissal_chance * (0.5 + app.surveillance)
    low = app.designer_standing < mech.designer_dismissal_standing
    dismissed = not dies and low and rng.random() < p_dismiss
    if not (dies or dismissed):
        return
    name = person.name
    if dies:
        person.status = "dead"
        why = f"after the death of {name}"
        text = f"Chief Designer {name} dies in office at {age}."
        at_60 = mech.designer_mortality_at_60
        cause = f"a man of {age}: {p_death:.1%} a year (Gompertz, from {at_60:.1%} at 60)"
    else:
        person.status = "retired"
        app.purged += 1
        why = f"after {name}'s dismissal"
        text = f"The Politburo dismisses Chief Designer {name}."
        cause = (
            f"his standing fell to {app.designer_standing:.2f} (below "
            f"{mech.designer_dismissal_standing:.2f}) with {plural(record['failures'], 'failure')} "
            f"and {plural(record['crew_lost'], 'crew')} lost this year; chance {p_dismiss:.0%}"
        )
    ctx.emit(
        "chief_designer",
        key,
        text,
        cause=cause,
        actors=(name,),
        outcome="died" if dies else "dismissed",
        years_in_post=year - app.designer_since_year,
    )
    app.chief_designer = ""
    seat_designer(ctx, key, year, why)


def _surveillance_target(ctx: RunContext) -> float:
    mech = ctx.mech.soviet
    return min(
        1.0, mech.kgb_surveillance_base + mech.kgb_surveillance_per_rivalry * ctx.world.rivalry
    )


def _morale_target(ctx: RunContext, key: str, firsts: int, purges: int) -> float:
    mech = ctx.mech.soviet
    agency = ctx.world.agencies[key]
    return (
        mech.morale_base
        - mech.morale_per_surveillance * agency.apparatus.surveillance
        - mech.morale_per_delay_year * agency.approval_delay_days / 365.25
        + mech.morale_per_first * firsts
        - mech.morale_per_purge * purges
    )


def _watched(ctx: RunContext, key: str) -> list[Person]:
    """Cosmonauts and engineers on the ground the KGB watches, by name (not the designer)."""
    app = ctx.world.agencies[key].apparatus
    min_age = ctx.mech.people.min_crew_age
    return [
        p
        for p in ctx.people_of(key)
        if (p.flies or p.role == "engineer")
        and p.status in ("active", "training", "injured")
        and p.name != app.chief_designer
        and p.age(ctx.year) >= min_age
    ]


def _purge(ctx: RunContext, key: str, rng, chance: float, failures: int) -> int:
    app = ctx.world.agencies[key].apparatus
    pool = _watched(ctx, key)
    size = min(int(ctx.mech.soviet.purge_size), len(pool))
    if size == 0:
        return 0
    picked = sorted(int(i) for i in rng.choice(len(pool), size=size, replace=False))
    names = tuple(pool[i].name for i in picked)
    for i in picked:
        pool[i].status = "retired"
    app.purged += size
    agency = ctx.world.agencies[key]
    ctx.emit(
        "purge",
        key,
        f"The KGB purges {subject(agency.name)}: {join_names(names)} "
        f"{'is' if size == 1 else 'are'} dismissed.",
        cause=f"surveillance {app.surveillance:.2f} and "
        f"{plural(failures, 'failure or loss', 'failures and losses')} of crew this year: "
        f"chance {chance:.0%}",
        actors=names,
        count=size,
    )
    return 1


def _defect(ctx: RunContext, key: str, rng, chance: float) -> None:
    agency = ctx.world.agencies[key]
    app = agency.apparatus
    mech = ctx.mech
    rival_key = ctx.rival_of(key)
    rival = ctx.world.agencies[rival_key]
    pool = _watched(ctx, key)
    if not pool:
        return
    person = pool[int(rng.integers(len(pool)))]
    person.agency = rival_key
    person.status = "training"  # the rival vets and retrains him
    person.ready_day = ctx.now + 365.25
    ctx.forget_people_index()
    app.defections += 1
    surveillance = app.surveillance
    app.surveillance = min(1.0, app.surveillance + mech.soviet.kgb_surveillance_per_defection)
    ctx.world.rivalry = min(1.0, ctx.world.rivalry + mech.soviet.defection_rivalry_jump_earth)
    agency.support_shift -= mech.soviet.defection_support_drop
    agency.gain_prestige(-mech.prestige.prestige_success, "defections")
    rival.gain_prestige(mech.prestige.prestige_success, "defections")
    ctx.emit(
        "defection",
        key,
        f"{person.role.capitalize()} {person.name} defects from {agency.name} to "
        f"{rival.name}; the KGB tightens its watch ({app.surveillance:.2f}).",
        cause=f"surveillance {surveillance:.2f} and morale {app.morale:.2f}: chance "
        f"{chance:.1%} a year",
        actors=(person.name,),
        to=rival_key,
    )
