"""``spacerace base NAME --run DIR``: one base's history from a run folder.

The story (founding, members, crises, incidents) and a yearly table of residents by
employer, reserves and tension; ``--plot`` writes the base's figure, ``--json`` prints it
all as JSON.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import JsonOption, output_option
from spacerace.errors import InputError

__all__ = ["base"]


def base(
    name: Annotated[str, typer.Argument(help="Base name, e.g. 'Happy Valley' (any case).")],
    run: Annotated[
        Path, typer.Option("--run", help="Folder written by `spacerace run --out DIR`.")
    ],
    plot: Annotated[
        Path | None,
        output_option("--plot", "Write the base's figure to this PNG file.", folder=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show one base's history from a run: its story, residents, reserves and tension."""
    from spacerace.cli.outputs import check_file, writing
    from spacerace.report.base_story import base_stories, format_base_story
    from spacerace.report.run_files import read_run_folder

    check_file(plot, "--plot", (".png",))
    folder = read_run_folder(run)
    start = float(folder.info["start_jd_tdb"])
    stories = {s.name.lower(): s for s in base_stories(folder.events, folder.rows, start)}
    story = stories.get(name.strip().lower())
    if story is None:
        known = [s.name for s in stories.values()]
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.4)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise InputError(
            f"base {name!r}: not in the run at {run} (its bases: "
            f"{', '.join(known) or 'none'}){hint}"
        )
    yearly = _yearly(folder.rows, story.name, start)
    if plot is not None:
        from spacerace.atomic_files import save_figure
        from spacerace.report.base_figures import plot_base

        fig = plot_base(folder.rows, story.name, start, agency_name=folder.agency_name)
        with writing("--plot", plot):
            save_figure(fig, plot, dpi=110)
    if as_json:
        from spacerace.astro.time import jd_tdb_to_iso
        from spacerace.cli import render

        render.print_json(
            {
                "base": story.name,
                "founded": story.founded,
                "founder": story.founder,
                "peak_population": story.peak_population,
                "end_population": story.end_population,
                "modules": story.end_modules,
                "max_tension": story.max_tension,
                "incidents": story.incidents,
                "deaths": story.deaths,
                "births": story.births,
                "evacuations": story.evacuations,
                "command": story.command,
                "events": [
                    {"date": jd_tdb_to_iso(start + e.day)[:10], "kind": e.kind, "text": e.text}
                    for e in story.events
                ],
                "yearly": yearly,
                "plot": str(plot) if plot else None,
            }
        )
        return
    from rich.markdown import Markdown
    from rich.table import Table

    from spacerace.cli import render

    console = render.console()
    console.print(Markdown(format_base_story(story, start, folder.agency_name)))
    employers = sorted({k for row in yearly for k in row["employers"]})
    table = Table(title=f"{story.name} at each year's end")
    for column in ["year", *[folder.agency_name(k) for k in employers], "reserves (d)", "tension"]:
        table.add_column(column, justify="right")
    for row in yearly:
        reserve = "∞" if row["reserve_days"] >= 9999 else f"{row['reserve_days']:.0f}"
        table.add_row(
            str(row["year"]),
            *[str(row["employers"].get(k, 0)) for k in employers],
            reserve,
            f"{row['tension']:.2f}",
        )
    console.print(table)
    if plot is not None:
        console.print(f"figure written to {plot}")


def _yearly(rows: list[dict], name: str, start_jd_tdb: float) -> list[dict]:
    """The last monthly row of each calendar year of a base."""
    from spacerace.astro.time import jd_tdb_to_calendar

    by_year: dict[int, dict] = {}
    for row in rows:
        if row["base"] == name:
            year = int(jd_tdb_to_calendar(start_jd_tdb + row["day"])[0])
            by_year[year] = row
    return [
        {
            "year": year,
            "population": row["population"],
            "employers": row["employers"],
            "reserve_days": row["reserve_days"],
            "tension": row["tension"],
        }
        for year, row in sorted(by_year.items())
    ]
