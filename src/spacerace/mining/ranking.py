"""Rank the asteroids known in a given year as capture-and-mining targets.

Two levels, as public asteroid-mining databases do, then a real design:
:func:`spacerace.mining.screening.screen` scores every known object at once;
:func:`rank_candidates` designs real trajectories (``mining.capture.design_captures``) for
the ``n_design`` best by screening profit, prices them with the designed delta-v and dates,
and returns the ``top`` by profit as :class:`Candidate` rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from spacerace.catalog.asteroid_classes import SpaceMarket
from spacerace.catalog.ephemeris import load_de421
from spacerace.catalog.neas import ORBIT_TYPES, NeaCatalog, load_neas
from spacerace.errors import InputError
from spacerace.mining.capture import (
    CaptureDesign,
    CapturePorkchops,
    SearchGrid,
    capture_porkchops,
    design_captures,
)
from spacerace.mining.destinations import Destination, get_destination
from spacerace.mining.economics import Architecture, mission_economics, products_kg
from spacerace.mining.screening import Screening, check_year, screen

__all__ = [
    "Candidate",
    "cached_rank_candidates",
    "candidate_for",
    "porkchops_for",
    "rank_candidates",
]


@dataclass(frozen=True)
class Candidate:
    """One ranked capture target with its designed mission (money: M$ of ``dollar_year``).

    Attributes:
        designation: MPC principal designation.
        name: IAU name or "".
        label: Readable label, e.g. ``"(99942) Apophis"``.
        number: MPC number or 0.
        orbit_type: Aten, Apollo, Amor, Atira.
        a_au: Semi-major axis, AU.
        ecc: Eccentricity.
        inc_deg: Inclination, degrees.
        h_mag: Absolute magnitude.
        diameter_m: Diameter, m (measured where ``diameter_measured``).
        diameter_measured: True if the diameter was measured (JPL SBDB).
        mass_kg: Mass, kg.
        spectral_class: Spectral class as catalogued ("" when unknown).
        group: Composition group used (``"unknown"`` when no class).
        first_obs_year: Year of the first observation.
        earth_moid_au: Earth MOID, AU.
        close_earth: True when the MOID is below 0.05 AU: two-body dates drift most.
        destination: Destination key.
        screening_dv_km_s: Shoemaker-Helin delta-v (Benner's convention), km/s.
        dv_outbound_km_s: Designed LEO departure + rendezvous, km/s.
        dv_return_km_s: Designed departure from the asteroid + capture, km/s.
        dv_total_km_s: Designed total, km/s.
        depart_jd_tdb: Departure from LEO, TDB Julian date.
        rendezvous_jd_tdb: Arrival at the asteroid.
        leave_jd_tdb: Departure from the asteroid.
        arrive_jd_tdb: Capture at the destination.
        duration_days: LEO departure to capture, days.
        returned_kg: Mass returned, kg.
        metal_kg: Nickel-iron metal in it, kg (by the class group's composition).
        water_kg: Water in it, kg.
        volatiles_kg: Carbon and nitrogen volatiles in it, kg.
        pgm_kg: Platinum-group metals in it, kg.
        launches: Launches needed.
        value_at_market_musd: Returned products at today's prices.
        value_musd: Returned products at the prices their supply leaves.
        cost_musd: Mission cost.
        profit_musd: ``value_musd - cost_musd``.
        dollar_year: Dollar year of the money.
        space_market: Key of the in-space market that priced it ("" for the engine's
            reference prices).
    """

    designation: str
    name: str
    label: str
    number: int
    orbit_type: str
    a_au: float
    ecc: float
    inc_deg: float
    h_mag: float
    diameter_m: float
    diameter_measured: bool
    mass_kg: float
    spectral_class: str
    group: str
    first_obs_year: int
    earth_moid_au: float
    close_earth: bool
    destination: str
    screening_dv_km_s: float
    dv_outbound_km_s: float
    dv_return_km_s: float
    dv_total_km_s: float
    depart_jd_tdb: float
    rendezvous_jd_tdb: float
    leave_jd_tdb: float
    arrive_jd_tdb: float
    duration_days: float
    returned_kg: float
    metal_kg: float
    water_kg: float
    volatiles_kg: float
    pgm_kg: float
    launches: int
    value_at_market_musd: float
    value_musd: float
    cost_musd: float
    profit_musd: float
    dollar_year: int
    space_market: str = ""

    @property
    def pays(self) -> bool:
        """True when the capture earns more than it costs at these prices."""
        return self.profit_musd > 0.0


def _candidates(
    cat: NeaCatalog,
    screening: Screening,
    picks: np.ndarray,
    design: CaptureDesign,
    dest: Destination,
    arch: Architecture,
    market: SpaceMarket | None,
) -> list[Candidate]:
    out = []
    for n, p in enumerate(picks):
        row = int(screening.rows[p])
        if not math.isfinite(design.dv_total_km_s[n]):
            continue
        group = str(screening.props.group[p])
        econ = mission_economics(
            group,
            float(screening.props.mass_kg[p]),
            float(design.dv_outbound_km_s[n]),
            float(design.dv_return_km_s[n]),
            float(design.duration_days[n]),
            dest,
            arch,
            market,
        )
        out.append(
            Candidate(
                designation=str(cat.designation[row]),
                name=str(cat.name[row]),
                label=cat.label(row),
                number=int(cat.number[row]),
                orbit_type=ORBIT_TYPES[int(cat.orbit_type[row])],
                a_au=float(cat.a_au[row]),
                ecc=float(cat.ecc[row]),
                inc_deg=float(cat.inc_deg[row]),
                h_mag=float(cat.h_mag[row]),
                diameter_m=float(screening.props.diameter_km[p] * 1000.0),
                diameter_measured=bool(screening.props.diameter_measured[p]),
                mass_kg=float(screening.props.mass_kg[p]),
                spectral_class=str(cat.spectral_class[row]),
                group=group,
                first_obs_year=int(cat.first_obs_year[row]),
                earth_moid_au=float(cat.earth_moid_au[row]),
                close_earth=bool(cat.close_earth[row]),
                destination=dest.key,
                screening_dv_km_s=float(screening.dv_sh_km_s[p]),
                dv_outbound_km_s=float(design.dv_outbound_km_s[n]),
                dv_return_km_s=float(design.dv_return_km_s[n]),
                dv_total_km_s=float(design.dv_total_km_s[n]),
                depart_jd_tdb=float(design.depart_jd_tdb[n]),
                rendezvous_jd_tdb=float(design.arrive_jd_tdb[n]),
                leave_jd_tdb=float(design.leave_jd_tdb[n]),
                arrive_jd_tdb=float(design.capture_jd_tdb[n]),
                duration_days=float(design.duration_days[n]),
                returned_kg=econ.returned_kg,
                **{f"{k}_kg": v for k, v in products_kg(group, econ.returned_kg).items()},
                launches=int(econ.launches),
                value_at_market_musd=econ.value_at_market_musd,
                value_musd=econ.value_musd,
                cost_musd=econ.cost_musd,
                profit_musd=econ.profit_musd,
                dollar_year=arch.dollar_year,
                space_market="" if market is None else market.key,
            )
        )
    return out


def _elements_of(cat: NeaCatalog, rows: np.ndarray) -> dict[str, np.ndarray]:
    return {
        "a_au": cat.a_au[rows],
        "ecc": cat.ecc[rows],
        "inc_deg": cat.inc_deg[rows],
        "node_deg": cat.node_deg[rows],
        "peri_deg": cat.peri_deg[rows],
        "mean_anomaly_deg": cat.mean_anomaly_deg[rows],
        "epoch_jd": cat.epoch_jd_tt[rows],
    }


def _design(cat, screening, picks, start, dest, arch, grid, progress):
    elements = _elements_of(cat, screening.rows[picks])
    returned = np.minimum(screening.props.mass_kg[picks], arch.max_return_kg)
    return design_captures(
        elements,
        start,
        dest,
        load_de421(),
        return_ratio=returned / arch.tug_dry_kg,
        isp_s=arch.isp_s,
        grid=grid,
        progress=progress,
    )


def rank_candidates(
    year: int = 2003,
    destination: str = "mars-orbit",
    top: int = 20,
    *,
    n_design: int = 100,
    architecture: Architecture | None = None,
    grid: SearchGrid | None = None,
    progress: Callable[[int], None] | None = None,
    market: SpaceMarket | None = None,
) -> list[Candidate]:
    """Rank the asteroids known in ``year`` by the profit of capturing them.

    Screens the catalogue, designs real trajectories for the ``n_design`` best by
    screening profit (about 0.2 s each on 2 cores; 100 take about 20 s), and returns the
    ``top`` by designed profit, best first. Departures from 1 January of ``year`` over
    ``grid.span_days`` (ten years by default).

    Args:
        year: The simulated year: objects first observed later are unknown.
        destination: ``"mars-orbit"`` or ``"earth-moon"``.
        top: How many candidates to return.
        n_design: How many screened objects get a trajectory design.
        architecture: Hardware and prices (:class:`~spacerace.mining.economics.Architecture`).
        grid: Date search grid (:class:`~spacerace.mining.capture.SearchGrid`).
        progress: Called with 1 per designed candidate.
        market: The world's in-space market (``catalog.asteroid_classes.load_space_markets``);
            None keeps the engine's reference prices (``mining.economics``).

    Raises:
        InputError: Bad year, destination or counts (an :class:`EphemerisRangeError` when
            the search would leave DE421).
    """
    for name, value in (("top", top), ("n_design", n_design)):
        if not isinstance(value, int | np.integer) or value < 1:
            raise InputError(f"{name}: expected a whole number >= 1, got {value!r}")
    grid = SearchGrid() if grid is None else grid
    arch = Architecture() if architecture is None else architecture
    cat = load_neas()
    dest = get_destination(destination)
    start = check_year(year, cat, grid)
    screening = screen(year, destination, arch, grid, market)
    order = np.argsort(-screening.profit_est_musd, kind="stable")
    picks = order[: max(n_design, top)]
    design = _design(cat, screening, picks, start, dest, arch, grid, progress)
    found = _candidates(cat, screening, picks, design, dest, arch, market)
    found.sort(key=lambda c: (-c.profit_musd, c.designation))
    return found[:top]


@lru_cache(maxsize=64)
def cached_rank_candidates(
    year: int,
    destination: str = "mars-orbit",
    top: int = 20,
    n_design: int = 100,
    architecture: Architecture | None = None,
    grid: SearchGrid | None = None,
    market: SpaceMarket | None = None,
) -> tuple[Candidate, ...]:
    """:func:`rank_candidates`, memoised per process (the result depends only on the arguments).

    For the engine: the first call for a (year, destination, ...) costs what
    :func:`rank_candidates` costs (about 10 s at the default grid, 2 s with
    ``SearchGrid(step_days=10, tof_step_days=20)``); repeats are free. Returns a tuple, so
    a caller cannot change the cached list.
    """
    return tuple(rank_candidates(year, destination, top, n_design=n_design,
                                 architecture=architecture, grid=grid,
                                 market=market))  # fmt: skip


def candidate_for(
    query: str,
    year: int = 2003,
    destination: str = "mars-orbit",
    *,
    architecture: Architecture | None = None,
    grid: SearchGrid | None = None,
    market: SpaceMarket | None = None,
) -> Candidate:
    """Design and price the capture of one asteroid given by name, number or designation.

    ``market`` prices the in-space goods as in :func:`rank_candidates`.

    Raises:
        UnknownAsteroidError: No such object (the message suggests close matches).
        InputError: The object was first observed after ``year``, or a bad year/destination.
    """
    grid = SearchGrid() if grid is None else grid
    arch = Architecture() if architecture is None else architecture
    cat = load_neas()
    row = cat.find(query)
    dest = get_destination(destination)
    start = check_year(year, cat, grid)
    if cat.first_obs_year[row] > year:
        raise InputError(
            f"{cat.label(row)} was first observed in {int(cat.first_obs_year[row])}: "
            f"unknown in {year} (try --year {int(cat.first_obs_year[row])})"
        )
    screening = screen(year, destination, arch, grid, market)
    picks = np.flatnonzero(screening.rows == row)
    design = _design(cat, screening, picks, start, dest, arch, grid, None)
    found = _candidates(cat, screening, picks, design, dest, arch, market)
    if not found:
        raise InputError(f"{cat.label(row)}: no capture trajectory found on the search grid")
    return found[0]


def porkchops_for(
    query: str, year: int = 2003, destination: str = "mars-orbit", grid: SearchGrid | None = None
) -> CapturePorkchops:
    """Return both legs' delta-v over the search grid for one asteroid (for plotting).

    Raises:
        UnknownAsteroidError: No such object.
        InputError: A bad year or destination.
    """
    grid = SearchGrid() if grid is None else grid
    cat = load_neas()
    row = cat.find(query)
    start = check_year(year, cat, grid)
    return capture_porkchops(
        _elements_of(cat, np.array([row])), start, get_destination(destination), load_de421(), grid
    )
