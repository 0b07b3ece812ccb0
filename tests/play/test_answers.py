"""Typed answers: numbers from 1 as the choices show them, to the answers the log records."""

from __future__ import annotations

import pytest

from spacerace.errors import InputError
from spacerace.play.answers import parse_answer
from spacerace.policy.base import MissionOption, ProgramOption
from spacerace.sim.decisions import Question

MISSION = MissionOption("earth_orbit", "saturn_ib", "", 68.0, 1, 0.88, "", 240.0)
PROGRAMS = tuple(
    ProgramOption(k, k.title(), 100.0, 1000.0, "", False, "station") for k in ("a", "b", "c")
)


def q(kind, options, **context):
    return Question(0, 0.0, "nasa", kind, tuple(options), tuple(sorted(context.items())))


@pytest.mark.parametrize(
    "question, text, answer",
    [
        (q("next_mission", [MISSION, MISSION]), "2", 1),
        (q("next_mission", [MISSION]), "0", None),
        (q("next_mission", [MISSION]), " wait ", None),
        (q("fund", PROGRAMS), "3 1", ["c", "a"]),
        (q("fund", PROGRAMS), "2,3", ["b", "c"]),
        (q("fund", PROGRAMS), "0", []),
        (q("fund", PROGRAMS), "all", ["a", "b", "c"]),
        (q("pick_crew", ["X", "Y", "Z"], size=2), "3 1", ["Z", "X"]),
        (q("keep_goal", [True, False]), "1", True),
        (q("supply_base", [True, False]), "no", False),
        (q("escalate", [True, False]), "Y", True),
    ],
)
def test_typed_answers(question, text, answer):
    assert parse_answer(question, text) == answer
    assert question.check(answer) == ""


@pytest.mark.parametrize(
    "question, text, says",
    [
        (q("next_mission", [MISSION]), "5", "5 is not among the options: expected an option "
         "number from 1 to 1, or 0 to wait"),
        (q("next_mission", [MISSION]), "one", "got 'one'"),
        (q("fund", PROGRAMS), "1 x", "expected option numbers from 1 to 3"),
        (q("pick_crew", ["X"], size=1), "²", "got '²'"),
        (q("keep_goal", [True, False]), "maybe", "expected 1 (yes) or 2 (no), got 'maybe'"),
    ],
)  # fmt: skip
def test_text_that_is_no_answer_is_refused_in_one_line(question, text, says):
    with pytest.raises(InputError) as info:
        parse_answer(question, text)
    assert says in str(info.value) and "\n" not in str(info.value)


def test_the_fit_is_the_questions_to_say():
    crew = q("pick_crew", ["X", "Y", "Z"], size=2)
    assert crew.check(parse_answer(crew, "1")) == "expected 2 names for the crew, got 1"
    twice = "a name is given twice in the answer to pick_crew"
    assert crew.check(parse_answer(crew, "1 1")) == twice
