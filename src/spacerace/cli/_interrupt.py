"""Ctrl-C in a command: :class:`~spacerace.errors.Interrupted` saying what was kept.

A ``KeyboardInterrupt`` met inside a Numba kernel comes out as a ``SystemError``
("returned a result with an exception set") caused by it; both count as Ctrl-C.
"""

from __future__ import annotations

import functools

from spacerace.errors import Interrupted

__all__ = ["interruptible", "is_ctrl_c"]


def is_ctrl_c(exc: BaseException) -> bool:
    """Whether ``exc`` is a ``KeyboardInterrupt`` or was caused by one (a compiled kernel's)."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, KeyboardInterrupt):
            return True
        if not isinstance(exc, SystemError):
            return False
        exc = exc.__cause__ or exc.__context__
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
        except (KeyboardInterrupt, SystemError) as exc:
            if not is_ctrl_c(exc):
                raise
            raise Interrupted(kept) from None

    return wrapper
