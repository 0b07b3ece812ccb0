"""A game: one agency in a player's chair, the others played by the engine, turn by turn.

A turn runs the history from where the last one ended to the player's agency's next
question, or at most to the next calendar quarter (1 January, April, July, October) so
that news flows in years without a question. The player answers the question
(:meth:`Game.answer`) or, on a quarter without one, goes on (:meth:`Game.advance`).

How the engine is paused: a run is a pure function of (scenario, seed, decisions), so each
turn replays the history from its first day with the player's answers so far
(``sim.stepping.play_to``): every other agency is asked its built-in policy, the player's
agency takes its answers in order, and the run stops at its first question no answer
covers, or at the turn's last day. Nothing lives between turns but the answers and where
the last turn ended, so a game is as small as its save, a web handler in any worker
process can play the next turn, and the saved game is the decision log itself. A turn
costs at most one replay of the history so far (``docs/benchmarks.md``, "Play").

No hidden bonuses: the player's agency is asked the same questions with the same options
as its built-in policy would be, through the same decision point, and the rivals see what
they always see. Answering every question as :meth:`Game.advice` says gives the history
the built-in policies play (``tests/play/test_session.py``).

Example:
    >>> from spacerace.scenario.loader import load_scenario
    >>> game = Game(load_scenario("history"), seed=3, agency="nasa", until_year=1969)
    >>> game.turn.question.kind, game.turn.choices[0].label
    ('next_mission', 'earth orbit on Saturn IB')
    >>> game.answer(None)  # wait: fly nothing now
    >>> game.turn.number
    1
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.errors import DecisionLogError, InputError
from spacerace.play.explain import Choice, choices_of, prompt_of
from spacerace.play.news import NewsItem, filter_news, news_of
from spacerace.play.save import SaveState, format_save, read_save
from spacerace.scenario.model import Scenario
from spacerace.sim.decision_log import DecisionLog
from spacerace.sim.decisions import Question
from spacerace.sim.planner import MissionPlanner
from spacerace.sim.result import RunResult
from spacerace.sim.stepping import Stop, play_to

__all__ = ["Game", "Turn"]


@dataclass(frozen=True)
class Turn:
    """What the player sees at the start of a turn.

    Attributes:
        number: Turns played before this one (0 for the first).
        day: Where the history stands, days since the start.
        date: The same as an ISO date.
        question: The question waiting for an answer, None on a quarter without one or
            once the game is over.
        prompt: The question as a sentence ("" without one).
        choices: Its options, numbered from 1 and explained.
        over: True once the history reached the game's last day.
    """

    number: int
    day: float
    date: str
    question: Question | None
    prompt: str = ""
    choices: tuple[Choice, ...] = ()
    over: bool = False

    def to_json(self) -> dict:
        """The turn as a JSON-ready dict (the question's kind, context and choices)."""
        q = self.question
        return {
            "number": self.number,
            "day": self.day,
            "date": self.date,
            "over": self.over,
            "question": None if q is None else q.kind,
            "context": {} if q is None else q.context_json(),
            "prompt": self.prompt,
            "choices": [c.to_json() for c in self.choices],
        }


@dataclass
class Game:
    """One agency played from outside (see the module docstring).

    Args:
        scenario: The scenario.
        seed: The seed.
        agency: Key of the agency in the player's chair.
        until_year: Last year played (default: the scenario's end).
        save_path: Where each turn is autosaved (None: not saved).
        planner: A mission planner to reuse (made for the span if not given, about 1 s).

    Raises:
        InputError: An unknown agency, or a year outside the scenario's span.
    """

    scenario: Scenario
    seed: int
    agency: str
    until_year: int | None = None
    save_path: Path | None = None
    planner: MissionPlanner | None = None
    answers: list[Any] = field(default_factory=list)
    turns: int = 0
    from_day: float = 0.0
    events_seen: int = 0
    last_step_s: float = 0.0
    _stop: Stop | None = field(default=None, repr=False)
    _advice: tuple[Any] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        scenario = self.scenario
        if self.agency not in scenario.agencies:
            known = ", ".join(sorted(scenario.agencies))
            raise InputError(f"unknown agency {self.agency!r}; the scenario's agencies: {known}")
        first = int(scenario.start[:4])
        if self.until_year is not None and not first <= self.until_year <= scenario.end_year:
            raise InputError(
                f"until {self.until_year}: expected a year from {first} to "
                f"{scenario.end_year} (the span of {scenario.name})"
            )
        self.seed = int(self.seed)
        if self.planner is None:
            from spacerace.sim.engine import make_planner

            self.planner = make_planner(scenario, self.until_year)
        if self._stop is None:
            self._stop, self.last_step_s = self._step(self.answers, self.from_day)
            self.autosave()

    @classmethod
    def load(
        cls,
        path: str | Path,
        *,
        scenario: Scenario | None = None,
        save_path: str | Path | None = "same",
        planner: MissionPlanner | None = None,
    ) -> Game:
        """Resume a saved game (``save_path``: where to autosave; by default the same file).

        Raises:
            InputError: The file cannot be read, is not a saved game, or its history is not
                the one its answers play (the line where it leaves it is named).
        """
        path = Path(path)
        scenario, seed, state, log = read_save(path, scenario)
        first = int(scenario.start[:4])
        if state.until_year is not None and not first <= state.until_year <= scenario.end_year:
            raise DecisionLogError(
                f"play: until_year {state.until_year} is outside {scenario.name}'s span",
                path=str(path),
                line=1,
            )
        if planner is None:
            from spacerace.sim.engine import make_planner

            planner = make_planner(scenario, state.until_year)
        stop = play_to(
            scenario, seed, state.agency, [], stop_day=_next_quarter(scenario, state.from_day),
            until_year=state.until_year, planner=planner, replay=log,
        )  # fmt: skip
        _check_resumed(stop, log, state)
        answers = [
            d.answer for d in stop.ctx.decisions.decisions if d.question.agency == state.agency
        ]
        return cls(
            scenario, seed, state.agency, until_year=state.until_year,
            save_path=path if save_path == "same" else (Path(save_path) if save_path else None),
            planner=planner, answers=answers, turns=state.turn, from_day=state.from_day,
            events_seen=state.events_seen, _stop=stop,
        )  # fmt: skip

    # what the player sees

    @property
    def turn(self) -> Turn:
        """The current turn."""
        stop = self._current()
        q = stop.question
        name = self.name_of(self.agency)
        return Turn(
            self.turns,
            stop.day,
            self.date_of(stop.day),
            q,
            prompt_of(q, name) if q is not None else "",
            choices_of(q, stop.ctx.world) if q is not None else (),
            stop.over,
        )

    @property
    def over(self) -> bool:
        """True once the history reached the game's last day."""
        return self._current().over

    def name_of(self, key: str) -> str:
        """An agency's display name."""
        agency = self._current().ctx.world.agencies.get(key)
        return agency.name if agency is not None else key

    def date_of(self, day: float) -> str:
        """ISO date of a day since the start."""
        return str(jd_tdb_to_iso(self._current().ctx.world.start_jd_tdb + day))

    def advice(self) -> Any:
        """What the agency's built-in policy would answer the waiting question (JSON-ready).

        It is asked with the same view and options (``sim.decisions.Paused.advise``).

        Raises:
            InputError: No question is waiting.
        """
        stop = self._current()
        if stop.question is None or stop.advise is None:
            raise InputError("no question is waiting")
        if self._advice is None:
            self._advice = (stop.advise(),)
        return self._advice[0]

    def debrief(self) -> list[NewsItem]:
        """What the player learned since the last turn ended (public events, in order)."""
        stop = self._current()
        return news_of(stop.ctx.log.events, stop.ctx.world, self.agency, self.events_seen)

    def news(self, **filters) -> list[NewsItem]:
        """Every event the player may know of so far, filtered (``play.news.filter_news``)."""
        stop = self._current()
        return filter_news(news_of(stop.ctx.log.events, stop.ctx.world, self.agency), **filters)

    def budget(self):
        """The player's agency now (``play.status.Budget``)."""
        from spacerace.play.status import budget_of

        return budget_of(self._current().ctx, self.agency)

    def rivals(self):
        """The other agencies as the player knows them (``play.status.Rival``)."""
        from spacerace.play.status import rivals_of

        stop = self._current()
        return rivals_of(stop.ctx, self.agency, self.news())

    def pending(self) -> list[str]:
        """What still waits before the turn can end, and what is under way (one line each)."""
        from spacerace.play.status import pending_of

        stop = self._current()
        return pending_of(stop.ctx, self.agency, self.turn)

    def result(self) -> RunResult:
        """The history so far as a ``RunResult`` (the whole run once the game is over)."""
        from spacerace.sim.engine import result_of

        return result_of(self._current().ctx, self.scenario)

    # what the player does

    def answer(self, answer: Any) -> None:
        """Answer the waiting question (JSON-ready: an option's index or None, names, bool).

        Raises:
            InputError: No question is waiting, or the answer is not among its options
                (one line saying why); nothing changes then.
        """
        q = self._current().question
        if q is None:
            raise InputError("no question is waiting: go on to the next turn")
        problem = q.check(answer)
        if problem:
            raise InputError(problem)
        self._end_turn(q.day, [*self.answers, answer])

    def advance(self) -> None:
        """End a turn that asked nothing (a quarter went by).

        Raises:
            InputError: A question is waiting (answer it first), or the game is over.
        """
        stop = self._current()
        if stop.question is not None:
            raise InputError(f"a question is waiting: {self.turn.prompt}")
        if stop.over:
            raise InputError("the game is over")
        self._end_turn(stop.day, self.answers)

    def autosave(self) -> Path | None:
        """Write the save (``play.save``) to ``save_path``, if set; return the path."""
        if self.save_path is None:
            return None
        from spacerace.atomic_files import write_atomic

        return write_atomic(self.save_path, self.save_text().encode("utf-8"))

    def save_text(self) -> str:
        """The save as text: the decision log so far with where the game stands."""
        stop = self._current()
        decisions = stop.ctx.decisions.decisions
        days = np.array([d.question.day for d in decisions], dtype=float)
        dates = jd_tdb_to_iso(stop.ctx.world.start_jd_tdb + days) if len(days) else []
        state = SaveState(self.agency, self.until_year, self.turns, self.from_day, self.events_seen)
        return format_save(self.scenario, self.seed, decisions, dates, state)

    # the engine

    def _current(self) -> Stop:
        assert self._stop is not None
        return self._stop

    def _end_turn(self, day: float, answers: list[Any]) -> None:
        """Play the next turn, then take it as the game's state.

        An interrupted replay leaves the game, and its last save, as they were.
        """
        events_seen = len(self._current().ctx.log)
        stop, took_s = self._step(answers, day)
        self.answers, self.from_day, self.events_seen = list(answers), day, events_seen
        self.turns += 1
        self._stop, self._advice, self.last_step_s = stop, None, took_s
        self.autosave()

    def _step(self, answers: list[Any], from_day: float) -> tuple[Stop, float]:
        began = time.perf_counter()
        stop = play_to(
            self.scenario, self.seed, self.agency, answers,
            stop_day=_next_quarter(self.scenario, from_day), until_year=self.until_year,
            planner=self.planner,
        )  # fmt: skip
        return stop, time.perf_counter() - began


def _next_quarter(scenario: Scenario, day: float) -> float:
    """The first 1 January, April, July or October after ``day`` (days since the start)."""
    from spacerace.sim.calendar import Calendar

    cal = Calendar(scenario.start_jd_tdb)
    year = cal.year(day)
    for y, month in [(year, m) for m in (1, 4, 7, 10)] + [(year + 1, 1)]:
        boundary = cal.day_of(y, month, 1)
        if boundary > day:
            return boundary
    return math.inf


def _check_resumed(stop: Stop, log: DecisionLog, state: SaveState) -> None:
    """Refuse a save whose answers no longer play the history it records."""
    point = stop.ctx.decisions
    where = point.left_log_at
    if where is None and point.log_records_used < len(log.records):
        where = log.records[point.log_records_used].line
    if where is not None:
        raise DecisionLogError(
            "the game's history leaves the save here (was it edited? `spacerace run "
            "--decisions` plays an edited log)",
            path=log.source,
            line=where,
        )
    if state.events_seen > len(stop.ctx.log) or state.from_day > stop.day:
        raise DecisionLogError(
            f"play: the game stood at day {state.from_day:g} with {state.events_seen} events "
            f"seen, beyond the history its answers play", path=log.source, line=1,
        )  # fmt: skip
