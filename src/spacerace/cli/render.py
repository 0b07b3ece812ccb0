"""Terminal and JSON rendering of planning results: ``format_*`` returns, ``print_*`` prints."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

from spacerace.report.plan_json import format_transfer

__all__ = [
    "format_transfer",
    "porkchop_json",
    "print_json",
    "print_porkchop",
    "print_windows",
    "status",
    "windows_json",
]


def status(message: str):
    """Show a spinner on stderr while work runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return contextlib.nullcontext()
    from rich.console import Console

    return Console(stderr=True).status(message + " ...")


def porkchop_json(result, out: Path | None) -> dict:
    """Return a porkchop result as a JSON-ready dict."""
    from spacerace.astro.time import jd_tdb_to_iso

    grid = result.grid
    return {
        "origin": grid.origin,
        "target": grid.target,
        "ephemeris": "DE421",
        "depart_range": [
            jd_tdb_to_iso(grid.depart_jd_tdb[0]),
            jd_tdb_to_iso(grid.depart_jd_tdb[-1]),
        ],
        "tof_range_days": [float(grid.tof_days[0]), float(grid.tof_days[-1])],
        "grid_shape": list(grid.c3_km2_s2.shape),
        "converged_share": round(float(grid.converged.mean()), 6),
        "synodic_period_days": round(result.synodic_days, 1),
        "windows_inside_range": result.windows_inside,
        "windows": [format_transfer(p) for p in result.windows],
        "plot": str(out) if out else None,
    }


def windows_json(origin: str, target: str, from_year: int, to_year: int, found) -> dict:
    """Return a list of launch windows as a JSON-ready dict."""
    return {
        "origin": origin.lower(),
        "target": target.lower(),
        "from_year": from_year,
        "to_year": to_year,
        "ephemeris": "DE421",
        "windows": [format_transfer(p) for p in found],
    }


def print_json(data: dict) -> None:
    """Print a dict as indented JSON on stdout."""
    print(json.dumps(data, indent=2))


def _table(title: str, points, park_alt_km: float, arrive_alt_km: float, target: str):
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for name in ("departure", "arrival"):
        table.add_column(name, no_wrap=True, min_width=10)
    for name in ("TOF\nd", "C3\nkm²/s²", "v∞ dep\nkm/s", "v∞ arr\nkm/s"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(f"Δv from\n{park_alt_km:g} km", justify="right", no_wrap=True)
    table.add_column(f"Δv into\n{arrive_alt_km:g} km", justify="right", no_wrap=True)
    table.add_column("Δv total\nkm/s", justify="right", no_wrap=True)
    for p in points:
        row = format_transfer(p)
        table.add_row(
            row["depart"],
            row["arrive"],
            f"{p.tof_days:.0f}",
            f"{p.c3_km2_s2:.2f}",
            f"{p.vinf_depart_km_s:.3f}",
            f"{p.vinf_arrive_km_s:.3f}",
            f"{p.dv_depart_km_s:.3f}",
            f"{p.dv_arrive_km_s:.3f}",
            f"{p.dv_total_km_s:.3f}",
        )
    return table


def console():
    """A console on stdout; when piped, wide enough that tables are never cut."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=140)


def print_porkchop(result, out: Path | None, park_alt_km: float, arrive_alt_km: float) -> None:
    """Print a porkchop's best windows as a table, and where the plot went."""
    from spacerace.astro.time import jd_tdb_to_iso

    grid = result.grid
    screen = console()
    title = (
        f"{grid.origin.title()} → {grid.target.title()}: departures "
        f"{jd_tdb_to_iso(grid.depart_jd_tdb[0])}..{jd_tdb_to_iso(grid.depart_jd_tdb[-1])}, "
        f"TOF {grid.tof_days[0]:g}..{grid.tof_days[-1]:g} d "
        f"({grid.c3_km2_s2.shape[0]}×{grid.c3_km2_s2.shape[1]} grid, DE421)"
    )
    screen.print(_table(title, result.windows, park_alt_km, arrive_alt_km, grid.target))
    if not result.windows_inside:
        screen.print(
            "[yellow]No window has its best departure inside this range; shown: the "
            "grid's best point, on its edge. Widen --depart to find the window.[/yellow]"
        )
    if out is not None:
        screen.print(f"plot written to {out}")


_BY_LABEL = {"c3": "lowest C3", "dv": "lowest total Δv", "vinf_arrive": "lowest arrival v∞"}


def print_windows(
    origin, target, from_year, to_year, found, park_alt_km, arrive_alt_km, by="c3"
) -> None:
    """Print launch windows as a table."""
    title = (
        f"{origin.title()} → {target.title()} launch windows, departures {from_year}-{to_year} "
        f"(DE421; each window's {_BY_LABEL.get(by, by)}; "
        "Δv from a circular parking orbit into a circular orbit)"
    )
    console().print(_table(title, found, park_alt_km, arrive_alt_km, target.lower()))
