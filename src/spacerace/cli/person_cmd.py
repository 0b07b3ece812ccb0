"""``spacerace person NAME --run DIR``: one person's life from a run folder.

Who they were, the roles they held (``catalog/careers.py``), every event that names them, and
how their run ended; ``--json`` prints it as JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import JsonOption
from spacerace.errors import InputError

__all__ = ["person"]


def person(
    name: Annotated[str, typer.Argument(help="Full name, e.g. 'Margo Madison' (any case).")],
    run: Annotated[
        Path, typer.Option("--run", help="Folder written by `spacerace run --out DIR`.")
    ],
    as_json: JsonOption = False,
) -> None:
    """Tell one person's life in a run: roles, flights, firsts, the end."""
    from spacerace.report.person_story import find_person, format_person_story, person_story
    from spacerace.report.run_files import read_run_folder

    folder = read_run_folder(run)
    rows = read_people(run)
    row = find_person(rows, name, f"the run at {run}")
    story = person_story(row, folder.events, float(folder.info["start_jd_tdb"]))
    if as_json:
        from spacerace.cli import render

        render.print_json(
            {
                **dict(row),
                "career": [{"date": s.date, "role": s.role, "text": s.text} for s in story.career],
                "events": [
                    {"date": d, "kind": e.kind, "text": e.text}
                    for e, d in zip(story.events, story.dates, strict=True)
                ],
            }
        )
        return
    from rich.markdown import Markdown

    from spacerace.cli import render

    render.console().print(Markdown(format_person_story(story, folder.agency_name)))


def read_people(folder: Path) -> list[dict]:
    """The rows of ``people.jsonl`` in a run folder; one line of error if missing or bad."""
    from spacerace.report.run_files import json_objects

    path = Path(folder) / "people.jsonl"
    if not path.is_file():
        raise InputError(
            f"{path}: missing; write the run again with `spacerace run --out {folder}`"
        )
    with path.open(encoding="utf-8") as f:
        rows = [obj for _, obj in json_objects(f, str(path), ("name", "agency"))]
    return rows
