"""Shoemaker-Helin delta-v: a cheap, vectorised estimate of the cost of reaching an asteroid.

E. M. Shoemaker and E. F. Helin (1978), "Earth-approaching asteroids as targets for
exploration", NASA CP-2053, pp. 245-256, estimate the delta-v of a rendezvous from low
Earth orbit with an idealised two-impulse transfer: leave LEO onto an ellipse tangent to
Earth's orbit that reaches the asteroid's aphelion (Apollos, Amors) or is tangent to its
orbit (Atens), and match the asteroid's velocity there, with the plane change split between
the two burns through cos(i/2). The result is the dimensionless figure of merit F (units of
Earth's orbital speed) and, following L. A. M. Benner's public list of NEA delta-v
("Delta-v for spacecraft rendezvous with all known near-Earth asteroids", JPL, which cites
Shoemaker & Helin), dv = 30 F + 0.5 km/s. The same calculation ranks objects in public
asteroid-mining databases (e.g. asterank). It ignores phasing: the asteroid is assumed to
be where the transfer needs it, so it is a floor-like screening number, not a trajectory.

Orbits are heliocentric: semi-major axis in AU, eccentricity, inclination to the ecliptic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro._checks import as_output as _out
from spacerace.astro._checks import finite as _finite
from spacerace.astro._checks import require as _require

__all__ = [
    "ShoemakerHelinBurns",
    "BENNER_LEO_SPEED_KM_S",
    "BENNER_OFFSET_KM_S",
    "BENNER_SCALE_KM_S",
    "EARTH_ORBIT_SPEED_KM_S",
    "shoemaker_helin_burns",
    "shoemaker_helin_dv_km_s",
]

EARTH_ORBIT_SPEED_KM_S = 29.784
"""Earth's mean orbital speed used by Benner's list, km/s (sqrt(GM_sun / 1 AU) = 29.78)."""

BENNER_LEO_SPEED_KM_S = 7.727
"""Circular speed in a 300 km low Earth orbit, the starting orbit of Benner's list, km/s."""

BENNER_SCALE_KM_S = 30.0
"""Benner's conversion of the figure of merit F to km/s (dv = 30 F + 0.5)."""

BENNER_OFFSET_KM_S = 0.5
"""Benner's allowance added to 30 F for the manoeuvres the model leaves out, km/s."""


@dataclass(frozen=True)
class ShoemakerHelinBurns:
    """The two burns of the Shoemaker-Helin estimate, km/s (each 30 times its F term).

    Attributes:
        leo_km_s: Leaving LEO onto the transfer (30 ul).
        rendezvous_km_s: Matching the asteroid's orbit (30 ur).
        vinf_earth_km_s: Excess speed of the transfer at Earth (30 sqrt(ut2)).
    """

    leo_km_s: np.ndarray | float
    rendezvous_km_s: np.ndarray | float
    vinf_earth_km_s: np.ndarray | float


def shoemaker_helin_dv_km_s(a_au: object, ecc: object, inc_rad: object) -> np.ndarray | float:
    """Return the Shoemaker-Helin rendezvous delta-v from LEO, km/s, for many orbits at once.

    Three cases by orbit class (Shoemaker & Helin 1978): Atens (a < 1 AU, the transfer is
    tangent to the asteroid's orbit inside 1 AU), Apollos (a >= 1 AU, q <= 1 AU) and Amors
    (q > 1 AU); the transfer ellipse runs from 1 AU to the aphelion Q = a (1 + e). With
    speeds in units of Earth's orbital speed, ``ut2`` is the square of the transfer's
    excess speed at Earth, ``uc2`` and ``ur2`` the squares of the transfer's and the
    asteroid's speeds where they meet; the burns are
    ``ul = sqrt(ut2 + 2 U0^2) - U0`` (leaving LEO at speed U0) and
    ``ur = sqrt(uc2 - 2 sqrt(ur2 uc2) cos(i/2) + ur2)``, and ``F = ul + ur``.

    Args:
        a_au: Semi-major axis, AU (> 0, elliptic orbits only).
        ecc: Eccentricity, in [0, 1).
        inc_rad: Inclination to the ecliptic, rad.

    Returns:
        ``30 F + 0.5``, km/s, the number Benner's list gives; NaN where the formulas have no
        real value (an orbit with aphelion beyond 2 AU and a < 1, which no NEA has).

    Example:
        >>> import math  # 2006 RH120 in Benner's list of 2013-04-14: 3.813 km/s
        >>> round(shoemaker_helin_dv_km_s(1.033, 0.025, math.radians(0.6)), 2)
        3.81
    """
    burns = shoemaker_helin_burns(a_au, ecc, inc_rad)
    return _out(np.asarray(burns.leo_km_s) + np.asarray(burns.rendezvous_km_s) + BENNER_OFFSET_KM_S)


def shoemaker_helin_burns(a_au: object, ecc: object, inc_rad: object) -> ShoemakerHelinBurns:
    """Return the burns of :func:`shoemaker_helin_dv_km_s` separately (no 0.5 km/s allowance).

    Example:
        >>> b = shoemaker_helin_burns(1.033, 0.025, 0.0105)  # 2006 RH120
        >>> round(b.leo_km_s, 2), round(b.rendezvous_km_s, 2)
        (3.23, 0.08)
    """
    a, e, inc = np.broadcast_arrays(
        _finite("a_au", a_au), _finite("ecc", ecc), _finite("inc_rad", inc_rad)
    )
    _require(a > 0, "a_au", a, "> 0")
    _require((e >= 0) & (e < 1), "ecc", e, "in [0, 1)")
    q_peri = a * (1.0 - e)
    q_aph = a * (1.0 + e)
    c = np.cos(inc / 2.0)
    aten = a < 1.0
    amor = ~aten & (q_peri > 1.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        semi_latus = a * (1.0 - e * e)
        # Atens: transfer tangent at the asteroid's orbit, inside 1 AU.
        ut2_aten = 2.0 - 2.0 * c * np.sqrt(2.0 * q_aph - q_aph**2)
        uc2_aten = 3.0 / q_aph - 1.0 - (2.0 / q_aph) * np.sqrt(2.0 - q_aph)
        ur2_aten = 3.0 / q_aph - 1.0 / a - (2.0 / q_aph) * c * np.sqrt(semi_latus / q_aph)
        # Apollos and Amors: transfer from 1 AU out to the aphelion.
        ut2_out = 3.0 - 2.0 / (q_aph + 1.0) - 2.0 * c * np.sqrt(2.0 * q_aph / (q_aph + 1.0))
        uc2_apollo = (
            3.0 / q_aph - 2.0 / (q_aph + 1.0) - (2.0 / q_aph) * np.sqrt(2.0 / (q_aph + 1.0))
        )
        uc2_amor = (
            3.0 / q_aph - 2.0 / (q_aph + 1.0) - (2.0 / q_aph) * c * np.sqrt(2.0 / (q_aph + 1.0))
        )
        ur2_apollo = 3.0 / q_aph - 1.0 / a - (2.0 / q_aph) * c * np.sqrt(semi_latus / q_aph)
        ur2_amor = 3.0 / q_aph - 1.0 / a - (2.0 / q_aph) * np.sqrt(semi_latus / q_aph)
        ut2 = np.where(aten, ut2_aten, ut2_out)
        uc2 = np.where(aten, uc2_aten, np.where(amor, uc2_amor, uc2_apollo))
        ur2 = np.where(aten, ur2_aten, np.where(amor, ur2_amor, ur2_apollo))
        u0 = BENNER_LEO_SPEED_KM_S / EARTH_ORBIT_SPEED_KM_S
        ul = np.sqrt(ut2 + 2.0 * u0 * u0) - u0
        ur = np.sqrt(uc2 - 2.0 * np.sqrt(ur2 * uc2) * c + ur2)
        vinf = np.sqrt(ut2)
    return ShoemakerHelinBurns(
        leo_km_s=_out(BENNER_SCALE_KM_S * ul),
        rendezvous_km_s=_out(BENNER_SCALE_KM_S * ur),
        vinf_earth_km_s=_out(BENNER_SCALE_KM_S * vinf),
    )
