"""Argument checks shared by the public astro functions: one-line InputErrors, scalars kept."""

from __future__ import annotations

import numpy as np

from spacerace.errors import InputError


def as_output(x: np.ndarray) -> np.ndarray | float:
    """Return a float for a 0-d array, the array otherwise (scalars in, scalars out)."""
    return float(x) if np.ndim(x) == 0 else x


def require(ok: np.ndarray, name: str, value: object, expected: str) -> None:
    """Raise InputError naming the first value of ``name`` where ``ok`` is False."""
    ok = np.asarray(ok)
    if not ok.all():
        bad = np.broadcast_to(np.asarray(value, dtype=float), ok.shape)[~ok].flat[0]
        count = f" ({np.count_nonzero(~ok)} of {ok.size} values)" if ok.size > 1 else ""
        raise InputError(f"expected {name} {expected}, got {float(bad)}{count}")


def finite(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array, refusing NaN and infinity."""
    x = np.asarray(value, dtype=float)
    require(np.isfinite(x), name, x, "finite")
    return x


def positive(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array, refusing values that are not finite and > 0."""
    x = np.asarray(value, dtype=float)
    require(np.isfinite(x) & (x > 0), name, x, "finite and > 0")
    return x
