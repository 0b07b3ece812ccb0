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
from spacerace.cli._interrupt import interruptible, is_ctrl_c
from spacerace.cli.asteroids_cmd import asteroid, asteroids
from spacerace.cli.base_cmd import base
from spacerace.cli.ensemble_cmd import compare, ensemble
from spacerace.cli.explain_cmd import explain
from spacerace.cli.options import MAX_YEAR, MIN_YEAR, JsonOption, float_in, int_in, output_option
from spacerace.cli.outputs import check_file, writing
from spacerace.cli.person_cmd import person
from spacerace.cli.play_cmd import play
from spacerace.cli.ranges import parse_date_range, parse_float_range
from spacerace.cli.run_cmd import run
from spacerace.cli.scenario_cmd import scenario_app
from spacerace.cli.serve_cmd import serve
from spacerace.cli.store_cmd import export, runs, show
from spacerace.errors import InputError, Interrupted, StoreError

app = typer.Typer(
    name="spacerace",
    help=(
        "spacerace: an alternate history of human spaceflight on real orbital mechanics.\n\n"
        "`spacerace run` plays one history (default: For All Mankind) and tells it as a "
        "chronicle; `porkchop` and `windows` plan real launch windows from JPL's DE421; "
        "`asteroids` ranks real near-Earth asteroids as capture targets; `serve` shows it all in "
        "a browser."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        from spacerace import __version__

        print(f"spacerace {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", is_eager=True, callback=_version, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """spacerace: an alternate history of human spaceflight on real orbital mechanics."""


app.command("run")(run)  # run says itself what it kept when stopped
app.command("play")(play)  # play saves the game when stopped and says where
app.add_typer(scenario_app)
app.command("runs")(interruptible(runs, "nothing was changed"))
app.command("show")(interruptible(show, "the store was not changed"))
app.command("export")(interruptible(export, "files already exported are whole"))
app.command("ensemble")(interruptible(ensemble, "runs already stored are kept"))
app.command("compare")(interruptible(compare, "nothing was changed"))
app.command("base")(interruptible(base, "nothing half-written is left"))
app.command("person")(interruptible(person, "nothing was written"))
app.command("explain")(interruptible(explain, "nothing was written"))
app.command("asteroids")(interruptible(asteroids, "nothing was written"))
app.command("asteroid")(interruptible(asteroid, "nothing half-written is left"))
app.command("serve")(interruptible(serve, "the server stopped; the store is whole"))

_TOF = Annotated[
    str | None,
    typer.Option(
        "--tof",
        metavar="MIN..MAX",
        help="Time-of-flight range, days, e.g. 100..450. Default: 0.4 to 1.6 times the "
        "Hohmann transfer time of the pair.",
    ),
]
MAX_ALT_KM = 1_000_000.0
"""Highest orbit altitude taken, km (beyond it the orbit leaves any planet's sphere of
influence: Earth's reaches 925,000 km)."""

_PARK = Annotated[
    float,
    typer.Option(
        "--park-alt",
        help="Departure parking-orbit altitude, km, 0 to 1,000,000.",
        callback=float_in("--park-alt", 0, MAX_ALT_KM, why="km above the planet"),
    ),
]
_ARRIVE = Annotated[
    float,
    typer.Option(
        "--arrive-alt",
        help="Altitude of the circular orbit captured into, km, 0 to 1,000,000.",
        callback=float_in("--arrive-alt", 0, MAX_ALT_KM, why="km above the planet"),
    ),
]
MAX_STEP_DAYS = 3650.0
"""Largest grid step, days (ten years: one point per window at most)."""


def _step(option: str, what: str):
    return typer.Option(
        option,
        help=f"{what} step, days, more than 0 to 3,650.",
        callback=float_in(option, 0, MAX_STEP_DAYS, low_open=True, why="days"),
    )


def _year(option: str, what: str):
    return typer.Option(
        option,
        help=f"{what} ({MIN_YEAR}-{MAX_YEAR}: the years DE421 covers).",
        callback=int_in(option, MIN_YEAR, MAX_YEAR, "the years DE421 covers"),
    )


_BY = Annotated[
    str,
    typer.Option("--by", help="What each window minimises: c3, dv (total delta-v) or vinf_arrive."),
]


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
    step: Annotated[float, _step("--step", "Departure-date")] = 1.0,
    tof_step: Annotated[float, _step("--tof-step", "Time-of-flight")] = 1.0,
    park_alt: _PARK = 200.0,
    arrive_alt: _ARRIVE = 250.0,
    by: _BY = "c3",
    out: Annotated[
        Path | None,
        output_option(
            "--out", "Write the porkchop plot to this file (.png, .svg or .pdf).", folder=False
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Compute a porkchop grid between two planets and list its best launch windows."""
    from spacerace import planning
    from spacerace.astro.time import datetime_to_jd_tdb

    check_file(out, "--out", (".png", ".svg", ".pdf"))
    tof_range = parse_float_range(tof, "--tof") if tof is not None else None
    if depart is not None:
        depart_range = parse_date_range(depart, "--depart")
    else:
        import datetime as dt

        now_jd = datetime_to_jd_tdb(dt.datetime.now(dt.UTC))
        with render.status("finding the next window"):
            best = planning.next_window(origin, target, now_jd, tof_range)
        depart_range = (best.depart_jd_tdb - 60.0, best.depart_jd_tdb + 60.0)
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

        with writing("--out", out):
            write_porkchop(result.grid, out, mark=result.windows)
    if as_json:
        render.print_json(render.porkchop_json(result, out))
    else:
        render.print_porkchop(result, out, park_alt, arrive_alt)


def windows(
    origin: Annotated[str, typer.Argument(help="Departure planet, e.g. earth.")],
    target: Annotated[str, typer.Argument(help="Arrival planet, e.g. mars.")],
    from_year: Annotated[int, _year("--from", "First year of departures")],
    to_year: Annotated[int, _year("--to", "Last year of departures, inclusive")],
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
    tof_range = parse_float_range(tof, "--tof") if tof is not None else None
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


app.command("porkchop")(interruptible(porkchop, "nothing was written"))
app.command("windows")(interruptible(windows, "nothing was written"))


def main(argv: list[str] | None = None) -> None:
    """Run the command line; user errors print one line and exit with status 2."""
    try:
        status = app(args=argv, prog_name="spacerace", standalone_mode=False)
    except Interrupted as exc:
        _interrupted(exc.kept)
    except KeyboardInterrupt:
        _interrupted("")
    except (InputError, StoreError) as exc:  # a StoreError here: file in use, damaged, a folder
        _fail(str(exc), 2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        _interrupted("")
    except typer.TyperException as exc:  # typer's own click: usage errors, bad values
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `spacerace`: the help, status 0
            print(exc.format_message(), end="")  # empty when Rich has printed it already
            sys.exit(0)
        _fail(exc.format_message().replace("\n", " "), exc.exit_code)
    except BrokenPipeError:
        sys.exit(1)
    except Exception as exc:  # an error a Ctrl-C caused (see _interrupt); else a bug
        if not is_ctrl_c(exc):
            raise
        _interrupted("")
    else:
        if status == 130:  # Typer's answer to a KeyboardInterrupt it caught itself
            _interrupted("")
        if isinstance(status, int) and status:
            sys.exit(status)


def _interrupted(kept: str) -> None:
    from spacerace.cli.entry import say_interrupted  # the entry point must not print it again

    say_interrupted(kept)
    sys.exit(130)


def _fail(message: str, status: int) -> None:
    print(f"spacerace: error: {' '.join(message.split())}", file=sys.stderr)
    sys.exit(status)
