"""Mission-planning calls over real bodies: porkchops and launch windows from DE421.

These are the library calls behind ``spacerace porkchop`` and ``spacerace windows``: they
look the bodies up in the catalog, open DE421, choose default ranges and parking orbits,
and call :mod:`spacerace.astro.porkchop`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro.porkchop import (
    MAX_GRID_POINTS,
    ParkingOrbit,
    PorkchopGrid,
    TransferPoint,
    compute_porkchop,
    find_windows,
    grid_axis,
    hohmann_tof_days,
    synodic_period_days,
)
from spacerace.catalog.bodies import Body, get_body
from spacerace.catalog.ephemeris import load_de421
from spacerace.errors import GridTooLargeError, InputError

__all__ = [
    "DEFAULT_ARRIVAL_ALTITUDE_KM",
    "DEFAULT_PARKING_ALTITUDE_KM",
    "Porkchop",
    "default_tof_range_days",
    "launch_windows",
    "next_window",
    "porkchop",
]

DEFAULT_PARKING_ALTITUDE_KM = 200.0
"""Altitude of the circular parking orbit departures start from, km."""

DEFAULT_ARRIVAL_ALTITUDE_KM = 250.0
"""Altitude of the circular orbit arrivals are captured into, km."""


@dataclass(frozen=True)
class Porkchop:
    """A porkchop grid with the launch windows found in it.

    Attributes:
        grid: The computed grid.
        windows: Best transfer of each window whose optimum lies inside the grid; if none
            does, the grid's single best point.
        synodic_days: Synodic period of the two bodies, days.
        windows_inside: False when ``windows`` is the grid's best point at its edge (the
            window's optimum lies outside the departure range).
    """

    grid: PorkchopGrid
    windows: list[TransferPoint]
    synodic_days: float
    windows_inside: bool


def parking_orbits(
    origin: Body,
    target: Body,
    parking_altitude_km: float = DEFAULT_PARKING_ALTITUDE_KM,
    arrival_altitude_km: float = DEFAULT_ARRIVAL_ALTITUDE_KM,
) -> tuple[ParkingOrbit, ParkingOrbit]:
    """Return the circular departure and arrival orbits at two bodies.

    Args:
        origin: The departure body.
        target: The arrival body.
        parking_altitude_km: Altitude above the origin's equatorial radius, km.
        arrival_altitude_km: Altitude above the target's equatorial radius, km.
    """
    for what, alt in (
        ("parking altitude", parking_altitude_km),
        ("arrival altitude", arrival_altitude_km),
    ):
        if not np.isfinite(alt) or alt < 0:
            raise InputError(f"{what}: expected a non-negative number of km, got {alt:g}")
    return (
        ParkingOrbit(origin.gm_km3_s2, origin.equatorial_radius_km + parking_altitude_km),
        ParkingOrbit(target.gm_km3_s2, target.equatorial_radius_km + arrival_altitude_km),
    )


def default_tof_range_days(origin: str, target: str, jd_tdb: float) -> tuple[float, float]:
    """Return a time-of-flight range around the Hohmann time: 0.4x to 1.6x, whole days.

    Earth-Mars: about 104 to 414 days.
    """
    sun = get_body("sun")
    t_h = hohmann_tof_days(load_de421(), origin, target, jd_tdb, sun.gm_km3_s2)
    return float(np.floor(0.4 * t_h)), float(np.ceil(1.6 * t_h))


def porkchop(
    origin: str,
    target: str,
    depart_jd_tdb: tuple[float, float],
    tof_days: tuple[float, float] | None = None,
    *,
    depart_step_days: float = 1.0,
    tof_step_days: float = 1.0,
    parking_altitude_km: float = DEFAULT_PARKING_ALTITUDE_KM,
    arrival_altitude_km: float = DEFAULT_ARRIVAL_ALTITUDE_KM,
    by: str = "c3",
) -> Porkchop:
    """Compute a porkchop between two planets over a departure range.

    Args:
        origin: Departure body name, e.g. ``"earth"``.
        target: Arrival body name, e.g. ``"mars"``.
        depart_jd_tdb: First and last departure, TDB Julian dates.
        tof_days: Shortest and longest time of flight, days; default
            :func:`default_tof_range_days`.
        depart_step_days: Departure grid step, days.
        tof_step_days: Time-of-flight grid step, days.
        parking_altitude_km: Departure parking-orbit altitude, km.
        arrival_altitude_km: Arrival orbit altitude, km.
        by: What the windows minimise: ``"c3"``, ``"dv"`` or ``"vinf_arrive"``.

    Returns:
        The grid and its windows.
    """
    body1, body2 = get_body(origin), get_body(target)
    first, last = _check_range(depart_jd_tdb, "departure dates")
    tof = tof_days or default_tof_range_days(body1.name, body2.name, first)
    tof_lo, tof_hi = _check_range(tof, "times of flight")
    if tof_lo <= 0:
        raise InputError(f"times of flight must be positive, got {tof_lo:g}..{tof_hi:g} days")
    for what, step in (
        ("departure step", depart_step_days),
        ("time-of-flight step", tof_step_days),
    ):
        if not np.isfinite(step) or step <= 0:
            raise InputError(f"{what}: expected a positive number of days, got {step:g}")
    n_points = _n_steps(first, last, depart_step_days) * _n_steps(tof_lo, tof_hi, tof_step_days)
    if n_points > MAX_GRID_POINTS:
        raise GridTooLargeError(
            f"the grid would have {n_points:,} points, more than the {MAX_GRID_POINTS:,} that "
            "fit in memory: use larger steps or narrower ranges",
            n_points,
            MAX_GRID_POINTS,
        )
    dep_orbit, arr_orbit = parking_orbits(body1, body2, parking_altitude_km, arrival_altitude_km)
    eph = load_de421()
    mu_sun = get_body("sun").gm_km3_s2
    grid = compute_porkchop(
        eph,
        body1.name,
        body2.name,
        grid_axis(first, last, depart_step_days),
        grid_axis(tof_lo, tof_hi, tof_step_days),
        mu_sun,
        departure_orbit=dep_orbit,
        arrival_orbit=arr_orbit,
    )
    synodic = synodic_period_days(eph, body1.name, body2.name, first, mu_sun)
    windows = grid.best_windows(synodic, by=by)
    inside = bool(windows)
    if not windows:
        best = grid.best(by)
        windows = [best] if best is not None else []
    return Porkchop(grid=grid, windows=windows, synodic_days=synodic, windows_inside=inside)


def launch_windows(
    origin: str,
    target: str,
    start_jd_tdb: float,
    end_jd_tdb: float,
    tof_days: tuple[float, float] | None = None,
    *,
    by: str = "c3",
    parking_altitude_km: float = DEFAULT_PARKING_ALTITUDE_KM,
    arrival_altitude_km: float = DEFAULT_ARRIVAL_ALTITUDE_KM,
) -> list[TransferPoint]:
    """Return every launch window between two planets whose best departure is in a span.

    Args:
        origin: Departure body name.
        target: Arrival body name.
        start_jd_tdb: First departure considered, TDB Julian date.
        end_jd_tdb: Last departure considered, TDB Julian date.
        tof_days: Time-of-flight range, days; default :func:`default_tof_range_days`.
        by: What to minimise in each window: ``"c3"``, ``"dv"`` or ``"vinf_arrive"``.
        parking_altitude_km: Departure parking-orbit altitude, km.
        arrival_altitude_km: Arrival orbit altitude, km.

    Returns:
        One transfer per window, in order of departure.
    """
    body1, body2 = get_body(origin), get_body(target)
    start, end = _check_range((start_jd_tdb, end_jd_tdb), "departure span")
    tof = tof_days or default_tof_range_days(body1.name, body2.name, start)
    _check_range(tof, "times of flight")
    dep_orbit, arr_orbit = parking_orbits(body1, body2, parking_altitude_km, arrival_altitude_km)
    return find_windows(
        load_de421(),
        body1.name,
        body2.name,
        start,
        end,
        tof,
        get_body("sun").gm_km3_s2,
        by=by,
        departure_orbit=dep_orbit,
        arrival_orbit=arr_orbit,
    )


def next_window(
    origin: str, target: str, after_jd_tdb: float, tof_days: tuple[float, float] | None = None
) -> TransferPoint:
    """Return the first launch window whose best departure is after an epoch.

    Searches 1.5 synodic periods ahead (a window opens at least once in each).
    """
    eph = load_de421()
    body1, body2 = get_body(origin), get_body(target)
    synodic = synodic_period_days(
        eph, body1.name, body2.name, after_jd_tdb, get_body("sun").gm_km3_s2
    )
    end = min(after_jd_tdb + 1.5 * synodic, eph.end_jd_tdb - (tof_days or (0, 2000))[1])
    found = launch_windows(origin, target, after_jd_tdb, end, tof_days)
    if not found:
        raise InputError(
            f"no {origin}-{target} window opens between the start and the end of DE421"
        )
    return found[0]


def _check_range(pair, what: str) -> tuple[float, float]:
    lo, hi = (float(v) for v in pair)
    if not (np.isfinite(lo) and np.isfinite(hi)):
        raise InputError(f"{what}: expected finite numbers, got {lo:g}..{hi:g}")
    if hi < lo:
        raise InputError(f"{what}: the range is reversed ({lo:g} after {hi:g})")
    if hi == lo:
        raise InputError(f"{what}: the range is empty ({lo:g}..{hi:g})")
    return lo, hi


def _n_steps(lo: float, hi: float, step: float) -> int:
    return int(np.floor((hi - lo) / step + 1e-9)) + 2
