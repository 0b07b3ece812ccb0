"""Built-in policies: a state agency chasing firsts, a company chasing returns.

Both are deterministic given the view and the ``rng`` they are handed.
"""

from __future__ import annotations

import numpy as np

from spacerace.catalog.programs import INFRASTRUCTURE
from spacerace.policy.base import AgencyView, MissionOption, ProgramOption
from spacerace.world.mechanics import PolicyMechanics
from spacerace.world.mission_kinds import MISSION_KINDS

__all__ = ["INFRASTRUCTURE_ORDER", "PrivatePolicy", "StatePolicy", "policy_for"]

INFRASTRUCTURE_ORDER = {purpose: i for i, purpose in enumerate(INFRASTRUCTURE)}
"""Which infrastructure a state funds first: a station to fly to, then cheaper transport,
then heavy cargo for its bases, then a shuttle to crew them (``catalog.programs``)."""


class StatePolicy:
    """A state program: the next unmet goal first, then upkeep of what it has built.

    * Funding, while its race is on (``AgencyView.racing``): programs serving the first
      ``focus_goals`` goals still pursued, in goal order, then infrastructure (stations,
      transport). After its race: what it started of its infrastructure, then goals a
      rival is racing it to (``ProgramOption.contested``), then new infrastructure,
      stations before transport (a station counts as infrastructure even where it serves
      the station goal); a goal no rival contests gets no new money (after Apollo
      the lunar bases and Mars ships of the 1969 plans found no Congress to fund them,
      while Skylab and the Shuttle did).
    * Missions: a mission that achieves a first; else one that advances a goal; else base
      rotations and station crews; else an Earth-orbit flight to keep crews flying.
    * Crews: the most skilled available.
    * Goals: a goal the rival already achieved is given up when the odds of one's own
      attempt are below ``give_up_odds`` (the Soviet N1-L3 program after Apollo 11).
    * Crises on the Moon: escalates with the chance the engine's pressure gives.
    * Alliances: joins one when it can pay its share of an order (``supply_base``'s rule).
    * Strikes (a company's question; a state would answer the same): settles when the
      strike would cost more revenue than a year of the raise.

    Its numbers (``give_up_odds``, ``min_crewed_odds``, ``focus_goals``,
    ``supply_overdraft_share``) are the ``policy`` group of the mechanics.

    Args:
        mech: The policy mechanics (default: the engine's defaults).
    """

    def __init__(self, mech: PolicyMechanics | None = None):
        self.mech = mech or PolicyMechanics()

    def fund(self, view: AgencyView, options: list[ProgramOption], rng: np.random.Generator):
        """Return program keys by priority (see the class docstring)."""
        rank = {g: i for i, g in enumerate(view.goals)}

        def by_goal(o: ProgramOption):
            return (rank.get(o.serves_goal, len(rank)), not o.in_progress, o.remaining_musd, o.key)

        def by_purpose(o: ProgramOption):
            order = INFRASTRUCTURE_ORDER.get(o.purpose, len(INFRASTRUCTURE_ORDER))
            return (not o.in_progress, order, o.remaining_musd, o.key)

        if view.racing:
            served = sorted({o.serves_goal for o in options if o.serves_goal}, key=rank.get)
            focus = set(served[: int(self.mech.focus_goals)])
            goals = sorted((o for o in options if o.serves_goal in focus), key=by_goal)
            rest = sorted((o for o in options if not o.serves_goal), key=by_purpose)
            return [o.key for o in goals + rest]
        built = [o for o in options if o.purpose in INFRASTRUCTURE_ORDER]
        infrastructure = sorted(built, key=by_purpose)
        races = sorted(
            (o for o in options if o.serves_goal and o.contested and o not in built), key=by_goal
        )
        started = [o for o in infrastructure if o.in_progress]
        new = [o for o in infrastructure if not o.in_progress]
        return [o.key for o in started + races + new]

    def next_mission(self, view: AgencyView, options: list[MissionOption], rng):
        """Return the option that best serves the goals, or an upkeep flight."""
        if not options:
            return None
        rank = {g: i for i, g in enumerate(view.goals)}
        floor = self.mech.min_crewed_odds
        options = [o for o in options if o.kind == "asteroid_capture" or o.success_odds >= floor]
        goal_options = [o for o in options if o.serves_goal]
        if goal_options:
            return min(
                goal_options, key=lambda o: (rank.get(o.serves_goal, 99), -o.success_odds, o.kind)
            )
        # upkeep in the order of the kinds' rows: base rotations, station crews, Earth orbit
        upkeep = [o for o in options if MISSION_KINDS[o.kind].is_upkeep]
        if not upkeep:
            return None
        first = min(MISSION_KINDS[o.kind].upkeep_rank for o in upkeep)
        upkeep = [o for o in upkeep if MISSION_KINDS[o.kind].upkeep_rank == first]
        return max(upkeep, key=lambda o: (o.success_odds, -o.cost_musd, o.vehicle))

    def pick_crew(self, view, kind, candidates, size, rng):
        """Return the first ``size`` candidates (the engine offers them commander first)."""
        return list(candidates[:size])

    def keep_goal(self, view, goal, odds, rng):
        """Keep a goal unless the rival has it and one's own odds are poor."""
        return goal not in view.rival_ahead or odds >= self.mech.give_up_odds

    def supply_base(self, view, base, cost_musd, rng):
        """Pay for a base's consumables while the money (with the overdraft) allows."""
        share = self.mech.supply_overdraft_share
        return cost_musd <= view.funds_musd + share * view.budget_musd

    def evacuate_base(self, view, base, reserve_days, rng):
        """Always bring the people home before the reserves run out."""
        return True

    def sell_launches(self, view, vehicles, rng):
        """A state is not asked (only a company sells launches); it would not sell."""
        return False

    def join_alliance(self, view, base, share, cost_musd, rng):
        """Join when its share of an order is within its money (with the overdraft).

        Sharing a base costs a share of one base instead of all of one's own; what can stop
        a state is that it cannot pay even the share (the supply_base rule).
        """
        return self.supply_base(view, base, cost_musd, rng)

    def settle_strike(self, view, base, raise_musd, lost_musd, rng):
        """Settle when the strike would cost more than a year of the raise."""
        return lost_musd >= raise_musd

    def escalate(self, view, stage, base, pressure, rng):
        """Escalate with the chance the situation's pressure gives (one draw of ``rng``).

        A state weighs a crisis as its rivalry, its neighbours and its arms push it: the
        engine's ``pressure`` (``sim.lunar_front``) is that chance; nothing else is known
        of how a Politburo or a White House would choose on the Moon.
        """
        return bool(rng.random() < pressure)


class PrivatePolicy(StatePolicy):
    """A company chasing returns: its goals when its books allow, flights that pay.

    * Funding: programs toward its goals in goal order (a line bought from an agency of
      its country is one of them, at its price), then its orbital hotel (a station), then
      its own launcher; what it can start is limited by its budget, a share of its
      capital (``sim.company``).
    * Missions: a mission that serves a goal (no crew at worse than ``min_crewed_odds``;
      the engine offers only what its capital covers with a reserve); else a flight to its
      hotel whose guests' fares cover its cost; else nothing: no flight that earns nothing
      (Earth orbit for practice, crews to bases where the command's people do the work).
    * Launches: it sells launches of its own vehicles whenever asked.
    """

    def fund(self, view: AgencyView, options: list[ProgramOption], rng: np.random.Generator):
        """Return program keys: goals first, then the hotel, then its own transport."""
        rank = {g: i for i, g in enumerate(view.goals)}
        order = {"station": 0, "transport": 1}

        def priority(o: ProgramOption):
            goal = rank.get(o.serves_goal, len(rank))
            return (not o.in_progress, goal, order.get(o.purpose, 2), o.remaining_musd, o.key)

        return [o.key for o in sorted(options, key=priority)]

    def next_mission(self, view, options, rng):
        """A goal mission, else a paying hotel flight, else none."""
        floor = self.mech.min_crewed_odds
        safe = [o for o in options if o.kind == "asteroid_capture" or o.success_odds >= floor]
        rank = {g: i for i, g in enumerate(view.goals)}
        goal_options = [o for o in safe if o.serves_goal]
        if goal_options:
            return min(
                goal_options, key=lambda o: (rank.get(o.serves_goal, 99), -o.success_odds, o.kind)
            )
        paying = [
            o
            for o in safe
            if MISSION_KINDS[o.kind].carries_guests and view.guest_fares_musd >= o.cost_musd
        ]
        if paying:
            return max(paying, key=lambda o: (view.guest_fares_musd - o.cost_musd, o.vehicle))
        return None

    def sell_launches(self, view, vehicles, rng):
        """Sell launches whenever asked: a launcher earns between its own flights."""
        return True


def policy_for(kind: str, name: str = "auto", mech: PolicyMechanics | None = None):
    """Return the built-in policy for an agency kind (``name`` "auto", "state", "private")."""
    if name == "private" or (name == "auto" and kind == "private"):
        return PrivatePolicy(mech)
    return StatePolicy(mech)
