"""Incidents at a tense base: strikes, work stoppages, sabotage, seizures, defection, riots.

Above ``incident_threshold`` a base draws incidents (``world.tension.incident_chance``);
which one depends on who lives there and how tense it is: a strike needs a company's
workers in a union (``sim.base_society``), a defection people of both superpowers, a riot
tension at ``riot_threshold`` or above. Each is an ``incident`` event with its consequences
for production and politics, and adds to the base's memory of incidents (which raises
tension again).
"""

from __future__ import annotations

import math

from spacerace.catalog.base_modules import load_module_specs
from spacerace.sim.base_society import appoint_commander, riot, settle_strike
from spacerace.sim.context import RunContext
from spacerace.world.base import Base
from spacerace.world.event import Breakdown
from spacerace.world.tension import incident_chance, tension_target, tension_terms
from spacerace.world.wording import count_verb, join_names

__all__ = ["INCIDENTS", "draw_incident", "end_incidents"]

INCIDENTS = ("strike", "work_stoppage", "sabotage", "seizure", "defection", "riot")
"""Kinds of incident, in the order they are drawn (weights: ``mech.tension.incident_weight_*``)."""


def end_incidents(ctx: RunContext, base: Base) -> None:
    """Give back modules whose strike or seizure is over."""
    for unit in base.units:
        if unit.held_by and ctx.now >= unit.offline_until:
            ctx.emit(
                "incident_over",
                unit.held_by,
                f"The {unit.kind.replace('_', ' ')} at {base.name} is handed back.",
                cause="the seizure ended by negotiation",
                base=base.name,
                module=unit.kind,
            )
            unit.held_by = ""
            base.tension = max(0.0, base.tension - ctx.mech.tension.incident_release)


def _groups(ctx: RunContext, base: Base) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {}
    for name in base.residents:
        groups.setdefault(ctx.world.people[name].agency, []).append(name)
    return dict(sorted(groups.items()))


def _possible(ctx: RunContext, base: Base, groups) -> dict[str, float]:
    agencies = ctx.world.agencies
    private = [k for k in groups if agencies[k].is_private and k in base.unions]
    sides = {agencies[k].country for k in groups if agencies[k].profile.superpower}
    working = [u for u in base.units if u.works(ctx.now)]
    w = ctx.mech.tension
    weights = {
        "strike": w.incident_weight_strike,
        "work_stoppage": w.incident_weight_work_stoppage,
        "sabotage": w.incident_weight_sabotage,
        "seizure": w.incident_weight_seizure,
        "defection": w.incident_weight_defection,
        "riot": ctx.mech.society.incident_weight_riot,
    }
    if not private or not any(u.operator in private for u in working):
        weights.pop("strike")
    if len(sides) < 2:  # a defection needs people of both sides
        weights.pop("defection")
    if not working:
        weights.pop("sabotage")
        weights.pop("seizure")
    if base.tension < ctx.mech.society.riot_threshold:
        weights.pop("riot")
    return weights


def draw_incident(ctx: RunContext, base: Base, rng, days: float) -> str:
    """Draw at most one incident in a step of ``days``; returns its kind ("" if none)."""
    if rng.random() >= incident_chance(base.tension, days, ctx.mech):
        return ""
    groups = _groups(ctx, base)
    weights = _possible(ctx, base, groups)
    kinds = [k for k in INCIDENTS if k in weights]
    p = [weights[k] for k in kinds]
    kind = kinds[int(rng.choice(len(kinds), p=[w / sum(p) for w in p]))]
    angriest = min(groups, key=lambda k: (base.morale.get(k, 1.0), k))
    _APPLY[kind](ctx, base, rng, angriest, groups)
    base.incident_memory += 1.0
    return kind


def tension_breakdown(ctx: RunContext, base: Base) -> Breakdown | None:
    """A base's tension now: its target's terms, the clip to 0..1, and how far it lags.

    Tension moves toward its target at ``tension_relax_per_year`` (``world.tension.relax``),
    and disputes and incidents jolt it, so the last term is what it has not caught up yet.
    """
    if base.drivers is None:
        return None
    terms = tension_terms(base.drivers, ctx.mech)
    raw = sum(x for _, x in terms)
    target = tension_target(base.drivers, ctx.mech)
    if target != raw:
        terms.append(("clipped to 0..1", target - raw))
    rate = ctx.mech.tension.tension_relax_per_year
    terms.append(
        (
            f"not yet at its target {target:.2f} (relaxes toward it at {rate:g}/year)",
            base.tension - target,
        )
    )
    return Breakdown(
        "tension",
        f"tension at {base.name}, 0..1",
        tuple((label, round(x, 6)) for label, x in terms),
    )


def _emit(ctx, base, kind, agency, text, cause, **data):
    ctx.emit(
        "incident",
        agency,
        text,
        cause=f"{cause}; tension {base.tension:.2f}",
        base=base.name,
        incident=kind,
        tension=round(base.tension, 3),
        breakdown=tension_breakdown(ctx, base),
        **data,
    )


def _strike(ctx, base, rng, angriest, groups):
    agencies = ctx.world.agencies
    company = next(k for k in groups if agencies[k].is_private and k in base.unions)
    full = ctx.mech.tension.incident_days
    stopped = [u for u in base.units if u.operator == company and u.works(ctx.now)]
    agency = agencies[company]
    _emit(
        ctx,
        base,
        "strike",
        company,
        f"{agency.name} workers strike at {base.name}: the "
        f"{join_names(sorted({_label(u.kind) for u in stopped}))} "
        f"{count_verb(len({u.kind for u in stopped}), 'stands', 'stand')} still.",
        "the union's grievances: pay and hours",
        days=full,
    )
    settled = settle_strike(ctx, base, company, len(groups[company]), full)
    days = full / 3.0 if settled else full
    for unit in stopped:
        unit.offline_until = max(unit.offline_until, ctx.now + days)
    agency.capital_musd -= agency.revenue_musd * days / 365.25


def _label(kind: str) -> str:
    """What a module is called ("oxygen plant" for ``isru``: ``catalog.base_modules``)."""
    return load_module_specs()[kind].name


def _work_stoppage(ctx, base, rng, angriest, groups):
    base.work_factor = 0.5
    base.work_factor_until = ctx.now + ctx.mech.tension.incident_days / 3.0
    name = ctx.world.agencies[angriest].name
    _emit(
        ctx,
        base,
        "work_stoppage",
        angriest,
        f"{name} staff stop work at {base.name}; production halves for two weeks.",
        "workload and grievances",
    )


def _sabotage(ctx, base, rng, angriest, groups):
    working = [u for u in base.units if u.works(ctx.now)]
    unit = working[int(rng.integers(len(working)))]
    unit.offline_until = math.inf
    _emit(
        ctx,
        base,
        "sabotage",
        angriest,
        f"Sabotage at {base.name}: the {unit.kind.replace('_', ' ')} is disabled.",
        "a saboteur among the residents; repaired with spare parts",
        module=unit.kind,
    )


def _seizure(ctx, base, rng, angriest, groups):
    producing = [u for u in base.units if u.works(ctx.now) and u.kind != "habitat"]
    unit = (producing or [u for u in base.units if u.works(ctx.now)])[0]
    unit.held_by = angriest
    unit.offline_until = ctx.now + ctx.mech.tension.incident_days
    name = ctx.world.agencies[angriest].name
    if base.is_international and ctx.world.agencies[angriest].profile.superpower:
        ctx.world.rivalry = min(
            1.0, ctx.world.rivalry + ctx.mech.tension.defection_rivalry_jump / 2
        )
    _emit(
        ctx,
        base,
        "seizure",
        angriest,
        f"{name} residents seize the {unit.kind.replace('_', ' ')} at {base.name}.",
        "a faction's grievances",
        module=unit.kind,
    )


def _defection(ctx, base, rng, angriest, groups):
    agencies = ctx.world.agencies
    powers = [k for k in groups if agencies[k].profile.superpower]
    # the angriest group's side; for a third party's grievance, the side of the last
    # superpower agency by key (an invented tie-break)
    side = agencies[angriest if angriest in powers else powers[-1]].country
    source = next(k for k in powers if agencies[k].country == side)
    target = next(k for k in powers if agencies[k].country != side)
    name = groups[source][int(rng.integers(len(groups[source])))]
    person = ctx.world.people[name]
    person.agency = target
    ctx.forget_people_index()  # people changed agency: rebuild the index
    ctx.world.rivalry = min(1.0, ctx.world.rivalry + ctx.mech.tension.defection_rivalry_jump)
    agencies[target].gain_prestige(1.0, "defections at bases")
    agencies[source].gain_prestige(-1.0, "defections at bases")
    _emit(
        ctx,
        base,
        "defection",
        source,
        f"{name} defects from {agencies[source].name} to {agencies[target].name} at {base.name}.",
        "rivalry between the superpowers' people",
        actors=(name,),
        to=target,
    )


def _riot(ctx, base, rng, angriest, groups):
    commander = base.commander
    wrecked, hurt = riot(ctx, base, rng)
    _emit(
        ctx,
        base,
        "riot",
        base.lead,
        f"A riot at {base.name}: "
        + (f"the {_label(wrecked)} is wrecked, " if wrecked else "")
        + f"{hurt} hurt; production halves for two weeks.",
        "tempers past breaking point" + (f"; commander {commander} relieved" if commander else ""),
        hurt=hurt,
        module=wrecked,
    )
    appoint_commander(ctx, base, replace=True)


_APPLY = {
    "strike": _strike,
    "work_stoppage": _work_stoppage,
    "sabotage": _sabotage,
    "seizure": _seizure,
    "defection": _defection,
    "riot": _riot,
}
