"""An agency's mission decisions: review its goals, pick a mission, commit crew and money.

Every two months or so (``decision_after_commit_days`` after a commitment; when nothing
can fly, ``idle_review_days`` or the day its next upkeep flight falls due, if sooner:
``sim.mission_options.next_upkeep_due_day``) an agency's policy is asked, through the
decision point, whether to keep goals a rival reached first and which of the options
(``sim.mission_options``) to fly; the chosen mission is committed (its crew picked, its
cost paid, its departure set, delayed by political approval where its kind is not bound to
a window) and flown (``sim.flights``). Several missions may be in preparation at once; a
goal already served by a mission on its way is not offered again until that one ends.
Its name comes from its agency's naming scheme (``mission_name``; rows in
``catalog.mission_names``).
"""

from __future__ import annotations

from dataclasses import replace

from spacerace.policy.base import MissionOption
from spacerace.sim.company import pay, spendable_musd
from spacerace.sim.context import RunContext
from spacerace.sim.flights import flight_process
from spacerace.sim.lunar_front import is_claimed
from spacerace.sim.mission_options import (
    asteroid_destination,
    best_odds,
    flight_set_of,
    mission_options,
    next_upkeep_due_day,
)
from spacerace.sim.production import take
from spacerace.sim.soviet_politics import in_force, politburo_verdict
from spacerace.world.crew import crew_order
from spacerace.world.mission import Mission
from spacerace.world.mission_kinds import GOALS, MISSION_KINDS

__all__ = ["commit_mission", "decide_process", "mission_name", "review_goals"]


def decide_process(ctx: RunContext, key: str):
    """One agency's mission decisions while it exists."""
    agency = ctx.world.agencies[key]
    policy = ctx.policies[key]
    while agency.trades:
        if agency.founded_year > ctx.year:
            yield ctx.env.timeout(ctx.cal.day_of(agency.founded_year, 1, 1) - ctx.now)
            continue
        review_goals(ctx, key)
        # nothing below changes the world until the crew is picked, so the pool and the
        # view serve the options, the choice and the crew alike
        pool = ctx.crew_pool(key)
        money = spendable_musd(ctx, key)  # a company may spend its capital on a mission
        options = mission_options(ctx, key, pool, max_cost_musd=money)
        apparatus = in_force(ctx, key)
        if apparatus is not None:  # what the Politburo refused or sent back is not proposed
            options = [o for o in options if not apparatus.refuses(o.serves_goal, ctx.now)]
        if not options:  # nothing can fly: wait for money (1 Oct), crews (1 Jan) or returns,
            # or until the next upkeep flight falls due, if sooner: an agency knows its own
            # manifest (before 2026-12-03 it looked again only every idle_review_days, and
            # each flight of a cadence came up to that late: Apollo's 208 days became 240-300)
            wait = ctx.mech.missions.idle_review_days
            due = next_upkeep_due_day(ctx, key) - ctx.now  # > 0, or inf
            yield ctx.env.timeout(min(wait, due + 1.0))  # a day after, clear of rounding
            continue
        view = ctx.view(key)
        choice = ctx.decisions.ask(
            ctx,
            key,
            "next_mission",
            options,
            lambda rng, v=view, o=options: policy.next_mission(v, o, rng),
        )
        if choice is None:
            yield ctx.env.timeout(ctx.mech.missions.decision_retry_days)
            continue
        verdict = _politburo(ctx, key, choice)
        if verdict == "refused" or (verdict == "delayed" and MISSION_KINDS[choice.kind].windowed):
            yield ctx.env.timeout(ctx.mech.missions.decision_retry_days)
            continue
        extra = ctx.mech.soviet.politburo_delay_days if verdict == "delayed" else 0.0
        heard = apparatus is not None  # a hearing may change the world: take both anew
        mission = commit_mission(
            ctx,
            key,
            choice,
            pool=None if heard else pool,
            view=None if heard else view,
            extra_delay_days=extra,
        )
        if mission is None:
            yield ctx.env.timeout(ctx.mech.missions.decision_retry_days)
            continue
        ctx.env.process(flight_process(ctx, mission))
        yield ctx.env.timeout(ctx.mech.missions.decision_after_commit_days)


def _politburo(ctx: RunContext, key: str, choice: MissionOption) -> str:
    """The Politburo's verdict on a goal mission of a planned agency (others: approved)."""
    if not choice.serves_goal or in_force(ctx, key) is None:
        return "approved"
    label = MISSION_KINDS[choice.kind].label
    what = f"a {label} mission toward {choice.serves_goal.replace('_', ' ')}"
    return politburo_verdict(
        ctx, key, choice.serves_goal, what, windowed=MISSION_KINDS[choice.kind].windowed
    )


def review_goals(ctx: RunContext, key: str) -> None:
    """Give up goals the rival reached first when one's own odds are poor (policy decides)."""
    agency = ctx.world.agencies[key]
    rival = ctx.rival_of(key)
    if rival is None:
        return
    policy = ctx.policies[key]
    view = None  # what the policy sees, taken once before the first question
    for goal in sorted(ctx.world.agencies[rival].achieved - agency.achieved):  # view.rival_ahead
        if goal not in agency.goals or goal in agency.achieved:
            continue
        row = GOALS[goal]
        if not row.reviewed or is_claimed(agency, goal):
            continue  # a resource claimed beside the rival is no race to lose
        view = view or ctx.view(key)
        odds = best_odds(ctx, key, row.kind)
        keep = ctx.decisions.ask(
            ctx, key, "keep_goal", (True, False),
            lambda rng, g=goal, o=odds, v=view: policy.keep_goal(v, g, o, rng),
            goal=goal, odds=odds,
        )  # fmt: skip
        if keep:
            continue
        dropped = [g for g in agency.goals if g in row.abandoned_with]
        if agency.goals and agency.goals[0] in dropped and not agency.race_lost:
            agency.race_lost = True  # its race is over: infrastructure and other races now
            if agency.profile.superpower:
                politics = ctx.mech.politics
                ctx.world.rivalry = max(
                    politics.rivalry_floor, ctx.world.rivalry - politics.rivalry_drop_race_over
                )
        agency.goals = tuple(g for g in agency.goals if g not in dropped)
        for program in [
            p
            for p in sorted(agency.programs)
            if any(p in tok.split("|") for g in dropped for tok in GOALS[g].needs)
        ]:
            del agency.programs[program]
        ctx.emit(
            "goal_abandoned",
            key,
            f"{agency.name} abandons {', '.join(g.replace('_', ' ') for g in dropped)}.",
            cause=f"the rival got there first and its own odds were {odds:.0%}",
            goal=goal,
            odds=round(odds, 3),
        )


def commit_mission(
    ctx: RunContext,
    key: str,
    choice: MissionOption,
    *,
    pool=None,
    view=None,
    extra_delay_days: float = 0.0,
) -> Mission | None:
    """Commit to a chosen option: crew (the policy picks), money, departure; the Mission.

    ``extra_delay_days`` (a mission the Politburo sent back) is added to the approval
    delay of a kind not bound to a window.

    The crew candidates are offered in ``world.crew.crew_order``'s order (a commander who
    has flown first, then by skill; a woman among the first seats when the goal needs one).
    ``pool`` and ``view`` are ``ctx.crew_pool(key)`` and ``ctx.view(key)`` if the caller
    took them at this moment, with nothing changed since.
    """
    agency = ctx.world.agencies[key]
    kind = MISSION_KINDS[choice.kind]
    spec = ctx.world.vehicle_specs[choice.vehicle]
    nuclear = "nuclear_propulsion" in agency.capabilities
    plan = ctx.plan(choice.kind, spec, nuclear, asteroid_destination(ctx, key))
    if plan is None:
        return None
    crew: list[str] = []
    if kind.crew:
        goal = GOALS.get(choice.serves_goal)
        needs_woman = bool(goal and goal.needs_woman)
        # offered in the order a crew is taken: a commander who has flown, the rest by skill
        pool = ctx.crew_pool(key) if pool is None else pool
        pool = [p.name for p in crew_order(pool, kind.crew, needs_woman)]
        policy, view = ctx.policies[key], ctx.view(key) if view is None else view
        crew = ctx.decisions.ask(
            ctx, key, "pick_crew", pool,
            lambda rng: policy.pick_crew(view, choice.kind, pool, kind.crew, rng),
            mission_kind=choice.kind, size=kind.crew,
        )  # fmt: skip
    for name in crew:
        ctx.world.people[name].status = "flying"
    used = flight_set_of(agency, kind) if kind.uses_flight_set else ""
    if used:
        agency.flight_sets[used] -= 1
    pay(ctx, key, choice.cost_musd, choice.vehicle, choice.launches)
    agency.mission_count += 1
    count = agency.mission_count
    delay = 0.0 if kind.windowed else agency.approval_delay_days + extra_delay_days
    plan = replace(plan, depart_day=choice.depart_day + delay, launches=choice.launches)
    mission = Mission(
        id=f"{key}-{count:04d}",
        agency=key,
        kind=choice.kind,
        name=mission_name(ctx, key, choice.kind, choice.crew_vehicle or choice.vehicle, plan),
        vehicle=choice.vehicle,
        crew=tuple(crew),
        plan=plan,
        crew_vehicle=choice.crew_vehicle,
        goal=choice.serves_goal,
        flight_set=used,
    )
    ctx.world.missions.append(mission)
    agency.last_flown[choice.kind] = plan.depart_day
    take(ctx, key, choice.vehicle, choice.launches, mission.name)  # from a production run
    if choice.crew_vehicle:
        take(ctx, key, choice.crew_vehicle, 1, mission.name)
    return mission


def mission_name(ctx: RunContext, key: str, kind: str, vehicle: str, plan) -> str:
    """Name agency ``key``'s next flight of ``kind`` by its scheme, advancing its counters.

    ``vehicle`` is the one the crew rides (uncrewed: the launcher); ``plan`` gives the
    departure year. The first rule of the scheme that matches names it (docs/engine.md,
    "Mission names"); a name already flown in the run (a scheme naming by year, Mars-94,
    twice in one year) gets " (2)", " (3)" ...
    """
    agency = ctx.world.agencies[key]
    scheme = ctx.ref.mission_names[agency.profile.mission_names]
    # the first rule that matches: a function of what the agency holds, which only grows
    memo = ctx.memo.setdefault("name_rules", {})
    rule_key = (agency.profile.mission_names, kind, vehicle, len(agency.capabilities))
    rule = memo.get(rule_key)
    if rule is None:
        rule = memo[rule_key] = scheme.rule_for(kind, vehicle, agency.capabilities)
    numbers = {c: agency.numbers.take(c, scheme.counters[c].first) for c in rule.counters}
    name = rule.pattern.format(
        agency=agency.name,
        label=MISSION_KINDS[kind].label,
        count=agency.mission_count,
        yy=f"{ctx.cal.year(plan.depart_day) % 100:02d}",
        **numbers,
    )
    taken = ctx.mission_names()
    unique, k = name, 1
    while unique in taken:
        k += 1
        unique = f"{name} ({k})"
    return unique
