"""What a question asks and what each option means, in words, from what the question records.

Nothing here is computed anew: a mission's cost, odds, launches and departure, a program's
yearly need and remaining cost, a goal's odds, a base's cost or reserve are the numbers the
engine put in the question (``sim.decisions.Question``), the same ones the built-in
policies decide on. A person's skill and flights are read from the world as it stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.sim.decisions import Question
from spacerace.world.mission_kinds import MISSION_KINDS
from spacerace.world.wording import milestone_label
from spacerace.world.world import World

__all__ = ["Choice", "choices_of", "prompt_of"]


@dataclass(frozen=True)
class Choice:
    """One option of a question, explained.

    Attributes:
        number: Its number as the player gives it (from 1).
        value: What it stands for in the answer: the option's index (``next_mission``), a
            program key (``fund``), a name (``pick_crew``) or true/false.
        label: The option in a few words.
        facts: Its consequences, one phrase each (cost, odds, what it serves, when).
    """

    number: int
    value: Any
    label: str
    facts: tuple[str, ...] = ()

    def to_json(self) -> dict:
        """The choice as a JSON-ready dict."""
        return {
            "number": self.number,
            "value": self.value,
            "label": self.label,
            "facts": list(self.facts),
        }


def prompt_of(question: Question, name: str) -> str:
    """The question as one sentence (``name``: the agency's display name).

    Example:
        >>> print(prompt_of(Question(0, 0.0, "nasa", "keep_goal", (True, False),
        ...       (("goal", "crewed_mars_landing"), ("odds", 0.36))), "NASA"))
        A rival reached the first crewed Mars landing first: does NASA keep it as a goal?
    """
    ctx = question.context_json()
    base, goal = ctx.get("base", ""), milestone_label(str(ctx.get("goal", "")))
    return {
        "fund": f"Which programs does {name} fund this fiscal year, most important first?",
        "next_mission": f"Which mission does {name} fly next?",
        "pick_crew": f"Who flies the {str(ctx.get('mission_kind', '')).replace('_', ' ')} "
        f"mission? Pick {ctx.get('size', 0)}.",
        "keep_goal": f"A rival reached the {goal} first: does {name} keep it as a goal?",
        "supply_base": f"The cargo flight to {base} is due: does {name} pay its share?",
        "evacuate_base": f"{base}'s reserves run low: does {name} evacuate it?",
        "escalate": _escalate_prompt(str(ctx.get("stage", "")), base, name),
        "sell_launches": f"Does {name} sell launches on the commercial market this year?",
        "join_alliance": f"An alliance is offered to share {base}: does {name} join it?",
        "settle_strike": f"{name}'s workers strike at {base}: does {name} settle on their terms?",
    }[question.kind]


def _escalate_prompt(stage: str, base: str, name: str) -> str:
    return {
        "claim": f"Water ice is known where {base} stands: does {name} build beside it?",
        "seize": f"In the dispute at {base}: does {name} seize the rival's mine or plant?",
        "answer": f"A module of {name}'s at {base} was seized: does it answer by force?",
        "hold": f"The armed standoff at {base} goes on: does {name} hold out?",
    }.get(stage, f"A crisis at {base}: does {name} escalate?")


def choices_of(question: Question, world: World) -> tuple[Choice, ...]:
    """The question's options, numbered from 1 and explained (see the module docstring)."""
    kind, ctx = question.kind, question.context_json()
    if kind == "next_mission":
        return tuple(
            Choice(i + 1, i, _mission_label(o, world), _mission_facts(o, question, world))
            for i, o in enumerate(question.options)
        )
    if kind == "fund":
        return tuple(
            Choice(i + 1, o.key, o.name, _program_facts(o)) for i, o in enumerate(question.options)
        )
    if kind == "pick_crew":
        return tuple(
            Choice(i + 1, name, name, _person_facts(world, name))
            for i, name in enumerate(question.options)
        )
    yes, no = _yes_no(kind, ctx)
    return (Choice(1, True, "yes", yes), Choice(2, False, "no", no))


def _mission_label(option, world: World) -> str:
    row = MISSION_KINDS[option.kind]
    vehicle = _vehicle_name(world, option.vehicle)
    crew = f", crew on {_vehicle_name(world, option.crew_vehicle)}" if option.crew_vehicle else ""
    return f"{row.label} on {vehicle}{crew}"


def _vehicle_name(world: World, key: str) -> str:
    spec = world.vehicle_specs.get(key)
    return spec.name if spec is not None else key


def _mission_facts(option, question: Question, world: World) -> tuple[str, ...]:
    depart = jd_tdb_to_iso(world.start_jd_tdb + option.depart_day)
    wait = option.depart_day - question.day
    facts = [
        f"costs {option.cost_musd:,.0f} M$",
        f"{option.success_odds:.0%} odds that every launch and phase succeeds",
        f"{option.launches} launch{'es' if option.launches != 1 else ''}",
        f"departs {depart}" + (f" (in {wait:.0f} days)" if wait >= 1 else ""),
    ]
    if option.serves_goal:
        facts.append(f"would achieve the {milestone_label(option.serves_goal)}")
    crew = MISSION_KINDS[option.kind].crew
    if crew:
        facts.append(f"a crew of {crew}: lives at stake")
    return tuple(facts)


def _program_facts(option) -> tuple[str, ...]:
    facts = [
        f"needs {option.yearly_need_musd:,.0f} M$ a year",
        f"{option.remaining_musd:,.0f} M$ to finish",
        "under way"
        if option.in_progress
        else "not started: starts only if this year's money covers its yearly need",
    ]
    if option.serves_goal:
        facts.append(f"toward the {milestone_label(option.serves_goal)}")
    elif option.purpose:
        facts.append(f"infrastructure ({option.purpose})")
    if option.contested:
        facts.append("contested: a rival is on its way to the same goal")
    return tuple(facts)


def _person_facts(world: World, name: str) -> tuple[str, ...]:
    person = world.people.get(name)
    if person is None:
        return ()
    flights = f"{person.flights} flight{'s' if person.flights != 1 else ''}"
    return (person.role, f"skill {person.skill:.2f}", flights, f"born {person.born_year}")


_ESCALATE = {
    "claim": ("build beside the rival's base, taking the base goal up again", "leave the ice"),
    "seize": ("take the rival's mine or oxygen plant", "settle the dispute"),
    "answer": ("an armed standoff", "back down, and lose prestige"),
    "hold": ("hold out another quarter", "stand down: the standoff ends with a joint flight"),
}
"""What escalating and backing down mean at each stage of a crisis (``sim.lunar_front``)."""


def _yes_no(kind: str, ctx: dict) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What yes and what no mean for a true/false question, with its numbers."""
    base, goal = ctx.get("base", ""), milestone_label(str(ctx.get("goal", "")))
    if kind == "keep_goal":
        odds = f"your odds of the next attempt: {float(ctx.get('odds', 0.0)):.0%}"
        return (f"keep racing for the {goal}", odds), (
            f"drop the {goal} and the goals that go with it",
        )
    if kind == "supply_base":
        cost = f"costs {float(ctx.get('cost_musd', 0.0)):,.0f} M$"
        return (f"pay for {base}'s consumables", cost), (f"refuse: {base} lives on its stocks",)
    if kind == "evacuate_base":
        reserve = f"reserves for {float(ctx.get('reserve_days', 0.0)):,.0f} days"
        return (f"bring {base}'s people home", reserve), (
            f"stay at {base}, risking its people",
            reserve,
        )
    if kind == "escalate":
        pressure = (
            f"pressure {float(ctx.get('pressure', 0.0)):.2f} (0..1: the chance the built-in "
            "policies escalate)"
        )
        yes, no = _ESCALATE.get(str(ctx.get("stage", "")), ("escalate", "back down"))
        return (yes, pressure), (no,)
    if kind == "join_alliance":
        share = f"your share of its costs: {float(ctx.get('share', 0.0)):.0%}"
        cost = f"{float(ctx.get('cost_musd', 0.0)):,.0f} M$ of an order like the last"
        return (f"sign: share {base}, take turns in its command", share, cost), (
            f"decline: {base} stays as it is (offered again in a year)",
        )
    if kind == "settle_strike":
        raise_ = f"the raise costs {float(ctx.get('raise_musd', 0.0)):,.1f} M$ a year"
        lost = f"the strike costs {float(ctx.get('lost_musd', 0.0)):,.0f} M$ of revenue"
        return (f"settle: more pay, a shorter week, {base} works again soon", raise_), (
            "refuse: the strike runs its course and leaves a grievance",
            lost,
        )
    vehicles = str(ctx.get("vehicles", ""))
    return (f"sell launches of {vehicles} this fiscal year",), ("keep them to yourself",)
