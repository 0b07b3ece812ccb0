"""Porkchop grids: departure date x time of flight -> C3, v-infinity and delta-v.

A grid is one call to the batch Lambert solver (``astro.lambert``) over every
(departure, time of flight) pair, with the bodies' heliocentric states taken from an
:class:`~spacerace.astro.ephemeris.Ephemeris`. Points with no solution are NaN, and
``converged`` says which. Nothing here draws: ``spacerace.report.porkchop_plot`` does.

Conventions: single-revolution, prograde transfers (type I and type II both fall out of the
prograde choice); C3 is the square of the departure v-infinity; delta-v is the impulsive burn
from a circular parking orbit at the origin onto the departure hyperbola plus the burn from
the arrival hyperbola into a circular orbit at the target (patched conics).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from spacerace.astro.ephemeris import Ephemeris
from spacerace.astro.lambert import solve_lambert
from spacerace.astro.transfers import capture_dv_km_s, departure_dv_km_s
from spacerace.errors import GridTooLargeError, InputError

__all__ = [
    "MAX_GRID_POINTS",
    "ParkingOrbit",
    "PorkchopGrid",
    "TransferPoint",
    "compute_porkchop",
    "find_windows",
    "grid_axis",
    "hohmann_tof_days",
    "synodic_period_days",
]

SECONDS_PER_DAY = 86400.0

MAX_GRID_POINTS = 5_000_000
"""Largest grid computed in one call: about 400 bytes a point at peak, so 2 GB."""


@dataclass(frozen=True)
class ParkingOrbit:
    """A circular orbit at a body, where a transfer starts or ends.

    Attributes:
        mu_km3_s2: Gravitational parameter of the body, km^3/s^2.
        radius_km: Orbit radius from the body's centre, km (body radius + altitude).
    """

    mu_km3_s2: float
    radius_km: float


@dataclass(frozen=True)
class TransferPoint:
    """One transfer of a grid: dates, energies and burns.

    Attributes:
        depart_jd_tdb: Departure epoch, TDB Julian date.
        tof_days: Time of flight, days.
        c3_km2_s2: Launch energy C3, km^2/s^2.
        vinf_depart_km_s: Departure hyperbolic excess speed, km/s.
        vinf_arrive_km_s: Arrival hyperbolic excess speed, km/s.
        dv_depart_km_s: Burn from the departure parking orbit, km/s (NaN if none given).
        dv_arrive_km_s: Burn into the arrival orbit, km/s (NaN if none given).
    """

    depart_jd_tdb: float
    tof_days: float
    c3_km2_s2: float
    vinf_depart_km_s: float
    vinf_arrive_km_s: float
    dv_depart_km_s: float
    dv_arrive_km_s: float

    @property
    def arrive_jd_tdb(self) -> float:
        """Arrival epoch, TDB Julian date."""
        return self.depart_jd_tdb + self.tof_days

    @property
    def dv_total_km_s(self) -> float:
        """Sum of the departure and arrival burns, km/s."""
        return self.dv_depart_km_s + self.dv_arrive_km_s


@dataclass(frozen=True)
class PorkchopGrid:
    """Transfers over a departure x time-of-flight grid; every array has shape (D, T).

    Attributes:
        origin: Name of the departure body.
        target: Name of the arrival body.
        depart_jd_tdb: Departure epochs, TDB Julian dates, shape (D,).
        tof_days: Times of flight, days, shape (T,).
        c3_km2_s2: Launch energy, km^2/s^2.
        vinf_depart_km_s: Departure v-infinity, km/s.
        vinf_arrive_km_s: Arrival v-infinity, km/s.
        dv_depart_km_s: Burn from the departure parking orbit, km/s (NaN without one).
        dv_arrive_km_s: Burn into the arrival orbit, km/s (NaN without one).
        converged: True where the Lambert solver found the transfer.
    """

    origin: str
    target: str
    depart_jd_tdb: np.ndarray
    tof_days: np.ndarray
    c3_km2_s2: np.ndarray
    vinf_depart_km_s: np.ndarray
    vinf_arrive_km_s: np.ndarray
    dv_depart_km_s: np.ndarray
    dv_arrive_km_s: np.ndarray
    converged: np.ndarray = field(repr=False)

    @property
    def arrive_jd_tdb(self) -> np.ndarray:
        """Arrival epochs, TDB Julian dates, shape (D, T)."""
        return self.depart_jd_tdb[:, None] + self.tof_days[None, :]

    @property
    def dv_total_km_s(self) -> np.ndarray:
        """Departure plus arrival burn, km/s, shape (D, T)."""
        return self.dv_depart_km_s + self.dv_arrive_km_s

    def criterion(self, by: str) -> np.ndarray:
        """Return the array a search minimises: ``"c3"``, ``"dv"`` or ``"vinf_arrive"``."""
        arrays = {
            "c3": self.c3_km2_s2,
            "dv": self.dv_total_km_s,
            "vinf_arrive": self.vinf_arrive_km_s,
        }
        if by not in arrays:
            raise InputError(f"by: expected one of {', '.join(arrays)}, got {by!r}")
        return arrays[by]

    def point(self, i: int, j: int) -> TransferPoint:
        """Return the transfer at departure index ``i`` and time-of-flight index ``j``."""
        return TransferPoint(
            depart_jd_tdb=float(self.depart_jd_tdb[i]),
            tof_days=float(self.tof_days[j]),
            c3_km2_s2=float(self.c3_km2_s2[i, j]),
            vinf_depart_km_s=float(self.vinf_depart_km_s[i, j]),
            vinf_arrive_km_s=float(self.vinf_arrive_km_s[i, j]),
            dv_depart_km_s=float(self.dv_depart_km_s[i, j]),
            dv_arrive_km_s=float(self.dv_arrive_km_s[i, j]),
        )

    def best(self, by: str = "c3") -> TransferPoint | None:
        """Return the grid point minimising ``by`` (see :meth:`criterion`), or None if empty."""
        values = self.criterion(by)
        if not np.any(np.isfinite(values)):
            return None
        i, j = np.unravel_index(np.nanargmin(values), values.shape)
        return self.point(int(i), int(j))

    def best_windows(
        self, synodic_days: float, by: str = "c3", include_edges: bool = False
    ) -> list[TransferPoint]:
        """Return the best transfer of each launch window in the grid, by departure date.

        Windows are found greedily: the lowest point of the grid opens a window, departures
        within half a synodic period of it are closed, and the search repeats. A minimum on
        the first or last departure date is the tail of a window whose best lies outside the
        grid; it is left out unless ``include_edges``.

        Args:
            synodic_days: Synodic period of the two bodies, days (see
                :func:`synodic_period_days`).
            by: What to minimise, as in :meth:`criterion`.
            include_edges: Keep minima on the first or last departure date.
        """
        values = self.criterion(by)
        per_departure = _nanmin_rows(values)
        picks = _greedy_minima(self.depart_jd_tdb, per_departure, 0.5 * synodic_days)
        last = self.depart_jd_tdb.size - 1
        if not include_edges:
            picks = [i for i in picks if 0 < i < last]
        return [self.point(i, int(np.nanargmin(values[i]))) for i in picks]


def compute_porkchop(
    ephemeris: Ephemeris,
    origin: str,
    target: str,
    depart_jd_tdb,
    tof_days,
    mu_sun_km3_s2: float,
    *,
    departure_orbit: ParkingOrbit | None = None,
    arrival_orbit: ParkingOrbit | None = None,
    max_points: int = MAX_GRID_POINTS,
) -> PorkchopGrid:
    """Compute a porkchop grid between two bodies that orbit the Sun.

    Args:
        ephemeris: Where the bodies' heliocentric states come from.
        origin: Departure body, e.g. ``"earth"``.
        target: Arrival body, e.g. ``"mars"``.
        depart_jd_tdb: Departure epochs, TDB Julian dates, 1-D, increasing.
        tof_days: Times of flight, days, 1-D, positive, increasing.
        mu_sun_km3_s2: The Sun's gravitational parameter, km^3/s^2.
        departure_orbit: Circular parking orbit at the origin; without it the departure
            delta-v is NaN.
        arrival_orbit: Circular orbit captured into at the target; without it the arrival
            delta-v is NaN.
        max_points: Refuse grids with more points than this (memory).

    Returns:
        The grid; unconverged points are NaN.

    Raises:
        InputError: Empty, unsorted or non-finite axes, non-positive times of flight, the
            same body at both ends, or the Sun or Moon as an end.
        GridTooLargeError: More than ``max_points`` points.
        EphemerisRangeError: A departure or arrival lies outside the ephemeris.
        UnknownBodyError: A body the ephemeris does not hold.

    Example:
        >>> from spacerace.catalog.ephemeris import load_de421
        >>> from spacerace.astro.time import iso_to_jd_tdb
        >>> grid = compute_porkchop(load_de421(), "earth", "mars",
        ...     iso_to_jd_tdb("2005-08-12") + np.arange(3.0), np.array([200.0, 210.0]),
        ...     132712440041.279419)
        >>> grid.c3_km2_s2.shape
        (3, 2)
    """
    depart = _check_axis(depart_jd_tdb, "departure dates")
    tof = _check_axis(tof_days, "times of flight")
    if tof[0] <= 0:
        raise InputError(f"times of flight must be positive, got {tof[0]:g} days")
    origin, target = origin.strip().lower(), target.strip().lower()
    _check_ends(origin, target)
    n_points = depart.size * tof.size
    if n_points > max_points:
        raise GridTooLargeError(
            f"a {depart.size} x {tof.size} grid has {n_points:,} points, more than the "
            f"{max_points:,} allowed: widen the steps or narrow the ranges",
            n_points,
            max_points,
        )
    arrive = (depart[:, None] + tof[None, :]).ravel()
    ephemeris.state(target, np.array([arrive.min(), arrive.max()]))  # range check first
    s1 = ephemeris.state(origin, depart)
    s2 = _states_at(ephemeris, target, arrive)
    shape = (depart.size, tof.size)
    r1 = np.repeat(s1.r_km, tof.size, axis=0)
    sol = solve_lambert(r1, s2.r_km, np.tile(tof, depart.size) * SECONDS_PER_DAY, mu_sun_km3_s2)
    vinf1 = np.linalg.norm(sol.v1_km_s - np.repeat(s1.v_km_s, tof.size, axis=0), axis=1)
    vinf2 = np.linalg.norm(sol.v2_km_s - s2.v_km_s, axis=1)
    vinf1, vinf2 = vinf1.reshape(shape), vinf2.reshape(shape)
    nan = np.full(shape, np.nan)
    return PorkchopGrid(
        origin=origin,
        target=target,
        depart_jd_tdb=depart,
        tof_days=tof,
        c3_km2_s2=vinf1**2,
        vinf_depart_km_s=vinf1,
        vinf_arrive_km_s=vinf2,
        dv_depart_km_s=nan
        if departure_orbit is None
        else departure_dv_km_s(vinf1, departure_orbit.radius_km, departure_orbit.mu_km3_s2),
        dv_arrive_km_s=nan
        if arrival_orbit is None
        else capture_dv_km_s(vinf2, arrival_orbit.radius_km, arrival_orbit.mu_km3_s2),
        converged=sol.converged.reshape(shape),
    )


def find_windows(
    ephemeris: Ephemeris,
    origin: str,
    target: str,
    start_jd_tdb: float,
    end_jd_tdb: float,
    tof_days: tuple[float, float],
    mu_sun_km3_s2: float,
    *,
    by: str = "c3",
    departure_orbit: ParkingOrbit | None = None,
    arrival_orbit: ParkingOrbit | None = None,
    coarse_step_days: float = 4.0,
    fine_step_days: float = 0.5,
) -> list[TransferPoint]:
    """Return the best transfer of every launch window departing in a span of dates.

    A coarse grid over the whole span finds one minimum per synodic period (see
    :meth:`PorkchopGrid.best_windows`); a fine grid around each refines it. A window whose
    best departure falls on the edge of the span is kept: it is the best *within* the span.

    Args:
        ephemeris: Where the bodies' states come from.
        origin: Departure body.
        target: Arrival body.
        start_jd_tdb: First departure considered, TDB Julian date.
        end_jd_tdb: Last departure considered, TDB Julian date.
        tof_days: Shortest and longest time of flight considered, days.
        mu_sun_km3_s2: The Sun's gravitational parameter, km^3/s^2.
        by: What to minimise: ``"c3"``, ``"dv"`` (needs both orbits) or ``"vinf_arrive"``.
        departure_orbit: Parking orbit at the origin, for delta-v.
        arrival_orbit: Capture orbit at the target, for delta-v.
        coarse_step_days: Step of the scanning grid in both axes, days.
        fine_step_days: Step of the refining grid, days.

    Returns:
        One :class:`TransferPoint` per window, in order of departure.
    """
    if not end_jd_tdb > start_jd_tdb:
        raise InputError("the span of departures is empty or reversed")
    if not 0 < tof_days[0] < tof_days[1]:
        raise InputError(
            "times of flight: expected 0 < shortest < longest, "
            f"got {tof_days[0]:g}..{tof_days[1]:g}"
        )
    if not (coarse_step_days > 0 and fine_step_days > 0):
        raise InputError("grid steps must be positive")
    if by == "dv" and (departure_orbit is None or arrival_orbit is None):
        raise InputError("by='dv' needs both a departure and an arrival orbit")
    orbits = {"departure_orbit": departure_orbit, "arrival_orbit": arrival_orbit}
    synodic = synodic_period_days(ephemeris, origin, target, start_jd_tdb, mu_sun_km3_s2)
    coarse = compute_porkchop(
        ephemeris,
        origin,
        target,
        grid_axis(start_jd_tdb, end_jd_tdb, coarse_step_days),
        grid_axis(tof_days[0], tof_days[1], coarse_step_days),
        mu_sun_km3_s2,
        **orbits,
    )
    windows = []
    half = 2.0 * coarse_step_days
    for guess in coarse.best_windows(synodic, by=by):
        fine = compute_porkchop(
            ephemeris,
            origin,
            target,
            grid_axis(
                max(start_jd_tdb, guess.depart_jd_tdb - half),
                min(end_jd_tdb, guess.depart_jd_tdb + half),
                fine_step_days,
            ),
            grid_axis(
                max(tof_days[0], guess.tof_days - half),
                min(tof_days[1], guess.tof_days + half),
                fine_step_days,
            ),
            mu_sun_km3_s2,
            **orbits,
        )
        windows.append(fine.best(by) or guess)
    return windows


def synodic_period_days(
    ephemeris: Ephemeris, body1: str, body2: str, jd_tdb: float, mu_sun_km3_s2: float
) -> float:
    """Return the synodic period of two bodies from their osculating orbits at an epoch, days.

    Mean motions come from each body's osculating semi-major axis (vis-viva).

    Example:
        >>> from spacerace.catalog.ephemeris import load_de421
        >>> round(synodic_period_days(load_de421(), "earth", "mars", 2451545.0,
        ...       132712440041.279419))  # mean value 779.9 days (NASA Mars Fact Sheet)
        781
    """
    n1 = _mean_motion_rad_s(ephemeris, body1, jd_tdb, mu_sun_km3_s2)
    n2 = _mean_motion_rad_s(ephemeris, body2, jd_tdb, mu_sun_km3_s2)
    if math.isclose(n1, n2, rel_tol=1e-6):
        raise InputError(f"{body1} and {body2} have the same period: no synodic period")
    return 2.0 * math.pi / abs(n1 - n2) / SECONDS_PER_DAY


def hohmann_tof_days(
    ephemeris: Ephemeris, body1: str, body2: str, jd_tdb: float, mu_sun_km3_s2: float
) -> float:
    """Return half the period of the ellipse spanning the two osculating orbits, days.

    A scale for default time-of-flight ranges (Earth-Mars: about 259 days).
    """
    a1 = _semi_major_axis_km(ephemeris, body1, jd_tdb, mu_sun_km3_s2)
    a2 = _semi_major_axis_km(ephemeris, body2, jd_tdb, mu_sun_km3_s2)
    a = 0.5 * (a1 + a2)
    return math.pi * math.sqrt(a**3 / mu_sun_km3_s2) / SECONDS_PER_DAY


def _semi_major_axis_km(ephemeris, body, jd_tdb, mu_sun_km3_s2) -> float:
    s = ephemeris.state(body, float(jd_tdb))
    r = float(np.linalg.norm(s.r_km))
    v2 = float(np.dot(s.v_km_s, s.v_km_s))
    return 1.0 / (2.0 / r - v2 / mu_sun_km3_s2)


def _mean_motion_rad_s(ephemeris, body, jd_tdb, mu_sun_km3_s2) -> float:
    a = _semi_major_axis_km(ephemeris, body, jd_tdb, mu_sun_km3_s2)
    return math.sqrt(mu_sun_km3_s2 / a**3)


def _states_at(ephemeris: Ephemeris, body: str, jd_tdb: np.ndarray):
    """Evaluate the ephemeris once per distinct epoch (grids repeat arrival dates)."""
    unique, inverse = np.unique(jd_tdb, return_inverse=True)
    s = ephemeris.state(body, unique)
    return type(s)(r_km=s.r_km[inverse], v_km_s=s.v_km_s[inverse])


def _check_axis(values, what: str) -> np.ndarray:
    axis = np.atleast_1d(np.asarray(values, dtype=float))
    if axis.ndim != 1 or axis.size == 0:
        raise InputError(f"{what}: expected a non-empty 1-D range, got shape {axis.shape}")
    if not np.all(np.isfinite(axis)):
        raise InputError(f"{what}: expected finite numbers, got NaN or infinity")
    if axis.size > 1 and np.any(np.diff(axis) <= 0):
        raise InputError(f"{what}: expected increasing values (a reversed range?)")
    return axis


def _check_ends(origin: str, target: str) -> None:
    if origin == target:
        raise InputError(f"origin and target are both {origin!r}")
    for name in (origin, target):
        if name in ("sun", "ssb"):
            raise InputError(f"{name!r} cannot be an end of a heliocentric transfer")
        if name == "moon":
            raise InputError(
                "the Moon orbits the Earth: a heliocentric porkchop cannot reach it "
                "(see astro.transfers.earth_moon_transfer)"
            )


def grid_axis(start: float, stop: float, step: float) -> np.ndarray:
    """Return start..stop inclusive in steps (the last step may be shorter).

    Example:
        >>> grid_axis(0.0, 5.0, 2.0).tolist()
        [0.0, 2.0, 4.0, 5.0]
    """
    n = max(1, int(math.floor((stop - start) / step + 1e-9)) + 1)
    values = start + step * np.arange(n)
    if stop - values[-1] > 1e-9:
        values = np.append(values, stop)
    return values


def _nanmin_rows(values: np.ndarray) -> np.ndarray:
    out = np.full(values.shape[0], np.inf)
    finite = np.isfinite(values)
    rows = finite.any(axis=1)
    out[rows] = np.nanmin(np.where(finite[rows], values[rows], np.inf), axis=1)
    return out


def _greedy_minima(x: np.ndarray, y: np.ndarray, exclusion: float) -> list[int]:
    """Return indices of successive minima of y, each excluding x within ``exclusion``.

    A pick must also be the lowest point within ``exclusion / 2`` of itself: what is left
    between two windows once both are closed is a ridge, not a window.
    """
    remaining = np.isfinite(y)
    picks = []
    while np.any(remaining):
        i = int(np.argmin(np.where(remaining, y, np.inf)))
        near = np.abs(x - x[i]) <= 0.5 * exclusion
        if y[i] <= np.min(y[near]):
            picks.append(i)
        remaining &= np.abs(x - x[i]) >= exclusion
    return sorted(picks)
