"""Porkchop-style figures of an asteroid capture: both legs' delta-v over the date grid.

``plot_capture`` returns a Matplotlib figure with two panels (outbound: LEO -> asteroid;
return: asteroid -> destination), each delta-v contoured over departure date x time of
flight, the designed mission starred; ``write_capture`` saves it. Matplotlib is imported
inside the functions, so the CLI stays fast.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from spacerace.mining.capture import CapturePorkchops
from spacerace.report.porkchop_plot import _date_ticks

__all__ = ["plot_capture", "write_capture"]


def _panel(ax, fig, x_jd, tof_days, dv, mark, title, span_km_s):
    finite = dv[np.isfinite(dv)]
    lo = np.floor(float(finite.min()) * 10.0) / 10.0 if finite.size else 0.0
    levels = lo + np.arange(0.0, span_km_s + 1e-9, 0.25)
    x_days = x_jd - x_jd[0]
    shown = np.where(np.isfinite(dv), np.minimum(dv, levels[-1]), np.nan)
    filled = ax.contourf(x_days, tof_days, shown.T, levels=levels, cmap="viridis_r")
    ax.contour(x_days, tof_days, shown.T, levels=levels, colors="k", linewidths=0.3)
    fig.colorbar(filled, ax=ax, label="Δv (km/s)")
    if mark is not None:
        ax.scatter([mark[0] - x_jd[0]], [mark[1]], marker="*", s=220, color="red",
                   edgecolor="white", zorder=5)  # fmt: skip
    _date_ticks(ax, float(x_jd[0]), float(x_days[-1]))
    ax.set_ylabel("time of flight (days)")
    ax.set_title(title, fontsize=10)


def plot_capture(grids: CapturePorkchops, candidate=None, label: str = "asteroid"):
    """Draw both legs; ``candidate`` (a ``mining.Candidate``) is starred when given.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 10), layout="constrained")
    top, bottom = fig.subplots(2, 1)
    out_mark = back_mark = None
    if candidate is not None:
        out_mark = (
            candidate.depart_jd_tdb,
            candidate.rendezvous_jd_tdb - candidate.depart_jd_tdb,
        )
        back_mark = (candidate.leave_jd_tdb, candidate.arrive_jd_tdb - candidate.leave_jd_tdb)
    _panel(top, fig, grids.depart_jd_tdb, grids.tof_out_days, grids.dv_outbound_km_s,
           out_mark, f"LEO → {label}: departure + rendezvous Δv (DE421, Lambert)", 4.0)  # fmt: skip
    top.set_xlabel("departure from LEO")
    dest = candidate.destination if candidate is not None else "destination"
    _panel(bottom, fig, grids.leave_jd_tdb, grids.tof_back_days, grids.dv_return_km_s,
           back_mark, f"{label} → {dest}: departure + capture Δv", 4.0)  # fmt: skip
    bottom.set_xlabel("departure from the asteroid")
    return fig


def write_capture(grids: CapturePorkchops, path: str | Path, **kwargs) -> Path:
    """Draw the capture figure (see :func:`plot_capture`) and save it; returns the path."""
    from spacerace.atomic_files import save_figure

    return save_figure(plot_capture(grids, **kwargs), path, dpi=110)
