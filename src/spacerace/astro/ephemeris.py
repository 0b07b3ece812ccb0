"""Positions and velocities of the Sun, planets and Moon from a JPL SPK kernel.

The kernel is *handed in* (a ``jplephem.spk.SPK``, the reader Skyfield itself uses); this
module never opens a file. ``spacerace.catalog.ephemeris.load_de421()`` opens the DE421
kernel that the ``skyfield-data`` package ships.

Frame: ICRF (equatorial, J2000 axes), as the kernel gives it. Units: km and km/s. Epochs:
TDB Julian dates, one or many; every call evaluates all epochs in one vectorised pass over
the Chebyshev coefficients.

Type-2 segments (all of DE4xx) are summed by our own parallel Numba kernel
(``astro._chebyshev``), measured 18x faster than jplephem's NumPy evaluation on a
porkchop's 250,000 epochs (docs/benchmarks.md); other segment types fall back to jplephem.
``tests/astro/test_ephemeris.py`` checks the result against Skyfield (which reads the kernel
with jplephem) to 1 mm, and against jplephem segment by segment.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro._chebyshev import accumulate_segment, segment_arrays
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
        self._arrays: dict = {}  # per segment: Chebyshev arrays for the kernel, or None
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
        flat = np.ascontiguousarray(jd.ravel())
        r_km = np.zeros((flat.size, 3))
        v_km_s = np.zeros((flat.size, 3))
        body_chain = self._chain(self._naif(body))
        center_chain = self._chain(self._naif(center))
        shared = set(body_chain) & set(center_chain)  # e.g. 0->3 for the Moon about the Earth
        for key in body_chain:
            if key not in shared:
                self._accumulate(key, flat, 1.0, r_km, v_km_s)
        for key in center_chain:
            if key not in shared:
                self._accumulate(key, flat, -1.0, r_km, v_km_s)
        shape = jd.shape + (3,)
        return StateVectors(r_km=r_km.reshape(shape), v_km_s=v_km_s.reshape(shape))

    def _naif(self, name: str) -> int:
        key = name.strip().lower() if isinstance(name, str) else name
        naif = BODY_NAIF_IDS.get(key)
        if naif is None or (naif != 0 and naif not in self._parent):
            raise UnknownBodyError(str(name), self.bodies)
        return naif

    def _chain(self, naif: int) -> list[tuple[int, int]]:
        """Return the (center, target) segments leading from the barycentre to ``naif``."""
        chain = []
        while naif != 0:
            chain.append((self._parent[naif], naif))
            naif = self._parent[naif]
        return chain

    def _accumulate(self, key, jd, sign, r_km, v_km_s) -> None:
        """Add ``sign`` times one segment's state at ``jd`` into ``r_km`` and ``v_km_s``."""
        if key not in self._arrays:
            self._arrays[key] = segment_arrays(self._segments[key])
        arrays = self._arrays[key]
        if arrays is not None:
            accumulate_segment(*arrays, jd, sign, r_km, v_km_s)
            return
        dr, dv = self._segments[key].compute_and_differentiate(jd)  # km, km/day
        r_km += sign * dr.T
        v_km_s += sign * dv.T / SECONDS_PER_DAY

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
