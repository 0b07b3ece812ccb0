"""``spacerace runs``, ``show`` and ``export``: what the store holds, one run again, Parquet.

``show`` re-renders a stored run by replaying it: the stored scenario text is parsed again and
the timeline rerun with the stored seed; if the replayed log's SHA-256 equals the stored one,
the chronicle is printed as ``spacerace run`` prints it. A run made by another version of the
engine replays differently: then the stored events are shown instead (and ``--out`` writes the
stored ``events.jsonl`` and, if the store holds it, ``missions.jsonl``). DuckDB, the engine and
the report are imported inside the commands (fast ``--help``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import DbOption, JsonOption, int_in, output_option
from spacerace.cli.outputs import check_folder, writing
from spacerace.errors import StoreError

__all__ = ["export", "runs", "show", "stored_events_jsonl"]


def runs(
    db: DbOption = None,
    scenario: Annotated[
        str | None, typer.Option("--scenario", help="Only runs of this scenario (its name).")
    ] = None,
    limit: Annotated[
        int,
        typer.Option(
            "--limit",
            help="Show at most this many runs, 1 to 1,000,000.",
            callback=int_in("--limit", 1, 1_000_000, "a list to read; use `export` for all"),
        ),
    ] = 50,
    as_json: JsonOption = False,
) -> None:
    """List stored runs, the most recent first."""
    from spacerace.store.db import Store

    with Store(db, read_only=True) as store:
        found = store.runs(limit=limit, scenario=scenario)
        total = _count_runs(store, scenario) if len(found) == limit else len(found)
        where = store.path
    if as_json:
        from spacerace.cli import render

        render.print_json({"db": str(where), "total": total, "runs": [_jsonable(r) for r in found]})
        return
    from rich.table import Table

    from spacerace.cli import render

    shown = f"{len(found)} of {total}" if total > len(found) else f"{len(found)}"
    title = f"{shown} run{'' if total == 1 else 's'} in {where}"
    if total > len(found):
        title += f" (--limit {limit}; the most recent first)"
    table = Table(title=title, title_justify="left")
    for name, justify in [
        ("run", "left"),
        ("scenario", "left"),
        ("seed", "right"),
        ("version", "left"),
        ("events", "right"),
        ("s", "right"),
        ("ensemble", "left"),
        ("stored (UTC)", "left"),
    ]:
        table.add_column(name, justify=justify)
    for r in found:
        table.add_row(
            r["run_id"],
            r["scenario"],
            str(r["seed"]),
            r["version"],
            str(r["n_events"]),
            f"{r['duration_s']:.2f}",
            r["ensemble_id"] or "",
            r["stored_at"].strftime("%Y-%m-%d %H:%M"),
        )
    render.console().print(table)


def _count_runs(store, scenario: str | None) -> int:
    """How many runs the store holds (of one scenario)."""
    where, params = ("WHERE scenario = ?", [scenario]) if scenario else ("", [])
    return int(store.query(f"SELECT count(*) FROM runs {where}", params)[0][0])


def show(
    run_id: Annotated[str, typer.Argument(help="A run id, or a prefix unique in the store.")],
    db: DbOption = None,
    out: Annotated[
        Path | None,
        output_option(
            "--out",
            "Folder for events.jsonl, missions.jsonl, chronicle.md, .html and plots.",
            folder=True,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show one stored run again: replay it and print its chronicle (or its stored events)."""
    from spacerace.cli import render
    from spacerace.ensemble.replay import replay_stored
    from spacerace.store.db import Store

    check_folder(out, "--out")
    with Store(db, read_only=True) as store:
        row = store.get_run(run_id)
        try:
            source_text = store.scenario_source(row["scenario_hash"])
        except StoreError:
            source_text = ""
        with render.status(f"replaying {row['run_id']}"):
            result, reason = replay_stored(row, source_text)
        events = store.events(row["run_id"]) if result is None else []
        if events:  # each event with the breakdown of its number, as the run wrote it
            told = store.breakdowns(row["run_id"])
            events = [{**e, "breakdown": told.get(int(e["seq"]))} for e in events]
        missions = store.missions(row["run_id"]) if result is None else []
    if result is not None:
        _show_replayed(row, result, out, as_json)
    else:
        _show_stored(row, events, missions, reason, out, as_json)


def export(
    out: Annotated[
        Path, output_option("--out", "Folder for one Parquet file per table.", folder=True)
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Export every table of a store to Parquet files, one per table."""
    from spacerace.store.db import Store

    check_folder(out, "--out")
    with Store(db, read_only=True) as store, writing("--out", out):
        written = store.export_parquet(out)
        where = store.path
    if as_json:
        from spacerace.cli import render

        render.print_json({"db": str(where), "files": [str(p) for p in written]})
    else:
        print(f"wrote {len(written)} Parquet files to {out}: " + ", ".join(p.name for p in written))


def stored_events_jsonl(events: list[dict]) -> str:
    """Stored event rows as ``events.jsonl`` text: the bytes ``spacerace run`` writes."""
    return "".join(
        json.dumps(_event_dict(e), sort_keys=True, ensure_ascii=False) + "\n" for e in events
    )


def _event_dict(e: dict) -> dict:
    row = {
        "date": e["date"],
        "day": round(e["day"], 6),
        "kind": e["kind"],
        "agency": e["agency"],
        "text": e["text"],
        "cause": e["cause"],
        "actors": json.loads(e["actors"]),
        "data": json.loads(e["data"]),
        "scripted": e["scripted"],
    }
    if e.get("breakdown"):
        row["breakdown"] = json.loads(e["breakdown"])
    return row


def _show_replayed(row: dict, result, out: Path | None, as_json: bool) -> None:
    from spacerace.cli import render
    from spacerace.cli.run_cmd import run_json

    written = {}
    if out is not None:
        from spacerace.report.html import write_run

        with render.status(f"writing the report to {out}"), writing("--out", out):
            written = write_run(result, out)
    if as_json:
        render.print_json({"run_id": row["run_id"], "replayed": True, **run_json(result, written)})
        return
    from spacerace.report.chronicle import print_chronicle

    console = render.console()
    console.print(
        f"run {row['run_id']}, stored {row['stored_at']:%Y-%m-%d %H:%M} UTC; replayed, "
        f"its {row['n_events']} events identical to the stored ones",
        highlight=False,
    )
    print_chronicle(result, console)
    if written:
        console.print(
            f"report written to {out}: " + ", ".join(sorted(p.name for p in written.values()))
        )


def _show_stored(
    row: dict, events: list[dict], missions: list[dict], reason: str, out, as_json: bool
) -> None:
    from spacerace.cli import render

    files = {}
    if out is not None:
        from spacerace.atomic_files import write_all_atomic
        from spacerace.sim.facts import missions_jsonl

        texts = {"events.jsonl": stored_events_jsonl(events)}
        if missions:  # a run stored before the store had a missions table has none
            texts["missions.jsonl"] = missions_jsonl(missions)
        with writing("--out", out):
            out.mkdir(parents=True, exist_ok=True)
            written = write_all_atomic(out, {k: v.encode() for k, v in texts.items()})
        files = {name: str(path) for name, path in written.items()}
    if as_json:
        render.print_json(
            {
                "run_id": row["run_id"],
                "replayed": False,
                "reason": reason,
                "run": _jsonable(row),
                "events": [_event_dict(e) for e in events],
                "missions": missions,
                "files": files,
            }
        )
        return
    from rich.text import Text

    console = render.console()
    console.print(
        Text(
            f"run {row['run_id']} ({row['scenario']}, seed {row['seed']}) is not replayed: "
            f"{reason}. Its {len(events)} stored events:"
        )
    )
    for e in events:
        line = Text("  ")
        line.append(e["date"], style="dim")
        line.append(f"  {e['agency'] or '-':<8} ", style="bold")
        line.append(e["text"])
        console.print(line)
    if files:
        console.print(f"stored events written to {files['events.jsonl']}")


def _jsonable(row: dict) -> dict:
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in row.items()}
