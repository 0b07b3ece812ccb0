"""``spacerace asteroids`` and ``spacerace asteroid``: capture targets from the real catalogue.

Thin shells over :mod:`spacerace.mining`; NumPy, Numba, DE421 and Matplotlib are imported
inside the commands. Prices belong to a world: ``--scenario`` names it, its
``space_market`` says who buys material in space, its mechanics the spacecraft cost.
The progress bar (over the trajectory designs, the slow part of the scan) is drawn on
stderr only when it is a terminal.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli import render
from spacerace.cli.options import JsonOption, ScenarioOption, int_in, output_option
from spacerace.report.plan_json import Prices, candidate_json, prices_of

__all__ = ["asteroid", "asteroids"]

_TO = Annotated[
    str, typer.Option("--to", help="Where the asteroid is taken: mars-orbit or earth-moon.")
]
_YEAR = Annotated[
    int,
    typer.Option(
        "--year",
        help="Simulated year: only objects observed by then are known; departures from "
        "1 January of that year over ten years (the search needs DE421 to 2053: 1900-2038).",
        callback=int_in("--year", 1900, 2038, "the ten-year search needs DE421, 1899-2053"),
    ),
]
MAX_TOP = 1000
"""Most targets listed."""

MAX_DESIGNS = 5000
"""Most trajectory designs in one ranking (a bound on its time)."""

_LAUNCHER = Annotated[
    str,
    typer.Option("--launcher", help="Launcher of the tug and its propellant (vehicles.csv key)."),
]


def asteroids(
    to: _TO = "mars-orbit",
    year: _YEAR = 2003,
    top: Annotated[
        int,
        typer.Option(
            "--top",
            help=f"How many targets to list, 1 to {MAX_TOP}.",
            callback=int_in("--top", 1, MAX_TOP, "a list to read"),
        ),
    ] = 20,
    designs: Annotated[
        int,
        typer.Option(
            "--designs",
            help=f"How many screened objects get a trajectory design, 1 to {MAX_DESIGNS:,} "
            "(each is a trajectory search).",
            callback=int_in("--designs", 1, MAX_DESIGNS, "each is a trajectory search"),
        ),
    ] = 100,
    launcher: _LAUNCHER = "saturn_v",
    scenario: ScenarioOption = "for-all-mankind",
    as_json: JsonOption = False,
) -> None:
    """Rank the near-Earth asteroids known in a year as capture-and-mining targets.

    Prices are the scenario's: in a world whose bases and ships buy material in space
    (its space_market), water, metal and volatiles are worth what bringing them up from
    Earth would cost, up to what the destination uses; the table says which targets pay.
    """
    from spacerace.mining import rank_candidates

    world = prices_of(scenario, launcher, to)
    with _progress(f"designing captures to {to}", designs) as advance:
        found = rank_candidates(
            year, to, top, n_design=designs, architecture=world.arch, progress=advance,
            market=world.market,
        )  # fmt: skip
    if as_json:
        render.print_json(
            {
                "year": year,
                "destination": to,
                "dollar_year": world.arch.dollar_year,
                "launcher": world.arch.launcher,
                **world.json(),
                "paying": [c.label for c in found if c.pays],
                "candidates": [candidate_json(c) for c in found],
            }
        )
    else:
        _print_table(found, year, to, world)


def asteroid(
    name: Annotated[str, typer.Argument(help="Name, number or designation, e.g. Bennu.")],
    to: _TO = "mars-orbit",
    year: _YEAR = 2003,
    launcher: _LAUNCHER = "saturn_v",
    scenario: ScenarioOption = "for-all-mankind",
    out: Annotated[
        Path | None,
        output_option(
            "--out",
            "Write the porkchop plot of both legs to this file (.png, .svg or .pdf).",
            folder=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show one asteroid: orbit, size, composition and its best capture trajectory.

    Priced at the scenario's prices, as ``spacerace asteroids``.
    """
    from spacerace.cli.outputs import check_file, writing
    from spacerace.mining import candidate_for

    check_file(out, "--out", (".png", ".svg", ".pdf"))
    world = prices_of(scenario, launcher, to)
    with render.status(f"designing the capture of {name}"):
        found = candidate_for(name, year, to, architecture=world.arch, market=world.market)
    if out is not None:
        from spacerace.mining import porkchops_for
        from spacerace.report.asteroid_plot import write_capture

        grids = porkchops_for(name, year, to)
        with writing("--out", out):
            write_capture(grids, out, candidate=found, label=found.label)
    if as_json:
        render.print_json(
            {**candidate_json(found), **world.json(), "plot": str(out) if out else None}
        )
    else:
        _print_one(found, out, world)


@contextlib.contextmanager
def _progress(label: str, total: int):
    """Yield an ``advance(n)`` callback drawing a Rich bar on stderr (a no-op if not a tty)."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (f"{label}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.advance(task, n)


def _print_table(found, year: int, to: str, world: Prices) -> None:
    from rich.table import Table

    from spacerace.astro.time import jd_tdb_to_iso

    arch = world.arch
    table = Table(
        title=f"Capture targets known in {year}, taken to {to}, at {world.prices()} "
        f"({arch.launcher} launches; M$ of {arch.dollar_year}; * close Earth encounters: "
        "dates drift)",
        title_justify="left",
    )
    for col in ("#", "asteroid", "class", "D m", "mass t", "SH Δv", "Δv out", "Δv back",
                "depart", "days", "value M$", "cost M$", "profit M$", "pays"):  # fmt: skip
        table.add_column(col, justify="left" if col in ("asteroid", "class", "depart") else "right")
    for k, c in enumerate(found, 1):
        table.add_row(
            str(k),
            c.label + (" *" if c.close_earth else ""),
            c.spectral_class or "?",
            f"{c.diameter_m:.0f}",
            f"{c.mass_kg / 1000:.3g}",
            f"{c.screening_dv_km_s:.2f}",
            f"{c.dv_outbound_km_s:.2f}",
            f"{c.dv_return_km_s:.2f}",
            jd_tdb_to_iso(c.depart_jd_tdb),
            f"{c.duration_days:.0f}",
            f"{c.value_musd:,.0f}",
            f"{c.cost_musd:,.0f}",
            f"{c.profit_musd:,.0f}",
            "yes" if c.pays else "no",
        )
    screen = render.console()
    screen.print(table)
    paying = [c.label for c in found if c.pays]
    if paying:
        screen.print(f"{len(paying)} of {len(found)} pay at {world.scenario}'s prices: "
                     + ", ".join(paying))  # fmt: skip
    else:
        screen.print(f"none of these pays at {world.scenario}'s prices")


def _print_one(c, out: Path | None, world: Prices) -> None:
    from spacerace.astro.time import jd_tdb_to_iso
    from spacerace.catalog.asteroid_classes import load_class_groups

    g = load_class_groups()[c.group]
    screen = render.console()
    flag = (
        " — close Earth encounters (MOID < 0.05 AU): two-body dates drift" if c.close_earth else ""
    )
    lines = [
        f"[bold]{c.label}[/bold]  {c.orbit_type}, first observed {c.first_obs_year}",
        f"orbit      a {c.a_au:.4f} AU  e {c.ecc:.4f}  i {c.inc_deg:.3f}°  "
        f"Earth MOID {c.earth_moid_au:.4f} AU{flag}",
        f"size       H {c.h_mag:.2f}  D {c.diameter_m:,.0f} m "
        f"({'measured' if c.diameter_measured else 'from H and albedo'})  "
        f"mass {c.mass_kg:.3g} kg",
        f"class      {c.spectral_class or 'unknown'} -> {c.group} ({g.analog}): metal "
        f"{g.metal_frac:.0%}, water {g.water_frac:.0%}, volatiles {g.volatiles_frac:.0%}, "
        f"PGM {g.pgm_ppm:g} ppm",
        f"screening  Shoemaker-Helin Δv {c.screening_dv_km_s:.2f} km/s (LEO rendezvous)",
        f"capture    to {c.destination}: leave LEO {jd_tdb_to_iso(c.depart_jd_tdb)}, "
        f"rendezvous {jd_tdb_to_iso(c.rendezvous_jd_tdb)}, leave {jd_tdb_to_iso(c.leave_jd_tdb)}, "
        f"arrive {jd_tdb_to_iso(c.arrive_jd_tdb)} ({c.duration_days:.0f} days)",
        f"Δv         out {c.dv_outbound_km_s:.3f} + back {c.dv_return_km_s:.3f} = "
        f"{c.dv_total_km_s:.3f} km/s",
        f"returns    {c.returned_kg:.3g} kg: metal {c.metal_kg:.3g} kg, water {c.water_kg:.3g} kg, "
        f"volatiles {c.volatiles_kg:.3g} kg, PGM {c.pgm_kg:.3g} kg",
        f"economics  {c.launches} launches; value "
        f"{c.value_at_market_musd:,.0f} M$ at market, {c.value_musd:,.0f} M$ with its supply; "
        f"cost {c.cost_musd:,.0f} M$; profit {c.profit_musd:,.0f} M$ ({c.dollar_year} $): "
        f"{'pays' if c.pays else 'does not pay'}",
        f"prices     {world.prices()}",
    ]
    for line in lines:
        screen.print(line)
    if out is not None:
        screen.print(f"plot written to {out}")
