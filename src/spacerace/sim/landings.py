"""Arrivals: the firsts a mission earns, and what its landing does to the bases.

When a mission arrives (touchdown, capture, orbit), the firsts its kind's row earns are
recorded (a secret agency's are recorded as secret and not announced; the first public
achievement after a secret one is the official first, ``World.public_firsts``), and its
crew may find another agency's secret first there (``sim.secrets``); a landing at a site
serves the agency's base there, joins another agency's base (a company always may; a state
when rivalry is below the treaty threshold, where the body allows it), or counts toward
founding a base, named from the agency's profile or the scenario.
"""

from __future__ import annotations

from spacerace.sim.bases import arrive, bring_supplies, found_base
from spacerace.sim.context import RunContext
from spacerace.sim.lunar_front import site_for
from spacerace.sim.politics import react_to_first
from spacerace.sim.secrets import reveal_on_arrival
from spacerace.world.base import Base, ModuleUnit
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import MISSION_KINDS, SURFACE_BODIES
from spacerace.world.wording import (
    also_phrase,
    capital,
    crew_phrase,
    first_phrase,
    milestone_label,
    plural,
    subject,
)

__all__ = ["arrive_at_destination", "base_name_for", "record_first", "stay_days"]


def stay_days(ctx: RunContext, mission: Mission) -> float:
    """Days on the surface: a crew living at a base after a tour landing serves a tour."""
    kind = MISSION_KINDS[mission.kind]
    if kind.serves_tour and ctx.world.home_of(mission.crew[0] if mission.crew else ""):
        return max(mission.plan.surface_days, ctx.mech.missions.base_rotation_interval_days)
    return mission.plan.surface_days


def arrive_at_destination(ctx: RunContext, mission: Mission, scripted: bool) -> None:
    """At touchdown (or capture, or orbit): the firsts, and bases."""
    kind = MISSION_KINDS[mission.kind]
    for milestone in _milestones_of(ctx, mission):
        record_first(ctx, mission, milestone, scripted)
    reveal_on_arrival(ctx, mission)  # a crew may find another's secret first here
    if kind.at_site:
        _land_at_site(ctx, mission, scripted)


def _milestones_of(ctx: RunContext, mission: Mission) -> list[str]:
    kind = MISSION_KINDS[mission.kind]
    earned = list(kind.milestones)
    if kind.woman_milestone and any(ctx.world.people[n].sex == "female" for n in mission.crew):
        earned.append(kind.woman_milestone)
    return earned


def _named(ctx: RunContext, mission: Mission, milestone: str) -> tuple[str, ...]:
    """Who a first is about when not the whole crew: the women of a woman's first."""
    if milestone != MISSION_KINDS[mission.kind].woman_milestone:
        return ()
    return tuple(n for n in mission.crew if ctx.world.people[n].sex == "female")


def record_first(ctx: RunContext, mission: Mission, milestone: str, scripted: bool) -> None:
    """Record a milestone the mission achieved: a first (told, unless secret) or not."""
    agency = ctx.world.agencies[mission.agency]
    secret = not agency.profile.public_firsts
    announced_before = milestone in ctx.world.public_firsts
    named = _named(ctx, mission, milestone)
    first = ctx.achieve(mission.agency, milestone, named or mission.crew, secret=secret)
    who = crew_phrase(mission.crew, named)
    if first is None and not announced_before and milestone in ctx.world.public_firsts:
        _record_official_first(ctx, mission, milestone, scripted)
        return
    if first is not None:
        mission.firsts.append(milestone)
        ctx.emit(
            "milestone",
            mission.agency,
            f"{capital(subject(agency.name))} {first_phrase(milestone)}"
            + (f": {who}" if who else "")
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
        agency.announced.add(milestone)  # its own first is never repeated as an "also"
    elif milestone not in agency.announced:
        agency.announced.add(milestone)
        before = ctx.world.milestones[milestone].agency
        after = subject(ctx.world.agencies[before].name) if before != mission.agency else ""
        ctx.emit(
            "milestone",
            mission.agency,
            f"{capital(subject(agency.name))} also {also_phrase(milestone)}"
            + (f" ({who})" if who else "")
            + (f", after {after}" if after else "")
            + (", in secret." if secret else "."),
            cause=f"{mission.name}",
            actors=mission.crew,
            milestone=milestone,
            first=False,
        )


def _record_official_first(ctx: RunContext, mission: Mission, milestone: str, scripted: bool):
    """The first the world is told of, after a secret one: the official first.

    It is not a first of the facts table (``Mission.firsts`` holds true firsts only), but
    the world reacts to it as to a first (support, rivalry, prestige), for the world
    does not know better; its event says so (``data.official``).
    """
    agency = ctx.world.agencies[mission.agency]
    agency.announced.add(milestone)
    named = _named(ctx, mission, milestone)
    ctx.emit(
        "milestone",
        mission.agency,
        f"{capital(milestone_label(milestone))}, as the world knows it: {agency.name}"
        + (f" ({crew_phrase(mission.crew, named)})" if mission.crew else "")
        + ".",
        cause=f"{mission.name}: the true first was kept secret",
        actors=mission.crew,
        milestone=milestone,
        first=False,
        official=True,
        scripted=scripted,
    )
    react_to_first(ctx, mission.agency, milestone)


def base_name_for(ctx: RunContext, key: str, body: str) -> str:
    """The name of agency ``key``'s first base on ``body``.

    Its profile's name, else the scenario's for any agency, else "<agency> <Body> Base"
    (also when the name is taken), numbered from 2 when that is taken too.
    """
    agency = ctx.world.agencies[key]
    fallback = f"{agency.name} {body.title()} Base"
    named = dict(agency.profile.base_names).get(body) or dict(ctx.ref.base_names).get(body)
    for name in (named or fallback, fallback):
        if name not in ctx.world.bases:
            return name
    n = 2
    while f"{fallback} {n}" in ctx.world.bases:
        n += 1
    return f"{fallback} {n}"


def _land_at_site(ctx: RunContext, mission: Mission, scripted: bool) -> None:
    kind = MISSION_KINDS[mission.kind]
    body = SURFACE_BODIES[kind.body]
    agency = ctx.world.agencies[mission.agency]
    own = ctx.bases_of(mission.agency, body.key)
    if own:
        base = own[0]
        mission.base = base.name
        if kind.adds_module:  # the mission lands one more module
            base.units.append(ModuleUnit(kind.adds_module, ctx.now, mission.agency))
        _crew_moves_in(ctx, base, mission)
        return
    if body.joined_by_later_arrivals or agency.is_private:
        joined = _join_existing(ctx, mission, body.key)
        if joined:
            return
    sites = agency.landing_sites.setdefault(body.key, [])
    sites.append(mission.id)
    if not kind.founds_base:
        return
    if len(sites) < getattr(ctx.mech.missions, body.min_landings):
        return
    name = base_name_for(ctx, mission.agency, body.key)
    site = site_for(ctx, mission.agency, body)
    base = Base(name, body.key, mission.agency, [mission.agency], ctx.now, site=site)
    mission.base = name
    found_base(ctx, base, mission.crew)
    ctx.emit(
        "base_founded",
        mission.agency,
        f"{agency.name} founds {name} on {body.label}" + (f", at {site}." if site else "."),
        cause=f"{plural(len(sites), 'landing')} at one site",
        base=name,
        body=body.key,
        site=site,
        scripted=scripted,
    )
    record_first(ctx, mission, body.milestone, scripted)


def _crew_moves_in(ctx: RunContext, base: Base, mission: Mission) -> None:
    arrive(ctx, base, mission.crew, None)
    bring_supplies(ctx, base, len(mission.crew), stay_days(ctx, mission))


def _join_existing(ctx: RunContext, mission: Mission, body: str) -> bool:
    """When rivalry is low, a later arrival joins an existing base ("foes into partners")."""
    if (
        ctx.world.rivalry >= ctx.mech.politics.treaty_rivalry_threshold
        and not ctx.world.agencies[mission.agency].is_private
    ):
        return False
    for _, base in sorted(ctx.world.bases.items()):
        if (
            base.body == body
            and mission.agency not in base.agencies
            and base.abandoned_day is None
            and not _has_another_contractor(ctx, base, mission.agency)
        ):
            base.agencies.append(mission.agency)
            if base.alliance is not None and ctx.world.agencies[mission.agency].is_private:
                base.alliance.contractor = mission.agency
            mission.base = base.name
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
            return True
    return False


def _has_another_contractor(ctx: RunContext, base: Base, key: str) -> bool:
    """True if ``key`` is a company and the base's alliance has another sole contractor."""
    alliance = base.alliance
    if alliance is None or not ctx.world.agencies[key].is_private:
        return False
    return alliance.contractor not in ("", key)
