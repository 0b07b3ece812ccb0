"""Command-line options several commands share, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["DbOption", "JsonOption", "ScenarioOption"]

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="The store (a DuckDB file). Default: spacerace.duckdb in the user's data folder.",
    ),
]

ScenarioOption = Annotated[
    str,
    typer.Option(
        "--scenario",
        help="Built-in scenario name (see `spacerace scenario list`) or a TOML file.",
    ),
]
