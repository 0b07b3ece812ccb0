"""A policy that answers from outside plugs in without changing the engine."""

from spacerace.policy.base import ExternalPolicy
from spacerace.policy.builtin import StatePolicy
from spacerace.sim.engine import run_timeline


def test_external_policy_replaces_decisions(scenarios, planners):
    calls = []

    def never_fly(view, options, rng):
        calls.append((view.agency, view.year, len(options)))
        return None

    player = ExternalPolicy(StatePolicy(), mission_fn=never_fly)
    sc = scenarios["history"]
    r = run_timeline(sc, 5, until_year=1975, planner=planners["history"], policies={"nasa": player})
    assert calls and all(a == "nasa" for a, _, _ in calls)
    assert not [m for m in r.world.missions if m.agency == "nasa"]
    assert [m for m in r.world.missions if m.agency == "soviet"]
    # every answer went through the decision point, recorded with its question
    nasa = [d for d in r.decisions if d.question.agency == "nasa"]
    asked = [d for d in nasa if d.question.kind == "next_mission"]
    assert len(asked) == len(calls) and all(d.answer is None for d in asked)
    assert {d.question.kind for d in nasa} >= {"fund", "next_mission"}
    # the Soviets, unopposed, are not handed the Moon by the engine either
    assert "crewed_lunar_landing" not in {k for k, m in r.milestones.items() if m.agency == "nasa"}
