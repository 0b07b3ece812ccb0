"""Two ensembles side by side: who is first in each, and by how much the answers differ.

The difference of two first-shares ``p_a - p_b`` gets Newcombe's hybrid score interval
(Newcombe 1998, "Interval estimation for the difference between independent proportions",
Statistics in Medicine 17:873, method 10): it combines the two Wilson intervals, so like them
it stays inside [-1, 1] and keeps its coverage at shares of 0 and 1, where the normal
approximation ``±1.96 √(p_a q_a/n_a + p_b q_b/n_b)`` collapses to a point. Median years are
compared as a plain difference (no interval). Counts of events per timeline (the summary's
``events_per_run``) are compared as a difference of means with the normal (Welch) interval,
each mean's standard error recovered from its own 95 % interval.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from spacerace import __version__
from spacerace.ensemble.summary import NOBODY, Z95, wilson_interval
from spacerace.errors import InputError

__all__ = [
    "EnsembleRef",
    "compare_summaries",
    "find_ensemble",
    "format_comparison",
    "newcombe_interval",
    "print_comparison",
]


def newcombe_interval(k_a: int, n_a: int, k_b: int, n_b: int) -> tuple[float, float]:
    """95 % interval of ``k_a/n_a - k_b/n_b`` by Newcombe's hybrid score method (method 10).

    ``L = d - √((p_a - l_a)² + (u_b - p_b)²)``, ``U = d + √((u_a - p_a)² + (p_b - l_b)²)``
    with ``(l, u)`` each share's Wilson interval.

    Example:
        >>> [round(x, 4) for x in newcombe_interval(56, 70, 48, 80)]  # Newcombe 1998, ex. (a)
        [0.0524, 0.3339]
    """
    p_a, p_b = k_a / n_a, k_b / n_b
    l_a, u_a = wilson_interval(k_a, n_a)
    l_b, u_b = wilson_interval(k_b, n_b)
    d = p_a - p_b
    return (
        d - math.sqrt((p_a - l_a) ** 2 + (u_b - p_b) ** 2),
        d + math.sqrt((u_a - p_a) ** 2 + (p_b - l_b) ** 2),
    )


@dataclass(frozen=True)
class EnsembleRef:
    """The runs an ensemble in the store stands for.

    Attributes:
        label: What the user typed (scenario name or ensemble id).
        ensemble_id: The ensemble found.
        scenario_hash: Its scenario's content hash.
        version: The spacerace version of its runs.
        seeds: Its seeds.
    """

    label: str
    ensemble_id: str
    scenario_hash: str
    version: str
    seeds: range


def find_ensemble(store, ref: str) -> EnsembleRef:
    """An ensemble by id (or unique id prefix), or the latest ensemble of a scenario name.

    The runs are those of its scenario content and seeds at this spacerace version, or, if
    none were played with this version, at the version with most runs in that range.

    Raises:
        InputError: No ensemble matches, or an id prefix matches several.
    """
    cols = "ensemble_id, scenario_hash, base_seed, n"
    rows = store.query(f"SELECT {cols} FROM ensembles WHERE ensemble_id = ?", [ref])
    if not rows:
        pattern = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = store.query(
            f"SELECT {cols} FROM ensembles WHERE ensemble_id LIKE ? ESCAPE '\\' "
            "ORDER BY ensemble_id LIMIT 3",
            [pattern],
        )
        if len(rows) > 1:
            names = ", ".join(r[0] for r in rows)
            raise InputError(f"ensemble {ref!r} is ambiguous: {names}")
    if not rows:
        rows = store.query(
            f"SELECT {cols} FROM ensembles WHERE scenario = ? "
            "ORDER BY created_at DESC, ensemble_id LIMIT 1",
            [ref],
        )
    if not rows:
        raise InputError(
            f"no ensemble or scenario {ref!r} in the store "
            f"(run `spacerace ensemble --scenario {ref}` first)"
        )
    ensemble_id, scenario_hash, base, n = rows[0]
    seeds = range(int(base), int(base) + int(n))
    versions = store.query(
        "SELECT version FROM runs WHERE scenario_hash = ? AND seed BETWEEN ? AND ? "
        "GROUP BY version ORDER BY (version = ?) DESC, count(*) DESC, version LIMIT 1",
        [scenario_hash, seeds.start, seeds.stop - 1, __version__],
    )
    if not versions:
        raise InputError(f"ensemble {ensemble_id} has no stored runs yet")
    return EnsembleRef(ref, ensemble_id, scenario_hash, versions[0][0], seeds)


def compare_summaries(a: dict, b: dict) -> dict:
    """Put two summaries (from :func:`~.summary.summarize`) side by side, JSON-ready.

    For each milestone and agency: both first-shares, their difference ``a - b`` with a 95 %
    Newcombe interval, both median years and their difference.
    """
    agencies = sorted(set(a["agencies"]) | set(b["agencies"])) + [NOBODY]
    n_a, n_b = a["runs"], b["runs"]
    table = []
    firsts_b = {m["milestone"]: m for m in b["milestones"]}
    for entry_a in a["milestones"]:
        key = entry_a["milestone"]
        by_a = {f["agency"]: f for f in entry_a["first"]}
        by_b = {f["agency"]: f for f in firsts_b.get(key, {"first": []})["first"]}
        rows = []
        for agency in agencies:
            fa, fb = by_a.get(agency), by_b.get(agency)
            k_a, k_b = (fa or {}).get("runs", 0), (fb or {}).get("runs", 0)
            if k_a == 0 and k_b == 0 and agency != NOBODY:
                continue
            lo, hi = newcombe_interval(k_a, n_a, k_b, n_b)
            year_a = (fa or {}).get("year", {}).get("median")
            year_b = (fb or {}).get("year", {}).get("median")
            rows.append(
                {
                    "agency": agency,
                    "share_a": round(k_a / n_a, 4),
                    "share_b": round(k_b / n_b, 4),
                    "difference": round(k_a / n_a - k_b / n_b + 0.0, 4),
                    "ci95": [round(lo + 0.0, 4), round(hi + 0.0, 4)],
                    "median_year_a": year_a,
                    "median_year_b": year_b,
                    "median_year_difference": (
                        round(year_a - year_b + 0.0, 1)
                        if year_a is not None and year_b is not None
                        else None
                    ),
                }
            )
        table.append({"milestone": key, "first": rows})
    return {
        "a": {k: a[k] for k in ("scenario", "scenario_hash", "version", "runs", "seeds")},
        "b": {k: b[k] for k in ("scenario", "scenario_hash", "version", "runs", "seeds")},
        "milestones": table,
        "crew_lost_mean": {"a": a["crew_lost"]["mean"], "b": b["crew_lost"]["mean"]},
        "events_per_run": _event_differences(a, b),
        "intervals": "95 % Newcombe hybrid score (method 10) for differences of shares",
    }


def _event_differences(a: dict, b: dict) -> list[dict]:
    """Per counted event kind: both means per timeline, their difference and its 95 % interval.

    A mean's standard error is half its interval's width over 1.96 (the summary's normal
    interval, clipped at 0 below: the upper half is used); the difference's is their root
    sum of squares. Kinds that occur in neither ensemble are left out.
    """
    rows = []
    ea, eb = a.get("events_per_run", {}), b.get("events_per_run", {})
    for kind in sorted(set(ea) | set(eb)):
        ma, mb = ea.get(kind, {}).get("mean") or 0.0, eb.get(kind, {}).get("mean") or 0.0
        if not ma and not mb:
            continue
        se_a = ((ea.get(kind, {}).get("ci95") or [0, ma])[1] - ma) / Z95
        se_b = ((eb.get(kind, {}).get("ci95") or [0, mb])[1] - mb) / Z95
        half = Z95 * math.hypot(se_a, se_b)
        d = ma - mb
        rows.append(
            {
                "kind": kind,
                "mean_a": ma,
                "mean_b": mb,
                "difference": round(d + 0.0, 3),
                "ci95": [round(d - half + 0.0, 3), round(d + half + 0.0, 3)],
            }
        )
    return rows


def format_comparison(cmp: dict) -> str:
    """The comparison as a plain-text table."""
    a, b = cmp["a"], cmp["b"]
    lines = [
        f"A: {a['scenario']} ({a['scenario_hash']}), {a['runs']} timelines",
        f"B: {b['scenario']} ({b['scenario_hash']}), {b['runs']} timelines",
        "",
        "Who is first: share in A, in B, difference A-B [95 % Newcombe]; median year A, B",
    ]
    for entry in cmp["milestones"]:
        lines.append(f"  {entry['milestone'].replace('_', ' ')}")
        for row in entry["first"]:
            lo, hi = row["ci95"]
            years = " ".join(
                "  -  " if y is None else f"{y:5.0f}"
                for y in (row["median_year_a"], row["median_year_b"])
            )
            shares = f"{100 * row['share_a']:5.1f} % {100 * row['share_b']:5.1f} %"
            diff = f"{100 * row['difference']:+6.1f} [{100 * lo:+6.1f} {100 * hi:+6.1f}]"
            lines.append(f"    {row['agency']:<10} {shares}  {diff}  {years}")
    crew = cmp["crew_lost_mean"]
    if crew["a"] is not None and crew["b"] is not None:
        lines += ["", f"Crew lost per timeline: A {crew['a']:.2f}, B {crew['b']:.2f}"]
    events = cmp.get("events_per_run", [])
    if events:
        lines += ["", "Events per timeline: mean in A, in B, difference A-B [95 % normal]"]
        for row in events:
            lo, hi = row["ci95"]
            marker = "  *" if lo > 0 or hi < 0 else ""
            lines.append(
                f"  {row['kind'].replace('_', ' '):<20} {row['mean_a']:7.2f} {row['mean_b']:7.2f}"
                f"  {row['difference']:+7.2f} [{lo:+7.2f} {hi:+7.2f}]{marker}"
            )
        lines.append("  (*: the interval excludes zero)")
    return "\n".join(lines)


def print_comparison(cmp: dict, file=None) -> None:
    """Print :func:`format_comparison` (to stdout by default)."""
    print(format_comparison(cmp), file=file)
