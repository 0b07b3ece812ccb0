"""The player's side of the table: the agency's money, the rivals as known, what is pending.

Read from the run as it stood when the turn began (``sim.stepping.Stop.ctx``); nothing
here changes it. A rival is shown by what the player may know (``play.news``): its public
firsts and its latest public moves; a secret program appears only once the world has
learned of one of its firsts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.play.news import NewsItem, revealed_day
from spacerace.sim.company import program_terms
from spacerace.sim.context import RunContext
from spacerace.sim.politics import money_in_dollars_of
from spacerace.world.mission_kinds import MISSION_KINDS
from spacerace.world.wording import milestone_label

__all__ = ["Budget", "Rival", "budget_of", "pending_of", "rivals_of"]

RECENT_MOVES = 5
"""Latest moves shown per rival (a display choice: a screen's worth)."""


@dataclass(frozen=True)
class Budget:
    """The player's agency now; money in million USD of the year.

    Attributes:
        year: Calendar year.
        budget_musd: This fiscal year's budget.
        funds_musd: What is left of it.
        capital_musd: A company's capital beyond this year's funds (None for a state).
        support: Political support (1.0: the level at the scenario's start).
        prestige: Prestige points (firsts weigh most).
        goals: Goals still pursued, in order, as labels.
        programs: Programs under way: (name, share done 0..1, M$ left to spend, of the year).
        crew_lost: People lost in its flights and at its bases so far.
    """

    year: int
    budget_musd: float
    funds_musd: float
    capital_musd: float | None
    support: float
    prestige: float
    goals: tuple[str, ...]
    programs: tuple[tuple[str, float, float], ...]
    crew_lost: int

    def to_json(self) -> dict:
        """The budget as a JSON-ready dict."""
        return {
            "year": self.year,
            "budget_musd": self.budget_musd,
            "funds_musd": self.funds_musd,
            "capital_musd": self.capital_musd,
            "support": self.support,
            "prestige": self.prestige,
            "goals": list(self.goals),
            "programs": [list(p) for p in self.programs],
            "crew_lost": self.crew_lost,
        }


@dataclass(frozen=True)
class Rival:
    """Another agency as the player knows it.

    Attributes:
        key: Agency key.
        name: Display name.
        firsts: Its firsts the world knows of, as "date label", in order.
        moves: Its latest public events, oldest first.
    """

    key: str
    name: str
    firsts: tuple[str, ...]
    moves: tuple[NewsItem, ...]

    def to_json(self) -> dict:
        """The rival as a JSON-ready dict."""
        return {
            "key": self.key,
            "name": self.name,
            "firsts": list(self.firsts),
            "moves": [m.to_json() for m in self.moves],
        }


def budget_of(ctx: RunContext, key: str) -> Budget:
    """The player's agency ``key`` as it stands in the run."""
    agency = ctx.world.agencies[key]
    programs = []
    for pkey, progress in sorted(agency.programs.items()):
        spec = ctx.ref.programs[pkey]
        cost = spec.cost_musd * program_terms(ctx, key, pkey).cost_factor  # as sim.programs
        done = min(progress.spent_musd / cost, 1.0) if cost > 0 else 1.0
        left = money_in_dollars_of(ctx, max(0.0, cost - progress.spent_musd), spec.cost_year)
        programs.append((spec.name, done, left))
    return Budget(
        year=ctx.year,
        budget_musd=agency.budget_musd,
        funds_musd=agency.funds_musd,
        capital_musd=agency.capital_musd if agency.company is not None else None,
        support=agency.support,
        prestige=agency.prestige,
        goals=tuple(milestone_label(g) for g in agency.goals),
        programs=tuple(programs),
        crew_lost=agency.crew_lost,
    )


def rivals_of(ctx: RunContext, player: str, news: Sequence[NewsItem]) -> list[Rival]:
    """The other agencies the player may know of, by key (``news``: the player's news)."""
    rivals = []
    events = ctx.log.events
    for key, agency in sorted(ctx.world.agencies.items()):
        if key == player or agency.founded_year > ctx.year:
            continue
        if not agency.profile.public_firsts and revealed_day(events, key) is None:
            continue  # a secret program the world does not know of yet
        firsts = [m for m in ctx.world.milestones.values() if m.agency == key and m.is_known]
        firsts.sort(key=lambda m: (m.day, m.key))
        told = tuple(
            f"{jd_tdb_to_iso(ctx.world.start_jd_tdb + m.day)} {milestone_label(m.key)}"
            for m in firsts
        )
        moves = [n for n in news if n.agency == key][-RECENT_MOVES:]
        rivals.append(Rival(key, agency.name, told, tuple(moves)))
    return rivals


def pending_of(ctx: RunContext, key: str, turn) -> list[str]:
    """What waits before the turn ends (the question first), then what is under way."""
    lines = []
    if turn.question is not None:
        lines.append(f"waiting for your answer: {turn.prompt}")
    elif not turn.over:
        lines.append("nothing is asked this quarter: go on when ready")
    agency = ctx.world.agencies[key]
    start = ctx.world.start_jd_tdb
    for mission in ctx.world.missions:
        if mission.agency != key or not mission.pending:
            continue
        label = MISSION_KINDS[mission.kind].label
        when = jd_tdb_to_iso(start + mission.plan.depart_day)
        state = "flying" if mission.status == "flying" else f"departs {when}"
        lines.append(f"mission {mission.name} ({label}): {state}")
    for base in sorted(ctx.world.bases.values(), key=lambda b: b.name):
        if key not in base.agencies or base.abandoned_day is not None:
            continue
        if base.rationing:
            lines.append(f"base {base.name}: rationing its stocks")
        if base.evacuating_day is not None:
            lines.append(f"base {base.name}: being evacuated")
    if agency.grounded_until_day > ctx.now:
        until = jd_tdb_to_iso(start + agency.grounded_until_day)
        lines.append(f"crewed flights grounded until {until}")
    rival = ctx.rival_of(key)
    if rival is not None:
        ahead = sorted(ctx.world.agencies[rival].achieved - agency.achieved)
        for goal in ahead:
            if goal in agency.goals:
                first = ctx.world.public_firsts.get(goal)
                if first is not None and first.agency == rival:
                    lines.append(f"the rival has the {milestone_label(goal)}; you still pursue it")
    return lines
