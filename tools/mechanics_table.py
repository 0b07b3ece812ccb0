"""Regenerate the mechanics table of ``docs/engine.md`` from ``world.mechanics.MECHANIC_ROWS``.

    .venv/bin/python tools/mechanics_table.py   # rewrites the table in place

The table is the last part of the section "Mechanics: every invented or derived constant";
``tests/sim/test_engine.py::test_docs_list_every_mechanic`` fails when it is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from spacerace.world.mechanics import MECHANIC_ROWS  # noqa: E402

DOC = ROOT / "docs" / "engine.md"
HEADER = "| group | name | default | tag | range | what it is and where it comes from |"


def format_table() -> str:
    """Return the Markdown table, one row per mechanic, group by group."""
    lines = [HEADER, "| --- | --- | ---: | --- | --- | --- |"]
    for r in MECHANIC_ROWS:
        lines.append(f"| {r.group} | `{r.name}` | {r.default:g} | {r.tag} | {r.span} | {r.note} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Replace the table at the end of docs/engine.md."""
    text = DOC.read_text()
    start = text.index("| ", text.index("## Mechanics: every invented or derived constant"))
    DOC.write_text(text[:start] + format_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
