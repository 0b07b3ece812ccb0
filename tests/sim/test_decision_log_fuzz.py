"""The decision-log reader on generated lines: it reads, or raises one DecisionLogError.

Oracle: the promise of the README. Whatever the lines, ``parse_decision_log`` returns a log
or raises exactly one :class:`DecisionLogError` whose ``str()`` is one line starting with
the file name and, when the problem has one, a line number within the file; the problems
it carries are sorted by line. Never another exception, and within the profile's deadline
(tests/conftest.py: ``HYPOTHESIS_PROFILE=fuzz`` for thousands of cases).

The lines are a real log (history, seed 0, to 1971) with some lines replaced by generated
JSON, records with one key retyped, cut, doubled or swapped, and arbitrary text.
"""

from __future__ import annotations

import json
from functools import lru_cache

from hypothesis import given
from hypothesis import strategies as st

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.errors import DecisionLogError
from spacerace.sim.decision_log import DecisionLog, format_decision_log, parse_decision_log
from spacerace.sim.engine import run_timeline

SOURCE = "d.jsonl"


@lru_cache(maxsize=1)
def played():
    """(scenario, the log's lines) of a short real run, made once."""
    from spacerace.scenario.loader import load_scenario

    scenario = load_scenario("history")
    result = run_timeline(scenario, 0, until_year=1971)
    days = [result.start_jd_tdb + d.question.day for d in result.decisions]
    text = format_decision_log(scenario, 0, result.decisions, jd_tdb_to_iso(days))
    return scenario, tuple(text.splitlines(keepends=True))


def check(lines: list[str]) -> DecisionLog | DecisionLogError:
    scenario, _ = played()
    try:
        return parse_decision_log(lines, SOURCE, scenario, 0)
    except DecisionLogError as exc:
        message = str(exc)
        assert len(message.splitlines()) == 1 and len(message) < 2_000, message[:200]
        assert message.startswith(SOURCE + (":" if exc.line is None else f":{exc.line}: "))
        assert exc.line is None or 1 <= exc.line <= len(lines)
        assert [p.line or 0 for p in exc.problems] == sorted(p.line or 0 for p in exc.problems)
        assert all(len(str(p).splitlines()) == 1 for p in exc.problems)
        return exc


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = ["agency", "answer", "context", "day", "n", "options", "question", "date"]


@st.composite
def damaged_logs(draw) -> list[str]:
    _, lines = played()
    lines = list(lines)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["json", "retype", "drop", "cut", "double", "swap", "text"]))
        if how == "json":
            lines[i] = json.dumps(draw(json_values)) + "\n"
        elif how == "retype":
            try:  # an earlier change may have left no JSON object on this line
                record = json.loads(lines[i])
            except ValueError:
                continue
            if isinstance(record, dict):
                record[draw(st.sampled_from(KEYS))] = draw(json_values)
                lines[i] = json.dumps(record) + "\n"
        elif how == "drop":
            del lines[i]
        elif how == "cut":
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
        elif how == "double":
            lines.insert(i, lines[i])
        elif how == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines[i] = draw(st.text(max_size=80)) + "\n"
        if not lines:
            break
    return lines


def test_the_log_as_written_reads():
    scenario, lines = played()
    assert isinstance(check(list(lines)), DecisionLog) and len(lines) > 10


@given(damaged_logs())
def test_a_damaged_log_reads_or_is_refused_in_one_line(lines):
    check(lines)


@given(st.lists(st.text(max_size=60).map(lambda t: t + "\n"), max_size=6))
def test_arbitrary_lines_are_refused_in_one_line(lines):
    check(lines)


def test_every_malformed_line_is_named_in_one_pass():
    # oracle: three lines broken by hand, the first of them named and the others counted
    _, lines = played()
    lines = list(lines)
    for i in (3, 5, 8):
        lines[i] = "{oops\n"
    error = check(lines)
    assert [p.line for p in error.problems] == [4, 6, 9]
    assert str(error).startswith(f"{SOURCE}:4: not JSON: ")
    assert str(error).endswith("(and 2 more, on lines 6, 9)")
