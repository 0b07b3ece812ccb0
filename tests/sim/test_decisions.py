"""Decision logs: a run's questions and answers written, read back and replayed.

The oracle of a replay is the run that wrote the log: replaying its own decisions must give
its events byte for byte (a run is a pure function of scenario, seed and decisions). The
oracle of a refusal is the hand-made fault: each test breaks one line and expects that line
number in the message.
"""

from __future__ import annotations

import dataclasses
import json

import pytest

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.errors import DecisionLogError, InputError
from spacerace.policy.base import MissionOption, ProgramOption
from spacerace.sim.decision_log import format_decision_log, parse_decision_log
from spacerace.sim.decisions import QUESTIONS, Question
from spacerace.sim.engine import run_timeline
from spacerace.sim.stepping import SteppedRun

SCENARIOS = ("for-all-mankind", "history", "star-city")
SEEDS = (0, 1, 2, 26)
"""Seeds played; for-all-mankind's seed 26 asks evacuate_base and escalate (since careers)."""
SOURCE = "decisions.jsonl"


@pytest.fixture(scope="module")
def runs(scenarios, planners):
    """Full policy runs: 4 seeds of each built-in scenario (about 0.3 s each)."""
    return {
        (name, seed): run_timeline(scenarios[name], seed, planner=planners[name])
        for name in SCENARIOS
        for seed in SEEDS
    }


def log_text(result) -> str:
    """The run's decisions.jsonl, as ``write_run`` writes it."""
    days = [result.start_jd_tdb + d.question.day for d in result.decisions]
    dates = jd_tdb_to_iso(days) if days else []
    return format_decision_log(result.scenario, result.seed, result.decisions, dates)


def read(text: str, scenario, seed: int):
    return parse_decision_log(text.splitlines(keepends=True), SOURCE, scenario, seed)


def replay(text: str, scenario, seed: int, planner, until_year=None):
    log = read(text, scenario, seed)
    return run_timeline(scenario, seed, until_year=until_year, planner=planner, decisions=log)


def events(result) -> str:
    return result.log.to_jsonl(result.start_jd_tdb)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", SCENARIOS)
def test_a_run_replays_its_own_log_byte_for_byte(name, seed, runs, scenarios, planners):
    # oracle: the policy run that wrote the log
    played = runs[name, seed]
    again = replay(log_text(played), scenarios[name], seed, planners[name])
    assert events(again) == events(played)
    assert again.base_metrics == played.base_metrics
    assert len(again.decisions) == len(played.decisions) > 100
    assert all(d.source == "log" for d in again.decisions)
    assert [d.answer for d in again.decisions] == [d.answer for d in played.decisions]
    assert again.left_log_at is None


@pytest.fixture(scope="module")
def striking(scenarios, planners):
    """(scenario, seed, run) of For All Mankind where unrest is cheap and a strike is asked.

    Workers unionise at any morale and incidents come at any tension, nearly every month,
    so the rare ``settle_strike`` question (a union's strike) is asked: in seed 1 (after
    the merge of main's base work: 42 strikes), else in the next of seeds 2-3.
    """
    sc = scenarios["for-all-mankind"]
    unrest = {
        "society": {"union_morale_threshold": 1.0},
        "tension": {
            "incident_threshold": 0.0,
            "incident_weight_strike": 100.0,
            "incidents_per_year_at_max": 100.0,
        },
    }
    sc = dataclasses.replace(sc, mechanics={**sc.mechanics, **unrest})
    for seed in (1, 2, 3):
        run = run_timeline(sc, seed, planner=planners["for-all-mankind"])
        if any(d.question.kind == "settle_strike" for d in run.decisions):
            return sc, seed, run
    raise AssertionError("no strike in seeds 1-3 even with unrest this cheap")


def test_a_run_with_strikes_replays_its_settle_strike_answers(striking, planners):
    sc, seed, played = striking
    asked = [d for d in played.decisions if d.question.kind == "settle_strike"]
    assert {d.question.agency for d in asked} == {"helios"}  # only a company employs strikers
    again = replay(log_text(played), sc, seed, planners["for-all-mankind"])
    assert events(again) == events(played) and again.left_log_at is None
    assert [d.answer for d in again.decisions] == [d.answer for d in played.decisions]


def test_records_are_json_and_every_question_occurs(runs, striking, scenarios, planners):
    from .test_bases import _cut

    kinds = {d.question.kind for d in striking[2].decisions}  # settle_strike: see striking
    # evacuate_base: a run whose Jamestown is cut off after 1980 (since Mars orders plan
    # with what is en route, 2026-12-03, no base of the policy runs below runs short)
    cut = _cut(scenarios["for-all-mankind"], planners["for-all-mankind"], 1)
    kinds |= {d.question.kind for d in cut.decisions}
    for result in runs.values():
        lines = log_text(result).splitlines()
        header = json.loads(lines[0])
        assert header["decisions"] == len(lines) - 1 == len(result.decisions)
        for line, decision in zip(lines[1:], result.decisions, strict=True):
            record = decision.to_json()
            assert json.loads(json.dumps(record, allow_nan=False)) == record
            assert {k: v for k, v in json.loads(line).items() if k != "date"} == record
            kinds.add(record["question"])
    # escalate occurs in seed 26 of for-all-mankind
    assert kinds == set(QUESTIONS)


def _first(result, kind: str, agency: str | None = None, answer=...):
    for d in result.decisions:
        q = d.question
        if q.kind == kind and agency in (None, q.agency) and (answer is ... or d.answer == answer):
            return d
    raise AssertionError(f"no {kind} question in this run")


def _with_answer(text: str, n: int, answer) -> str:
    lines = text.splitlines(keepends=True)
    record = json.loads(lines[n + 1])
    assert record["n"] == n
    record["answer"] = answer
    lines[n + 1] = json.dumps(record, sort_keys=True) + "\n"
    return "".join(lines)


@pytest.mark.parametrize(
    "kind, change",
    [
        ("next_mission", lambda d: None),  # the first mission nasa chose: wait instead
        ("keep_goal", lambda d: not d.answer),
        ("supply_base", lambda d: not d.answer),
    ],
)
def test_changing_one_answer_changes_the_history(kind, change, runs, scenarios, planners):
    # oracle: the unchanged run; the changed answer is used, then the questions differ
    played = runs["for-all-mankind", 0]
    if kind == "next_mission":
        chosen = next(
            d for d in played.decisions
            if d.question.kind == kind and d.question.agency == "nasa" and d.answer is not None
        )  # fmt: skip
    else:
        chosen = _first(played, kind)
    n = chosen.question.n
    text = _with_answer(log_text(played), n, change(chosen))
    again = replay(text, scenarios["for-all-mankind"], 0, planners["for-all-mankind"])
    assert events(again) != events(played)
    assert again.decisions[n].answer == change(chosen) and again.decisions[n].source == "log"
    assert all(d.source == "log" for d in again.decisions[: n + 1])
    assert again.left_log_at is not None and again.left_log_at > n + 1  # line of record n
    k = again.left_log_at - 2  # the first record that did not fit, and the question asked
    assert again.decisions[k].source == "policy"
    record = json.loads(text.splitlines()[k + 1])
    asked = again.decisions[k].to_json()
    assert {**record, "answer": None, "date": None} != {**asked, "answer": None, "date": None}


def _edit(line: int, **changes):
    """Set fields of the record on ``line`` (1-based)."""

    def edit(lines):
        record = json.loads(lines[line - 1])
        record.update(changes)
        lines[line - 1] = json.dumps(record, sort_keys=True) + "\n"
        return lines

    return edit


def _replace(line: int, text: str):
    def edit(lines):
        lines[line - 1] = text
        return lines

    return edit


def _swap(a: int, b: int):
    def edit(lines):
        lines[a - 1], lines[b - 1] = lines[b - 1], lines[a - 1]
        return lines

    return edit


def _cut_last(lines):
    lines[-1] = lines[-1][: len(lines[-1]) // 2]
    return lines


def _day_constant(name: str):
    def edit(lines):
        lines[1] = lines[1].replace('"day": 0.0', f'"day": {name}')
        assert name in lines[1]
        return lines

    return edit


@pytest.mark.parametrize(
    "edit, line, problem",
    [
        (_edit(1, seed=99), 1, "made with seed 99, not 0: give --seed 99"),
        (_edit(1, scenario_hash="0123456789abcdef"), 1, "another version of scenario"),
        (_edit(1, format="events"), 1, "expected the header"),
        (_edit(1, version=2), 1, "version 2"),
        (_edit(3, agency="esa"), 3, 'unknown agency "esa"; the scenario\'s agencies:'),
        (_edit(3, agency=["nasa"]), 3, 'unknown agency ["nasa"]'),  # not hashable
        (_edit(1, seed=[0]), 1, "seed: expected a whole number >= 0, got [0]"),
        (_edit(3, question="launch"), 3, 'unknown question "launch"; known: fund,'),
        (_edit(2, answer="3"), 2, "answer to next_mission: expected an option number or null"),
        (_edit(2, answer=True), 2, "answer to next_mission: expected an option number"),
        (_edit(2, options={}), 2, "options: expected a list"),
        (_edit(2, n=-1), 2, "n: expected a whole number >= 0, got -1"),
        (_replace(3, "{oops\n"), 3, "not JSON"),
        (_replace(3, "[1, 2]\n"), 3, "expected a JSON object"),
        (_day_constant("NaN"), 2, "not JSON: NaN is not a number JSON allows"),
        (_day_constant("Infinity"), 2, "not JSON: Infinity is not a number JSON allows"),
        (_swap(2, 3), 2, "decision number 1 where 0 was expected"),
        (_cut_last, -1, "the last line is cut off (no newline at its end)"),
    ],
)
def test_a_log_that_does_not_fit_is_refused_with_its_line(edit, line, problem, runs, scenarios):
    # oracle: the line broken by hand
    played = runs["for-all-mankind", 0]
    lines = edit(log_text(played).splitlines(keepends=True))
    line = len(lines) if line == -1 else line
    with pytest.raises(DecisionLogError) as info:
        read("".join(lines), scenarios["for-all-mankind"], 0)
    assert str(info.value).startswith(f"{SOURCE}:{line}: ") and problem in str(info.value)
    assert info.value.line == line and "\n" not in str(info.value)


def test_a_log_of_another_scenario_seed_or_version_is_refused(runs, scenarios):
    # oracle: the header names what the log was made for
    text = log_text(runs["for-all-mankind", 1])
    fam = scenarios["for-all-mankind"]
    refusals = {
        'made for scenario "for-all-mankind", not history': (scenarios["history"], 1),
        "made with seed 1, not 2": (fam, 2),
        "made for another version of scenario for-all-mankind": (
            dataclasses.replace(fam, title=fam.title + " (edited)"),
            1,
        ),
    }
    for problem, (scenario, seed) in refusals.items():
        with pytest.raises(DecisionLogError, match=f"^{SOURCE}:1: ") as info:
            read(text, scenario, seed)
        assert problem in str(info.value)


@pytest.mark.parametrize("text", ["", "\n\n"])
def test_an_empty_log_is_refused(text, scenarios):
    # oracle: a file without even a header; there is no line to name, so the file is named
    with pytest.raises(DecisionLogError, match=f"^{SOURCE}: empty: expected a header line"):
        read(text, scenarios["history"], 0)


def _answer_line(result, kind: str) -> tuple[int, Question]:
    d = _first(result, kind)
    return d.question.n + 2, d.question


@pytest.mark.parametrize("kind", ["next_mission", "pick_crew", "fund"])
def test_an_answer_not_among_the_options_is_refused_when_replayed(kind, runs, scenarios, planners):
    # oracle: an option number one past the last, a name that is no candidate; the header
    # and shape are fine, so reading accepts the log and the replay refuses it at that line
    played = runs["history", 0]
    line, question = _answer_line(played, kind)
    if kind == "next_mission":
        size = len(question.options)
        bad, expected = size, f"answer {size} is not among the {size} options of next_mission"
    elif kind == "pick_crew":
        bad = ["Nobody Atall", *played.decisions[question.n].answer[1:]]
        expected = '"Nobody Atall" is not among the options of pick_crew'
    else:
        bad, expected = ["no_such_program"], '"no_such_program" is not among the options of fund'
    text = _with_answer(log_text(played), question.n, bad)
    read(text, scenarios["history"], 0)  # the shape is right
    with pytest.raises(DecisionLogError) as info:
        replay(text, scenarios["history"], 0, planners["history"])
    assert str(info.value) == f"{SOURCE}:{line}: {expected}"


# Question.check / encode / decode on hand-made questions (oracle: the options written here)

MISSIONS = (
    MissionOption("earth_orbit", "saturn_ib", "", 67.6, 1, 0.88, "", 240.0),
    MissionOption("lunar_landing", "saturn_v", "", 431.0, 1, 0.7, "crewed_lunar_landing", 300.0),
)
PROGRAMS = (
    ProgramOption("skylab", "Space station", 300.0, 900.0, "space_station", True),
    ProgramOption("nerva", "Nuclear thermal propulsion", 200.0, 2000.0, "", False),
)


def q(kind, options, **context):
    return Question(0, 0.0, "nasa", kind, tuple(options), tuple(sorted(context.items())))


@pytest.mark.parametrize(
    "question, answer, problem",
    [
        (q("next_mission", MISSIONS), None, ""),
        (q("next_mission", MISSIONS), 1, ""),
        (q("next_mission", MISSIONS), 2, "answer 2 is not among the 2 options of next_mission"),
        (q("next_mission", MISSIONS), -1, "answer -1 is not among the 2 options"),
        (q("next_mission", MISSIONS), True, "expected an option number or null, got True"),
        (q("next_mission", MISSIONS), "0", "expected an option number or null, got '0'"),
        (q("fund", PROGRAMS), [], ""),
        (q("fund", PROGRAMS), ["nerva", "skylab"], ""),
        (q("fund", PROGRAMS), ["apollo"], '"apollo" is not among the options of fund'),
        (q("fund", PROGRAMS), ["nerva", "nerva"], "a name is given twice"),
        (q("fund", PROGRAMS), "nerva", "expected a list of names, got 'nerva'"),
        (q("pick_crew", ["Ann", "Bob", "Cy"], size=2), ["Cy", "Ann"], ""),
        (q("pick_crew", ["Ann", "Bob", "Cy"], size=2), ["Ann"], "expected 2 names for the crew"),
        (q("pick_crew", ["Ann", "Bob"], size=3), ["Ann", "Bob"], ""),  # fewer candidates
        (q("pick_crew", ["Ann", "Bob"], size=2), ["Ann", "Dee"], '"Dee" is not among'),
        (q("pick_crew", ["Ann", "Bob"], size=2), ["Ann", 3], "expected a list of names"),
        (q("keep_goal", (True, False), goal="mars"), False, ""),
        (q("supply_base", (True, False)), 1, "expected true or false, got 1"),
        (q("evacuate_base", (True, False)), None, "expected true or false, got None"),
    ],
)
def test_question_check(question, answer, problem):
    found = question.check(answer)
    assert problem in found if problem else found == ""


def test_question_encode_decode():
    mission = q("next_mission", MISSIONS)
    assert mission.encode(MISSIONS[1]) == 1 and mission.decode(1) is MISSIONS[1]
    assert mission.encode(dataclasses.replace(MISSIONS[1])) == 1  # an equal copy
    assert mission.encode(None) is None and mission.decode(None) is None
    stray = dataclasses.replace(MISSIONS[0], cost_musd=1.0)
    assert mission.encode(stray) == -1 and mission.check(-1)  # refused, not silently taken
    fund = q("fund", PROGRAMS)
    assert fund.encode(("skylab",)) == ["skylab"] and fund.decode(["skylab"]) == ["skylab"]
    assert q("keep_goal", (True, False)).encode(False) is False
    assert fund.options_json()[0]["key"] == "skylab"
    assert json.dumps(mission.options_json())  # JSON-ready
    assert q("pick_crew", ["Ann"], size=1).context_json() == {"size": 1}


# SteppedRun (oracle: the policy run whose answers are given from outside)


def test_stepping_with_the_policy_answers_gives_the_policy_run(scenarios, planners):
    scenario, planner = scenarios["history"], planners["history"]
    played = run_timeline(scenario, 3, until_year=1972, planner=planner)
    nasa = [d for d in played.decisions if d.question.agency == "nasa"]
    game = SteppedRun(scenario, 3, "nasa", until_year=1972, planner=planner)
    for decision in nasa:
        question = game.next_question()
        assert question == decision.question
        game.answer(decision.answer)
    assert game.next_question() is None
    result = game.result()
    assert events(result) == events(played)
    assert [d.source for d in result.decisions] == [
        "outside" if d.question.agency == "nasa" else "policy" for d in played.decisions
    ]
    # and its log replays as run_timeline's does
    again = replay(log_text(result), scenario, 3, planner, until_year=1972)
    assert events(again) == events(played)


def test_stepping_refuses_a_bad_answer_and_an_unknown_agency(scenarios, planners):
    scenario, planner = scenarios["history"], planners["history"]
    game = SteppedRun(scenario, 3, "nasa", until_year=1970, planner=planner)
    with pytest.raises(ValueError, match="no question is waiting"):
        game.answer(None)
    question = game.next_question()
    assert question.kind == "next_mission"
    with pytest.raises(ValueError, match=f"answer {len(question.options)} is not among"):
        game.answer(len(question.options))
    with pytest.raises(ValueError, match="expected an option number or null"):
        game.answer("first")
    assert game.answers == [] and game.pending is question  # nothing taken
    with pytest.raises(InputError, match="unknown agency 'esa'; the scenario's agencies:"):
        SteppedRun(scenario, 3, "esa")


def test_the_python_example_of_docs_decisions_md_runs():
    # oracle: the asserts written in the example itself (docs are tests, STYLE.md 11)
    import re
    from pathlib import Path

    doc = Path(__file__).parents[2] / "docs" / "decisions.md"
    blocks = re.findall(r"```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1
    exec(compile(blocks[0], str(doc), "exec"), {})
