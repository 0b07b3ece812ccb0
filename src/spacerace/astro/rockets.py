"""Rockets: the ideal rocket equation, propellant for a burn, serial staging and payload.

Ideal (no gravity or drag losses) estimates in s, kg and km/s. Every function takes scalars
or arrays: a scalar gives a float back, arrays broadcast and give an array. Formulas: Curtis,
*Orbital Mechanics for Engineering Students* (3rd ed., 2014), chapter 11.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from spacerace.astro._checks import as_output as _out
from spacerace.astro._checks import positive as _positive
from spacerace.astro._checks import require as _require
from spacerace.errors import InputError

__all__ = [
    "STANDARD_GRAVITY_KM_S2",
    "Stage",
    "max_payload_kg",
    "propellant_mass_kg",
    "rocket_dv_km_s",
    "stack_dv_km_s",
]

STANDARD_GRAVITY_KM_S2 = 9.80665e-3
"""Standard gravity g0 = 9.80665 m/s^2, exact by definition (3rd CGPM, 1901; ISO 80000-3)."""


def rocket_dv_km_s(isp_s: object, m0_kg: object, mf_kg: object) -> np.ndarray | float:
    """Return the ideal rocket equation's delta-v, Isp g0 ln(m0 / mf), km/s.

    Args:
        isp_s: Specific impulse, s.
        m0_kg: Mass before the burn, kg.
        mf_kg: Mass after the burn, kg; > 0 and <= ``m0_kg``.

    Example:
        >>> round(rocket_dv_km_s(300.0, np.e, 1.0), 6)  # one e-fold: Isp g0
        2.941995
    """
    isp = _positive("isp_s", isp_s)
    m0, mf = _positive("m0_kg", m0_kg), _positive("mf_kg", mf_kg)
    _require(mf <= m0, "mf_kg", mf, "<= m0_kg")
    return _out(isp * STANDARD_GRAVITY_KM_S2 * np.log(m0 / mf))


def propellant_mass_kg(dv_km_s: object, isp_s: object, m_final_kg: object) -> np.ndarray | float:
    """Return the propellant that gives ``dv_km_s`` to a final mass, mf (e^(dv/(Isp g0)) - 1), kg.

    Args:
        dv_km_s: Delta-v, km/s; >= 0.
        isp_s: Specific impulse, s.
        m_final_kg: Mass after the burn, kg.

    Example:
        >>> round(propellant_mass_kg(2.941995, 300.0, 1000.0), 1)  # e - 1 tonnes
        1718.3
    """
    if (
        isinstance(dv_km_s, float | int)
        and isinstance(isp_s, float | int)
        and isinstance(m_final_kg, float | int)
        and math.isfinite(dv_km_s)
        and dv_km_s >= 0
        and math.isfinite(isp_s)
        and isp_s > 0
        and math.isfinite(m_final_kg)
        and m_final_kg > 0
    ):  # valid scalars (the planner's case): the same float64 operations, no 0-d arrays
        return float(m_final_kg * np.expm1(dv_km_s / (isp_s * STANDARD_GRAVITY_KM_S2)))
    dv = np.asarray(dv_km_s, dtype=float)
    _require(np.isfinite(dv) & (dv >= 0), "dv_km_s", dv, "finite and >= 0")
    isp, mf = _positive("isp_s", isp_s), _positive("m_final_kg", m_final_kg)
    return _out(mf * np.expm1(dv / (isp * STANDARD_GRAVITY_KM_S2)))


@dataclass(frozen=True)
class Stage:
    """One rocket stage: it burns all its propellant, then drops its dry mass.

    Attributes:
        isp_s: Specific impulse, s (> 0).
        propellant_kg: Usable propellant, kg (>= 0).
        dry_kg: Everything dropped with the stage: structure, engines, residuals, kg (> 0).
    """

    isp_s: float
    propellant_kg: float
    dry_kg: float

    def __post_init__(self) -> None:
        _positive("isp_s", self.isp_s)
        _require(
            np.isfinite(self.propellant_kg) & (self.propellant_kg >= 0),
            "propellant_kg",
            self.propellant_kg,
            "finite and >= 0",
        )
        _positive("dry_kg", self.dry_kg)


def _check_stages(stages: Sequence[Stage]) -> None:
    if len(stages) == 0 or not all(isinstance(s, Stage) for s in stages):
        raise InputError(f"expected a non-empty sequence of Stage, got {stages!r}")


def stack_dv_km_s(stages: Sequence[Stage], payload_kg: object) -> np.ndarray | float:
    """Return the ideal delta-v of a stack of stages carrying a payload, km/s.

    Stages burn in order, first to last; each carries the stages after it and the payload
    (serial staging, no gravity or drag losses; Curtis chapter 11, staging).

    Args:
        stages: The stages, first to burn first.
        payload_kg: Payload above the last stage, kg (>= 0).

    Example:
        >>> stack = [Stage(300.0, 8000.0, 1000.0), Stage(450.0, 1500.0, 300.0)]
        >>> round(stack_dv_km_s(stack, 200.0), 3)
        9.94
    """
    _check_stages(stages)
    payload = np.asarray(payload_kg, dtype=float)
    _require(np.isfinite(payload) & (payload >= 0), "payload_kg", payload, "finite and >= 0")
    dv = np.zeros_like(payload)
    above = payload.copy()
    for stage in reversed(stages):
        burnout = above + stage.dry_kg
        dv = dv + stage.isp_s * STANDARD_GRAVITY_KM_S2 * np.log1p(stage.propellant_kg / burnout)
        above = burnout + stage.propellant_kg
    return _out(dv)


def max_payload_kg(stages: Sequence[Stage], dv_km_s: object) -> np.ndarray | float:
    """Return the largest payload for which a stack of stages still delivers ``dv_km_s``, kg.

    The stack's delta-v falls strictly as the payload grows, so the answer is found by
    bisection on a bracket grown by doubling: robust, and exact to rounding.

    Args:
        stages: The stages, first to burn first.
        dv_km_s: Delta-v wanted, km/s (> 0).

    Raises:
        InputError: If the stack cannot deliver ``dv_km_s`` even with no payload.

    Example:
        >>> stack = [Stage(300.0, 8000.0, 1000.0), Stage(450.0, 1500.0, 300.0)]
        >>> round(max_payload_kg(stack, stack_dv_km_s(stack, 200.0)), 6)
        200.0
    """
    _check_stages(stages)
    dv = _positive("dv_km_s", dv_km_s)
    best = np.asarray(stack_dv_km_s(stages, 0.0))
    if np.any(dv > best):
        bad = dv[dv > best].flat[0] if dv.ndim else float(dv)
        raise InputError(
            f"expected dv_km_s <= {float(best):.6g}, the most this stack delivers with no "
            f"payload, got {float(bad)}"
        )
    stack_kg = sum(s.propellant_kg + s.dry_kg for s in stages)
    lo, hi = np.zeros_like(dv), np.full_like(dv, stack_kg)
    while True:  # ends: the delta-v falls towards 0 as the payload grows
        enough = np.asarray(stack_dv_km_s(stages, hi)) >= dv
        if not enough.any():
            break
        lo, hi = np.where(enough, hi, lo), np.where(enough, 2.0 * hi, hi)
    while np.any(hi - lo > 4.0 * np.finfo(float).eps * (hi + stack_kg)):
        mid = 0.5 * (lo + hi)
        enough = np.asarray(stack_dv_km_s(stages, mid)) >= dv
        lo, hi = np.where(enough, mid, lo), np.where(enough, hi, mid)
    return _out(lo)
