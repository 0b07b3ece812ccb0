"""Unit-test fixtures for the engine: a run's context without running its timeline.

``make_ctx(scenario, seed=0, at_year=None)`` builds what ``sim.engine.run_timeline`` builds
before it starts the processes (world, clock, mechanics, planner, reference data, policies,
decision point) and, with ``at_year``, moves the empty clock to 1 January of that year. A
test then starts the one process or calls the one function it is about.

``tiny`` is a scenario made by hand for these tests (TINY_TOML below): two superpowers (a
legislated US agency and a planned Soviet one), a private company and a secret-funded
state, a handful of named people. It starts in 1957, before the first astronaut selection
(NASA 1959, cosmonauts 1960), so the astronaut data set adds nobody: its people are the
ones listed here.
"""

from __future__ import annotations

import dataclasses

import pytest

TINY_TOML = """\
# tiny: written by hand for tests/sim/conftest.py (not generated)
[scenario]
name = "tiny"
title = "Tiny"
start = 1957-01-01
end_year = 1990
base_names = { mars = "Scenario Mars", moon = "Scenario Moon" }

[agencies.usa]
name = "US Agency"
kind = "state"
country = "US"
superpower = true
doctrine = "prestige"
budget_musd = 5000.0
training_facility = "Houston"
vehicles = ["saturn_v", "titan_ii"]
capabilities = ["apollo_lm"]
goals = ["crewed_lunar_landing", "woman_on_moon", "lunar_base", "space_station"]
base_names = { moon = "Jamestown" }

[agencies.ussr]
name = "Soviet Agency"
kind = "state"
country = "SU"
funding = "planned"
superpower = true
crew_title = "cosmonaut"
doctrine = "prestige"
budget_musd = 3000.0
training_facility = "Star City"
vehicles = ["n1", "proton", "soyuz"]
programs = ["l3"]
goals = ["crewed_lunar_landing", "lunar_base"]

[agencies.corp]
name = "Corp"
kind = "private"
country = "private"
nationality = "US"
doctrine = "commercial"
capital_musd = 2000.0
revenue_musd = 100.0
training_facility = "Helios"
vehicles = ["saturn_v"]
capabilities = ["apollo_lm"]
goals = ["lunar_base"]

[agencies.kp]
name = "Secret Agency"
kind = "state"
country = "KP"
funding = "secret"
crew_title = "cosmonaut"
doctrine = "military"
budget_musd = 150.0
training_facility = "Sohae"
vehicles = ["saturn_v"]
capabilities = ["apollo_lm"]
goals = ["crewed_lunar_landing"]

[[people]]
name = "Ann Able"
sex = "female"
agency = "usa"
role = "astronaut"
nationality = "US"
born_year = 1930
skill = 0.9

[[people]]
name = "Bob Baker"
sex = "male"
agency = "usa"
role = "astronaut"
nationality = "US"
born_year = 1931
skill = 0.8

[[people]]
name = "Carl Cole"
sex = "male"
agency = "usa"
role = "astronaut"
nationality = "US"
born_year = 1929
skill = 0.7

[[people]]
name = "Dora Dean"
sex = "female"
agency = "usa"
role = "engineer"
nationality = "US"
born_year = 1928
skill = 0.6

[[people]]
name = "Ivan Ivanov"
sex = "male"
agency = "ussr"
role = "cosmonaut"
nationality = "SU"
born_year = 1930
skill = 0.8

[[people]]
name = "Pyotr Petrov"
sex = "male"
agency = "ussr"
role = "cosmonaut"
nationality = "SU"
born_year = 1931
skill = 0.7

[[people]]
name = "Sergei Sidorov"
sex = "male"
agency = "ussr"
role = "cosmonaut"
nationality = "SU"
born_year = 1932
skill = 0.6

[[people]]
name = "Kim Il"
sex = "male"
agency = "kp"
role = "cosmonaut"
nationality = "KP"
born_year = 1930
skill = 0.6

[[people]]
name = "Kim Ee"
sex = "male"
agency = "kp"
role = "cosmonaut"
nationality = "KP"
born_year = 1930
skill = 0.6

[[people]]
name = "Kim Sam"
sex = "male"
agency = "kp"
role = "cosmonaut"
nationality = "KP"
born_year = 1930
skill = 0.6

[[people]]
name = "Cora Corp"
sex = "female"
agency = "corp"
role = "astronaut"
nationality = "US"
born_year = 1930
skill = 0.75
"""


@pytest.fixture(scope="session")
def tiny():
    """The hand-written test scenario (TINY_TOML)."""
    from spacerace.scenario.loader import parse_scenario

    return parse_scenario(TINY_TOML, "tests/sim/conftest.py")


@pytest.fixture(scope="session")
def tiny_planner(tiny):
    from spacerace.sim.engine import make_planner

    return make_planner(tiny)


@pytest.fixture(scope="session")
def reference_of():
    """scenario -> its RunReference (the catalog loads once per scenario)."""
    from spacerace.sim.engine import run_reference

    cache = {}

    def get(scenario):
        key = scenario.content_hash()
        if key not in cache:
            cache[key] = run_reference(scenario)
        return cache[key]

    return get


def build_ctx(scenario, planner, ref, seed=0, at_year=None, mechanics=None):
    """A RunContext as ``run_timeline`` makes it, no process started, clock at ``at_year``."""
    from spacerace.sim.engine import new_context

    if mechanics:
        scenario = dataclasses.replace(scenario, mechanics={**scenario.mechanics, **mechanics})
    ctx = new_context(scenario, seed, planner=planner, reference=ref)
    if at_year is not None:
        day = ctx.cal.day_of(at_year, 1, 1)
        if day > 0:
            ctx.env.run(until=day)
    return ctx


@pytest.fixture
def make_ctx(tiny, tiny_planner, scenarios, planners, reference_of):
    """``make_ctx(name="tiny", seed=0, at_year=None, mechanics=None)`` -> a fresh RunContext.

    ``name`` is "tiny" or a built-in scenario of tests/conftest.py (their shared planners).
    ``mechanics`` overrides, ``{group: {name: value}}``.
    """

    def make(name="tiny", seed=0, at_year=None, mechanics=None):
        scenario = tiny if name == "tiny" else scenarios[name]
        planner = tiny_planner if name == "tiny" else planners[name]
        return build_ctx(scenario, planner, reference_of(scenario), seed, at_year, mechanics)

    return make
