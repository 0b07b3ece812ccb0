"""Decision logs: a run's questions and answers as JSON lines, and reading them back.

``decisions.jsonl`` starts with a header naming the scenario (name and content hash) and
the seed, then holds one record per question, in the order asked::

    {"format": "spacerace-decisions", "version": 1, "scenario": "for-all-mankind",
     "scenario_hash": "…", "seed": 1, "decisions": 812}
    {"agency": "nasa", "answer": 0, "context": {}, "date": "1969-01-01", "day": 0.0,
     "n": 0, "options": [{…}], "question": "next_mission"}

Replaying a log (``run_timeline(..., decisions=log)``, ``spacerace run --decisions``) uses
its answers while its questions are the ones the run asks; the first record that does not
fit (an earlier answer was changed, so the history went another way) ends the replay and
the agencies' policies answer the rest. A log for another scenario or seed, an unknown
agency or question, an answer of the wrong shape or not among the options, or a line that
is not JSON is refused with its line number (:class:`~spacerace.errors.DecisionLogError`).
Reading finds every malformed line in one pass: the error is the first, ``str()`` adds
``(and N more, on lines ...)`` and ``.problems`` holds them all.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacerace.errors import DecisionLogError
from spacerace.scenario.model import Scenario
from spacerace.sim.decisions import QUESTIONS, Decision, Question

__all__ = ["FORMAT", "DecisionLog", "LogRecord", "format_decision_log", "parse_decision_log"]

FORMAT = "spacerace-decisions"
VERSION = 1
MAX_LINE_CHARS = 1_000_000
"""Longest record read (a fund question with every program is about 2,000 characters)."""
MAX_PROBLEMS = 1_000
"""Problems recorded before reading stops (a file of another format would give one a line)."""


class _Bad(Exception):
    """One line's problem, recorded by the reader's loop."""


_LINE_BREAKS = re.compile("[\x7f-\x9f\u2028\u2029]")  # what json.dumps leaves raw
_KEYS = ("agency", "answer", "context", "day", "n", "options", "question")


@dataclass(frozen=True)
class LogRecord:
    """One record of a decision log, as read.

    Attributes:
        line: Its line in the file (1-based).
        n: The question's number in the run.
        day: When it was asked, days since the start.
        agency: Agency key.
        question: One of ``sim.decisions.QUESTIONS``.
        options: The options, JSON-ready.
        context: The question's context, JSON-ready.
        answer: The answer, JSON-ready.
    """

    line: int
    n: int
    day: float
    agency: str
    question: str
    options: list
    context: dict
    answer: Any

    def fits(self, q: Question) -> bool:
        """True if this record is the question ``q`` (same number, day, agency, options)."""
        return (
            self.n == q.n
            and self.agency == q.agency
            and self.question == q.kind
            and self.day == q.day
            and self.context == q.context_json()
            and self.options == q.options_json()
        )


@dataclass(frozen=True)
class DecisionLog:
    """A decision log read for one (scenario, seed).

    Attributes:
        source: Where it was read from (for messages).
        scenario: Scenario name of the header.
        seed: Seed of the header.
        records: The records, in order.
    """

    source: str
    scenario: str
    seed: int
    records: tuple[LogRecord, ...]


def format_decision_log(scenario: Scenario, seed: int, decisions: Sequence[Decision], dates) -> str:
    """Return ``decisions.jsonl``: the header, then one record per decision (keys sorted).

    Args:
        scenario: The scenario played.
        seed: The seed.
        decisions: The run's decisions, in order.
        dates: ISO date of each decision (same length).
    """
    header = {
        "format": FORMAT,
        "version": VERSION,
        "scenario": scenario.name,
        "scenario_hash": scenario.content_hash(),
        "seed": int(seed),
        "decisions": len(decisions),
    }
    lines = [json.dumps(header, sort_keys=True)]
    for decision, date in zip(decisions, dates, strict=True):
        lines.append(json.dumps(decision.to_json(date), sort_keys=True, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def parse_decision_log(
    lines: Iterable[str], source: str, scenario: Scenario, seed: int
) -> DecisionLog:
    """Read a decision log for a scenario and seed, refusing what does not fit.

    Args:
        lines: The file's lines.
        source: Its name, for messages.
        scenario: The scenario the run plays.
        seed: The seed the run uses.

    Raises:
        DecisionLogError: Every malformed line (``.problems``, by line); its attributes and
            ``str()`` name the first.
    """
    records: list[LogRecord] = []
    problems: list[DecisionLogError] = []
    seen_header = False
    for number, text in enumerate(lines, start=1):
        if len(problems) >= MAX_PROBLEMS:
            break
        try:
            if len(text) > MAX_LINE_CHARS:
                raise _Bad(f"line longer than {MAX_LINE_CHARS:,} characters")
            if not text.strip():
                continue
            first, seen_header = not seen_header, True
            if not text.endswith("\n"):
                raise _Bad(
                    "the last line is cut off (no newline at its end): the file is truncated"
                )
            data = _json(text)
            if first:
                _header(data, scenario, seed)
                continue
            records.append(_record(data, number, scenario))
        except _Bad as bad:
            problems.append(DecisionLogError(str(bad), path=source, line=number))
    if not seen_header:
        problems.append(
            DecisionLogError(
                "empty: expected a header line, then one line per decision", path=source
            )
        )
    if not problems:  # numbering is only worth checking when every line could be read
        for expected, record in enumerate(records):
            if record.n != expected:
                problem = (
                    f"decision number {record.n} where {expected} was expected (a line is "
                    "missing or out of order)"
                )
                problems.append(DecisionLogError(problem, path=source, line=record.line))
                break
    if problems:
        raise DecisionLogError.of(problems)
    return DecisionLog(source, scenario.name, int(seed), tuple(records))


def _json(text: str) -> Any:
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        problem = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise _Bad(f"not JSON: {problem}") from None
    except RecursionError:
        raise _Bad("not JSON: nested too deeply") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _header(data: Any, scenario: Scenario, seed: int) -> dict:
    def fail(problem: str):
        raise _Bad(problem)

    if not isinstance(data, dict) or data.get("format") != FORMAT:
        fail(f'expected the header {{"format": "{FORMAT}", ...}} on the first line')
    if data.get("version") != VERSION:
        fail(f"version {data.get('version')!r}: this spacerace reads version {VERSION}")
    if data.get("scenario") != scenario.name:
        fail(f"made for scenario {_show(data.get('scenario'))}, not {scenario.name}")
    if data.get("scenario_hash") != scenario.content_hash():
        fail(
            f"made for another version of scenario {scenario.name} (content hash "
            f"{_show(data.get('scenario_hash'))}, this one is {scenario.content_hash()})"
        )
    given = data.get("seed")
    if not isinstance(given, int) or isinstance(given, bool) or given < 0:
        fail(f"seed: expected a whole number >= 0, got {_show(given)}")
    if given != int(seed):
        fail(f"made with seed {given}, not {seed}: give --seed {given}")
    return data


def _record(data: Any, number: int, scenario: Scenario) -> LogRecord:
    def fail(problem: str):
        raise _Bad(problem)

    if not isinstance(data, dict):
        fail("expected a JSON object (one decision)")
    missing = [k for k in _KEYS if k not in data]
    if missing:
        fail(f"missing {', '.join(missing)}")
    if not isinstance(data["agency"], str) or data["agency"] not in scenario.agencies:
        known = ", ".join(sorted(scenario.agencies))
        fail(f"unknown agency {_show(data['agency'])}; the scenario's agencies: {known}")
    if data["question"] not in QUESTIONS:
        fail(f"unknown question {_show(data['question'])}; known: {', '.join(QUESTIONS)}")
    n, day = data["n"], data["day"]
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        fail(f"n: expected a whole number >= 0, got {_show(n)}")
    if isinstance(day, bool) or not isinstance(day, int | float) or not math.isfinite(day):
        fail(f"day: expected a number, got {_show(day)}")
    if not isinstance(data["options"], list):
        fail(f"options: expected a list, got {_show(data['options'])}")
    if not isinstance(data["context"], dict):
        fail(f"context: expected an object, got {_show(data['context'])}")
    shape = _answer_shape(data["question"], data["answer"])
    if shape:
        fail(f"answer to {data['question']}: {shape}")
    return LogRecord(
        number, n, float(day), data["agency"], data["question"], data["options"],
        data["context"], data["answer"],
    )  # fmt: skip


def _answer_shape(question: str, answer: Any) -> str:
    """Return "" if the answer has its question's shape (options are checked on replay)."""
    if question == "next_mission":
        ok = answer is None or (isinstance(answer, int) and not isinstance(answer, bool))
        return "" if ok else f"expected an option number or null, got {_show(answer)}"
    if question in ("fund", "pick_crew"):
        ok = isinstance(answer, list) and all(isinstance(a, str) for a in answer)
        return "" if ok else f"expected a list of names, got {_show(answer)}"
    return "" if isinstance(answer, bool) else f"expected true or false, got {_show(answer)}"


def _show(value: Any) -> str:
    """A JSON value shortened to one line (its control characters escaped)."""
    if isinstance(value, str):
        value = value[:100]
    elif isinstance(value, list):
        value = value[:20]
    try:
        text = _LINE_BREAKS.sub(
            lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, default=str)
        )
    except (RecursionError, ValueError):
        text = "a value nested too deeply"
    return text if len(text) <= 60 else text[:57] + "..."
