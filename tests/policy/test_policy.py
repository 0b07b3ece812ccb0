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
    assert player.decisions and player.decisions[0][1] in ("fund", "next_mission")
    # the Soviets, unopposed, are not handed the Moon by the engine either
    assert "crewed_lunar_landing" not in {k for k, m in r.milestones.items() if m.agency == "nasa"}
