"""Figures of an ensemble: who is first (shares with Wilson intervals) and when (year histograms).

Each ``plot_*`` returns a ``matplotlib.figure.Figure`` built with the Figure API (no pyplot
state, safe under Agg); :func:`write_figures` saves them as PNG files. Matplotlib is imported
inside the functions to keep the CLI fast.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from spacerace.atomic_files import save_figure
from spacerace.ensemble.summary import NOBODY, EnsembleRows

__all__ = ["plot_first_shares", "plot_milestone_years", "write_figures"]

_NOBODY_COLOUR = "#9e9e9e"


def _colours(agencies: list[str]) -> dict[str, str]:
    from matplotlib import colormaps

    palette = colormaps["tab10"].colors
    found = {a: palette[i % len(palette)] for i, a in enumerate(sorted(agencies))}
    return {**found, NOBODY: _NOBODY_COLOUR}


def plot_first_shares(summary: dict):
    """Draw the share of runs in which each agency was first, with 95 % Wilson intervals.

    One group of bars per milestone; ``nobody`` is the share in which no agency reached it.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    from matplotlib.figure import Figure

    milestones = [m["milestone"] for m in summary["milestones"]]
    ever_first = {f["agency"] for m in summary["milestones"] for f in m["first"] if f["runs"]}
    agencies = [a for a in summary["agencies"] if a in ever_first] + [NOBODY]
    colours = _colours(summary["agencies"])
    fig = Figure(figsize=(11, 4.8), layout="constrained")
    ax = fig.add_subplot()
    width = 0.8 / len(agencies)
    for j, agency in enumerate(agencies):
        shares, low, high = [], [], []
        for entry in summary["milestones"]:
            first = next(f for f in entry["first"] if f["agency"] == agency)
            shares.append(100 * first["share"])
            low.append(100 * (first["share"] - first["ci95"][0]))
            high.append(100 * (first["ci95"][1] - first["share"]))
        x = [i - 0.4 + (j + 0.5) * width for i in range(len(milestones))]
        ax.bar(x, shares, width, label=agency, color=colours[agency])
        ax.errorbar(x, shares, yerr=[low, high], fmt="none", ecolor="black", lw=0.8, capsize=2)
    ax.set_xticks(range(len(milestones)), [m.replace("_", "\n") for m in milestones])
    ax.set_ylabel("first in this share of runs (%)")
    ax.set_ylim(0, 105)
    ax.set_title(
        f"Who is first: {summary['scenario']}, {summary['runs']} timelines "
        "(bars: 95 % Wilson intervals)"
    )
    ax.legend(ncols=len(agencies), loc="upper right", fontsize="small")
    return fig


def plot_milestone_years(rows: EnsembleRows, milestones: tuple[str, ...] | None = None):
    """Histograms of the year each agency reached each milestone first, one panel each.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    from spacerace.ensemble.summary import MILESTONES

    milestones = milestones or MILESTONES
    years = defaultdict(list)
    for _, milestone, agency, year in rows.firsts:
        years[milestone, agency].append(year)
    colours = _colours(rows.agencies)
    span = [y for _, _, _, y in rows.firsts] or [0]
    bins = [y - 0.5 for y in range(min(span), max(span) + 2)]
    cols = 2
    nrows = (len(milestones) + cols - 1) // cols
    fig = Figure(figsize=(11, 2.4 * nrows + 0.6), layout="constrained")
    axes = fig.subplots(nrows, cols, sharex=True, squeeze=False).ravel()
    for ax, milestone in zip(axes, milestones, strict=False):
        for agency in rows.agencies:
            found = years.get((milestone, agency))
            if found:
                ax.hist(
                    found,
                    bins=bins,
                    histtype="stepfilled",
                    alpha=0.55,
                    label=agency,
                    color=colours[agency],
                )
        reached = sum(len(years.get((milestone, a), [])) for a in rows.agencies)
        ax.set_title(
            f"{milestone.replace('_', ' ')} ({reached} of {len(rows.seeds)} runs)", fontsize=10
        )
        ax.set_ylabel("runs")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(labelbottom=True)
        if reached:
            ax.legend(fontsize="x-small", loc="upper right")
    for ax in axes[len(milestones) :]:
        ax.set_visible(False)
    fig.suptitle(f"When each first happened: {rows.scenario}, {len(rows.seeds)} timelines")
    return fig


def write_figures(rows: EnsembleRows, summary: dict, out_dir: str | Path) -> dict[str, Path]:
    """Save both figures as PNG files in ``out_dir`` (created); return them by name."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, fig in (
        ("first_shares", plot_first_shares(summary)),
        ("milestone_years", plot_milestone_years(rows)),
    ):
        written[name] = save_figure(fig, out / f"{name}.png", dpi=110)  # whole or not at all
    return written
