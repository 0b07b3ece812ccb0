"""One-off migration: rewrite flat mechanic accesses ``mech.NAME`` to ``mech.GROUP.NAME``.

    .venv/bin/python tools/mechanics_codemod.py src/spacerace/sim/*.py src/spacerace/policy/*.py
    .venv/bin/python tools/mechanics_codemod.py --check src/spacerace/sim/*.py  # change nothing

This is a migration tool for the move of ``world.mechanics`` from one flat table read through
``__getattr__`` to one frozen dataclass per concern; delete it once no branch needs it.

An access is ``<expr>.mech.NAME`` (``ctx.mech``, ``self.mech``, …) or ``mech.NAME`` on a bare
variable named ``mech``, for every mechanic ``NAME`` in ``world.mechanics.MECHANIC_ROWS``;
``mech.values["NAME"]`` with a literal name is rewritten too. It is idempotent: an access that
is already grouped (``mech.missions.grounding_days``) is left alone. It reports, as
``path:line: …`` lines, what it cannot convert: names that are no mechanic, ``mech.values[…]``
with a computed key, and ``getattr(mech, …)``; fix those by hand. The exit status is 1 when
anything was reported (or, with ``--check``, would change).
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from spacerace.world.mechanics import GROUPS, MECHANIC_ROWS  # noqa: E402

GROUP_OF = {row.name: row.group for row in MECHANIC_ROWS}
METHODS = {"with_overrides", "defaults"}  # of Mechanics itself: not mechanics


def _is_mech(node: ast.expr) -> bool:
    """``mech`` (a bare variable) or ``<expr>.mech``."""
    return (isinstance(node, ast.Name) and node.id == "mech") or (
        isinstance(node, ast.Attribute) and node.attr == "mech"
    )


def _offset(starts: list[int], line: int, col: int) -> int:
    return starts[line - 1] + col


def rewrite(source: str, label: str) -> tuple[str, list[str], int]:
    """Return the rewritten source, the report lines and the number of accesses rewritten.

    Example:
        >>> rewrite("x = ctx.mech.grounding_days + mech.missions.grounding_days", "f.py")[0]
        'x = ctx.mech.missions.grounding_days + mech.missions.grounding_days'
    """
    data = source.encode()
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, bytes]] = []  # (start, end, replacement), byte offsets
    report: list[str] = []
    handled: set[int] = set()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            inner = node.value
            if inner.attr == "values" and _is_mech(inner.value):
                handled.add(id(inner))
                key = node.slice
                if isinstance(key, ast.Constant) and key.value in GROUP_OF:
                    start = _offset(starts, node.lineno, node.col_offset)
                    end = _offset(starts, node.end_lineno or node.lineno, node.end_col_offset or 0)
                    base = ast.get_source_segment(source, inner.value) or "mech"
                    new = f"{base}.{GROUP_OF[key.value]}.{key.value}"
                    edits.append((start, end, new.encode()))
                else:
                    code = ast.get_source_segment(source, node)
                    report.append(f"{label}:{node.lineno}: {code}: cannot convert, key not literal")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("getattr", "setattr", "hasattr") and node.args:
                if _is_mech(node.args[0]):
                    code = ast.get_source_segment(source, node)
                    report.append(f"{label}:{node.lineno}: {code}: cannot convert, computed name")
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and _is_mech(node.value)):
            continue
        if node.attr in GROUPS or node.attr in METHODS or id(node) in handled:
            continue
        if node.attr == "values":
            handled.add(id(node))
            report.append(f"{label}:{node.lineno}: mech.values: cannot convert, not subscripted")
        elif node.attr in GROUP_OF:
            end = _offset(starts, node.end_lineno or node.lineno, node.end_col_offset or 0)
            at = end - len(node.attr.encode())
            edits.append((at, at, f"{GROUP_OF[node.attr]}.".encode()))
        else:
            report.append(f"{label}:{node.lineno}: mech.{node.attr}: unknown mechanic")
    report.sort(key=lambda line: int(line[len(label) + 1 :].split(":", 1)[0]))
    for start, end, new in sorted(edits, reverse=True):
        data = data[:start] + new + data[end:]
    return data.decode(), report, len(edits)


def main(argv: list[str] | None = None) -> int:
    """Rewrite the named files in place (or only report, with ``--check``)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--check", action="store_true", help="report, write nothing")
    args = parser.parse_args(argv)
    status = 0
    for path in args.paths:
        text = path.read_text()
        new, report, count = rewrite(text, str(path))
        for line in report:
            print(line)
        if report:
            status = 1
        if new != text:
            print(f"{path}: {count} access{'es' if count != 1 else ''} rewritten")
            if args.check:
                status = 1
            else:
                path.write_text(new)
    return status


if __name__ == "__main__":
    sys.exit(main())
