"""Ctrl-C in a command: :class:`~spacerace.errors.Interrupted` saying what was kept.

A ``KeyboardInterrupt`` met inside a Numba kernel comes out as a ``SystemError``
("returned a result with an exception set") caused by it, one met while a class is made as
a ``RuntimeError`` ("Error calling __set_name__"); an error caused by a Ctrl-C counts as
that Ctrl-C. (:mod:`spacerace.cli.entry` defers Ctrl-C out of imports and Numba, so these
are rare; they are still one line and status 130.)
"""

from __future__ import annotations

import functools

from spacerace.errors import Interrupted

__all__ = ["interruptible", "is_ctrl_c"]


def is_ctrl_c(exc: BaseException) -> bool:
    """Whether ``exc`` is a ``KeyboardInterrupt`` or was caused by one (a kernel's, an import's).

    The chain is followed as a traceback shows it (``raise ... from None`` ends it), so an
    :class:`Interrupted` that says what was kept is not one.
    """
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, KeyboardInterrupt):
            return True
        if isinstance(exc, Interrupted):
            return False
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
        seen += 1
    return False


def interruptible(command, kept: str = ""):
    """``command`` with Ctrl-C turned into :class:`Interrupted` (``kept``: what is left).

    Click would print an empty line and Typer return 130 for a ``KeyboardInterrupt``;
    :func:`spacerace.cli.app.main` prints one line for ``Interrupted`` and exits 130.
    """

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (KeyboardInterrupt, Exception) as exc:
            if not is_ctrl_c(exc):
                raise
            raise Interrupted(kept) from None

    return wrapper
