"""Porkchop figures: C3 contours over departure date x time of flight.

``plot_porkchop`` returns a Matplotlib figure (nothing is written); ``write_porkchop``
saves it. Matplotlib is imported here, not at package import, to keep the CLI fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from spacerace.astro.porkchop import PorkchopGrid, TransferPoint
from spacerace.astro.time import calendar_to_jd_tdb, jd_tdb_to_calendar, jd_tdb_to_iso

__all__ = ["plot_porkchop", "write_porkchop"]

_C3_LEVELS_KM2_S2 = (8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 25, 30, 35, 40, 50, 60, 80, 100)


def plot_porkchop(
    grid: PorkchopGrid, mark: Sequence[TransferPoint] = (), c3_max_km2_s2: float | None = None
):
    """Draw C3 contours with arrival-date lines and the marked transfers.

    Args:
        grid: A computed porkchop grid.
        mark: Transfers to mark (e.g. ``grid.best_windows(...)``); the first is starred.
        c3_max_km2_s2: Highest C3 contoured; default: four times the grid's minimum, at
            least 20 km^2/s^2.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    from matplotlib.figure import Figure

    c3 = np.where(grid.converged, grid.c3_km2_s2, np.nan)
    finite = c3[np.isfinite(c3)]
    c3_min = float(finite.min()) if finite.size else 1.0
    top = c3_max_km2_s2 or max(20.0, 4.0 * c3_min)
    levels = [v for v in _C3_LEVELS_KM2_S2 if c3_min <= v <= top] or [top]
    levels = sorted({np.floor(c3_min * 10) / 10, *levels})

    x_days = grid.depart_jd_tdb - grid.depart_jd_tdb[0]
    y_days = grid.tof_days
    fig = Figure(figsize=(9, 6.5), layout="constrained")
    ax = fig.add_subplot()
    filled = ax.contourf(x_days, y_days, c3.T, levels=levels, cmap="viridis_r", extend="max")
    lines = ax.contour(x_days, y_days, c3.T, levels=levels, colors="k", linewidths=0.5)
    ax.clabel(lines, fmt="%g", fontsize=7)
    fig.colorbar(filled, ax=ax, label="C3 at departure (km²/s²)")
    _draw_arrival_lines(ax, grid, x_days)
    for k, point in enumerate(mark):
        x = point.depart_jd_tdb - grid.depart_jd_tdb[0]
        style = {"marker": "*", "s": 220} if k == 0 else {"marker": "o", "s": 60}
        ax.scatter([x], [point.tof_days], color="red", edgecolor="white", zorder=5, **style)
        ax.annotate(
            f"{jd_tdb_to_iso(point.depart_jd_tdb)}\nC3 {point.c3_km2_s2:.2f} km²/s²\n"
            f"{point.tof_days:.0f} d",
            (x, point.tof_days),
            textcoords="offset points",
            xytext=(8, 8),
            fontsize=8,
            color="darkred",
        )
    _date_ticks(ax, grid.depart_jd_tdb[0], x_days[-1])
    ax.set_xlabel("departure date")
    ax.set_ylabel("time of flight (days)")
    ax.set_title(
        f"{grid.origin.title()} → {grid.target.title()}: launch energy C3 (DE421, Lambert); "
        "grey lines: arrival dates",
        fontsize=10,
    )
    return fig


def write_porkchop(grid: PorkchopGrid, path: str | Path, **kwargs) -> Path:
    """Draw the porkchop (see :func:`plot_porkchop`) and save it atomically; return the path."""
    path = Path(path)
    from spacerace.atomic_files import save_figure

    return save_figure(plot_porkchop(grid, **kwargs), path, dpi=120)


def _draw_arrival_lines(ax, grid: PorkchopGrid, x_days: np.ndarray) -> None:
    """Draw lines of constant arrival date (first of each month, or of each quarter)."""
    arrive = grid.arrive_jd_tdb
    lo, hi = float(arrive.min()), float(arrive.max())
    months = _month_starts(lo, hi)
    if len(months) > 16:
        months = months[:: int(np.ceil(len(months) / 12))]
    if not months:
        return
    lines = ax.contour(
        x_days,
        grid.tof_days,
        arrive.T,
        levels=months,
        colors="0.45",
        linewidths=0.7,
        linestyles="dashed",
    )
    labels = {jd: jd_tdb_to_iso(jd)[:7] for jd in months}
    ax.clabel(lines, fmt=labels, fontsize=7)


def _month_starts(lo_jd: float, hi_jd: float) -> list[float]:
    year, month, _, _ = (int(v) for v in jd_tdb_to_calendar(lo_jd))
    out = []
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        jd = float(calendar_to_jd_tdb(year, month, 1))
        if jd > hi_jd:
            return out
        out.append(jd)


def _date_ticks(ax, start_jd: float, span_days: float) -> None:
    """Label the x axis with calendar dates at month starts."""
    months = _month_starts(start_jd - 1, start_jd + span_days)
    if len(months) > 10:
        months = months[:: int(np.ceil(len(months) / 8))]
    ax.set_xticks([m - start_jd for m in months])
    ax.set_xticklabels([jd_tdb_to_iso(m)[:7] for m in months], rotation=30, ha="right")
