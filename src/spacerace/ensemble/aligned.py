"""Runs aligned on an event: each first's year counted from another first in the same run.

"Years after the first crewed landing" compares histories whose clocks diverged: a run in
which the landing came in 1969 and one in which it came in 1975 are put side by side at
their landing. Pure Python over an ensemble's tidy rows (``summary.EnsembleRows.firsts``).
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["aligned_first_years"]


def aligned_first_years(
    firsts: Iterable[tuple[int, str, str, int]], anchor: str
) -> tuple[dict[str, dict[str, list[int]]], int]:
    """Each first's year minus the anchor first's year in the same run, by milestone and agency.

    Args:
        firsts: ``(seed, milestone, agency, year)`` rows (``EnsembleRows.firsts``).
        anchor: The milestone runs are aligned on (e.g. ``"crewed_lunar_landing"``).

    Returns:
        ``({milestone: {agency: [years after the anchor, one per run, by seed]}}, runs)``
        where ``runs`` is how many runs reached the anchor (the others are left out).

    Example:
        >>> rows = [(0, "moon", "nasa", 1969), (0, "mars", "nasa", 1990),
        ...         (1, "moon", "soviet", 1975), (1, "mars", "nasa", 1992),
        ...         (2, "mars", "nasa", 1999)]
        >>> aligned_first_years(rows, "moon")
        ({'mars': {'nasa': [21, 17]}, 'moon': {'nasa': [0], 'soviet': [0]}}, 2)
    """
    rows = sorted(firsts)
    zero = {seed: year for seed, milestone, _, year in rows if milestone == anchor}
    out: dict[str, dict[str, list[int]]] = {}
    for seed, milestone, agency, year in rows:
        if seed in zero:
            out.setdefault(milestone, {}).setdefault(agency, []).append(year - zero[seed])
    return {m: dict(sorted(out[m].items())) for m in sorted(out)}, len(zero)
