"""The state policy's program choices: racing for goals, then a portfolio after its race.

Hand-built proposals (``ProgramOption``) and views: the order is the policy's answer.
"""

import numpy as np

from spacerace.policy.base import AgencyView, ProgramOption
from spacerace.policy.builtin import StatePolicy

GOALS = ("crewed_lunar_landing", "lunar_base", "space_station", "crewed_mars_landing")


def _view(racing):
    return AgencyView(
        "nasa", "state", "prestige", 1972, 1000.0, 3000.0, 3000.0, GOALS, frozenset(),
        {}, (), (), racing,
    )  # fmt: skip


def _option(key, goal="", purpose="", in_progress=False, contested=False, remaining=1000.0):
    return ProgramOption(key, key, 100.0, remaining, goal, in_progress, purpose, contested)


OPTIONS = [
    _option("lunar_base", "lunar_base", "base"),
    _option("skylab", "space_station", "station"),
    _option("shuttle", "", "transport", remaining=5000.0),
    _option("nuclear_propulsion", "crewed_mars_landing", "propulsion", contested=True),
    _option("iss", "", "station", in_progress=True, remaining=9000.0),
]


def _answer(racing):
    return StatePolicy().fund(_view(racing), OPTIONS, np.random.default_rng(0))


def test_racing_funds_the_first_goals_then_infrastructure():
    # focus_goals = 2: the first two goals with a program (lunar base, station), goal order
    assert _answer(True) == ["lunar_base", "skylab", "iss", "shuttle"]


def test_after_the_race_started_infrastructure_then_races_then_new_infrastructure():
    # the 1972 choice: Skylab and the Shuttle, not the lunar base nobody races for; the
    # Mars engine only because a racing rival funds its own
    assert _answer(False) == ["iss", "nuclear_propulsion", "skylab", "shuttle"]


def test_an_uncontested_goal_gets_no_new_money_after_the_race():
    uncontested = [o for o in OPTIONS if o.key != "nuclear_propulsion"]
    answer = StatePolicy().fund(_view(False), uncontested, np.random.default_rng(0))
    assert "lunar_base" not in answer
