"""Parse ``FROM..TO`` ranges typed on the command line into numbers."""

from __future__ import annotations

import math

from spacerace.errors import InputError

__all__ = ["parse_date_range", "parse_float_range"]


def _split(text: str, option: str) -> tuple[str, str]:
    parts = text.split("..")
    if len(parts) != 2 or not all(p.strip() for p in parts):
        raise InputError(f"{option} {text!r}: expected FROM..TO")
    return parts[0].strip(), parts[1].strip()


def parse_float_range(text: str, option: str) -> tuple[float, float]:
    """Return ``(lo, hi)`` from ``"LO..HI"``; both finite numbers, ``lo < hi``.

    Example:
        >>> parse_float_range("100..450", "--tof")
        (100.0, 450.0)
    """
    lo_text, hi_text = _split(text, option)
    try:
        lo, hi = float(lo_text), float(hi_text)
    except ValueError:
        raise InputError(f"{option} {text!r}: expected numbers, as in 100..450") from None
    if not (math.isfinite(lo) and math.isfinite(hi)):
        raise InputError(f"{option} {text!r}: expected finite numbers")
    if hi < lo:
        raise InputError(f"{option} {text!r}: the range is reversed")
    if hi == lo:
        raise InputError(f"{option} {text!r}: the range is empty")
    return lo, hi


def parse_date_range(text: str, option: str) -> tuple[float, float]:
    """Return TDB Julian dates ``(first, last)`` from ``"YYYY-MM-DD..YYYY-MM-DD"``.

    Example:
        >>> parse_date_range("2000-01-01..2000-01-02", "--depart")
        (2451544.5, 2451545.5)
    """
    from spacerace.astro.time import iso_to_jd_tdb

    first_text, last_text = _split(text, option)
    try:
        first, last = iso_to_jd_tdb(first_text), iso_to_jd_tdb(last_text)
    except InputError as exc:
        raise InputError(f"{option}: {exc}") from None
    if last < first:
        raise InputError(f"{option} {text!r}: the range is reversed")
    if last == first:
        raise InputError(f"{option} {text!r}: the range is empty")
    return first, last
