"""Capture trajectories: LEO -> asteroid rendezvous -> return leg to a destination orbit.

For each candidate the search lays one time axis (a step of ``grid.step_days``) from the
first departure date to the last possible arrival, puts Earth, the destination planet
(DE421) and the asteroid (two-body from its catalogue elements) on it, and solves the batch
Lambert problem (:func:`spacerace.astro.lambert.solve_lambert`) for every

* outbound leg: departure from Earth on the axis x time of flight, 0 and 1 revolutions
  (both branches); cost = burn from a circular LEO onto the departure hyperbola
  (:func:`~spacerace.astro.transfers.departure_dv_km_s`) + the rendezvous burn matching
  the asteroid's velocity;
* return leg: departure from the asteroid x time of flight; cost = the burn that leaves the
  asteroid's orbit + the periapsis burn that captures into the destination orbit
  (:func:`~spacerace.astro.transfers.capture_dv_km_s`).

The legs are joined with a stay at the asteroid of ``grid.stay_days``; the chosen pair
minimises the initial mass in LEO (:func:`leo_mass_ratio`), which weighs the return burn
by the returned mass, as the launch bill does. Impulsive, patched conics; no phasing of the
LEO departure, no lunar flybys, no Earth or Mars gravity during the heliocentric legs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from spacerace.astro.ephemeris import Ephemeris
from spacerace.astro.heliocentric import SECONDS_PER_DAY, states_from_elements
from spacerace.astro.lambert import solve_lambert
from spacerace.astro.rockets import STANDARD_GRAVITY_KM_S2
from spacerace.astro.transfers import capture_dv_km_s, departure_dv_km_s
from spacerace.catalog.bodies import load_bodies
from spacerace.mining.destinations import Destination

__all__ = [
    "CaptureDesign",
    "CapturePorkchops",
    "SearchGrid",
    "capture_porkchops",
    "design_captures",
    "leo_mass_ratio",
]


@dataclass(frozen=True)
class SearchGrid:
    """The grid of the date search.

    Attributes:
        span_days: Departures from Earth from the start date through this many days.
        step_days: Step of the time axis (departure dates of both legs), days.
        tof_out_days: (min, max) outbound time of flight, days (a multiple of the step).
        tof_back_days: (min, max) return time of flight, days.
        tof_step_days: Step of both times of flight, days (a multiple of ``step_days``).
        stay_days: (min, max) time at the asteroid between the legs, days.
        leo_alt_km: Altitude of the circular LEO departed from, km (300 as Benner's list).
        multi_rev: Also try one-revolution transfers (both branches) on each leg.
    """

    span_days: float = 3652.5
    step_days: float = 5.0
    tof_out_days: tuple[float, float] = (30.0, 720.0)
    tof_back_days: tuple[float, float] = (60.0, 900.0)
    tof_step_days: float = 10.0
    stay_days: tuple[float, float] = (30.0, 400.0)
    leo_alt_km: float = 300.0
    multi_rev: bool = True


@dataclass(frozen=True)
class CaptureDesign:
    """The best capture mission found for each of K candidates (arrays of length K).

    Dates are TDB Julian dates; NaN everywhere for a candidate with no solution.

    Attributes:
        depart_jd_tdb: Departure from LEO.
        arrive_jd_tdb: Rendezvous with the asteroid.
        leave_jd_tdb: Departure from the asteroid with it (or its ore).
        capture_jd_tdb: Capture burn at the destination.
        dv_depart_km_s: LEO departure burn, km/s.
        dv_rendezvous_km_s: Rendezvous burn at the asteroid, km/s.
        dv_leave_km_s: Burn leaving the asteroid's orbit, km/s.
        dv_capture_km_s: Capture burn into the destination orbit, km/s.
        min_outbound_km_s: Cheapest outbound leg anywhere on the grid (LEO departure +
            rendezvous), whatever the return costs, km/s: the accessibility of the object.
        min_return_km_s: Cheapest return leg anywhere on the grid (leaving the asteroid +
            capture), whatever the outbound costs, km/s: its retrievability.
    """

    depart_jd_tdb: np.ndarray
    arrive_jd_tdb: np.ndarray
    leave_jd_tdb: np.ndarray
    capture_jd_tdb: np.ndarray
    dv_depart_km_s: np.ndarray
    dv_rendezvous_km_s: np.ndarray
    dv_leave_km_s: np.ndarray
    dv_capture_km_s: np.ndarray
    min_outbound_km_s: np.ndarray
    min_return_km_s: np.ndarray

    @property
    def dv_outbound_km_s(self) -> np.ndarray:
        """LEO departure + rendezvous, km/s."""
        return self.dv_depart_km_s + self.dv_rendezvous_km_s

    @property
    def dv_return_km_s(self) -> np.ndarray:
        """Leaving the asteroid + capture, km/s (pushing the returned mass)."""
        return self.dv_leave_km_s + self.dv_capture_km_s

    @property
    def dv_total_km_s(self) -> np.ndarray:
        """All four burns, km/s."""
        return self.dv_outbound_km_s + self.dv_return_km_s

    @property
    def duration_days(self) -> np.ndarray:
        """LEO departure to capture, days."""
        return self.capture_jd_tdb - self.depart_jd_tdb


def leo_mass_ratio(
    dv_out_km_s: np.ndarray, dv_back_km_s: np.ndarray, isp_s: float, return_ratio: np.ndarray
) -> np.ndarray:
    """Return the initial mass in LEO per kg of tug dry mass (ideal rocket equation).

    The tug carries its return propellant out; it returns with ``return_ratio`` kg of
    asteroid per kg of its dry mass: m_LEO / m_dry = (1 + (1 + R)(exp(dv_back/c) - 1))
    exp(dv_out/c), with c = Isp g0 (Curtis, ch. 11).

    Example:
        >>> round(float(leo_mass_ratio(0.0, 1.0, 1000.0, 0.0)), 4)  # exp(1 / 9.80665)
        1.1074
    """
    c_km_s = isp_s * STANDARD_GRAVITY_KM_S2
    at_asteroid = 1.0 + (1.0 + return_ratio) * np.expm1(dv_back_km_s / c_km_s)
    return at_asteroid * np.exp(dv_out_km_s / c_km_s)


def _steps(days: float, step_days: float) -> int:
    return int(round(days / step_days))


def _leg_solutions(r1, v1_body, r2, v2_body, tof_s, mu, multi_rev):
    """Lambert over a batch for 0 (and 1) revolutions; burn vectors of the cheapest branch."""
    branches = [dict(n_revs=0)]
    if multi_rev:
        branches += [dict(n_revs=1, low_path=True), dict(n_revs=1, low_path=False)]
    best_dep = best_arr = best_sum = None
    for kw in branches:
        sol = solve_lambert(r1, r2, tof_s, mu, **kw)
        dep = np.linalg.norm(sol.v1_km_s - v1_body, axis=-1)
        arr = np.linalg.norm(sol.v2_km_s - v2_body, axis=-1)
        total = np.where(sol.converged, dep + arr, np.inf)
        if best_sum is None:
            best_dep, best_arr, best_sum = dep, arr, total
        else:
            better = total < best_sum
            best_dep = np.where(better, dep, best_dep)
            best_arr = np.where(better, arr, best_arr)
            best_sum = np.where(better, total, best_sum)
    return best_dep, best_arr, np.isfinite(best_sum)


def _best_by_arrival(cost: np.ndarray, offsets: np.ndarray, n_axis: int):
    """For a (departure, time of flight) cost grid, the best cost per arrival index.

    Returns ``(best, dep, tof)``: arrays over the axis, with the departure index and the
    time-of-flight column of the best point (-1 where nothing arrives).
    """
    n_dep, n_tof = cost.shape
    shifted = np.full((n_tof, n_axis), np.inf)
    for j, off in enumerate(offsets):
        shifted[j, off : off + n_dep] = cost[:, j]
    tof = np.argmin(shifted, axis=0)
    best = shifted[tof, np.arange(n_axis)]
    dep = np.arange(n_axis) - offsets[tof]
    return best, np.where(np.isfinite(best), dep, -1), np.where(np.isfinite(best), tof, -1)


@dataclass(frozen=True)
class CapturePorkchops:
    """Delta-v of both legs of one candidate over the whole search grid, for plotting.

    Attributes:
        depart_jd_tdb: (n_dep,) departure dates from LEO.
        tof_out_days: (n_out,) outbound times of flight, days.
        dv_outbound_km_s: (n_dep, n_out) LEO departure + rendezvous, km/s (inf: no solution).
        leave_jd_tdb: (n_leave,) departure dates from the asteroid.
        tof_back_days: (n_back,) return times of flight, days.
        dv_return_km_s: (n_leave, n_back) leaving + capture, km/s (inf: no solution).
    """

    depart_jd_tdb: np.ndarray
    tof_out_days: np.ndarray
    dv_outbound_km_s: np.ndarray
    leave_jd_tdb: np.ndarray
    tof_back_days: np.ndarray
    dv_return_km_s: np.ndarray


class _Search:
    """The time axis, states and index grids shared by every candidate of one search."""

    def __init__(self, elements, start_jd_tdb, destination, ephemeris, grid):
        bodies = load_bodies()
        self.mu_sun = bodies["sun"].gm_km3_s2
        self.earth, self.target = bodies["earth"], bodies[destination.body]
        self.grid = grid
        step = grid.step_days
        self.n_dep = _steps(grid.span_days, step) + 1
        stride = _steps(grid.tof_step_days, step)
        lo, hi = (_steps(x, step) for x in grid.tof_out_days)
        self.tof_out = np.arange(lo, hi + 1, stride)
        lo, hi = (_steps(x, step) for x in grid.tof_back_days)
        self.tof_back = np.arange(lo, hi + 1, stride)
        self.stay_lo, stay_hi = (_steps(x, step) for x in grid.stay_days)
        self.stays = np.arange(self.stay_lo, stay_hi + 1)
        self.n_axis = self.n_dep + self.tof_out[-1] + stay_hi + self.tof_back[-1] + 1
        self.axis = start_jd_tdb + step * np.arange(self.n_axis)
        self.earth_state = ephemeris.state("earth", self.axis)
        self.dest_state = ephemeris.state(destination.body, self.axis)
        self.r_park = self.earth.equatorial_radius_km + grid.leo_alt_km
        self.rp = self.target.equatorial_radius_km + destination.periapsis_alt_km
        ra = destination.apoapsis_radius_km
        self.ecc_capture = (ra - self.rp) / (ra + self.rp)
        self.r_ast, self.v_ast = states_from_elements(
            elements["a_au"], elements["ecc"], elements["inc_deg"], elements["node_deg"],
            elements["peri_deg"], elements["mean_anomaly_deg"], elements["epoch_jd"], self.axis,
            self.mu_sun,
        )  # fmt: skip
        dep, arr = np.meshgrid(np.arange(self.n_dep), self.tof_out, indexing="ij")
        self.arr_i, self.dep_i = (dep + arr).ravel(), dep.ravel()
        self.n_leave = self.n_axis - self.tof_back[-1] - self.stay_lo
        leave, cap = np.meshgrid(
            np.arange(self.stay_lo, self.stay_lo + self.n_leave), self.tof_back, indexing="ij"
        )
        self.cap_i, self.leave_i = (leave + cap).ravel(), leave.ravel()

    def legs(self, k: int) -> dict[str, np.ndarray]:
        """Burns of every grid point of both legs for candidate ``k``."""
        step_s = self.grid.step_days * SECONDS_PER_DAY
        r_ast, v_ast = self.r_ast[k], self.v_ast[k]
        earth, dest = self.earth_state, self.dest_state
        vinf_dep, rdv, ok = _leg_solutions(
            earth.r_km[self.dep_i], earth.v_km_s[self.dep_i], r_ast[self.arr_i],
            v_ast[self.arr_i], (self.arr_i - self.dep_i) * step_s, self.mu_sun,
            self.grid.multi_rev,
        )  # fmt: skip
        dv_dep = departure_dv_km_s(vinf_dep, self.r_park, self.earth.gm_km3_s2)
        leave, vinf_cap, ok_b = _leg_solutions(
            r_ast[self.leave_i], v_ast[self.leave_i], dest.r_km[self.cap_i],
            dest.v_km_s[self.cap_i], (self.cap_i - self.leave_i) * step_s, self.mu_sun,
            self.grid.multi_rev,
        )  # fmt: skip
        dv_cap = capture_dv_km_s(vinf_cap, self.rp, self.target.gm_km3_s2, self.ecc_capture)
        return {
            "dv_dep": dv_dep,
            "rdv": rdv,
            "cost_out": np.where(ok, dv_dep + rdv, np.inf).reshape(self.n_dep, -1),
            "leave": leave,
            "dv_cap": dv_cap,
            "cost_back": np.where(ok_b, leave + dv_cap, np.inf).reshape(self.n_leave, -1),
        }


def design_captures(
    elements: dict[str, np.ndarray],
    start_jd_tdb: float,
    destination: Destination,
    ephemeris: Ephemeris,
    *,
    return_ratio: np.ndarray,
    isp_s: float,
    grid: SearchGrid | None = None,
    progress: Callable[[int], None] | None = None,
) -> CaptureDesign:
    """Design the best capture mission for each of K asteroids.

    Args:
        elements: Arrays of length K: ``a_au``, ``ecc``, ``inc_deg``, ``node_deg``,
            ``peri_deg``, ``mean_anomaly_deg``, ``epoch_jd`` (J2000 ecliptic elements).
        start_jd_tdb: First possible departure from LEO, TDB Julian date.
        destination: Where the asteroid goes (``mining.destinations.DESTINATIONS``).
        ephemeris: Planet ephemeris (DE421).
        return_ratio: Returned asteroid mass per kg of tug dry mass, shape (K,): weighs the
            return leg in the choice of dates.
        isp_s: Specific impulse of the tug, s.
        grid: The search grid (defaults of :class:`SearchGrid`).
        progress: Called with 1 after each candidate (for a progress bar).

    Returns:
        The best design per candidate.

    Raises:
        EphemerisRangeError: The time axis leaves the ephemeris span.
    """
    search = _Search(elements, start_jd_tdb, destination, ephemeris, grid or SearchGrid())
    n_axis, stay_lo, n_leave = search.n_axis, search.stay_lo, search.n_leave
    k_count = search.r_ast.shape[0]
    out = {name: np.full(k_count, np.nan) for name in CaptureDesign.__dataclass_fields__}
    for k in range(k_count):
        legs = search.legs(k)
        # Outbound: the best cost per arrival date at the asteroid.
        best_out, out_dep, out_tof = _best_by_arrival(legs["cost_out"], search.tof_out, n_axis)
        # Return: the best cost per departure date from the asteroid.
        back_tof = np.argmin(legs["cost_back"], axis=1)
        best_back = np.full(n_axis, np.inf)
        best_back[stay_lo : stay_lo + n_leave] = legs["cost_back"][np.arange(n_leave), back_tof]
        # Join: for each departure from the asteroid, the best arrival stay_lo..stay_hi before.
        windows = np.stack(
            [np.r_[np.full(s, np.inf), best_out[: n_axis - s]] for s in search.stays]
        )
        pick = np.argmin(windows, axis=0)
        best_in = windows[pick, np.arange(n_axis)]
        ratio = leo_mass_ratio(best_in, best_back, isp_s, return_ratio[k])
        ratio = np.where(np.isfinite(ratio), ratio, np.inf)
        d = int(np.argmin(ratio))
        out["min_outbound_km_s"][k] = best_out.min()
        out["min_return_km_s"][k] = best_back.min()
        if progress is not None:
            progress(1)
        if not np.isfinite(ratio[d]):
            continue
        a = d - search.stays[pick[d]]  # arrival index at the asteroid
        o = out_dep[a] * search.tof_out.size + out_tof[a]  # flat index into the outbound grid
        b = (d - stay_lo) * search.tof_back.size + back_tof[d - stay_lo]
        out["depart_jd_tdb"][k] = search.axis[search.dep_i[o]]
        out["arrive_jd_tdb"][k] = search.axis[search.arr_i[o]]
        out["leave_jd_tdb"][k] = search.axis[search.leave_i[b]]
        out["capture_jd_tdb"][k] = search.axis[search.cap_i[b]]
        out["dv_depart_km_s"][k] = legs["dv_dep"][o]
        out["dv_rendezvous_km_s"][k] = legs["rdv"][o]
        out["dv_leave_km_s"][k] = legs["leave"][b]
        out["dv_capture_km_s"][k] = legs["dv_cap"][b]
    return CaptureDesign(**out)


def capture_porkchops(
    elements: dict[str, np.ndarray],
    start_jd_tdb: float,
    destination: Destination,
    ephemeris: Ephemeris,
    grid: SearchGrid | None = None,
) -> CapturePorkchops:
    """Return both legs' delta-v over the search grid for one asteroid (K = 1 elements)."""
    search = _Search(elements, start_jd_tdb, destination, ephemeris, grid or SearchGrid())
    legs = search.legs(0)
    step = search.grid.step_days
    return CapturePorkchops(
        depart_jd_tdb=search.axis[: search.n_dep],
        tof_out_days=search.tof_out * step,
        dv_outbound_km_s=legs["cost_out"],
        leave_jd_tdb=search.axis[search.stay_lo : search.stay_lo + search.n_leave],
        tof_back_days=search.tof_back * step,
        dv_return_km_s=legs["cost_back"],
    )
