"""Positions and velocities of the Sun, planets and Moon from a JPL SPK kernel.

The kernel is *handed in* (a ``jplephem.spk.SPK``, the reader Skyfield itself uses); this
module never opens a file. ``spacerace.catalog.ephemeris.load_de421()`` opens the DE421
kernel that the ``skyfield-data`` package ships.

Frame: ICRF (equatorial, J2000 axes), as the kernel gives it. Units: km and km/s. Epochs:
TDB Julian dates, one or many; every call evaluates all epochs in one vectorised pass over
the Chebyshev coefficients.

We evaluate the kernel through jplephem rather than through Skyfield's ``(mars - sun).at(t)``:
both run the same Chebyshev code, but the segment call skips building a ``Time`` and a
position object per call. ``tests/astro/test_ephemeris.py`` checks the two agree to 1 m.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.errors import EphemerisRangeError, UnknownBodyError

__all__ = ["BODY_NAIF_IDS", "Ephemeris", "StateVectors"]

SECONDS_PER_DAY = 86400.0

BODY_NAIF_IDS: dict[str, int] = {
    "ssb": 0,
    "sun": 10,
    "mercury": 199,
    "venus": 299,
    "earth": 399,
    "moon": 301,
    "earth-moon-barycenter": 3,
    "mars": 499,
    "jupiter": 5,
    "saturn": 6,
    "uranus": 7,
    "neptune": 8,
    "pluto": 9,
}
"""Body names to NAIF ids. Jupiter and beyond are their system barycentres, as in DE421."""


@dataclass(frozen=True)
class StateVectors:
    """Positions and velocities at one or many epochs.

    Attributes:
        r_km: Positions, km, shape (N, 3) (or (3,) for one epoch).
        v_km_s: Velocities, km/s, same shape.
    """

    r_km: np.ndarray
    v_km_s: np.ndarray


class Ephemeris:
    """States of solar-system bodies from an SPK kernel.

    Args:
        spk: An open ``jplephem.spk.SPK`` holding type-2 segments chained to the solar
            system barycentre (as JPL's DE4xx kernels do).
        name: A label for messages, e.g. ``"DE421"``.

    Example:
        >>> from spacerace.catalog.ephemeris import load_de421
        >>> eph = load_de421()
        >>> s = eph.state("earth", 2451545.0)
        >>> round(float(np.linalg.norm(s.r_km)) / 149597870.7, 4)  # AU from the Sun
        0.9833
    """

    def __init__(self, spk, name: str = "SPK"):
        self.name = name
        self._segments = {(seg.center, seg.target): seg for seg in spk.segments}
        self._parent = {target: center for center, target in self._segments}
        self.start_jd_tdb = max(seg.start_jd for seg in spk.segments)
        self.end_jd_tdb = min(seg.end_jd for seg in spk.segments)

    @property
    def bodies(self) -> tuple[str, ...]:
        """Names of the bodies this kernel can place."""
        return tuple(n for n, i in BODY_NAIF_IDS.items() if i == 0 or i in self._parent)

    def state(self, body: str, jd_tdb, center: str = "sun") -> StateVectors:
        """Return the state of ``body`` relative to ``center`` at the given epochs.

        Args:
            body: A name from :attr:`bodies`, e.g. ``"mars"`` or ``"moon"``.
            jd_tdb: Epoch(s), TDB Julian date; scalar or any-shaped array.
            center: The origin, e.g. ``"sun"`` (heliocentric), ``"earth"`` (geocentric) or
                ``"ssb"`` (barycentric).

        Returns:
            Positions in km and velocities in km/s, ICRF axes, shape ``jd_tdb.shape + (3,)``.

        Raises:
            UnknownBodyError: ``body`` or ``center`` is not in this kernel.
            EphemerisRangeError: An epoch lies outside the kernel's span.
        """
        jd = np.asarray(jd_tdb, dtype=float)
        self._check_range(jd)
        r_body, v_body = self._from_ssb(self._naif(body), jd.ravel())
        r_center, v_center = self._from_ssb(self._naif(center), jd.ravel())
        shape = jd.shape + (3,)
        r_km = (r_body - r_center).T.reshape(shape)
        v_km_s = ((v_body - v_center) / SECONDS_PER_DAY).T.reshape(shape)
        return StateVectors(r_km=r_km, v_km_s=v_km_s)

    def _naif(self, name: str) -> int:
        key = name.strip().lower() if isinstance(name, str) else name
        naif = BODY_NAIF_IDS.get(key)
        if naif is None or (naif != 0 and naif not in self._parent):
            raise UnknownBodyError(str(name), self.bodies)
        return naif

    def _from_ssb(self, naif: int, jd: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sum the segment chain from the barycentre: km and km/day, shape (3, N)."""
        r = np.zeros((3, jd.size))
        v = np.zeros((3, jd.size))
        while naif != 0:
            center = self._parent[naif]
            dr, dv = self._segments[(center, naif)].compute_and_differentiate(jd)
            r += dr
            v += dv
            naif = center
        return r, v

    def _check_range(self, jd: np.ndarray) -> None:
        bad = ~((jd >= self.start_jd_tdb) & (jd <= self.end_jd_tdb))
        if np.any(bad):
            first = jd[bad].flat[0]
            shown = jd_tdb_to_iso(first) if np.isfinite(first) else repr(float(first))
            raise EphemerisRangeError(
                f"{shown} is outside {self.name}, which covers "
                f"{jd_tdb_to_iso(self.start_jd_tdb)} to {jd_tdb_to_iso(self.end_jd_tdb)}",
                self.start_jd_tdb,
                self.end_jd_tdb,
                bad,
            )
