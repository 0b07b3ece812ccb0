"""The Cold War on the Moon: rival bases side by side, disputes, seizures, standoffs, handshakes.

The same mechanisms in every scenario; without bases of both superpowers at one site
(``history``) nothing here happens. Every quarter (``front_step_days``):

* **Where bases stand** (:func:`site_for`, called by ``sim.landings`` when a base is
  founded): the first base on a body stands at its site (Shackleton crater); a later one
  of another agency stands there too only when the site's resource is known (the polar
  water ice, ``World.discoveries``), else at the body's other site (Mare Crisium). Ice is
  the one thing on the Moon worth living beside a rival for: water, oxygen and propellant
  made on the spot instead of lifted from Earth (the series' reason for Jamestown at
  Shackleton, and for Zvezda beside it).
* **The claim.** Once the ice is known at a site where a rival's base stands, a superpower
  without a base on the body, able to build one, and still a rival (rivalry at or above
  the treaty threshold; partners join each other's bases instead) is asked once whether to
  claim a place beside it (``escalate``, stage ``claim``). Yes takes the body's base goal up
  again, first among its goals, as a resource rather than a race: it is not reviewed as a
  race lost (``sim.missions.review_goals``) and its programs count as contested.
* **A front** opens when bases of the two sides stand at one site (rivalry jumps a little).
  While water ice is known and a mine or oxygen plant stands at either base, disputes
  over the site come at ``dispute_per_year`` x rivalry. In a dispute the side with fewer
  such modules is asked whether to seize the other's (``seize``); yes holds the module (it
  stops producing), raises rivalry and rallies the victim's support; no settles the
  dispute. The victim is asked whether to answer by force (``answer``): yes is an armed
  standoff (Marines on the Moon: both sides' support rises, each pays a garrison, the
  victim's militarisation grows); no backs down (prestige lost; the module stays held until
  a treaty or handshake).
* **A standoff** draws armed clashes at ``clash_per_year`` x rivalry x (1 + militarisation):
  residents of both bases (not crews on a mission's stay) are hit, some die. Each quarter
  both sides are asked whether to hold out (``hold``), with a pressure that wears off over
  the years; the first that does not ends it with a joint flight (the series' Apollo-Soyuz
  handshake of 1983): the module is handed back and rivalry falls by
  ``deescalation_rivalry_drop``. A space treaty ends any seizure or standoff; a front
  closes when one base is gone or the bases are shared.

Every pressure is ``weight x rivalry x (1 + militarisation_weight x militarisation)``, at
most 1: rivalry on Earth, proximity (a front exists only between neighbours) and arms
(:func:`militarisation_of`: 1 for a ``military`` doctrine, else what escalations built).
The built-in policies escalate with that chance (``policy.builtin.StatePolicy.escalate``).
"""

from __future__ import annotations

import math

from spacerace.sim.bases import record_deaths
from spacerace.sim.context import RunContext
from spacerace.world.agency import Agency
from spacerace.world.base import Base
from spacerace.world.front import Front
from spacerace.world.mission_kinds import GOALS, SURFACE_BODIES, SurfaceBody, is_met

__all__ = [
    "RESOURCE_MODULES",
    "front_process",
    "is_claimed",
    "militarisation_of",
    "pressure",
    "review_front",
    "site_for",
]

RESOURCE_MODULES = ("mine", "isru")
"""Modules that work a site's resources (``catalog/data/base_modules.csv``): what a dispute
is over and what a seizure takes, the ice mine first."""


def site_for(ctx: RunContext, key: str, body: SurfaceBody) -> str:
    """Where agency ``key``'s new base on ``body`` stands (see the module docstring)."""
    others = [
        b
        for _, b in sorted(ctx.world.bases.items())
        if b.body == body.key and b.abandoned_day is None and key not in b.agencies
    ]
    if not others or not body.other_site:
        return body.site
    if body.resource and body.resource in ctx.world.discoveries:
        return body.site
    return body.other_site


def militarisation_of(agency: Agency) -> float:
    """0 (civilian) .. 1 (armed): 1 for a ``military`` doctrine, else what it built up."""
    return 1.0 if agency.doctrine == "military" else min(1.0, agency.militarisation)


def pressure(ctx: RunContext, weight: float, key: str, wear: float = 1.0) -> float:
    """How hard the situation pushes agency ``key`` to escalate, 0..1.

    ``weight`` x rivalry x (1 + ``militarisation_weight`` x its militarisation) x ``wear``.
    """
    mech = ctx.mech.front
    armed = 1.0 + mech.militarisation_weight * militarisation_of(ctx.world.agencies[key])
    return float(min(1.0, max(0.0, weight * ctx.world.rivalry * armed * wear)))


def is_claimed(agency: Agency, goal: str) -> bool:
    """True if ``goal`` is a body's base goal the agency took up again as a resource claim."""
    return any(
        answer and SURFACE_BODIES[body].milestone == goal for body, answer in agency.claims.items()
    )


def front_process(ctx: RunContext):
    """Review the lunar front every ``front_step_days``."""
    rng = ctx.rng("lunar_front")
    step = ctx.mech.front.front_step_days
    while True:
        yield ctx.env.timeout(step)
        review_front(ctx, rng, step)


def review_front(ctx: RunContext, rng, days: float) -> None:
    """One review: claims, fronts opened and closed, then each open front's stage."""
    if len(ctx.world.bases) == 0:
        return  # history: no base, nothing to do
    _claims(ctx)
    _open_fronts(ctx)
    for _, front in sorted(ctx.world.fronts.items()):
        if front.stage == "closed" or _close_if_gone(ctx, front):
            continue
        if ctx.world.treaty_year is not None and front.stage in ("seized", "standoff"):
            _deescalate(ctx, front, "treaty", "")
        elif front.stage == "near":
            _maybe_dispute(ctx, front, rng, days)
        elif front.stage == "standoff":
            _standoff(ctx, front, rng, days)


# --- claims -------------------------------------------------------------------------------


def _can_build(ctx: RunContext, agency: Agency, goal: str) -> bool:
    """True if the agency holds what the goal needs, or what the programs for it require."""
    caps, programs = agency.capabilities, ctx.ref.programs
    for token in GOALS[goal].needs:
        if is_met(token, caps):
            continue
        if not any(
            k in programs and all(is_met(r, caps) for r in programs[k].requires)
            for k in token.split("|")
        ):
            return False
    return True


def _claims(ctx: RunContext) -> None:
    world, mech = ctx.world, ctx.mech
    if world.rivalry < mech.politics.treaty_rivalry_threshold:
        return
    for key in ctx.superpowers():
        agency, rival = world.agencies[key], ctx.rival_of(key)
        if rival is None or agency.is_private or key not in ctx.active_agencies():
            continue
        for body in SURFACE_BODIES.values():
            if not body.resource or body.resource not in world.discoveries:
                continue
            if body.key in agency.claims or ctx.bases_of(key, body.key):
                continue
            goal = body.milestone
            if goal in agency.goals or goal not in GOALS or not _can_build(ctx, agency, goal):
                continue
            near = [b for b in ctx.bases_of(rival, body.key) if b.site == body.site]
            if not near:
                continue
            _ask_claim(ctx, key, body, near[0])


def _ask_claim(ctx: RunContext, key: str, body: SurfaceBody, beside: Base) -> None:
    agency = ctx.world.agencies[key]
    push = pressure(ctx, ctx.mech.front.claim_pressure_per_rivalry, key)
    claim = _ask(ctx, key, "claim", beside.name, push)
    agency.claims[body.key] = claim
    if not claim:
        return
    agency.goals = (body.milestone,) + agency.goals
    ctx.emit(
        "lunar_claim",
        key,
        f"{agency.name} resolves to build beside {beside.name} at {body.site}: the ice is "
        "not to be left to the rival.",
        cause=f"water ice known at {body.site}; pressure {push:.2f} at rivalry "
        f"{ctx.world.rivalry:.2f}",
        base=beside.name,
        body=body.key,
        goal=body.milestone,
    )


def _ask(ctx: RunContext, key: str, stage: str, base: str, push: float) -> bool:
    policy, view = ctx.policies[key], ctx.view(key)
    return bool(
        ctx.decisions.ask(
            ctx, key, "escalate", (True, False),
            lambda rng: policy.escalate(view, stage, base, push, rng),
            stage=stage, base=base, pressure=round(push, 6),
        )
    )  # fmt: skip


# --- fronts -------------------------------------------------------------------------------


def _pair_key(a: Base, b: Base) -> str:
    return "|".join(sorted((a.name, b.name)))


def _open_fronts(ctx: RunContext) -> None:
    standing = [b for _, b in sorted(ctx.world.bases.items()) if b.abandoned_day is None]
    for i, a in enumerate(standing):
        for b in standing[i + 1 :]:
            if a.body != b.body or not a.site or a.site != b.site:
                continue
            if ctx.rival_of(a.founder) != b.founder or _shared(a, b):
                continue
            key = _pair_key(a, b)
            if key in ctx.world.fronts:
                continue
            _open(ctx, key, a, b)


def _shared(a: Base, b: Base) -> bool:
    """True if either side belongs to the other's base (partners, not rivals, there)."""
    return a.founder in b.agencies or b.founder in a.agencies


def _open(ctx: RunContext, key: str, a: Base, b: Base) -> None:
    first, second = sorted((a, b), key=lambda x: (x.founded_day, x.name))
    pairs = sorted(((a.founder, a.name), (b.founder, b.name)))
    front = Front(
        key, a.site, (pairs[0][1], pairs[1][1]), (pairs[0][0], pairs[1][0]), ctx.now,
        stage_day=ctx.now,
    )  # fmt: skip
    ctx.world.fronts[key] = front
    ctx.world.rivalry = min(1.0, ctx.world.rivalry + ctx.mech.front.rivalry_jump_bases_near)
    ctx.emit(
        "front_opened",
        second.founder,
        f"{second.name} stands beside {first.name} at {a.site}: rival bases within sight of "
        "each other.",
        cause=f"{ctx.world.agencies[second.founder].name} built at the same site"
        + (" for its water ice" if _resource_known(ctx, a) else ""),
        bases=list(front.bases),
        site=a.site,
    )


def _resource_known(ctx: RunContext, base: Base) -> bool:
    body = SURFACE_BODIES[base.body]
    return bool(body.resource) and body.resource in ctx.world.discoveries


def _close_if_gone(ctx: RunContext, front: Front) -> bool:
    bases = [ctx.world.bases.get(name) for name in front.bases]
    gone = any(b is None or b.abandoned_day is not None for b in bases)
    if not gone and not _shared(bases[0], bases[1]):
        return False
    if front.seized_by:
        _release(ctx, front)
    front.stage, front.stage_day = "closed", ctx.now
    ctx.emit(
        "front_closed",
        None,
        f"The front at {front.site} between {front.bases[0]} and {front.bases[1]} is over.",
        cause="one base is gone" if gone else "the two sides now share a base",
        bases=list(front.bases),
    )
    return True


# --- disputes and seizures ----------------------------------------------------------------


def _resource_units(ctx: RunContext, base: Base) -> list:
    order = {k: i for i, k in enumerate(RESOURCE_MODULES)}
    units = [u for u in base.units if u.kind in order and u.works(ctx.now)]
    return sorted(units, key=lambda u: (order[u.kind], u.installed_day))


def _maybe_dispute(ctx: RunContext, front: Front, rng, days: float) -> None:
    world, mech = ctx.world, ctx.mech.front
    bases = [world.bases[n] for n in front.bases]
    if not _resource_known(ctx, bases[0]):
        return
    held = [len(_resource_units(ctx, b)) for b in bases]
    if not any(held):
        return
    chance = 1.0 - math.exp(-mech.dispute_per_year * world.rivalry * days / 365.25)
    if rng.random() >= chance:
        return
    front.disputes += 1
    world.rivalry = min(1.0, world.rivalry + mech.rivalry_jump_dispute)
    for base in bases:
        base.tension = min(1.0, base.tension + mech.dispute_tension)
    # the side with fewer resource modules claims the other's (ties: the later base)
    later = max(range(2), key=lambda i: (bases[i].founded_day, bases[i].name))
    claimant = min(range(2), key=lambda i: (held[i], i != later))
    side, victim = front.sides[claimant], front.sides[1 - claimant]
    ctx.emit(
        "lunar_dispute",
        side,
        f"{world.agencies[side].name} disputes the ice fields of {front.site} with "
        f"{world.agencies[victim].name}.",
        cause=f"resource modules {held[claimant]} against {held[1 - claimant]}; rivalry "
        f"{world.rivalry:.2f}",
        bases=list(front.bases),
    )
    if not held[1 - claimant]:
        return  # nothing of the other's to take: the quarrel stays words
    push = pressure(ctx, mech.seize_pressure_per_rivalry, side)
    if _ask(ctx, side, "seize", front.base_of(side), push):
        _seize(ctx, front, side, world.bases[front.base_of(victim)], push)
        return
    world.rivalry = max(ctx.mech.politics.rivalry_floor, world.rivalry - mech.rivalry_drop_settled)
    ctx.emit(
        "dispute_settled",
        side,
        f"The dispute at {front.site} is settled without force.",
        cause=f"{world.agencies[side].name} held back (pressure {push:.2f})",
        bases=list(front.bases),
    )


def _seize(ctx: RunContext, front: Front, side: str, target: Base, push: float) -> None:
    world, mech = ctx.world, ctx.mech.front
    unit = _resource_units(ctx, target)[0]
    unit.held_by = side
    unit.offline_until = ctx.end_day + 1.0  # held until the front releases it
    front.stage, front.stage_day = "seized", ctx.now
    front.seized_by, front.seized_module = side, unit.kind
    front.seizures += 1
    victim = front.other(side)
    world.rivalry = min(1.0, world.rivalry + mech.rivalry_jump_seizure)
    _support(ctx, victim, mech.support_rally_seizure)
    label = unit.kind.replace("_", " ") if unit.kind != "isru" else "oxygen plant"
    ctx.emit(
        "site_seized",
        side,
        f"{world.agencies[side].name} seizes the {label} of {target.name} at {front.site}.",
        cause=f"a dispute over the ice; pressure {push:.2f} at rivalry {world.rivalry:.2f}",
        base=target.name,
        module=unit.kind,
    )
    answer = pressure(ctx, mech.answer_pressure_per_rivalry, victim)
    if _ask(ctx, victim, "answer", target.name, answer):
        _standoff_begins(ctx, front, victim, answer)
        return
    world.agencies[victim].gain_prestige(mech.prestige_backdown, "backing down on the Moon")
    ctx.emit(
        "backed_down",
        victim,
        f"{world.agencies[victim].name} protests but does not answer by force; the {label} "
        f"at {target.name} stays in {world.agencies[side].name}'s hands.",
        cause=f"pressure {answer:.2f} to answer by force",
        base=target.name,
    )


def _support(ctx: RunContext, key: str, delta: float) -> None:
    agency = ctx.world.agencies[key]
    if agency.is_private:
        return
    politics = ctx.mech.politics
    agency.support = min(politics.support_max, max(politics.support_min, agency.support + delta))


# --- standoffs ----------------------------------------------------------------------------


def _standoff_begins(ctx: RunContext, front: Front, victim: str, push: float) -> None:
    world, mech = ctx.world, ctx.mech.front
    agency = world.agencies[victim]
    agency.militarisation = min(1.0, agency.militarisation + mech.militarisation_per_escalation)
    front.stage, front.stage_day = "standoff", ctx.now
    front.standoffs += 1
    world.rivalry = min(1.0, world.rivalry + mech.rivalry_jump_standoff)
    for key in front.sides:
        _support(ctx, key, mech.support_per_standoff)
    ctx.emit(
        "armed_standoff",
        victim,
        f"{agency.name} sends armed guards to {front.base_of(victim)}: an armed standoff "
        f"at {front.site}.",
        cause=f"answering the seizure by force (pressure {push:.2f}); militarisation "
        f"{militarisation_of(agency):.2f}",
        bases=list(front.bases),
    )


def _standoff(ctx: RunContext, front: Front, rng, days: float) -> None:
    world, mech = ctx.world, ctx.mech.front
    for key in front.sides:  # both garrisons cost money while the standoff lasts
        world.agencies[key].funds_musd -= mech.garrison_musd_per_year * days / 365.25
    armed = sum(militarisation_of(world.agencies[k]) for k in front.sides) / 2.0
    rate = mech.clash_per_year * world.rivalry * (1.0 + mech.militarisation_weight * armed)
    if rng.random() < 1.0 - math.exp(-rate * days / 365.25):
        _clash(ctx, front, rng)
    years = (ctx.now - front.stage_day) / 365.25
    wear = math.exp(-years / mech.standoff_patience_years)
    for key in front.sides:
        push = pressure(ctx, mech.hold_pressure_per_rivalry, key, wear)
        if not _ask(ctx, key, "hold", front.base_of(key), push):
            _deescalate(ctx, front, "joint_flight", key)
            return


def _clash(ctx: RunContext, front: Front, rng) -> None:
    world, mech = ctx.world, ctx.mech.front
    front.clashes += 1
    dead_total, wounded_total = 0, 0
    # crews on a mission's stay are left out: a mission's crew comes home, or is lost,
    # together (sim.flights, the facts table); the base's staff and long-stay crews are hit
    on_stay = {n for _, stay in sorted(ctx.stays.items()) for n in stay.crew}
    for name in front.bases:
        base = world.bases[name]
        dead, wounded = [], []
        for person in sorted(n for n in base.residents if n not in on_stay):
            if rng.random() < mech.clash_hit_chance:
                (dead if rng.random() < mech.clash_death_share else wounded).append(person)
        for person in wounded:
            world.people[person].health = min(
                world.people[person].health, ctx.mech.people.health_after_injury
            )
        if dead:
            record_deaths(ctx, base, dead, f"killed in an armed clash at {front.site}", False)
        dead_total += len(dead)
        wounded_total += len(wounded)
    front.deaths += dead_total
    front.wounded += wounded_total
    world.rivalry = min(1.0, world.rivalry + mech.rivalry_jump_clash)
    ctx.emit(
        "armed_clash",
        None,
        f"Shots are fired at {front.site}: {dead_total} dead and {wounded_total} wounded.",
        cause=f"an armed standoff at rivalry {world.rivalry:.2f}",
        bases=list(front.bases),
        dead=dead_total,
        wounded=wounded_total,
    )


def _release(ctx: RunContext, front: Front) -> None:
    for name in front.bases:
        base = ctx.world.bases.get(name)
        for unit in base.units if base else ():
            if unit.held_by == front.seized_by and unit.kind == front.seized_module:
                unit.held_by, unit.offline_until = "", ctx.now
                break
    front.seized_by = front.seized_module = ""


def _deescalate(ctx: RunContext, front: Front, how: str, backed_down: str) -> None:
    """End a seizure or standoff: by a joint flight (a side stands down) or a treaty."""
    world = ctx.world
    was = front.stage
    _release(ctx, front)
    front.stage, front.stage_day = "near", ctx.now
    front.deescalations += 1
    names = " and ".join(world.agencies[k].name for k in front.sides)
    if how == "joint_flight":
        politics = ctx.mech.politics
        world.rivalry = max(
            politics.rivalry_floor, world.rivalry - ctx.mech.front.deescalation_rivalry_drop
        )
        for key in front.sides:
            world.agencies[key].gain_prestige(ctx.mech.prestige.prestige_success, "de-escalations")
        text = (
            f"A joint flight: {names} crews shake hands in orbit, and the {was} at "
            f"{front.site} ends; what was seized is handed back."
        )
        cause = f"{world.agencies[backed_down].name} stood down first"
    else:
        text = f"The space treaty ends the {was} at {front.site}; what was seized is handed back."
        cause = f"treaty of {world.treaty_year}"
    ctx.emit(
        "deescalation",
        backed_down or None,
        text,
        cause=cause,
        bases=list(front.bases),
        how=how,
        stage=was,
    )
