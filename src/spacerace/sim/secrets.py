"""Secret firsts: recorded as the true first, kept from the world, revealed later.

A first achieved by an agency whose profile keeps its firsts secret (``public_firsts =
false``, the ``secret`` funding profile's default) is recorded in ``World.milestones`` with
``Milestone.secret`` but not announced; the first public achievement of the same milestone
is the official first (``World.public_firsts``, ``sim.landings``). A secret first becomes
known (event ``first_revealed``, ``Milestone.revealed_day``):

* when another agency's crew arrives at the body where it was achieved: its lander or its
  crew is found, with chance ``reveal_on_arrival`` per arrival (the series' North Korean
  lander, taken for a probe, is found by the crews who land the next year);
* otherwise in any year, with chance ``reveal_per_year``, each 1 January: the regime
  announces it, or a defector or an intelligence service tells.

The official first stays official (the series' Danielle Poole is still "the first human on
Mars" after Lee Jung-gil is found); the reveal gives its agency the prestige of a first.
"""

from __future__ import annotations

from dataclasses import replace

from spacerace.sim.context import RunContext
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import MISSION_KINDS

__all__ = ["reveal_first", "reveal_on_arrival", "reveal_process", "secret_body"]


def secret_body(ctx: RunContext, milestone: str) -> str:
    """The body where a first was achieved: that of the mission that earned it ("" if none)."""
    for mission in ctx.world.missions:
        if milestone in mission.firsts:
            return MISSION_KINDS[mission.kind].body
    return ""


def _hidden(ctx: RunContext) -> list[str]:
    """Keys of the firsts still secret, sorted."""
    return sorted(k for k, m in ctx.world.milestones.items() if not m.is_known)


def reveal_first(ctx: RunContext, milestone: str, how: str, cause: str) -> None:
    """Make a secret first known now (``how``: ``"found"`` or ``"announced"``)."""
    first = ctx.world.milestones[milestone]
    ctx.world.milestones[milestone] = replace(first, revealed_day=ctx.now)
    agency = ctx.world.agencies[first.agency]
    agency.gain_prestige(ctx.mech.prestige.prestige_first, "secret firsts revealed")
    official = ctx.world.public_firsts.get(milestone)
    who = f" ({', '.join(first.people)})" if first.people else ""
    ctx.emit(
        "first_revealed",
        first.agency,
        f"The world learns that {agency.name}{who} achieved the first "
        f"{milestone.replace('_', ' ')} in secret"
        + (f", before {ctx.world.agencies[official.agency].name}" if official else "")
        + ".",
        cause=cause,
        actors=first.people,
        milestone=milestone,
        how=how,
        achieved_day=round(first.day, 6),
        official_agency=official.agency if official else "",
    )


def reveal_on_arrival(ctx: RunContext, mission: Mission) -> None:
    """Another agency's crew arrives: it may find a secret first achieved on its body."""
    if not mission.crew:
        return
    body = MISSION_KINDS[mission.kind].body
    rng = ctx.rng("secrets")
    for milestone in _hidden(ctx):
        first = ctx.world.milestones[milestone]
        if first.agency == mission.agency or secret_body(ctx, milestone) != body:
            continue
        chance = ctx.mech.politics.reveal_on_arrival
        if rng.random() < chance:
            agency = ctx.world.agencies[mission.agency]
            reveal_first(
                ctx,
                milestone,
                "found",
                f"{agency.name}'s crew of {mission.name} finds it (chance {chance:.0%} an "
                "arrival on its body)",
            )


def reveal_process(ctx: RunContext):
    """Each 1 January, a secret first may be made known (``reveal_per_year``)."""
    rng = ctx.rng("secrets-yearly")
    while True:
        yield ctx.env.timeout(ctx.cal.day_of(ctx.year + 1, 1, 1) - ctx.now)
        chance = ctx.mech.politics.reveal_per_year
        for milestone in _hidden(ctx):
            if rng.random() < chance:
                reveal_first(
                    ctx, milestone, "announced", f"made known after it (chance {chance:.0%} a year)"
                )
