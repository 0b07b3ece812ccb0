"""A player's typed answer (``2``, ``3 1``, ``y``) turned into the answer the log records.

The terminal and a web form both hand text; the decision log records JSON-ready answers
(``sim.decisions``: an option's 0-based index or null, a list of names, true or false).
Options are numbered from 1 as :func:`spacerace.play.explain.choices_of` shows them.
"""

from __future__ import annotations

import re
from typing import Any

from spacerace.errors import InputError
from spacerace.sim.decisions import Question

__all__ = ["parse_answer"]

_SPLIT = re.compile(r"[\s,]+")
_YES = ("1", "y", "yes", "true")
_NO = ("2", "n", "no", "false")


def parse_answer(question: Question, text: str) -> Any:
    """The JSON-ready answer a typed text gives to ``question``.

    * ``next_mission``: an option number, or ``0`` (or ``w``) to wait;
    * ``fund``: option numbers, most important first (``3 1 2``), ``0`` for none, ``all``;
    * ``pick_crew``: as many option numbers as the crew has seats;
    * the rest: ``1``/``y``/``yes`` or ``2``/``n``/``no``.

    Whether the answer fits the question (a crew's size, a name twice) is
    :meth:`Question.check`'s to say.

    Raises:
        InputError: The text is not an answer of this question's form (one line).

    Example:
        >>> q = Question(0, 0.0, "nasa", "pick_crew", ("Ed Baldwin", "Gordo Stevens"),
        ...              (("size", 1),))
        >>> parse_answer(q, " 2 "), parse_answer(Question(1, 0.0, "nasa", "next_mission",
        ...     ("a", "b")), "w")
        (['Gordo Stevens'], None)
    """
    words = text.strip().lower()
    n = len(question.options)
    if question.kind == "next_mission":
        if words in ("0", "w", "wait"):
            return None
        return _number(words, n, "an option number from 1 to {n}, or 0 to wait") - 1
    if question.kind in ("fund", "pick_crew"):
        values = (
            [o.key for o in question.options] if question.kind == "fund" else list(question.options)
        )
        if question.kind == "fund" and words in ("0", "none"):
            return []
        if question.kind == "fund" and words == "all":
            return values
        how = "option numbers from 1 to {n}, separated by spaces"
        return [values[_number(w, n, how) - 1] for w in _SPLIT.split(words) if w]
    if words in _YES:
        return True
    if words in _NO:
        return False
    raise InputError(f"expected 1 (yes) or 2 (no), got {_show(text)}")


def _number(word: str, n: int, how: str) -> int:
    expected = how.format(n=n)
    if not re.fullmatch("[0-9]{1,9}", word):
        raise InputError(f"expected {expected}, got {_show(word)}")
    number = int(word)
    if not 1 <= number <= n:
        raise InputError(f"{number} is not among the options: expected {expected}")
    return number


def _show(text: str) -> str:
    text = text.strip()
    return repr(text if len(text) <= 40 else text[:37] + "...")
