"""The ``spacerace`` command: thin Typer commands over library calls.

Heavy modules (NumPy, Numba kernels, DE421, Matplotlib) are imported inside the commands,
so ``spacerace --help`` starts fast. Every user mistake becomes one line on stderr and exit
status 2 (:func:`main`); anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli import render
from spacerace.cli.asteroids_cmd import asteroid, asteroids
from spacerace.cli.base_cmd import base
from spacerace.cli.ensemble_cmd import compare, ensemble
from spacerace.cli.options import JsonOption
from spacerace.cli.ranges import parse_date_range, parse_float_range
from spacerace.cli.run_cmd import run
from spacerace.cli.scenario_cmd import scenario_app
from spacerace.cli.store_cmd import export, runs, show
from spacerace.errors import InputError, StoreError

app = typer.Typer(
    name="spacerace",
    help=(
        "spacerace: an alternate history of human spaceflight on real orbital mechanics.\n\n"
        "`spacerace run` plays one history (default: For All Mankind) and tells it as a "
        "chronicle; `porkchop` and `windows` plan real launch windows from JPL's DE421; "
        "`asteroids` ranks real near-Earth asteroids as capture targets."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

app.command("run")(run)
app.add_typer(scenario_app)
app.command("runs")(runs)
app.command("show")(show)
app.command("export")(export)
app.command("ensemble")(ensemble)
app.command("compare")(compare)
app.command("base")(base)
app.command("asteroids")(asteroids)
app.command("asteroid")(asteroid)

_TOF = Annotated[
    str | None,
    typer.Option(
        "--tof",
        metavar="MIN..MAX",
        help="Time-of-flight range, days, e.g. 100..450. Default: 0.4 to 1.6 times the "
        "Hohmann transfer time of the pair.",
    ),
]
_PARK = Annotated[float, typer.Option("--park-alt", help="Departure parking-orbit altitude, km.")]
_ARRIVE = Annotated[
    float, typer.Option("--arrive-alt", help="Altitude of the circular orbit captured into, km.")
]
_BY = Annotated[
    str,
    typer.Option("--by", help="What each window minimises: c3, dv (total delta-v) or vinf_arrive."),
]


@app.command()
def porkchop(
    origin: Annotated[str, typer.Argument(help="Departure planet, e.g. earth.")],
    target: Annotated[str, typer.Argument(help="Arrival planet, e.g. mars.")],
    depart: Annotated[
        str | None,
        typer.Option(
            "--depart",
            metavar="FROM..TO",
            help="Departure dates, e.g. 2005-06-01..2005-11-01. Default: 60 days either "
            "side of the best departure of the next window from today.",
        ),
    ] = None,
    tof: _TOF = None,
    step: Annotated[float, typer.Option("--step", help="Departure-date step, days.")] = 1.0,
    tof_step: Annotated[float, typer.Option("--tof-step", help="Time-of-flight step, days.")] = 1.0,
    park_alt: _PARK = 200.0,
    arrive_alt: _ARRIVE = 250.0,
    by: _BY = "c3",
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the porkchop plot to this PNG file.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Compute a porkchop grid between two planets and list its best launch windows."""
    from spacerace import planning
    from spacerace.astro.time import datetime_to_jd_tdb

    tof_range = parse_float_range(tof, "--tof") if tof else None
    if depart:
        depart_range = parse_date_range(depart, "--depart")
    else:
        import datetime as dt

        now_jd = datetime_to_jd_tdb(dt.datetime.now(dt.UTC))
        with render.status("finding the next window"):
            best = planning.next_window(origin, target, now_jd, tof_range)
        depart_range = (best.depart_jd_tdb - 60.0, best.depart_jd_tdb + 60.0)
    _check_output_path(out)
    with render.status("computing the porkchop"):
        result = planning.porkchop(
            origin,
            target,
            depart_range,
            tof_range,
            depart_step_days=step,
            tof_step_days=tof_step,
            parking_altitude_km=park_alt,
            arrival_altitude_km=arrive_alt,
            by=by,
        )
    if out is not None:
        from spacerace.report.porkchop_plot import write_porkchop

        write_porkchop(result.grid, out, mark=result.windows)
    if as_json:
        render.print_json(render.porkchop_json(result, out))
    else:
        render.print_porkchop(result, out, park_alt, arrive_alt)


@app.command()
def windows(
    origin: Annotated[str, typer.Argument(help="Departure planet, e.g. earth.")],
    target: Annotated[str, typer.Argument(help="Arrival planet, e.g. mars.")],
    from_year: Annotated[int, typer.Option("--from", help="First year of departures.")],
    to_year: Annotated[int, typer.Option("--to", help="Last year of departures (inclusive).")],
    tof: _TOF = None,
    park_alt: _PARK = 200.0,
    arrive_alt: _ARRIVE = 250.0,
    by: _BY = "c3",
    as_json: JsonOption = False,
) -> None:
    """List every launch window between two planets, with its best transfer."""
    from spacerace import planning
    from spacerace.astro.time import year_to_jd_tdb

    if to_year < from_year:
        raise InputError(f"--to {to_year} is before --from {from_year}")
    tof_range = parse_float_range(tof, "--tof") if tof else None
    with render.status(f"scanning {from_year}-{to_year}"):
        found = planning.launch_windows(
            origin,
            target,
            float(year_to_jd_tdb(from_year)),
            float(year_to_jd_tdb(to_year + 1)),
            tof_range,
            by=by,
            parking_altitude_km=park_alt,
            arrival_altitude_km=arrive_alt,
        )
    if as_json:
        render.print_json(render.windows_json(origin, target, from_year, to_year, found))
    else:
        render.print_windows(origin, target, from_year, to_year, found, park_alt, arrive_alt, by)


def _check_output_path(out: Path | None) -> None:
    if out is None:
        return
    if out.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise InputError(f"--out {out}: expected a .png, .svg or .pdf file name")
    if not out.parent.exists():
        raise InputError(f"--out {out}: folder {out.parent} does not exist")


def main(argv: list[str] | None = None) -> None:
    """Run the command line; user errors print one line and exit with status 2."""
    try:
        app(args=argv, prog_name="spacerace", standalone_mode=False)
    except (InputError, StoreError) as exc:  # a StoreError here: file in use, damaged, a folder
        _fail(str(exc), 2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _fail("aborted", 130)
    except typer.TyperException as exc:  # typer's own click: usage errors, bad values
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `spacerace`: the help, status 0
            print(exc.format_message(), end="")  # empty when Rich has printed it already
            sys.exit(0)
        _fail(exc.format_message().replace("\n", " "), exc.exit_code)
    except BrokenPipeError:
        sys.exit(1)


def _fail(message: str, status: int) -> None:
    print(f"spacerace: error: {message}", file=sys.stderr)
    sys.exit(status)
