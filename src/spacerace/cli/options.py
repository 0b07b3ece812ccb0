"""Command-line options several commands share, declared once, and bounds for numbers.

Every numeric option says its allowed range in ``--help`` and refuses a value outside it
(or NaN, or an infinity) with one line naming the option, the value and the range,
before any work starts: :func:`int_in` and :func:`float_in` make the checks, raising
:class:`~spacerace.errors.InputError` from the option's callback.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Annotated

import typer

from spacerace.errors import InputError

__all__ = [
    "MAX_SEED",
    "MAX_YEAR",
    "MIN_YEAR",
    "DbOption",
    "JsonOption",
    "ScenarioOption",
    "float_in",
    "int_in",
    "seed_option",
]

MAX_SEED = 2**63 - 1
"""Largest seed: the store keeps seeds as DuckDB BIGINT (signed 64-bit)."""

MIN_YEAR, MAX_YEAR = 1900, 2052
"""Calendar years DE421 covers whole (it spans 1899-07-29 to 2053-10-09)."""

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="The store (a DuckDB file). Default: spacerace.duckdb in the user's data folder.",
    ),
]

ScenarioOption = Annotated[
    str,
    typer.Option(
        "--scenario",
        help="Built-in scenario name (see `spacerace scenario list`) or a TOML file.",
    ),
]


def _fmt(x: float) -> str:
    if isinstance(x, int):
        return f"{x:,}" if abs(x) >= 10_000 else str(x)
    return f"{x:,.0f}" if x.is_integer() and abs(x) >= 10_000 else f"{x:g}"


def int_in(option: str, lo: int, hi: int, why: str = ""):
    """A Typer callback refusing an integer outside ``lo..hi`` (None passes: not given).

    Example:
        >>> int_in("--top", 1, 1000)(5)
        5
    """
    reason = f" ({why})" if why else ""

    def check(value):
        if value is not None and not lo <= value <= hi:
            raise InputError(
                f"{option} {value}: expected a whole number from {_fmt(lo)} to {_fmt(hi)}{reason}"
            )
        return value

    return check


def float_in(option: str, lo: float, hi: float, *, low_open: bool = False, why: str = ""):
    """A Typer callback refusing NaN, infinities and numbers outside ``lo..hi``.

    ``low_open`` excludes ``lo`` itself (a step must be more than 0).

    Example:
        >>> float_in("--step", 0, 365, low_open=True)(2.0)
        2.0
    """
    reason = f" ({why})" if why else ""
    above = f"more than {_fmt(lo)}" if low_open else f"from {_fmt(lo)}"

    def check(value):
        if value is None:
            return value
        inside = math.isfinite(value) and (lo < value if low_open else lo <= value) and value <= hi
        if not inside:
            raise InputError(f"{option} {value:g}: expected a number {above} to {_fmt(hi)}{reason}")
        return value

    return check


def seed_option(help_text: str):
    """The ``--seed`` option: a whole number from 0 to 2**63-1 (what the store keeps)."""
    return typer.Option(
        "--seed",
        help=f"{help_text} 0 to 2**63-1.",
        callback=int_in("--seed", 0, MAX_SEED, "seeds are stored as signed 64-bit integers"),
    )


def _output_path(text: str) -> Path:
    """The path of ``--out``/``--plot`` as typed: an empty one is refused, not taken as ``.``."""
    if not text.strip():
        raise typer.BadParameter("expected a path, got an empty string")
    return Path(text)


def output_option(option: str, help_text: str, *, folder: bool):
    """An output path option (``DIR`` or ``FILE``), checked by :mod:`spacerace.cli.outputs`."""
    return typer.Option(
        option, metavar="DIR" if folder else "FILE", parser=_output_path, help=help_text
    )
