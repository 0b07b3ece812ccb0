"""``spacerace run``: play one alternate history and tell it as a chronicle.

The engine, the report and Matplotlib are imported inside the command (fast ``--help``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import ScenarioOption, int_in, output_option, seed_option
from spacerace.errors import InputError, Interrupted

__all__ = ["run"]


def run(
    scenario: ScenarioOption = "for-all-mankind",
    seed: Annotated[int, seed_option("Random seed: same seed, same history;")] = 1,
    until: Annotated[
        int | None,
        typer.Option(
            "--until",
            help="Last year to simulate, from the scenario's first to its last (the default).",
            callback=int_in("--until", 1, 9999, "a calendar year"),
        ),
    ] = None,
    out: Annotated[
        Path | None,
        output_option(
            "--out",
            "Folder for events.jsonl, decisions.jsonl, missions.jsonl (one row per mission), "
            "chronicle.md, chronicle.html and the plots (made if missing; run files an earlier "
            "run left there are replaced).",
            folder=True,
        ),
    ] = None,
    decisions: Annotated[
        Path | None,
        typer.Option(
            "--decisions",
            metavar="FILE",
            help="Replay a decisions.jsonl written by `run --out` (same scenario and seed): "
            "its answers are used while the history asks the same questions; the built-in "
            "policies answer the rest. See docs/decisions.md.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the firsts, losses and budgets as JSON.")
    ] = False,
    every_event: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every event of the log, one dated line each, era by era (by default "
            "each era tells its weightiest events and folds the routine ones into sentences "
            "such as 'In these years 25 astronauts retired').",
        ),
    ] = False,
) -> None:
    """Play one alternate history from its scenario and print its chronicle, era by era."""
    try:
        _run(scenario, seed, until, out, decisions, as_json, every_event)
    except (KeyboardInterrupt, Exception) as exc:
        from spacerace.cli._interrupt import is_ctrl_c

        if not is_ctrl_c(exc):
            raise
        kept = "nothing was written" if out is None else f"nothing half-written is left in {out}"
        raise Interrupted(kept) from None


def _run(scenario, seed, until, out, decisions, as_json, every_event=False) -> None:
    from spacerace.cli import render
    from spacerace.cli.outputs import check_folder, writing
    from spacerace.scenario.loader import load_scenario

    check_folder(out, "--out")
    chosen = load_scenario(scenario)
    start_year = int(chosen.start[:4])
    if until is not None and not start_year <= until <= chosen.end_year:
        raise InputError(
            f"--until {until}: expected a year from {start_year} to {chosen.end_year} "
            f"(the span of {chosen.name})"
        )
    log = None if decisions is None else read_decision_log(decisions, chosen, seed)
    from spacerace.sim.engine import run_timeline

    with render.status(f"playing {chosen.name} with seed {seed}"):
        result = run_timeline(chosen, seed, until_year=until, decisions=log)
    if log is not None:
        note = replay_note(result, log)
        if note:
            print(f"spacerace: note: {note}", file=sys.stderr)
    written = {}
    if out is not None:
        from spacerace.report.html import write_run

        with render.status(f"writing the report to {out}"), writing("--out", out):
            written = write_run(result, out)
    if as_json:
        render.print_json(run_json(result, written, replayed=log is not None))
        return
    from spacerace.report.chronicle import print_chronicle

    console = render.console()
    print_chronicle(result, console, every_event=every_event)
    if written:
        console.print(
            f"report written to {out}: " + ", ".join(sorted(p.name for p in written.values()))
        )


def read_decision_log(path: Path, scenario, seed: int):
    """Read ``--decisions FILE`` for a scenario and seed (``sim.decision_log.DecisionLog``).

    Only a regular UTF-8 file is read (``play.save.read_log_lines``); every problem is an
    :class:`~spacerace.errors.InputError` of one line.
    """
    from spacerace.play.save import read_log_lines
    from spacerace.sim.decision_log import parse_decision_log

    lines = read_log_lines(path, f"--decisions {path}")
    return parse_decision_log(lines, str(path), scenario, seed)


def replay_note(result, log) -> str:
    """One line saying where a replay stopped using the log, or "" if it used all of it."""
    used = sum(d.source == "log" for d in result.decisions)
    rest = len(result.decisions) - used
    if result.left_log_at is not None:
        return (
            f"the history left {log.source} at line {result.left_log_at} (an earlier answer "
            f"changed it): {used} answers came from the log, the built-in policies answered "
            f"the remaining {rest} questions"
        )
    if used < len(log.records):
        return (
            f"the run ended before {log.source} did: {used} of its {len(log.records)} answers "
            "were used (was it written with a later --until?)"
        )
    if rest:
        return (
            f"{log.source} ran out after its {used} answers: the built-in policies answered "
            f"the remaining {rest} questions"
        )
    return ""


def run_json(result, written: dict, replayed: bool = False) -> dict:
    """The answer of a run as a JSON-ready dict: firsts, losses, budgets, files, decisions.

    ``left_log_at`` (the line where the history left a replayed log, or null) is there only
    when ``replayed``.
    """
    from spacerace.astro.time import jd_tdb_to_iso

    start = result.start_jd_tdb
    last_year = max((r["year"] for r in result.metrics), default=None)
    answer = {
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
        "decisions": len(result.decisions),
    }
    if replayed:
        answer["left_log_at"] = result.left_log_at
    return answer
