"""The decision point: every question the engine puts to an agency, and every answer.

There are ten questions (:data:`QUESTIONS`): which programs to fund this fiscal year, which
mission to fly next, which crew to send, whether to keep a goal a rival reached first,
whether to pay for a base's consumables, whether to evacuate a base, whether to
escalate a crisis with a rival's base nearby or back down (``sim.lunar_front``), (a
company with its own launcher, each fiscal year) whether to sell launches, whether to join
an alliance sharing a base (``sim.base_agreements``), and (a company whose workers strike)
whether to settle the strike on their terms (``sim.base_society``). The engine
asks them only through :class:`DecisionPoint`, which

* asks the agency's policy (with the agency's own random stream ``policy:<key>``), or takes
  the answer from a decision log being replayed, or pauses the run for an answer from
  outside (``sim.stepping``);
* checks that the answer is among the options offered;
* records the question (with its options) and the answer as a :class:`Decision`, whose
  :meth:`Decision.to_json` is one JSON-ready record (``sim.decision_log`` writes them as
  ``decisions.jsonl``).

A run is a pure function of (scenario, seed, decisions): replaying a run's log gives the
same events, byte for byte; changing one answer changes the history from there on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from spacerace.errors import DecisionLogError

if TYPE_CHECKING:
    from spacerace.sim.context import RunContext
    from spacerace.sim.decision_log import DecisionLog

__all__ = ["QUESTIONS", "Decision", "DecisionPoint", "Paused", "Question"]

QUESTIONS = (
    "fund",
    "next_mission",
    "pick_crew",
    "keep_goal",
    "supply_base",
    "evacuate_base",
    "escalate",
    "sell_launches",
    "join_alliance",
    "settle_strike",
)
"""The questions an agency is asked (the ``Policy`` methods of the same names)."""

YES_NO = (True, False)


@dataclass(frozen=True)
class Question:
    """One question to one agency.

    Attributes:
        n: Its number in the run, from 0.
        day: When it was asked, days since the start.
        agency: Agency key.
        kind: One of :data:`QUESTIONS`.
        options: What may be answered: ``ProgramOption``s (``fund``, any subset in order of
            priority), ``MissionOption``s (``next_mission``, one or none), candidate names
            (``pick_crew``, ``size`` of them), or ``(True, False)``.
        context: What else the question says, as sorted (name, value) pairs (the mission
            kind and crew size; the goal and one's odds; the base and the cost or reserve).
    """

    n: int
    day: float
    agency: str
    kind: str
    options: tuple
    context: tuple[tuple[str, Any], ...] = ()

    def options_json(self) -> list:
        """The options as JSON-ready values."""
        if self.kind in ("fund", "next_mission"):
            return [asdict(o) for o in self.options]
        return list(self.options)

    def context_json(self) -> dict:
        """The context as a JSON-ready dict."""
        return dict(self.context)

    def check(self, answer: Any) -> str:
        """Return "" if a JSON-ready answer is valid for this question, else the problem."""
        kind, options = self.kind, self.options
        if kind == "next_mission":
            if answer is None:
                return ""
            if isinstance(answer, bool) or not isinstance(answer, int):
                return f"expected an option number or null, got {_show(answer)}"
            if not 0 <= answer < len(options):
                return f"answer {answer} is not among the {len(options)} options of {kind}"
            return ""
        if kind in ("fund", "pick_crew"):
            if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
                return f"expected a list of names, got {_show(answer)}"
            known = {o.key for o in options} if kind == "fund" else set(options)
            stray = [a for a in answer if a not in known]
            if stray:
                return f'"{stray[0]}" is not among the options of {kind}'
            if len(set(answer)) != len(answer):
                return f"a name is given twice in the answer to {kind}"
            size = min(dict(self.context).get("size", 0), len(options))
            if kind == "pick_crew" and len(answer) != size:
                return f"expected {size} names for the crew, got {len(answer)}"
            return ""
        if not isinstance(answer, bool):
            return f"expected true or false, got {_show(answer)}"
        return ""

    def decode(self, answer: Any) -> Any:
        """The engine's form of a valid JSON-ready answer."""
        if self.kind == "next_mission":
            return None if answer is None else self.options[answer]
        if self.kind in ("fund", "pick_crew"):
            return list(answer)
        return answer

    def encode(self, native: Any) -> Any:
        """The JSON-ready form of a policy's answer (an option becomes its number)."""
        if self.kind == "next_mission":
            if native is None:
                return None
            for i, option in enumerate(self.options):
                if option is native:
                    return i
            for i, option in enumerate(self.options):
                if option == native:
                    return i
            return -1  # not an option: refused by check()
        if self.kind in ("fund", "pick_crew"):
            return list(native)
        return native


@dataclass(frozen=True)
class Decision:
    """A question and its answer (JSON-ready), and who answered.

    Attributes:
        question: The question.
        answer: The answer, JSON-ready (an option number, names, or true/false).
        source: ``"policy"`` (the agency's policy), ``"log"`` (a replayed decision log) or
            ``"outside"`` (an answer given while the run was paused).
    """

    question: Question
    answer: Any
    source: str = "policy"

    def to_json(self, date: str = "") -> dict:
        """One record of ``decisions.jsonl`` (keys sorted when written)."""
        q = self.question
        record = {
            "n": q.n,
            "day": q.day,
            "agency": q.agency,
            "question": q.kind,
            "options": q.options_json(),
            "context": q.context_json(),
            "answer": self.answer,
        }
        if date:
            record["date"] = date
        return record


class Paused(Exception):  # noqa: N818 - a signal, not an error
    """Raised out of the run when the agency being played is asked and has no answer yet.

    Attributes:
        question: The question waiting for an answer.
        advise: Returns what the agency's built-in policy would answer (JSON-ready), asked
            with the same view and options; it draws from the agency's ``policy:<key>``
            stream of the stopped run, which is thrown away (a stepped run replays from
            the start), so asking changes no history. None if not known.
    """

    def __init__(self, question: Question, advise: Callable[[], Any] | None = None):
        super().__init__(question, advise)  # SimPy may rebuild the error from its args
        self.question = question
        self.advise = advise

    def __str__(self) -> str:
        return f"{self.question.agency} is asked {self.question.kind}"


class DecisionPoint:
    """Where the engine asks; holds the run's decisions in order.

    Args:
        replay: A decision log whose answers are used while its questions fit the run's.
        outside: Agency whose questions are answered from ``answers`` (in order) and, once
            they run out, pause the run (:class:`Paused`); None for none.
        answers: JSON-ready answers for ``outside``'s questions, in order.

    Attributes:
        paused: The pause raised for ``outside``'s first unanswered question, None before
            (``sim.engine.play_until`` halts on it: the run stops at that instant).
    """

    def __init__(
        self,
        replay: DecisionLog | None = None,
        outside: str | None = None,
        answers: Sequence[Any] = (),
    ):
        self.decisions: list[Decision] = []
        self.replay = replay
        self._next_record = 0
        self.left_log_at: int | None = None
        self.outside = outside
        self._answers = list(answers)
        self._next_answer = 0
        self.paused: Paused | None = None

    def ask(
        self,
        ctx: RunContext,
        agency: str,
        kind: str,
        options: Sequence,
        call: Callable[[Any], Any],
        **context: Any,
    ) -> Any:
        """Put one question to an agency and return its answer in the engine's form.

        Args:
            ctx: The run.
            agency: Agency key.
            kind: One of :data:`QUESTIONS`.
            options: The options offered.
            call: Asks the agency's policy: ``call(rng)`` returns its answer.
            **context: What else the question says (JSON-ready values).
        """
        question = Question(
            len(self.decisions),
            ctx.now,
            agency,
            kind,
            tuple(options),
            tuple(sorted(context.items())),
        )
        answer, source = self._from_log(question), "log"
        if answer is _NONE and agency == self.outside:
            answer, source = self._from_outside(question, ctx, call), "outside"
        if answer is _NONE:
            answer = question.encode(call(ctx.rng(f"policy:{agency}")))
            source = "policy"
            problem = question.check(answer)
            if problem:
                raise ValueError(f"the policy of {agency} answered {kind} badly: {problem}")
        self.decisions.append(Decision(question, answer, source))
        return question.decode(answer)

    def _from_log(self, question: Question) -> Any:
        log = self.replay
        if log is None or self.left_log_at is not None:
            return _NONE
        if self._next_record >= len(log.records):
            return _NONE
        record = log.records[self._next_record]
        if not record.fits(question):
            self.left_log_at = record.line
            return _NONE
        self._next_record += 1
        problem = question.check(record.answer)
        if problem:
            raise DecisionLogError(problem, path=log.source, line=record.line)
        return record.answer

    def _from_outside(self, question: Question, ctx: RunContext, call: Callable) -> Any:
        if self._next_answer >= len(self._answers):
            rng = ctx.rng(f"policy:{question.agency}")
            self.paused = Paused(question, lambda: question.encode(call(rng)))
            raise self.paused
        answer = self._answers[self._next_answer]
        self._next_answer += 1
        problem = question.check(answer)
        if problem:
            raise ValueError(f"answer {self._next_answer} for {question.agency}: {problem}")
        return answer

    @property
    def log_records_used(self) -> int:
        """Records of the replayed log whose answers were used."""
        return self._next_record


_NONE = object()


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
