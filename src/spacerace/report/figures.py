"""Figures of one run: budgets, prestige, people in space, and the firsts on a timeline.

Each ``plot_*`` returns a ``matplotlib.figure.Figure`` built with the Figure API (no pyplot
state, safe under Agg and in threads): one line per agency in the agency's colour, the
scenario's eras shaded. Matplotlib is imported inside the functions to keep the CLI fast.
Yearly metrics are year-end values, drawn on 31 December of their year.
"""

from __future__ import annotations

import numpy as np

from spacerace.astro.time import jd_tdb_to_calendar, year_to_jd_tdb
from spacerace.report._agencies import agency_colours, agency_keys, agency_name
from spacerace.report.chronicle import chronicle_eras, list_firsts
from spacerace.sim.result import RunResult

__all__ = [
    "FIGURES",
    "plot_budgets",
    "plot_milestones_timeline",
    "plot_people_in_space",
    "plot_prestige",
]

_YEAR_END = 1.0 - 0.5 / 365.25
"""Offset from 1 January to 31 December noon, years: where a year-end value is drawn."""


def plot_budgets(result: RunResult):
    """Draw each agency's yearly budget, million USD (then-year), over the eras.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    return _metric_figure(
        result, "budget_musd", "budget (million USD, then-year)", "Budgets by year"
    )


def plot_prestige(result: RunResult):
    """Draw each agency's prestige (points from achievements; firsts weigh most).

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    return _metric_figure(result, "prestige", "prestige (points)", "Prestige at year end")


def plot_people_in_space(result: RunResult):
    """Draw each agency's people off Earth at each year end (orbit, Moon, Mars, transit).

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    return _metric_figure(
        result,
        "people_in_space",
        "people in space (persons)",
        "People in space at year end",
        integer=True,
    )


def plot_milestones_timeline(result: RunResult):
    """Draw every first on a timeline, one row per agency; scripted firsts hollow.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    from matplotlib.figure import Figure

    colours = agency_colours(result)
    keys = agency_keys(result)
    fig = Figure(figsize=(10, 1.6 + 0.7 * len(keys)), layout="constrained")
    ax = fig.add_subplot()
    _shade_eras(ax, result)
    firsts = list_firsts(result)
    when = fractional_years(result.start_jd_tdb, [f.day for f in firsts])
    lo, hi = _year_span(result)
    per_row: dict[int, int] = {}
    for first, x in zip(firsts, when, strict=True):
        row = keys.index(first.agency) if first.agency in keys else len(keys)
        colour = colours.get(first.agency, "0.3")
        face = "white" if first.scripted else colour
        ax.scatter([x], [row], s=70, color=face, edgecolors=colour, linewidths=1.8, zorder=3)
        label = first.label + (" (scripted)" if first.scripted else "")
        nth = per_row[row] = per_row.get(row, -1) + 1
        right_side = x > lo + 0.7 * (hi - lo)  # labels near the right edge grow leftwards
        ax.annotate(
            label,
            (x, row),
            textcoords="offset points",
            xytext=(-4 if right_side else 4, 8 + 10 * (nth % 3)),
            ha="right" if right_side else "left",
            fontsize=7,
            color=colour,
        )
    ax.set_yticks(range(len(keys)))
    ax.set_yticklabels([agency_name(result, k) for k in keys])
    ax.set_ylim(-0.6, len(keys) - 0.1)
    ax.set_xlim(lo, hi)
    ax.set_xlabel("year")
    ax.set_title("Firsts (hollow: scripted by the scenario)", fontsize=10)
    return fig


def plot_era(result: RunResult, first_year: int, last_year: int):
    """Draw one era at a glance: budgets and people in space over its years, its firsts marked.

    Small and quick (no layout engine): chronicle.html shows one beside each era's text.

    Args:
        result: The run.
        first_year: First calendar year of the era.
        last_year: Last calendar year of the era.

    Returns:
        A ``matplotlib.figure.Figure``.
    """
    from matplotlib.figure import Figure

    colours = agency_colours(result)
    fig = Figure(figsize=(9, 2.6))
    fig.subplots_adjust(left=0.08, right=0.99, bottom=0.17, top=0.86, wspace=0.22)
    panels = (("budget_musd", "budget (million USD)"), ("people_in_space", "people in space"))
    firsts = [f for f in list_firsts(result) if first_year <= _year_of(result, f.day) <= last_year]
    lo, hi = first_year, last_year + 1.25
    for i, (column, label) in enumerate(panels):
        ax = fig.add_subplot(1, 2, i + 1)
        for key in agency_keys(result):
            rows = [r for r in result.metrics if r["agency"] == key and lo - 1 <= r["year"] <= hi]
            if rows:
                rows.sort(key=lambda r: r["year"])
                x = np.array([r["year"] for r in rows], dtype=float) + _YEAR_END
                y = np.array([r[column] for r in rows], dtype=float)
                ax.plot(x, y, color=colours[key], label=agency_name(result, key), linewidth=1.5)
        for f in firsts:
            ax.axvline(fractional_years(result.start_jd_tdb, [f.day])[0], color=colours.get(
                f.agency, "0.5"), linestyle=":", linewidth=1.2)  # fmt: skip
        ax.set_xlim(lo, hi)
        ax.set_ylim(bottom=0)
        ax.set_title(label + (" (dotted: firsts)" if i == 0 and firsts else ""), fontsize=9)
        ax.tick_params(labelsize=7)
    if fig.axes[0].get_legend_handles_labels()[0]:
        fig.axes[0].legend(loc="upper left", fontsize=6, frameon=False)
    return fig


def _year_of(result: RunResult, day: float) -> int:
    return int(np.floor(fractional_years(result.start_jd_tdb, [day])[0]))


FIGURES = {
    "budgets": plot_budgets,
    "prestige": plot_prestige,
    "people_in_space": plot_people_in_space,
    "milestones": plot_milestones_timeline,
}
"""Every figure of a run report, by file stem, in report order."""


def _metric_figure(result: RunResult, column: str, ylabel: str, title: str, integer=False):
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    colours = agency_colours(result)
    fig = Figure(figsize=(10, 4.5), layout="constrained")
    ax = fig.add_subplot()
    _shade_eras(ax, result)
    for key in agency_keys(result):
        rows = sorted((r for r in result.metrics if r["agency"] == key), key=lambda r: r["year"])
        if not rows:
            continue
        x = np.array([r["year"] for r in rows], dtype=float) + _YEAR_END
        y = np.array([r[column] for r in rows], dtype=float)
        ax.plot(
            x,
            y,
            color=colours[key],
            label=agency_name(result, key),
            linewidth=1.8,
            marker="o",
            markersize=3,
        )
    ax.set_xlim(*_year_span(result))
    ax.set_ylim(bottom=0)
    if integer:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("year (points: values at 31 December)")
    ax.set_ylabel(ylabel)
    ax.set_title(title, fontsize=10)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig


def _shade_eras(ax, result: RunResult) -> None:
    """Shade every other era and write each era's key at its top."""
    for i, chapter in enumerate(chronicle_eras(result)):
        lo, hi = chapter.first_year, chapter.last_year + 1
        if i % 2 == 0:
            ax.axvspan(lo, hi, color="0.92", zorder=0, linewidth=0)
        ax.text(
            (lo + hi) / 2,
            0.99,
            _era_label(chapter.title),
            transform=ax.get_xaxis_transform(),
            ha="center",
            va="top",
            fontsize=7,
            color="0.35",
        )


def _era_label(title: str) -> str:
    """Return the span of an era title ("1975–1983" of "1975–1983: NASA founded Jamestown")."""
    return title.split(":")[0].strip()


def _year_span(result: RunResult) -> tuple[float, float]:
    """Return the x range, years: the eras and every metric year."""
    chapters = chronicle_eras(result)
    metric_years = [r["year"] for r in result.metrics]
    lo = min([chapters[0].first_year, *metric_years])
    hi = max([chapters[-1].last_year, *metric_years]) + 1
    return float(lo), hi + 0.25  # a margin so the last year-end point is not clipped


def fractional_years(start_jd_tdb: float, days) -> np.ndarray:
    """Return calendar years with the fraction of the year elapsed (1969.48 for late June).

    Args:
        start_jd_tdb: Day 0 of the run, TDB Julian date.
        days: Days since day 0.
    """
    if not len(days):
        return np.zeros(0)
    jd = start_jd_tdb + np.asarray(days, dtype=float)
    year = np.asarray(jd_tdb_to_calendar(jd)[0], dtype=float)
    start = year_to_jd_tdb(year.astype(np.int64))
    length = year_to_jd_tdb(year.astype(np.int64) + 1) - start
    return np.atleast_1d(year + (jd - start) / length)
