"""What the web server's worker processes run: library calls, JSON-ready answers out.

Each function is a top-level function of plain arguments (picklable for a ``spawn`` pool)
and returns plain data; the server process never runs the engine, a Lambert grid or a
capture design itself. An :class:`~spacerace.errors.InputError` raised here crosses the
process boundary and becomes a 4xx line in the server.
"""

from __future__ import annotations

import math

__all__ = ["asteroid_design", "porkchop_grid", "rank_asteroids", "replay_base_rows"]


def _round(values, digits: int) -> list:
    """A 2-D array as nested lists, NaN and infinities as None, rounded."""
    return [
        [None if not math.isfinite(v) else round(float(v), digits) for v in row] for row in values
    ]


def porkchop_grid(
    origin: str,
    target: str,
    depart_jd_tdb: tuple[float, float],
    tof_days: tuple[float, float] | None,
    depart_step_days: float,
    tof_step_days: float,
    by: str,
) -> dict:
    """A porkchop (``planning.porkchop``) as arrays for a heatmap, with its best windows.

    Returns:
        ``depart`` (ISO dates, D), ``tof_days`` (T), ``c3_km2_s2``, ``dv_total_km_s`` and
        ``vinf_arrive_km_s`` as T x D lists (None where the solver did not converge),
        ``windows`` (``report.plan_json.format_transfer`` each) and the grid's facts.
    """
    from spacerace import planning
    from spacerace.astro.time import jd_tdb_to_iso
    from spacerace.report.plan_json import format_transfer

    result = planning.porkchop(
        origin,
        target,
        depart_jd_tdb,
        tof_days,
        depart_step_days=depart_step_days,
        tof_step_days=tof_step_days,
        by=by,
    )
    grid = result.grid
    return {
        "origin": grid.origin,
        "target": grid.target,
        "ephemeris": "DE421",
        "depart": [d[:10] for d in jd_tdb_to_iso(grid.depart_jd_tdb)],
        "tof_days": [round(float(t), 3) for t in grid.tof_days],
        "c3_km2_s2": _round(grid.c3_km2_s2.T, 2),
        "dv_total_km_s": _round(grid.dv_total_km_s.T, 3),
        "vinf_arrive_km_s": _round(grid.vinf_arrive_km_s.T, 3),
        "converged_share": round(float(grid.converged.mean()), 4),
        "synodic_period_days": round(result.synodic_days, 1),
        "windows_inside_range": result.windows_inside,
        "windows": [format_transfer(p) for p in result.windows],
        "by": by,
    }


def rank_asteroids(
    year: int, to: str, top: int, designs: int, scenario: str, launcher: str, coarse: bool
) -> dict:
    """The capture ranking of ``spacerace asteroids`` (``mining.rank_candidates``), as JSON.

    ``coarse`` searches dates on ``SearchGrid(step_days=10, tof_step_days=20)`` (about five
    times faster, the engine's grid) instead of the default 5-day grid.
    """
    from spacerace.mining import rank_candidates
    from spacerace.mining.capture import SearchGrid
    from spacerace.report.plan_json import candidate_json, prices_of

    world = prices_of(scenario, launcher, to)
    grid = SearchGrid(step_days=10.0, tof_step_days=20.0) if coarse else None
    found = rank_candidates(
        year, to, top, n_design=designs, architecture=world.arch, grid=grid, market=world.market
    )
    return {
        "year": year,
        "destination": to,
        "dollar_year": world.arch.dollar_year,
        "launcher": world.arch.launcher,
        "prices": world.prices(),
        **world.json(),
        "grid": "coarse (10-day steps)" if coarse else "default (5-day steps)",
        "paying": [c.label for c in found if c.pays],
        "candidates": [candidate_json(c) for c in found],
    }


def asteroid_design(
    name: str, year: int, to: str, scenario: str, launcher: str, coarse: bool
) -> dict:
    """One object's capture design (``mining.candidate_for``) with its composition, as JSON."""
    from spacerace.catalog.asteroid_classes import load_class_groups
    from spacerace.mining import candidate_for
    from spacerace.mining.capture import SearchGrid
    from spacerace.report.plan_json import candidate_json, prices_of

    world = prices_of(scenario, launcher, to)
    grid = SearchGrid(step_days=10.0, tof_step_days=20.0) if coarse else None
    found = candidate_for(name, year, to, architecture=world.arch, grid=grid, market=world.market)
    group = load_class_groups()[found.group]
    return {
        **candidate_json(found),
        **world.json(),
        "prices": world.prices(),
        "composition": {
            "analog": group.analog,
            "metal_frac": group.metal_frac,
            "water_frac": group.water_frac,
            "volatiles_frac": group.volatiles_frac,
            "pgm_ppm": group.pgm_ppm,
        },
        "year": year,
        "grid": "coarse (10-day steps)" if coarse else "default (5-day steps)",
    }


def replay_base_rows(row: dict, source_text: str) -> dict:
    """Replay a stored run (``ensemble.replay.replay_stored``) for its monthly base rows.

    Returns:
        ``{"rows": [...], "start_jd_tdb": float, "reason": ""}``, or no rows and the reason
        the run could not be replayed (another engine version, a scenario that no longer loads).
    """
    from spacerace.ensemble.replay import replay_stored

    result, reason = replay_stored(row, source_text)
    if result is None:
        return {"rows": [], "start_jd_tdb": 0.0, "reason": reason}
    return {"rows": result.base_metrics, "start_jd_tdb": result.start_jd_tdb, "reason": ""}
