"""``spacerace run``: play one alternate history and tell it as a chronicle.

The engine, the report and Matplotlib are imported inside the command (fast ``--help``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import ScenarioOption
from spacerace.errors import InputError

__all__ = ["run"]


def run(
    scenario: ScenarioOption = "for-all-mankind",
    seed: Annotated[int, typer.Option("--seed", help="Random seed: same seed, same history.")] = 1,
    until: Annotated[
        int | None, typer.Option("--until", help="Last year to simulate (default: the scenario's).")
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for events.jsonl, chronicle.md, chronicle.html and the plots.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the firsts, losses and budgets as JSON.")
    ] = False,
) -> None:
    """Play one alternate history from its scenario and print its chronicle, era by era."""
    from spacerace.cli import render
    from spacerace.scenario.loader import load_scenario

    chosen = load_scenario(scenario)
    start_year = int(chosen.start[:4])
    if until is not None and not start_year <= until <= chosen.end_year:
        raise InputError(
            f"--until {until}: expected a year from {start_year} to {chosen.end_year} "
            f"(the span of {chosen.name})"
        )
    if seed < 0:
        raise InputError(f"--seed {seed}: expected a non-negative integer")
    if out is not None and out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: exists and is not a folder")
    from spacerace.sim.engine import run_timeline

    with render.status(f"playing {chosen.name} with seed {seed}"):
        result = run_timeline(chosen, seed, until_year=until)
    written = {}
    if out is not None:
        from spacerace.report.html import write_run

        with render.status(f"writing the report to {out}"):
            written = write_run(result, out)
    if as_json:
        render.print_json(run_json(result, written))
        return
    from spacerace.report.chronicle import print_chronicle

    console = render.console()
    print_chronicle(result, console)
    if written:
        console.print(
            f"report written to {out}: " + ", ".join(sorted(p.name for p in written.values()))
        )


def run_json(result, written: dict) -> dict:
    """The answer of a run as a JSON-ready dict: firsts, losses, budgets, files."""
    from spacerace.astro.time import jd_tdb_to_iso

    start = result.start_jd_tdb
    last_year = max((r["year"] for r in result.metrics), default=None)
    return {
        "scenario": result.scenario.name,
        "scenario_hash": result.scenario.content_hash(),
        "seed": result.seed,
        "events": len(result.log),
        "firsts": [
            {
                "milestone": m.key,
                "agency": m.agency,
                "date": jd_tdb_to_iso(start + m.day),
                "people": list(m.people),
                "secret": m.secret,
            }
            for m in sorted(result.milestones.values(), key=lambda m: (m.day, m.key))
        ],
        "losses": [
            {"date": jd_tdb_to_iso(start + e.day), "agency": e.agency, "people": list(e.actors)}
            for e in result.log.of_kind("crew_lost")
        ],
        "budgets_musd": {
            r["agency"]: r["budget_musd"] for r in result.metrics if r["year"] == last_year
        },
        "bases": [
            {"name": b.name, "body": b.body, "agencies": sorted(b.agencies)}
            for _, b in sorted(result.world.bases.items())
        ],
        "files": {k: str(v) for k, v in sorted(written.items())},
    }
