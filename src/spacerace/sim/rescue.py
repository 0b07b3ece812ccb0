"""Rescue: a crew in trouble far from home saved by another agency's people nearby.

When a crewed mission fails at its destination (landing or after) in a way that would kill
its crew, another
agency with people at the same body — residents of a base there, or a crew of its own
that has arrived — may save them: with ``rescue_chance`` the crew survives, taken in by
the rescuer (the series' Mars-94, failed on landing in 1995 and rescued by the crews of
Phoenix and Sojourner 1). A rescue between rivals cools the rivalry by
``rivalry_drop_rescue``. Both are mechanics of the ``missions`` group.
"""

from __future__ import annotations

from spacerace.sim.context import RunContext
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import MISSION_KINDS

__all__ = ["at_the_body", "rescuer_for", "try_rescue"]


def rescuer_for(ctx: RunContext, mission: Mission) -> str:
    """Key of another agency with people at the mission's body now ("" if none).

    Base residents first (by base name), then crews of other agencies' missions that have
    arrived there and are not home (by mission id).
    """
    body = MISSION_KINDS[mission.kind].body
    if body in ("earth", "asteroid"):
        return ""
    for _, base in sorted(ctx.world.bases.items()):
        if base.body != body or base.abandoned_day is not None or not base.residents:
            continue
        for name in sorted(base.residents):
            person = ctx.world.people.get(name)
            if person is not None and person.agency != mission.agency:
                return person.agency
    arriving = {p.name for p in MISSION_KINDS[mission.kind].phases if p.arrives}
    for other in sorted(ctx.world.missions, key=lambda m: m.id):
        if other.agency == mission.agency or not other.pending or not other.crew:
            continue
        if MISSION_KINDS[other.kind].body == body and arriving & set(other.phases_done):
            return other.agency
    return ""


def at_the_body(kind: str, phase: str) -> bool:
    """True if a phase of a kind happens at its destination: its arrival or after it.

    Example:
        >>> at_the_body("mars_landing", "landing"), at_the_body("mars_landing", "transfer")
        (True, False)
    """
    names = [p.name for p in MISSION_KINDS[kind].phases]
    arrival = next((i for i, p in enumerate(MISSION_KINDS[kind].phases) if p.arrives), None)
    return arrival is not None and phase in names and names.index(phase) >= arrival


def try_rescue(ctx: RunContext, mission: Mission, phase: str, rng) -> bool:
    """True if another agency's people nearby save the crew of a failed mission.

    Only a failure at the destination (its arrival phase or later) can be helped: a crew
    lost at launch or on the way is beyond anyone's reach.
    """
    if not at_the_body(mission.kind, phase):
        return False
    rescuer = rescuer_for(ctx, mission)
    if not rescuer or rng.random() >= ctx.mech.missions.rescue_chance:
        return False
    politics = ctx.mech.politics
    rivals = rescuer == ctx.rival_of(mission.agency)
    if rivals:
        ctx.world.rivalry = max(
            politics.rivalry_floor, ctx.world.rivalry - ctx.mech.missions.rivalry_drop_rescue
        )
    who = ctx.world.agencies[rescuer].name
    ctx.emit(
        "rescue",
        mission.agency,
        f"{who} rescues the crew of {mission.name} after its {phase} fails: "
        f"{', '.join(mission.crew)}.",
        cause=f"{who} had people at hand (rescue chance {ctx.mech.missions.rescue_chance:.0%})"
        + ("; rivals helping each other cool the rivalry" if rivals else ""),
        actors=mission.crew,
        rescuer=rescuer,
        phase=phase,
    )
    return True
