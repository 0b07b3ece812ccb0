"""The near-Earth asteroid catalogue (``data/neas.npz``), loaded once as NumPy arrays.

40,874 objects from the Minor Planet Center's "NEA extended" file (retrieved 2026-02-12),
osculating elements at JD 2461000.5 TT (2025-11-21) for all but 61, joined with JPL SBDB
physical data (diameter, albedo, spectral class) and the PDS asteroid taxonomy where known;
``tools/build_neas.py`` made the file and ``data/PROVENANCE.md`` says where each column
comes from. Angles are J2000 ecliptic. Loading takes about 0.1 s (measured in
``bench/bench_asteroids.py``) and happens once per process.

Propagating these elements with two-body motion to other epochs drifts, most for objects
that pass close to Earth: ``docs/asteroids.md`` measures the drift; :attr:`NeaCatalog.close_earth`
flags objects whose Earth MOID is under 0.05 AU.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from spacerace.errors import InputError, UnknownAsteroidError

__all__ = [
    "CLOSE_EARTH_MOID_AU",
    "ORBIT_TYPES",
    "NeaCatalog",
    "load_neas",
]

ORBIT_TYPES = ("Aten", "Apollo", "Amor", "Atira", "Distant Object")
"""MPC orbit types, indexed by :attr:`NeaCatalog.orbit_type`."""

CLOSE_EARTH_MOID_AU = 0.05
"""Earth MOID below which an object is flagged as a close-Earth-encounter orbit, AU.

The MPC's and JPL's threshold for potentially hazardous asteroids (0.05 AU).
"""


@dataclass(frozen=True, eq=False)
class NeaCatalog:
    """Column arrays of the catalogue, one entry per object (all arrays have length N).

    Attributes:
        designation: MPC principal designation, e.g. ``"2004 MN4"``.
        number: MPC number, 0 if unnumbered.
        name: IAU name or "".
        epoch_jd_tt: Epoch of the osculating elements, TT Julian date.
        a_au: Semi-major axis, AU.
        ecc: Eccentricity.
        inc_deg: Inclination to the J2000 ecliptic, degrees.
        node_deg: Longitude of the ascending node, degrees.
        peri_deg: Argument of perihelion, degrees.
        mean_anomaly_deg: Mean anomaly at the epoch, degrees.
        h_mag: Absolute magnitude H (NaN for 2 objects).
        first_obs_year: Year of the first observation (from the MPC arc).
        u_param: MPC uncertainty parameter 0 (best) to 9; -1 when blank or "E".
        orbit_type: Index into :data:`ORBIT_TYPES`.
        pha: MPC potentially-hazardous flag.
        jpl_diameter_km: Measured diameter from JPL SBDB, km, or NaN.
        jpl_albedo: Measured geometric albedo from JPL SBDB, or NaN.
        jpl_moid_au: JPL's Earth MOID, AU, or NaN (objects in the JPL PHA file only).
        spec_b: SMASSII (Bus) class from JPL, or "".
        spec_t: Tholen class from JPL, or "".
        pds_class: PDS taxonomy class (Bus-DeMeo, else Bus, SMASS, Tholen), or "".
        earth_moid_au: Earth MOID computed by ``astro.moid.planar_moid_au``, AU.
    """

    designation: np.ndarray
    number: np.ndarray
    name: np.ndarray
    epoch_jd_tt: np.ndarray
    a_au: np.ndarray
    ecc: np.ndarray
    inc_deg: np.ndarray
    node_deg: np.ndarray
    peri_deg: np.ndarray
    mean_anomaly_deg: np.ndarray
    h_mag: np.ndarray
    first_obs_year: np.ndarray
    u_param: np.ndarray
    orbit_type: np.ndarray
    pha: np.ndarray
    jpl_diameter_km: np.ndarray
    jpl_albedo: np.ndarray
    jpl_moid_au: np.ndarray
    spec_b: np.ndarray
    spec_t: np.ndarray
    pds_class: np.ndarray
    earth_moid_au: np.ndarray
    _index: dict = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return int(self.a_au.size)

    @property
    def close_earth(self) -> np.ndarray:
        """True where the Earth MOID is below :data:`CLOSE_EARTH_MOID_AU`: drift-prone orbits."""
        return self.earth_moid_au < CLOSE_EARTH_MOID_AU

    @property
    def spectral_class(self) -> np.ndarray:
        """Best known spectral class: JPL SMASSII, else PDS, else JPL Tholen, else ""."""
        out = np.where(self.spec_b != "", self.spec_b, self.pds_class)
        return np.where(out != "", out, self.spec_t)

    def known_in(self, year: int) -> np.ndarray:
        """True for objects observed by the end of ``year`` (first observation year <= year)."""
        return self.first_obs_year <= year

    def label(self, k: int) -> str:
        """Return a readable label, e.g. ``"(99942) Apophis"`` or ``"2006 RH120"``."""
        number, name, desig = int(self.number[k]), str(self.name[k]), str(self.designation[k])
        if number and name:
            return f"({number}) {name}"
        return f"({number}) {desig}" if number else desig

    def find(self, query: str) -> int:
        """Return the row of an asteroid given by name, number or designation.

        Matching ignores case, spaces and parentheses: ``"Apophis"``, ``"99942"``,
        ``"(99942)"``, ``"2004 MN4"`` and ``"2004mn4"`` all find Apophis.

        Raises:
            UnknownAsteroidError: Nothing matches; the error lists close matches.

        Example:
            >>> cat = load_neas()
            >>> cat.label(cat.find("apophis")), cat.label(cat.find("2006rh120"))
            ('(99942) Apophis', '2006 RH120')
        """
        if not self._index:
            self._build_index()
        key = _normalise(query)
        if not key:
            raise InputError("expected an asteroid name, number or designation, got nothing")
        if key in self._index:
            return self._index[key]
        close = difflib.get_close_matches(key, self._index.keys(), n=3, cutoff=0.75)
        suggestions = [self.label(self._index[c]) for c in close]
        raise UnknownAsteroidError(query, suggestions)

    def _build_index(self) -> None:
        rows = zip(self.designation.tolist(), self.number.tolist(), self.name.tolist(), strict=True)
        for k, (desig, number, name) in reversed(list(enumerate(rows))):  # first one wins
            self._index[_normalise(desig)] = k
            if number:
                self._index[str(number)] = k
            if name:
                self._index[_normalise(name)] = k


_DROP = str.maketrans("", "", " ()_-")


def _normalise(text: str) -> str:
    return str(text).lower().translate(_DROP)


@lru_cache(maxsize=1)
def load_neas() -> NeaCatalog:
    """Load the catalogue once per process.

    Example:
        >>> cat = load_neas()
        >>> len(cat), float(cat.epoch_jd_tt[cat.find("Eros")])
        (40874, 2461000.5)
    """
    with resources.files("spacerace.catalog.data").joinpath("neas.npz").open("rb") as f:
        with np.load(f, allow_pickle=False) as data:
            columns = {name: data[name] for name in data.files}
    return NeaCatalog(**columns)
