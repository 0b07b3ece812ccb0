"""One figure per base: residents by employer, days of reserves and stocks, tension.

``plot_base`` takes the monthly base rows of a run (``RunResult.base_metrics`` or the
``bases.jsonl`` of a run folder), so the report and ``spacerace base`` draw the same thing.
Matplotlib is imported inside (fast CLI start).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from spacerace.report.figures import fractional_years

__all__ = ["plot_base"]

RESERVE_CAP_DAYS = 3000.0
"""Reserve days above this are drawn at the cap (a base making what it uses lasts forever)."""


def plot_base(
    rows: Sequence[dict],
    name: str,
    start_jd_tdb: float,
    colours: Mapping[str, str] | None = None,
    agency_name: Callable[[str], str] = str,
):
    """Draw one base's monthly history in three panels.

    Args:
        rows: Monthly base rows (``sim.result.BaseRow``); other bases' rows are ignored.
        name: The base.
        start_jd_tdb: Day 0 of the run, TDB Julian date.
        colours: Agency key -> colour.
        agency_name: Agency key -> display name.

    Returns:
        A ``matplotlib.figure.Figure``: residents stacked by employer (persons); reserves
        (days, capped at ``RESERVE_CAP_DAYS``) and stocks of oxygen, water and food
        (tonnes); tension (0..1).
    """
    from matplotlib.figure import Figure

    own = [r for r in rows if r["base"] == name]
    fig = Figure(figsize=(10, 7.5), layout="constrained")
    ax_pop, ax_stock, ax_tension = fig.subplots(3, 1, sharex=True)
    fig.suptitle(f"{name}: residents, reserves and tension", fontsize=11)
    if not own:
        ax_pop.text(
            0.5, 0.5, "no monthly rows for this base", ha="center", transform=ax_pop.transAxes
        )
        return fig
    x = fractional_years(start_jd_tdb, [r["day"] for r in own])
    keys = sorted({k for r in own for k in r["employers"]})
    stacks = [np.array([r["employers"].get(k, 0) for r in own], dtype=float) for k in keys]
    ax_pop.stackplot(
        x,
        *stacks,
        labels=[agency_name(k) for k in keys],
        colors=[(colours or {}).get(k, f"C{i}") for i, k in enumerate(keys)],
        step="post",
    )
    ax_pop.set_ylabel("residents (persons)")
    if keys:
        ax_pop.legend(loc="upper left", fontsize=8, frameon=False)
    reserve = np.minimum([r["reserve_days"] for r in own], RESERVE_CAP_DAYS)
    ax_stock.plot(x, reserve, color="0.2", label="reserves (days, left axis)", linewidth=1.5)
    ax_stock.set_ylabel("reserves (days)")
    ax_stock.set_ylim(bottom=0)
    twin = ax_stock.twinx()
    for stock, colour in (
        ("oxygen_kg", "#1f77b4"),
        ("water_kg", "#17becf"),
        ("food_kg", "#2ca02c"),
    ):
        tonnes = np.array([r[stock] for r in own], dtype=float) / 1000.0
        twin.plot(
            x,
            tonnes,
            color=colour,
            linewidth=1.0,
            alpha=0.8,
            label=f"{stock.removesuffix('_kg')} (t, right axis)",
        )
    twin.set_ylabel("stock (tonnes)")
    twin.set_ylim(bottom=0)
    lines = ax_stock.get_legend_handles_labels()
    more = twin.get_legend_handles_labels()
    ax_stock.legend(
        lines[0] + more[0], lines[1] + more[1], loc="upper left", fontsize=7, frameon=False, ncol=2
    )
    ax_tension.plot(x, [r["tension"] for r in own], color="#b71c1c", linewidth=1.5)
    rationing = np.array([r["rationing"] for r in own], dtype=bool)
    if rationing.any():
        ax_tension.fill_between(
            x, 0, 1, where=rationing, color="#ffcc80", alpha=0.5, step="post", label="rationing"
        )
        ax_tension.legend(loc="upper left", fontsize=8, frameon=False)
    ax_tension.set_ylim(0, 1)
    ax_tension.set_ylabel("tension (0..1)")
    ax_tension.set_xlabel("year")
    return fig
