"""The scenario loader on generated input: it loads, or raises one ScenarioError that reads.

Oracle: the promise of the README. Whatever the text, ``parse_scenario`` returns a Scenario
or raises exactly one :class:`ScenarioError` whose ``str()`` is one line starting with the
file name and, when the problem has one, a line number that exists in the text; the problems
it carries are sorted by line, each one line. Never another exception, and within the
profile's deadline (tests/conftest.py: ``HYPOTHESIS_PROFILE=fuzz`` for thousands of cases).

Three sources: TOML texts generated from the scenario's own fields with values of any type,
the built-in files mutated by ``tools/fuzz_scenarios.py``'s mutations, and arbitrary text.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spacerace.errors import ScenarioError
from spacerace.scenario.loader import load_scenario, parse_scenario
from spacerace.scenario.model import Scenario

LABEL = "fuzz.toml"
_TOOL = Path(__file__).parents[2] / "tools" / "fuzz_scenarios.py"


def _fuzz_tool():
    spec = importlib.util.spec_from_file_location("fuzz_scenarios", _TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FUZZ = _fuzz_tool()


def check(text: str) -> Scenario | ScenarioError:
    """Load ``text``; assert a refusal is one well-formed error (the property)."""
    try:
        return parse_scenario(text, LABEL)
    except ScenarioError as exc:
        lines = text.count("\n") + 1
        message = str(exc)
        assert "\n" not in message and "\r" not in message, message[:200]
        assert len(message) < 2_000, message[:200]
        assert message.startswith(LABEL + (":" if exc.line is None else f":{exc.line}: ")), message
        assert exc.line is None or 1 <= exc.line <= lines
        assert exc.problems[0].line == exc.line and exc.problems[0].problem == exc.problem
        assert [p.line or 0 for p in exc.problems] == sorted(p.line or 0 for p in exc.problems)
        for problem in exc.problems:
            assert len(str(problem).splitlines()) == 1 and str(problem).startswith(LABEL)
        if len(exc.problems) > 1:
            assert message.endswith(f"more; spacerace scenario validate {LABEL} lists them)")
        return exc


# --- generated TOML ---------------------------------------------------------------------------

FIELDS = {
    "scenario": ["name", "title", "description", "start", "end_year", "focus", "divergence"],
    "agency": ["name", "kind", "country", "doctrine", "founded_year", "budget_musd", "support",
               "goals", "vehicles", "programs", "capabilities", "funding", "policy",
               "nationality", "base_names"],
    "person": ["name", "agency", "role", "nationality", "born_year", "skill", "sex"],
    "scripted": ["date", "kind", "agency", "mission", "crew", "outcome", "text", "name"],
}  # fmt: skip
WORDS = ["nasa", "soviet", "US", "SU", "state", "private", "prestige", "lunar_landing",
         "mars_landing", "asteroid_capture", "mission", "note", "saturn_v", "n1", "Ann",
         "crewed_lunar_landing", "astronaut", "success", "moon", "x", "", "a\nb", "é"]  # fmt: skip


def toml_value(draw, depth: int = 0) -> str:
    kinds = ["word", "int", "float", "bool", "date", "text"] + (
        ["list", "table"] if depth < 3 else []
    )
    kind = draw(st.sampled_from(kinds))
    if kind == "word":
        return json.dumps(draw(st.sampled_from(WORDS)))
    if kind == "int":
        return str(draw(st.one_of(st.integers(-10, 3000), st.integers())))
    if kind == "float":
        return repr(draw(st.floats(allow_nan=False, allow_infinity=False)))
    if kind == "bool":
        return draw(st.sampled_from(["true", "false"]))
    if kind == "date":
        return draw(st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31))).isoformat()
    if kind == "text":
        return json.dumps(draw(st.text(max_size=30)))
    if kind == "list":
        items = draw(st.lists(st.just(None), max_size=4))
        return "[" + ", ".join(toml_value(draw, depth + 1) for _ in items) + "]"
    keys = draw(st.lists(st.sampled_from(["moon", "mars", "a", "b"]), max_size=3, unique=True))
    return "{" + ", ".join(f"{k} = {toml_value(draw, depth + 1)}" for k in keys) + "}"


@st.composite
def toml_texts(draw) -> str:
    def table(header: str, kind: str) -> str:
        keys = draw(st.lists(st.sampled_from([*FIELDS[kind], "bogus"]), unique=True, max_size=9))
        return header + "\n" + "".join(f"{k} = {toml_value(draw)}\n" for k in keys)

    parts = [table("[scenario]", "scenario")]
    for key in draw(
        st.lists(st.sampled_from(["nasa", "soviet", "Bad", "x"]), unique=True, max_size=3)
    ):
        parts.append(table(f"[agencies.{key}]", "agency"))
    parts += [table("[[people]]", "person") for _ in range(draw(st.integers(0, 3)))]
    parts += [table("[[scripted]]", "scripted") for _ in range(draw(st.integers(0, 3)))]
    return "\n".join(parts)


@given(toml_texts())
@settings(suppress_health_check=[HealthCheck.too_slow])  # the text is built field by field
def test_generated_toml_loads_or_is_refused_in_one_line(text):
    check(text)


# --- a plausible scenario, then wrong in one place ---------------------------------------------

BASE = """\
[scenario]
name = "tiny"
title = "Tiny"
start = 1969-01-01
end_year = 1980

[agencies.nasa]
name = "NASA"
kind = "state"
country = "US"
doctrine = "prestige"
vehicles = ["saturn_v"]

[[people]]
name = "Ann"
agency = "nasa"
role = "astronaut"
nationality = "US"
born_year = 1935

[[scripted]]
date = 1970-06-01
kind = "mission"
agency = "nasa"
mission = "lunar_landing"
crew = ["Ann"]
"""


@given(
    st.sampled_from([i for i, line in enumerate(BASE.splitlines()) if " = " in line]),
    st.data(),
)
def test_one_value_changed_loads_or_is_refused_at_its_line(index, data):
    lines = BASE.splitlines()
    key = lines[index].split(" = ")[0]
    lines[index] = f"{key} = {toml_value(data.draw)}"
    result = check("\n".join(lines) + "\n")
    if isinstance(result, ScenarioError) and result.field.endswith(key):
        assert result.line == index + 1


# --- the built-ins mutated --------------------------------------------------------------------


@pytest.fixture(scope="module")
def warm_planners():
    """The loader's launch windows for each built-in's span, built before the deadline runs.

    A mutant with a scripted Mars mission has its windows checked by a planner of the
    scenario's span, 1-3 s to build the first time (9 s on a loaded machine): longer than
    the profile's deadline for whichever example comes first.
    """
    from spacerace.astro.time import iso_to_jd_tdb
    from spacerace.scenario.loader import _planner

    for name in ("history", "for-all-mankind", "star-city"):
        head = load_scenario(name)
        planner = _planner(iso_to_jd_tdb(head.start), iso_to_jd_tdb(f"{head.end_year + 1}-01-01"))
        planner.mars_windows  # noqa: B018 - computed when first asked for
        planner.return_windows  # noqa: B018


@given(st.integers(0, 2**32 - 1))
@settings(suppress_health_check=[HealthCheck.too_slow])  # some mutants are 1 MB of text
def test_mutated_builtins_load_or_are_refused_in_one_line(warm_planners, seed):
    name, _, text = FUZZ.make_case(seed, seed)
    check(text)


# --- anything at all --------------------------------------------------------------------------


@given(st.text(alphabet=st.sampled_from("[]{}=\"'.,#\n ab1-_:") | st.characters(), max_size=200))
@example("'\x1e0")  # a record separator once counted as a line break: line 2 of a 1-line file
def test_arbitrary_text_loads_or_is_refused_in_one_line(text):
    check(text)


def test_the_mutations_cover_every_kind_of_bad_input():
    # oracle: the kinds docs/reliability.md lists
    kinds = {"delete", "duplicate", "retype", "empty_list", "out_of_range", "huge_string",
             "deep_nesting", "unknown_name", "date_edge", "swap", "control_char", "long_key",
             "vehicles", "mission_kind", "mechanic", "empty_table", "many_entries"}  # fmt: skip
    assert set(FUZZ._MUTATIONS) == kinds
    rng = random.Random(0)
    for kind, mutation in FUZZ._MUTATIONS.items():
        lines = BASE.splitlines()
        i = 1
        parts = FUZZ._KEYLINE.match(lines[i]).groups()
        assert isinstance(mutation(rng, BASE, lines, i, parts), str), kind
