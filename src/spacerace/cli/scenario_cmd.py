"""``spacerace scenario``: list the built-in scenarios, validate a scenario file.

The loader is imported inside the commands, so ``spacerace --help`` stays fast. A bad file
raises :class:`~spacerace.errors.ScenarioError`, which ``cli.app.main`` prints as one line
with exit status 2.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from spacerace.cli.options import JsonOption

__all__ = ["scenario_app"]

scenario_app = typer.Typer(
    name="scenario",
    help="Scenarios: list the built-in ones, validate your own TOML file.",
    no_args_is_help=True,
)


@scenario_app.command("list")
def list_scenarios(as_json: JsonOption = False) -> None:
    """List the built-in scenarios (name and title)."""
    from spacerace.cli import render
    from spacerace.scenario.loader import list_builtin

    found = list_builtin()
    if as_json:
        render.print_json({"scenarios": [{"name": n, "title": t} for n, t in found]})
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Built-in scenarios", title_justify="left")
    table.add_column("name", no_wrap=True)
    table.add_column("title")
    for name, title in found:
        table.add_row(name, title)
    Console(width=None if sys.stdout.isatty() else 140).print(table)


@scenario_app.command("validate")
def validate(
    file: Annotated[str, typer.Argument(help="A scenario .toml file, or a built-in name.")],
    as_json: JsonOption = False,
) -> None:
    """Check a scenario file and say what it holds, or every mistake and where it is.

    Each mistake is one line on stderr, ``file:line: field: problem``, sorted by line; the
    exit status is then 2.
    """
    from spacerace.cli import render
    from spacerace.errors import ScenarioError
    from spacerace.scenario.loader import load_scenario

    try:
        scenario = load_scenario(file)
    except ScenarioError as exc:
        if as_json:  # the details for tools on stdout; the lines and status 2 as always
            where = {"file": exc.path, "line": exc.line, "field": exc.field}
            problems = [
                {"file": p.path, "line": p.line, "field": p.field, "problem": p.problem,
                 "message": str(p)}
                for p in exc.problems
            ]  # fmt: skip
            render.print_json(
                {"ok": False, **where, "problem": exc.problem, "message": str(exc),
                 "problems": problems}
            )  # fmt: skip
        for problem in exc.problems:
            print(f"spacerace: error: {problem}", file=sys.stderr)
        sys.exit(2)  # not typer.Exit: without standalone mode click returns its code
    counts = {
        "agencies": len(scenario.agencies),
        "people": len(scenario.people),
        "scripted": len(scenario.scripted),
    }
    if as_json:
        render.print_json(
            {"ok": True, "name": scenario.name, **counts, "content_hash": scenario.content_hash()}
        )
        return
    what = ", ".join(
        _count(counts[key], one, many)
        for key, one, many in [
            ("agencies", "agency", "agencies"),
            ("people", "person", "people"),
            ("scripted", "scripted event", "scripted events"),
        ]
    )
    print(f"ok: {scenario.name} ({what})")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
