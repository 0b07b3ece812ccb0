"""``spacerace explain EVENT_ID --run DIR``: how the number an event gives was made.

The event's sentence and cause, then its recorded breakdown: the base, each modifier, the
total (``report.explain``). Event ids are the line numbers of ``DIR/events.jsonl``; the
chronicle prints them beside the numbers it gives (``spacerace run``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import JsonOption
from spacerace.errors import InputError

__all__ = ["explain"]


def explain(
    event_id: Annotated[
        int, typer.Argument(metavar="EVENT_ID", help="Line number of the event in events.jsonl.")
    ],
    run: Annotated[
        Path, typer.Option("--run", help="Folder written by `spacerace run --out DIR`.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Break down the number one event gives: base, each modifier, total."""
    from spacerace.astro.time import jd_tdb_to_iso
    from spacerace.report.explain import format_breakdown
    from spacerace.report.run_files import read_run_folder

    folder = read_run_folder(run)
    events = folder.events
    if not 1 <= event_id <= len(events):
        raise InputError(
            f"event {event_id}: the run at {run} has events 1 to {len(events)} "
            "(the line numbers of its events.jsonl)"
        )
    e = events[event_id - 1]
    date = jd_tdb_to_iso(float(folder.info["start_jd_tdb"]) + e.day)[:10]
    b = e.breakdown
    if as_json:
        from spacerace.cli import render

        render.print_json(
            {
                "id": event_id,
                "date": date,
                "kind": e.kind,
                "text": e.text,
                "cause": e.cause,
                "breakdown": None if b is None else {**b.to_dict(), "total": b.total},
            }
        )
        return
    from spacerace.cli import render

    console = render.console()
    console.print(f"{event_id}  {date}  {e.text}", markup=False, highlight=False)
    if e.cause:
        console.print(f"cause: {e.cause}", markup=False, highlight=False)
    if b is None:
        console.print(
            "no breakdown recorded for this event (budgets, launches and base incidents carry one)",
            markup=False,
            highlight=False,
        )
        return
    for line in format_breakdown(b):
        console.print(line, markup=False, highlight=False)
