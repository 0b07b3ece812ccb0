"""Find the line of a TOML key, so that a scenario error can say where to look.

``tomllib`` gives values, not positions. :func:`index_lines` scans the text once and records
the line of every table header and every ``key = value``, keyed by its path: a header
``[agencies.nasa]`` is ``("agencies", "nasa")``, the third ``[[people]]`` is ``("people", 2)``,
its ``born_year`` is ``("people", 2, "born_year")``.

It is best-effort: it understands headers, bare and quoted keys, dotted keys and multi-line
strings and arrays, not inline tables or keys that span lines. :func:`line_of` falls back to
the nearest enclosing path it knows, usually the table header, and to None when it knows none.
"""

from __future__ import annotations

import re

__all__ = ["index_lines", "line_of", "toml_lines"]

Path = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
)
_PART = re.compile(r"""[A-Za-z0-9_-]+|"[^"]*"|'[^']*'""")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip("\"'") for p in _PART.findall(dotted))


def toml_lines(text: str) -> list[str]:
    r"""The lines of a TOML text as TOML (and tomllib's line numbers) count them.

    Only "\n" ends a line ("\r\n" too, its "\r" dropped); ``str.splitlines`` would also
    break at form feeds, record separators or U+2028 and so number lines wrongly.

    Example:
        >>> toml_lines("a = 1\x1e2\r\nb = 2\n")
        ['a = 1\x1e2', 'b = 2']
    """
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    return lines[:-1] if lines and not lines[-1] and text else lines


def index_lines(text: str) -> dict[Path, int]:
    r"""Return the 1-based line of every table header and key in a TOML text, by path.

    Example:
        >>> text = "[scenario]", "name = 'x'", "[[people]]", "[[people]]", "name = 'y'"
        >>> lines = index_lines("\n".join(text))
        >>> lines[("scenario", "name")], lines[("people", 1)], lines[("people", 1, "name")]
        (2, 4, 5)
    """
    index: dict[Path, int] = {}
    counts: dict[tuple[str, ...], int] = {}
    table: Path = ()
    in_string = None  # the triple quote that opened a multi-line string
    depth = 0  # open brackets of a multi-line array
    for number, line in enumerate(toml_lines(text), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        if depth > 0:
            depth += _bracket_balance(line)
            continue
        header = _HEADER.match(line)
        if header:
            parts = _parts(header.group(2))
            if header.group(1) == "[[":
                n = counts.get(parts, 0)
                counts[parts] = n + 1
                index.setdefault(parts, number)  # the array itself: its first header
                table = (*parts, n)
            else:
                table = parts
            index.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if not key:
            continue
        index.setdefault((*table, *_parts(key.group(1))), number)
        value = line[key.end() :]
        for quote in ('"""', "'''"):
            if value.count(quote) % 2 == 1:
                in_string = quote
        if not in_string:
            depth = max(0, _bracket_balance(value))
    return index


def _bracket_balance(line: str) -> int:
    """Opened minus closed square brackets outside strings and comments (best-effort)."""
    balance, quote = 0, None
    for ch in line:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            break
        elif ch == "[":
            balance += 1
        elif ch == "]":
            balance -= 1
    return balance


def line_of(index: dict[Path, int], path: Path) -> int | None:
    r"""Return the line of ``path``, else of its nearest enclosing path that has one, else None.

    Example:
        >>> index = index_lines("\n".join(["[agencies.nasa]", "name = 'NASA'", "vehicles = []"]))
        >>> line_of(index, ("agencies", "nasa", "vehicles", 0))
        3
        >>> line_of(index, ("agencies", "nasa", "kind"))  # missing: the table's header
        1
    """
    for end in range(len(path), 0, -1):
        if path[:end] in index:
            return index[path[:end]]
    return None
