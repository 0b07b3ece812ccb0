"""Screening: every object known in a year scored at once, before any trajectory design.

:func:`screen` takes about 0.04 s for the whole catalogue (``bench/bench_asteroids.py``):
Shoemaker-Helin delta-v (:mod:`spacerace.astro.shoemaker_helin`), size and mass
(:mod:`spacerace.mining.size`), and a screening profit from estimated legs: outbound = the
Shoemaker-Helin burns (without Benner's 0.5 km/s allowance, which our Lambert optima do not
spend: ``tests/mining/test_capture.py``), return = the rendezvous burn again plus the capture
from the transfer's excess speed at Earth (for Mars, plus a Hohmann transfer from Earth's
orbit). :mod:`spacerace.mining.ranking` designs trajectories for the best of them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro.shoemaker_helin import shoemaker_helin_burns
from spacerace.astro.time import jd_tdb_to_iso, year_to_jd_tdb
from spacerace.astro.transfers import capture_dv_km_s
from spacerace.catalog.asteroid_classes import SpaceMarket
from spacerace.catalog.bodies import load_bodies
from spacerace.catalog.ephemeris import load_de421
from spacerace.catalog.neas import NeaCatalog, load_neas
from spacerace.errors import EphemerisRangeError, InputError
from spacerace.mining.capture import SearchGrid
from spacerace.mining.destinations import Destination, get_destination
from spacerace.mining.economics import Architecture, delivery_dv_km_s, mission_economics
from spacerace.mining.size import PhysicalProperties, physical_properties

__all__ = ["Screening", "check_year", "screen"]


@dataclass(frozen=True)
class Screening:
    """Screening of every object known by a year (arrays over the known objects).

    Attributes:
        year: The simulated year.
        destination: Destination key.
        rows: Catalogue rows of the objects known by ``year``.
        dv_sh_km_s: Shoemaker-Helin delta-v as Benner lists it (30 F + 0.5), km/s.
        dv_out_est_km_s: Estimated outbound delta-v, km/s.
        dv_back_est_km_s: Estimated return delta-v, km/s.
        props: Sizes and masses (:class:`~spacerace.mining.size.PhysicalProperties`).
        profit_est_musd: Screening profit, M$ of the architecture's dollar year.
    """

    year: int
    destination: str
    rows: np.ndarray
    dv_sh_km_s: np.ndarray
    dv_out_est_km_s: np.ndarray
    dv_back_est_km_s: np.ndarray
    props: PhysicalProperties
    profit_est_musd: np.ndarray


def check_year(year: int, cat: NeaCatalog, grid: SearchGrid) -> float:
    """Return the first departure date of ``year``; refuse years the search cannot cover.

    Raises:
        InputError: ``year`` is not a whole year or precedes every first observation.
        EphemerisRangeError: The search from ``year`` would leave DE421.
    """
    if not isinstance(year, int | np.integer):
        raise InputError(f"year: expected a whole year, got {year!r}")
    first = int(cat.first_obs_year.min())
    if year < first:
        raise InputError(
            f"year {year}: no near-Earth asteroid had been observed yet "
            f"(the earliest first observation in the catalogue is {first})"
        )
    eph = load_de421()
    start = float(year_to_jd_tdb(year))
    end = start + grid.span_days + grid.tof_out_days[1] + grid.stay_days[1] + grid.tof_back_days[1]
    if start < eph.start_jd_tdb or end > eph.end_jd_tdb:
        raise EphemerisRangeError(
            f"year {year}: the capture search needs planet positions from "
            f"{jd_tdb_to_iso(start)} to {jd_tdb_to_iso(end)}, outside DE421's "
            f"{jd_tdb_to_iso(eph.start_jd_tdb)}..{jd_tdb_to_iso(eph.end_jd_tdb)}",
            eph.start_jd_tdb,
            eph.end_jd_tdb,
            np.array([start < eph.start_jd_tdb, end > eph.end_jd_tdb]),
        )
    return start


def _return_estimate_km_s(vinf_earth: np.ndarray, rendezvous: np.ndarray, dest: Destination):
    bodies = load_bodies()
    body = bodies[dest.body]
    rp = body.equatorial_radius_km + dest.periapsis_alt_km
    ecc = (dest.apoapsis_radius_km - rp) / (dest.apoapsis_radius_km + rp)
    if dest.body == "earth":
        return rendezvous + capture_dv_km_s(vinf_earth, rp, body.gm_km3_s2, ecc)
    # Mars: back to an Earth-like orbit, then a Hohmann-like leg (LEO departure excluded).
    return rendezvous + delivery_dv_km_s(dest) - delivery_dv_km_s(get_destination("earth-moon"))


def screen(
    year: int = 2003,
    destination: str = "mars-orbit",
    architecture: Architecture | None = None,
    grid: SearchGrid | None = None,
    market: SpaceMarket | None = None,
) -> Screening:
    """Screen every object known by ``year`` (see the module docstring).

    ``market`` prices the in-space goods (``mining.economics.mission_economics``).

    Raises:
        InputError: A year before any observation or outside the ephemeris span, or an
            unknown destination.

    Example:
        >>> s = screen(2003, "earth-moon")
        >>> len(s.rows) < 40874, bool(np.all(s.dv_sh_km_s > 3.0))
        (True, True)
    """
    cat = load_neas()
    dest = get_destination(destination)
    check_year(year, cat, SearchGrid() if grid is None else grid)
    arch = Architecture() if architecture is None else architecture
    rows = np.flatnonzero(cat.known_in(year) & np.isfinite(cat.h_mag))
    burns = shoemaker_helin_burns(cat.a_au[rows], cat.ecc[rows], np.radians(cat.inc_deg[rows]))
    dv_out = np.asarray(burns.leo_km_s) + np.asarray(burns.rendezvous_km_s)
    dv_back = _return_estimate_km_s(
        np.asarray(burns.vinf_earth_km_s), np.asarray(burns.rendezvous_km_s), dest
    )
    props = physical_properties(
        cat.h_mag[rows], cat.spectral_class[rows], cat.jpl_albedo[rows], cat.jpl_diameter_km[rows]
    )
    profit = _screening_profit(props, dv_out, dv_back, dest, arch, market)
    return Screening(
        year=year,
        destination=dest.key,
        rows=rows,
        dv_sh_km_s=dv_out + 0.5,
        dv_out_est_km_s=dv_out,
        dv_back_est_km_s=dv_back,
        props=props,
        profit_est_musd=profit,
    )


def _screening_profit(props, dv_out, dv_back, dest, arch, market) -> np.ndarray:
    """Profit of a two-year mission with the estimated legs, all objects at once."""
    econ = mission_economics(props.group, props.mass_kg, dv_out, dv_back, 730.5, dest, arch, market)
    return econ.profit_musd
