"""The console entry point: Ctrl-C handled from the first line, before any heavy import.

``spacerace`` and ``python -m spacerace`` start here. This module imports only built-in
modules of the standard library (``_signal``, ``_thread``: its handler is in place about 5 ms
after Python's start-up), installs its SIGINT handler, and only then imports the command
line (Typer, Click, Rich) and, inside the commands, NumPy, Numba and DuckDB. Python's own
handling of Ctrl-C is not safe for such a process (issue 16):

- Python raises ``KeyboardInterrupt`` at whatever bytecode runs when the signal comes. Inside
  an import it can come out as another error (``RuntimeError: Error calling __set_name__``,
  a traceback); inside Numba's compiler or cache loader, or while llvmlite builds a module,
  it leaves native objects half-made, which can crash the process later (status -11).
  :func:`_on_sigint` therefore *defers* the interrupt while an import or Numba/llvmlite code
  is on the stack, and raises it at the first Python frame outside them.
- A ``KeyboardInterrupt`` that leaves code run by ``exec``/``eval`` of a *string* (dataclasses
  and Numba do that) sets CPython's ``_Py_UnhandledKeyboardInterrupt``; the flag stays set
  when the interrupt is caught later, and at exit CPython then kills itself with SIGINT
  (status -2) although the command printed its line and asked for 130. And interpreter
  finalization puts SIGINT's default action back, so a late Ctrl-C kills it as well.
  :func:`main` therefore ends an interrupted command with ``os._exit(130)`` after flushing
  and running the ``atexit`` functions, and ignores SIGINT once a command is over.

A second Ctrl-C stops at once (the one line, status 130): what is stored is committed
(DuckDB's transactions), outputs are written to a temporary file and renamed, so stopping
there keeps everything saved whole.

Ctrl-C before this module runs (Python's own start-up and ``site``, about 20 ms) is Python's
to handle: a ``KeyboardInterrupt`` traceback and death by SIGINT.
"""

import _signal as signal  # the C module: ``signal`` imports enum, 9 ms more without the handler
import _thread
import os
import sys
import time

__all__ = ["main", "install", "interrupted", "say_interrupted", "exit_interrupted", "tell_kept"]

RETRY_S = 0.02
"""How often a deferred Ctrl-C looks again for a frame where it may be raised."""

_DEFER_IN = ("importlib", "numba", "llvmlite")
"""Modules whose frames on the stack defer a Ctrl-C: imports, Numba's compiler and loader."""

_state = {"signals": 0, "pending": False, "retrying": False, "said": False, "kept": ""}


def install() -> None:
    """Put :func:`_on_sigint` in place of Python's SIGINT handler (main thread only)."""
    signal.signal(signal.SIGINT, _on_sigint)


def interrupted() -> bool:
    """Whether a Ctrl-C has come since :func:`install`."""
    return _state["signals"] > 0


def _deferring(frame) -> bool:
    """Whether ``frame`` or a caller runs an import or Numba/llvmlite code."""
    while frame is not None:
        name = frame.f_globals.get("__name__") or ""
        if name.split(".", 1)[0] in _DEFER_IN:
            return True
        frame = frame.f_back
    return False


def _on_sigint(signum, frame) -> None:
    if _state["retrying"]:  # our own retry (see _retry), not a new Ctrl-C
        _state["retrying"] = False
    else:
        _state["signals"] += 1
        if _state["signals"] > 1:  # a second Ctrl-C: stop now (everything saved is whole)
            exit_interrupted("")
    if _deferring(frame):
        if not _state["pending"]:
            _state["pending"] = True
            _thread.start_new_thread(_retry, ())
        return
    _state["pending"] = False
    raise KeyboardInterrupt


def _retry() -> None:
    """Until the deferred Ctrl-C is raised, ask the main thread again every RETRY_S."""
    while _state["pending"]:
        time.sleep(RETRY_S)
        if _state["pending"] and not _state["retrying"]:
            _state["retrying"] = True
            _thread.interrupt_main(signal.SIGINT)


def tell_kept(kept: str) -> None:
    """Say what a Ctrl-C now would keep, for a line that does not say it itself.

    A command that keeps things as it goes (an ensemble storing runs) tells it after each
    step; :func:`say_interrupted` uses it when it is given nothing more precise: a Ctrl-C
    that reaches :func:`main` rather than the command, a second Ctrl-C while the command is
    stopping. ``""`` forgets it.
    """
    _state["kept"] = kept


def say_interrupted(kept: str = "") -> None:
    """Print the one line ``spacerace: interrupted[: kept]`` on stderr.

    ``kept`` defaults to what :func:`tell_kept` was last told. :func:`exit_interrupted`
    prints the line only if this has not been called already.
    """
    _state["said"] = True
    kept = kept or _state["kept"]
    line = f"spacerace: interrupted: {kept}" if kept else "spacerace: interrupted"
    try:
        sys.stderr.write(" ".join(line.split()) + "\n")
        sys.stderr.flush()
    except Exception:  # stderr closed or broken: the status still says it
        pass


def exit_interrupted(kept: str = "") -> None:
    """End the process with status 130 after the one line, flushed outputs and ``atexit``.

    ``os._exit`` skips interpreter finalization: the ``_Py_UnhandledKeyboardInterrupt``
    flag checked after it (status -2) and native destructors of objects an interrupt left
    half-made (status -11).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state["pending"] = False
    if not _state["said"]:
        say_interrupted(kept)
    _end_workers()
    try:
        import atexit

        atexit._run_exitfuncs()  # e.g. the ephemeris kernel's close
    except BaseException:
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    os._exit(130)


def _end_workers() -> None:
    """Terminate the process's live multiprocessing children (an ensemble's pool workers).

    ``atexit`` runs multiprocessing's exit function, which joins every live child: a pool
    worker that the Ctrl-C left blocked on its result queue (the reader is gone) never ends,
    and the interrupted command hung after its line (seen once in 2 fresh-clone runs of
    tests/ensemble/test_interrupt.py). What the workers computed and the store has not
    received is lost either way; what is stored stays whole.
    """
    mp = sys.modules.get("multiprocessing")
    if mp is None:
        return
    try:
        for child in mp.active_children():
            child.terminate()
    except BaseException:
        pass


def main() -> None:
    """Run the ``spacerace`` command line with Ctrl-C handled from its first line."""
    install()
    try:
        from spacerace.cli.app import main as run_command_line

        run_command_line()
    except SystemExit as exc:
        if exc.code == 130 or interrupted():
            exit_interrupted("")  # app.main has printed the line that says what was kept
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the command is over (see above)
        raise
    except BaseException:  # any error an interrupt caused (or made) is that interrupt
        if interrupted():
            exit_interrupted("")
        raise
    signal.signal(signal.SIGINT, signal.SIG_IGN)
