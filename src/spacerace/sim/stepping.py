"""Step a run to the next question of one agency, answer it from outside, go on.

The base of a human player: the engine plays every other agency with its policy, and the
played agency's questions wait for answers given through :meth:`SteppedRun.answer`.

A run is a pure function of (scenario, seed, decisions), so stepping replays: to reach the
next question, the run is played again from the start with the answers given so far, and
stops at the first question of the played agency that no answer covers: the asking process
fails with :class:`~spacerace.sim.decisions.Paused` and the clock halts right after that
SimPy event (``sim.engine.play_until``), so nothing else happens at that instant. A full
for-all-mankind timeline takes a tenth of a second on one core, so a step costs at most
that; nothing is kept between steps but the answers, and the finished run is the one
``run_timeline`` gives for the same decisions (its log replays byte for byte).

Example:
    >>> from spacerace.scenario.loader import load_scenario
    >>> game = SteppedRun(load_scenario("history"), seed=3, agency="nasa", until_year=1970)
    >>> q = game.next_question()
    >>> q.agency, q.kind, q.options[0].kind
    ('nasa', 'next_mission', 'earth_orbit')
    >>> game.answer(None)  # wait: fly nothing now
    >>> game.next_question().n > q.n
    True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacerace.scenario.model import Scenario
from spacerace.sim.context import RunContext, RunReference
from spacerace.sim.decision_log import DecisionLog
from spacerace.sim.decisions import DecisionPoint, Question
from spacerace.sim.planner import MissionPlanner
from spacerace.sim.result import RunResult

__all__ = ["Stop", "SteppedRun", "play_to"]


@dataclass(frozen=True)
class Stop:
    """Where a stepped run stopped, and the run as it stood there.

    Attributes:
        ctx: The run: its world, log and decisions up to ``day`` (read it, do not go on
            with it: the process that asked died with :class:`Paused`).
        day: The clock where it stopped, days since the start.
        question: The played agency's question waiting for an answer, None if the run
            stopped at ``stop_day`` or its end.
        advise: Returns what the agency's built-in policy would answer the question
            (JSON-ready; ``Paused.advise``), None without a question.
        over: True if the run reached its end.
    """

    ctx: RunContext
    day: float
    question: Question | None = None
    advise: Callable[[], Any] | None = None
    over: bool = False


def play_to(
    scenario: Scenario,
    seed: int,
    agency: str,
    answers: Sequence[Any],
    *,
    stop_day: float = math.inf,
    until_year: int | None = None,
    planner: MissionPlanner | None = None,
    reference: RunReference | None = None,
    replay: DecisionLog | None = None,
) -> Stop:
    """Play from the start, ``agency`` answered by ``answers``, to its next question or a day.

    Every other agency is answered by its policy. The run stops at the first question of
    ``agency`` that ``answers`` (JSON-ready, in order) does not cover, or before the events
    dated ``stop_day`` (days since the start), or at its end, whichever comes first. With
    ``replay`` (a decision log, e.g. a saved game), its answers come first, the played
    agency's too, while its questions fit the run's (``DecisionPoint``).

    Raises:
        ValueError: An answer in ``answers`` is not among its question's options.
    """
    from spacerace.sim.engine import play_until, start_run

    point = DecisionPoint(replay=replay, outside=agency, answers=answers)
    ctx = start_run(
        scenario,
        seed,
        until_year=until_year,
        planner=planner,
        decision_point=point,
        reference=reference,
    )
    stop = min(stop_day, ctx.end_day)
    if stop <= 0.0:
        return Stop(ctx, 0.0)
    play_until(ctx, stop, halt=lambda: point.paused is not None)
    if point.paused is not None:
        return Stop(ctx, ctx.now, point.paused.question, point.paused.advise)
    return Stop(ctx, ctx.now, over=stop >= ctx.end_day)


class SteppedRun:
    """A run one agency plays from outside, stepped question by question.

    Args:
        scenario: The scenario.
        seed: The seed.
        agency: Key of the agency played from outside.
        until_year: Last year to simulate (default: the scenario's end).
        planner: A planner to reuse (windows cost about a second to compute).
        answers: Answers already given (JSON-ready, in order), e.g. from a saved game.
    """

    def __init__(
        self,
        scenario: Scenario,
        seed: int,
        agency: str,
        *,
        until_year: int | None = None,
        planner: MissionPlanner | None = None,
        answers: list[Any] | None = None,
    ):
        if agency not in scenario.agencies:
            from spacerace.errors import InputError

            known = ", ".join(sorted(scenario.agencies))
            raise InputError(f"unknown agency {agency!r}; the scenario's agencies: {known}")
        from spacerace.sim.engine import make_planner

        self.scenario = scenario
        self.seed = int(seed)
        self.agency = agency
        self.until_year = until_year
        self.planner = planner or make_planner(scenario, until_year)
        self.answers: list[Any] = list(answers or [])
        self.pending: Question | None = None
        self._result: RunResult | None = None

    def next_question(self) -> Question | None:
        """Play until the agency's next unanswered question; None once the run is over."""
        from spacerace.sim.engine import result_of

        if self.pending is not None:
            return self.pending
        stop = play_to(
            self.scenario,
            self.seed,
            self.agency,
            self.answers,
            until_year=self.until_year,
            planner=self.planner,
        )
        if stop.question is not None:
            self.pending = stop.question
            return self.pending
        self._result = result_of(stop.ctx, self.scenario)
        return None

    def answer(self, answer: Any) -> None:
        """Answer the pending question (JSON-ready: an option number, names, true/false).

        Raises:
            ValueError: There is no pending question, or the answer is not among its options.
        """
        if self.pending is None:
            raise ValueError("no question is waiting: call next_question() first")
        problem = self.pending.check(answer)
        if problem:
            raise ValueError(problem)
        self.answers.append(answer)
        self.pending = None

    def result(self) -> RunResult:
        """The finished run (plays to the end if needed; every question must be answered)."""
        if self._result is None or self.pending is not None:
            if self.next_question() is not None:
                raise ValueError(f"{self.agency} still has a question to answer")
        assert self._result is not None
        return self._result
