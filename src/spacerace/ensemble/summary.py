"""The answer of an ensemble: who is first and when, crew lost, budgets, with intervals.

Two sources give the same tidy rows, sorted by seed: :func:`rows_from_records` (runs in
memory) and :func:`rows_from_store` (SQL over the store's runs, milestones and metrics).
:func:`summarize` turns rows into a JSON-ready dict; it depends on the rows only, never on
the order runs finished in, so every backend gives the same bytes. ``format_summary`` returns
text, ``print_summary`` prints it.

Intervals: a share of runs gets the 95 % Wilson score interval (Wilson 1927, recommended by
Agresti & Coull 1998 over the Wald interval, which collapses at shares of 0 and 1); the mean
crew lost per run gets a normal-approximation interval (mean ± 1.96 standard errors,
clipped at 0).
"""

from __future__ import annotations

import bisect
import math
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacerace.store.records import RunRecord

__all__ = [
    "COUNTED_EVENTS",
    "MILESTONES",
    "Z95",
    "EnsembleAggregates",
    "EnsembleRows",
    "StreamedAggregates",
    "format_summary",
    "print_summary",
    "rows_from_records",
    "rows_from_store",
    "summarize",
    "summarize_aggregates",
    "summary_from_store",
    "wilson_interval",
]

MILESTONES = (
    "crewed_lunar_landing",
    "woman_on_moon",
    "space_station",
    "lunar_base",
    "crewed_mars_landing",
    "mars_base",
    "asteroid_capture",
)
"""The firsts an ensemble answers for, in the order they are usually reached."""

Z95 = 1.959963984540054
"""Two-sided 95 % quantile of the standard normal, Φ⁻¹(0.975)."""

NOBODY = "nobody"
"""The 'agency' of runs in which nobody reached a milestone before the scenario ended."""


def wilson_interval(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Return the Wilson score interval of a share ``k / n`` (Wilson 1927).

    ``(p + z²/2n ± z √(p(1-p)/n + z²/4n²)) / (1 + z²/n)`` with ``p = k/n``; as recommended by
    Agresti & Coull (1998), it keeps its coverage near shares of 0 and 1, where the Wald
    interval ``p ± z √(p(1-p)/n)`` shrinks to a point.

    Example:
        >>> [round(x, 4) for x in wilson_interval(0, 10)]
        [0.0, 0.2775]
    """
    if n <= 0:
        return (0.0, 1.0)
    p = k / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


COUNTED_EVENTS = (
    "state_collapse",
    "defection",
    "purge",
    "politburo",
    "chief_designer",
    "goal_abandoned",
    "program_completed",
    "site_seized",
    "armed_standoff",
    "armed_clash",
    "rescue",
    "technology_transfer",
    "first_revealed",
    "company_bankrupt",
    "treaty",
)
"""Event kinds a summary counts per timeline (mean, 95 % interval): the state's fall, the
Soviet apparatus (defections, purges, the Politburo's hearings, Chief Designers), goals
given up and programs finished, the Moon front, rescues, secrets, companies, treaties."""


@dataclass(frozen=True)
class EnsembleRows:
    """The tidy rows a summary is computed from, each list sorted by seed then keys.

    Attributes:
        scenario: Scenario name.
        scenario_hash: Scenario content hash.
        version: spacerace version.
        seeds: Seeds of the runs, ascending.
        agencies: Agency keys seen in the runs' metrics, sorted.
        firsts: ``(seed, milestone, agency, year)``: who reached each first, and when.
        crew_lost: ``(seed, agency, persons)``: crew lost in flight over the whole run.
        budgets: ``(seed, year, agency, budget_musd)`` at the chosen years.
        budget_years: The chosen years.
        events: ``(seed, kind, count)`` of the :data:`COUNTED_EVENTS` a run has (none: no row).
    """

    scenario: str
    scenario_hash: str
    version: str
    seeds: list[int]
    agencies: list[str]
    firsts: list[tuple[int, str, str, int]]
    crew_lost: list[tuple[int, str, int]]
    budgets: list[tuple[int, int, str, float]]
    budget_years: list[int] = field(default_factory=list)
    events: list[tuple[int, str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class EnsembleAggregates:
    """What a summary needs of an ensemble's runs, in a size that does not grow with them.

    :func:`aggregates_from_store` gets them by SQL; :func:`summarize_aggregates` gives the
    same dict as :func:`summarize` on the runs' rows, bytes for bytes.

    Attributes:
        scenario: Scenario name.
        scenario_hash: Scenario content hash.
        version: spacerace version.
        runs: Number of runs.
        seed_span: ``[first seed, last seed]`` (empty without runs).
        agencies: Agency keys seen in the runs' metrics, sorted.
        first_years: ``(milestone, agency) -> {year: runs}``: a histogram of first years.
        crew_total: ``(sum, sum of squares)`` of the crew lost per run (all agencies).
        crew_by_agency: ``agency -> (sum, sum of squares)`` of its crew lost per run.
        budgets: ``(year, agency) -> (runs, {rank: budget})``: the order statistics (ranks
            from 0, ascending) the quartiles interpolate between.
        event_totals: ``kind -> (sum, sum of squares)`` of its count per run, for the
            :data:`COUNTED_EVENTS` that occur.
    """

    scenario: str
    scenario_hash: str
    version: str
    runs: int
    seed_span: list[int]
    agencies: list[str]
    first_years: dict[tuple[str, str], dict[int, int]]
    crew_total: tuple[int, int]
    crew_by_agency: dict[str, tuple[int, int]]
    budgets: dict[tuple[int, str], tuple[int, dict[int, float]]]
    event_totals: dict[str, tuple[int, int]] = field(default_factory=dict)


def default_budget_years(years: list[int]) -> list[int]:
    """Each decade's first year within the span, and the last year.

    Example:
        >>> default_budget_years(list(range(1969, 2004)))
        [1970, 1980, 1990, 2000, 2003]
    """
    if not years:
        return []
    return sorted({y for y in years if y % 10 == 0} | {max(years)})


def rows_from_records(
    records: list[RunRecord], budget_years: list[int] | None = None
) -> EnsembleRows:
    """Tidy rows from runs in memory (all of one scenario and version)."""
    records = sorted(records, key=lambda r: r.run["seed"])
    heads = {(r.run["scenario"], r.run["scenario_hash"], r.run["version"]) for r in records}
    if len(heads) > 1:
        raise ValueError(f"runs of more than one scenario or version: {sorted(heads)}")
    scenario, scenario_hash, version = heads.pop() if heads else ("", "", "")
    years = sorted({m["year"] for r in records for m in r.metrics})
    chosen = sorted(budget_years) if budget_years is not None else default_budget_years(years)
    firsts, crew, budgets, agencies, events = [], [], [], set(), []
    counted = frozenset(COUNTED_EVENTS)
    for r in records:
        seed = r.run["seed"]
        kinds = Counter(e["kind"] for e in r.events if e["kind"] in counted)
        events += [(seed, kind, n) for kind, n in sorted(kinds.items())]
        firsts += sorted((seed, m["milestone"], m["agency"], m["year"]) for m in r.milestones)
        lost: dict[str, int] = {}
        for m in r.metrics:
            agencies.add(m["agency"])
            lost[m["agency"]] = max(lost.get(m["agency"], 0), m["crew_lost"])
            if m["year"] in chosen:
                budgets.append((seed, m["year"], m["agency"], float(m["budget_musd"])))
        crew += [(seed, a, n) for a, n in sorted(lost.items())]
    return EnsembleRows(
        scenario=scenario,
        scenario_hash=scenario_hash,
        version=version,
        seeds=[r.run["seed"] for r in records],
        agencies=sorted(agencies),
        firsts=firsts,
        crew_lost=crew,
        budgets=sorted(budgets),
        budget_years=chosen,
        events=events,
    )


def rows_from_store(
    store,
    scenario_hash: str,
    version: str,
    seeds: range | None = None,
    budget_years: list[int] | None = None,
) -> EnsembleRows:
    """Tidy rows by SQL over the store: the runs of one scenario content and version.

    Args:
        store: A ``store.db.Store`` (anything with ``query(sql, params) -> list[tuple]``).
        scenario_hash: Scenario content hash.
        version: spacerace version.
        seeds: Only these seeds (a range; default: every stored seed).
        budget_years: Years to report budgets at (default: :func:`default_budget_years`).
    """
    where = "r.scenario_hash = ? AND r.version = ?"
    params: list = [scenario_hash, version]
    if seeds is not None:
        where += " AND r.seed BETWEEN ? AND ?"
        params += [seeds.start, seeds.stop - 1]
    runs = store.query(
        f"SELECT r.seed, r.scenario FROM runs r WHERE {where} ORDER BY r.seed", params
    )
    firsts = store.query(
        "SELECT r.seed, m.milestone, m.agency, m.year FROM milestones m "
        f"JOIN runs r ON r.run_id = m.run_id WHERE {where} "
        "ORDER BY r.seed, m.milestone, m.agency, m.year",
        params,
    )
    crew = store.query(
        "SELECT r.seed, t.agency, max(t.crew_lost) FROM metrics t "
        f"JOIN runs r ON r.run_id = t.run_id WHERE {where} "
        "GROUP BY r.seed, t.agency ORDER BY r.seed, t.agency",
        params,
    )
    if budget_years is None:
        years = store.query(
            f"SELECT DISTINCT t.year FROM metrics t JOIN runs r ON r.run_id = t.run_id "
            f"WHERE {where} ORDER BY t.year",
            params,
        )
        budget_years = default_budget_years([int(y) for (y,) in years])
    budgets = []
    if budget_years:
        marks = ", ".join("?" for _ in budget_years)
        budgets = store.query(
            "SELECT r.seed, t.year, t.agency, t.budget_musd FROM metrics t "
            f"JOIN runs r ON r.run_id = t.run_id WHERE {where} AND t.year IN ({marks}) "
            "ORDER BY r.seed, t.year, t.agency",
            [*params, *budget_years],
        )
    events = store.query(
        f"{_event_counts_sql(where)} ORDER BY r.seed, e.kind", [*params, *COUNTED_EVENTS]
    )
    return EnsembleRows(
        scenario=runs[0][1] if runs else "",
        scenario_hash=scenario_hash,
        version=version,
        seeds=[int(s) for s, _ in runs],
        agencies=sorted({str(a) for _, a, _ in crew}),
        firsts=[(int(s), str(m), str(a), int(y)) for s, m, a, y in firsts],
        crew_lost=[(int(s), str(a), int(n)) for s, a, n in crew],
        budgets=sorted((int(s), int(y), str(a), float(b)) for s, y, a, b in budgets),
        budget_years=sorted(budget_years),
        events=[(int(s), str(k), int(c)) for s, k, c in events],
    )


def aggregates_from_store(
    store,
    scenario_hash: str,
    version: str,
    seeds: range | None = None,
    budget_years: list[int] | None = None,
    milestones: tuple[str, ...] = MILESTONES,
) -> EnsembleAggregates:
    """The summary's aggregates by SQL over the store (arguments as :func:`rows_from_store`).

    Only counts, histograms, sums and a few order statistics leave DuckDB, so the memory of
    this process does not grow with the number of runs.
    """
    where = "r.scenario_hash = ? AND r.version = ?"
    params: list = [scenario_hash, version]
    if seeds is not None:
        where += " AND r.seed BETWEEN ? AND ?"
        params += [seeds.start, seeds.stop - 1]
    ((n, first, last, scenario),) = store.query(
        f"SELECT count(*), min(r.seed), max(r.seed), min(r.scenario) FROM runs r WHERE {where}",
        params,
    )
    n = int(n)
    marks = ", ".join("?" for _ in milestones)
    first_years: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
    for milestone, agency, year, k in store.query(
        "SELECT m.milestone, m.agency, m.year, count(*) FROM milestones m "
        f"JOIN runs r ON r.run_id = m.run_id WHERE {where} AND m.milestone IN ({marks}) "
        "GROUP BY ALL",
        [*params, *milestones],
    ):
        first_years[str(milestone), str(agency)][int(year)] = int(k)
    per = (
        "SELECT r.seed, t.agency, max(t.crew_lost)::BIGINT AS lost FROM metrics t "
        f"JOIN runs r ON r.run_id = t.run_id WHERE {where} GROUP BY r.seed, t.agency"
    )
    crew_by_agency = {
        str(a): (int(s1), int(s2))
        for a, s1, s2 in store.query(
            f"SELECT agency, sum(lost), sum(lost * lost) FROM ({per}) GROUP BY agency", params
        )
    }
    ((t1, t2),) = store.query(
        "SELECT coalesce(sum(total), 0), coalesce(sum(total * total), 0) FROM "
        f"(SELECT seed, sum(lost) AS total FROM ({per}) GROUP BY seed)",
        params,
    )
    if budget_years is None:
        years = store.query(
            f"SELECT DISTINCT t.year FROM metrics t JOIN runs r ON r.run_id = t.run_id "
            f"WHERE {where} ORDER BY t.year",
            params,
        )
        budget_years = default_budget_years([int(y) for (y,) in years])
    budgets: dict[tuple[int, str], tuple[int, dict[int, float]]] = {}
    if budget_years:
        in_years = f"t.year IN ({', '.join('?' for _ in budget_years)})"
        counts = store.query(
            "SELECT t.year, t.agency, count(*) FROM metrics t "
            f"JOIN runs r ON r.run_id = t.run_id WHERE {where} AND {in_years} GROUP BY ALL",
            [*params, *budget_years],
        )
        ranks = sorted({k for *_, m in counts for k in _quantile_ranks(int(m), _QUARTILES)})
        if ranks:
            budgets = {(int(y), str(a)): (int(m), {}) for y, a, m in counts}
            for y, a, rank, budget in store.query(
                "SELECT year, agency, rank, budget FROM (SELECT t.year, t.agency, "
                "t.budget_musd AS budget, row_number() OVER (PARTITION BY t.year, t.agency "
                "ORDER BY t.budget_musd) - 1 AS rank FROM metrics t "
                f"JOIN runs r ON r.run_id = t.run_id WHERE {where} AND {in_years}) "
                f"WHERE rank IN ({', '.join('?' for _ in ranks)})",
                [*params, *budget_years, *ranks],
            ):
                budgets[int(y), str(a)][1][int(rank)] = float(budget)
    event_totals = {
        str(k): (int(t1), int(t2))
        for k, t1, t2 in store.query(
            f"SELECT kind, sum(c), sum(c * c) FROM ({_event_counts_sql(where)}) GROUP BY kind",
            [*params, *COUNTED_EVENTS],
        )
    }
    return EnsembleAggregates(
        scenario=str(scenario) if n else "",
        scenario_hash=scenario_hash,
        version=version,
        runs=n,
        seed_span=[int(first), int(last)] if n else [],
        agencies=sorted(crew_by_agency),
        first_years=dict(first_years),
        crew_total=(int(t1), int(t2)),
        crew_by_agency=crew_by_agency,
        budgets=budgets,
        event_totals=event_totals,
    )


class StreamedAggregates:
    """An ensemble's :class:`EnsembleAggregates` summed up as its runs arrive, chunk by chunk.

    What :func:`aggregates_from_store` asks the store for at the end, kept as runs are
    stored: histograms of first years, sums and sums of squares of crew lost and of event
    counts, the seed span. The one part that grows with the runs is the budgets the
    quartiles are ranks of: one 8-byte float per run for each agency at each year a summary
    reports (:func:`default_budget_years`: each decade's first year and the last year; 160
    bytes a run for four agencies at five years). A summary of the runs a process plays thus
    needs no query over the store, whose scans fill DuckDB's buffer pool with every run
    stored (docs/benchmarks.md, "Ensemble").

    Example:
        >>> from spacerace.ensemble.backends import run_seeds
        >>> from spacerace.scenario.loader import load_scenario
        >>> got, stream = [], StreamedAggregates()
        >>> run_seeds(load_scenario("history"), [0, 1], on_records=lambda r: (
        ...     got.extend(r), stream.add(r)))
        2
        >>> summarize_aggregates(stream.aggregates()) == summarize(rows_from_records(got))
        True
    """

    def __init__(self) -> None:
        self._head: tuple[str, str, str] | None = None
        self._runs = 0
        self._seed_span: list[int] = []
        self._agencies: set[str] = set()
        self._first_years: dict[tuple[str, str], dict[int, int]] = defaultdict(dict)
        self._crew_total = [0, 0]
        self._crew_by_agency: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self._events: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self._last_year: int | None = None
        self._budgets: dict[int, dict[str, array]] = {}  # year -> agency -> budgets, MUSD
        self._milestones = frozenset(MILESTONES)
        self._counted = frozenset(COUNTED_EVENTS)

    @property
    def runs(self) -> int:
        """Runs added so far."""
        return self._runs

    def add(self, records: list[RunRecord]) -> None:
        """Add finished runs (one scenario and version; each run once)."""
        for r in records:
            self._add(r)

    def _add(self, r: RunRecord) -> None:
        head = (r.run["scenario"], r.run["scenario_hash"], r.run["version"])
        if self._head is None:
            self._head = head
        elif head != self._head:
            raise ValueError(f"runs of more than one scenario or version: {self._head}, {head}")
        seed = r.run["seed"]
        self._runs += 1
        span = self._seed_span
        self._seed_span = [min(span[0], seed), max(span[1], seed)] if span else [seed, seed]
        for m in r.milestones:
            if m["milestone"] in self._milestones:
                hist = self._first_years[m["milestone"], m["agency"]]
                hist[m["year"]] = hist.get(m["year"], 0) + 1
        kinds = Counter(e["kind"] for e in r.events if e["kind"] in self._counted)
        for kind, c in kinds.items():
            total = self._events[kind]
            total[0] += c
            total[1] += c * c
        lost: dict[str, int] = {}
        last = max((m["year"] for m in r.metrics), default=None)
        if last is not None and (self._last_year is None or last > self._last_year):
            if self._last_year is not None and self._last_year % 10 != 0:
                self._budgets.pop(self._last_year, None)  # no longer the last year
            self._last_year = last
        for m in r.metrics:
            agency, year = m["agency"], m["year"]
            self._agencies.add(agency)
            lost[agency] = max(lost.get(agency, 0), m["crew_lost"])
            if year % 10 == 0 or year == self._last_year:
                by_agency = self._budgets.setdefault(year, {})
                by_agency.setdefault(agency, array("d")).append(float(m["budget_musd"]))
        for agency, persons in lost.items():
            sums = self._crew_by_agency[agency]
            sums[0] += persons
            sums[1] += persons * persons
        total = sum(lost.values())
        self._crew_total[0] += total
        self._crew_total[1] += total * total

    def aggregates(self) -> EnsembleAggregates:
        """The aggregates of the runs added so far (the budgets sorted for their ranks)."""
        scenario, scenario_hash, version = self._head or ("", "", "")
        budgets = {
            (year, agency): (len(values), sorted(values))
            for year, by_agency in self._budgets.items()
            for agency, values in by_agency.items()
        }
        return EnsembleAggregates(
            scenario=scenario,
            scenario_hash=scenario_hash,
            version=version,
            runs=self._runs,
            seed_span=list(self._seed_span),
            agencies=sorted(self._agencies),
            first_years=dict(self._first_years),
            crew_total=(self._crew_total[0], self._crew_total[1]),
            crew_by_agency={a: (s1, s2) for a, (s1, s2) in self._crew_by_agency.items()},
            budgets=budgets,
            event_totals={k: (t1, t2) for k, (t1, t2) in self._events.items()},
        )


def _event_counts_sql(where: str) -> str:
    """SQL of ``(seed, kind, c)``: each run's count of each counted event kind it has.

    Its parameters are ``where``'s, then :data:`COUNTED_EVENTS`.
    """
    kinds = ", ".join("?" for _ in COUNTED_EVENTS)
    return (
        "SELECT r.seed, e.kind, count(*)::BIGINT AS c FROM events e "
        f"JOIN runs r ON r.run_id = e.run_id WHERE {where} AND e.kind IN ({kinds}) "
        "GROUP BY r.seed, e.kind"
    )


def summary_from_store(
    store,
    scenario_hash: str,
    version: str,
    seeds: range | None = None,
    budget_years: list[int] | None = None,
) -> dict:
    """``summarize(rows_from_store(...))``, the same bytes, in memory that does not grow with n."""
    return summarize_aggregates(
        aggregates_from_store(store, scenario_hash, version, seeds, budget_years)
    )


def summarize_aggregates(agg: EnsembleAggregates, milestones: tuple[str, ...] = MILESTONES) -> dict:
    """The dict :func:`summarize` gives, from the aggregates of the same runs."""
    n = agg.runs
    table = []
    for milestone in milestones:
        entries = []
        reached = 0
        for agency in agg.agencies:
            hist = agg.first_years.get((milestone, agency), {})
            k = sum(hist.values())
            reached += k
            entries.append(_first_share_of(agency, k, n, _histogram_quantiles(hist)))
        entries.append(_first_share_of(NOBODY, n - reached, n, dict.fromkeys(_YEAR_NAMES)))
        table.append({"milestone": milestone, "first": entries})
    return {
        "scenario": agg.scenario,
        "scenario_hash": agg.scenario_hash,
        "version": agg.version,
        "runs": n,
        "seeds": list(agg.seed_span),
        "agencies": list(agg.agencies),
        "milestones": table,
        "crew_lost": {
            **_mean_ci_of(n, *agg.crew_total),
            "by_agency": {a: _mean_ci_of(n, *agg.crew_by_agency[a]) for a in agg.agencies},
        },
        "budgets_musd": [
            {
                "year": year,
                "agency": agency,
                "runs": m,
                **_ranked_quantiles(m, points.__getitem__, _QUARTILES, _QUARTILE_NAMES, 1),
            }
            for (year, agency), (m, points) in sorted(agg.budgets.items())
        ],
        "events_per_run": {
            kind: _mean_ci_of(n, *agg.event_totals.get(kind, (0, 0))) for kind in COUNTED_EVENTS
        },
        "intervals": "95 %: Wilson score for shares; normal approximation for mean crew lost "
        "and events per run",
    }


def summarize(rows: EnsembleRows, milestones: tuple[str, ...] = MILESTONES) -> dict:
    """The ensemble's answer as a JSON-ready dict (shares, years, crew lost, budgets).

    Every agency of the runs is listed for every milestone, with ``nobody`` last: the runs in
    which no agency reached it before the scenario ended.
    """
    n = len(rows.seeds)
    firsts = defaultdict(list)  # (milestone, agency) -> years
    for _, milestone, agency, year in rows.firsts:
        firsts[milestone, agency].append(year)
    table = []
    for milestone in milestones:
        entries = []
        reached = 0
        for agency in rows.agencies:
            years = firsts.get((milestone, agency), [])
            reached += len(years)
            entries.append(_first_share(agency, len(years), n, years))
        entries.append(_first_share(NOBODY, n - reached, n, []))
        table.append({"milestone": milestone, "first": entries})
    return {
        "scenario": rows.scenario,
        "scenario_hash": rows.scenario_hash,
        "version": rows.version,
        "runs": n,
        "seeds": [rows.seeds[0], rows.seeds[-1]] if rows.seeds else [],
        "agencies": rows.agencies,
        "milestones": table,
        "crew_lost": _crew_summary(rows, n),
        "budgets_musd": _budget_summary(rows),
        "events_per_run": _event_summary(rows, n),
        "intervals": "95 %: Wilson score for shares; normal approximation for mean crew lost "
        "and events per run",
    }


_YEARS = (5, 50, 95)
_YEAR_NAMES = ("p5", "median", "p95")
_QUARTILES = (25, 50, 75)
_QUARTILE_NAMES = ("q1", "median", "q3")


def _first_share(agency: str, k: int, n: int, years: list[int]) -> dict:
    return _first_share_of(agency, k, n, _quantiles(years, _YEARS, _YEAR_NAMES, 1))


def _first_share_of(agency: str, k: int, n: int, year: dict) -> dict:
    lo, hi = wilson_interval(k, n)
    return {
        "agency": agency,
        "runs": k,
        "share": _round(k / n if n else 0.0, 4),
        "ci95": [_round(lo, 4), _round(hi, 4)],
        "year": year,
    }


def _crew_summary(rows: EnsembleRows, n: int) -> dict:
    per_run = defaultdict(int)
    per_agency = defaultdict(lambda: defaultdict(int))
    for seed, agency, lost in rows.crew_lost:
        per_run[seed] += lost
        per_agency[agency][seed] += lost
    totals = [per_run[s] for s in rows.seeds]
    return {
        **_mean_ci(totals),
        "by_agency": {a: _mean_ci([per_agency[a][s] for s in rows.seeds]) for a in rows.agencies},
    }


def _event_summary(rows: EnsembleRows, n: int) -> dict:
    """Mean count per run of each counted event kind, with its 95 % normal interval."""
    totals: dict[str, list[int]] = {kind: [0, 0] for kind in COUNTED_EVENTS}
    for _, kind, count in rows.events:
        totals[kind][0] += count
        totals[kind][1] += count * count
    return {kind: _mean_ci_of(n, *totals[kind]) for kind in COUNTED_EVENTS}


def _mean_ci(values: list[int]) -> dict:
    n = len(values)
    if n == 0:
        return {"mean": None, "ci95": [None, None]}
    mean = sum(values) / n
    var = sum((v - mean) ** 2 for v in values) / (n - 1) if n > 1 else 0.0
    half = Z95 * math.sqrt(var / n)
    low = max(0.0, mean - half)  # a count is never negative: the normal interval is clipped
    return {"mean": _round(mean, 3), "ci95": [_round(low, 3), _round(mean + half, 3)]}


def _budget_summary(rows: EnsembleRows) -> list[dict]:
    values = defaultdict(list)
    for _, year, agency, budget in rows.budgets:
        values[year, agency].append(budget)
    return [
        {
            "year": year,
            "agency": agency,
            "runs": len(values[year, agency]),
            **_quantiles(values[year, agency], (25, 50, 75), ("q1", "median", "q3"), 1),
        }
        for year, agency in sorted(values)
    ]


def _quantiles(values: list[float], qs: tuple, names: tuple, digits: int) -> dict:
    if not values:
        return dict.fromkeys(names)
    import numpy as np

    found = np.percentile(np.sort(np.asarray(values, dtype=float)), qs)
    return {name: _round(float(v), digits) for name, v in zip(names, found, strict=True)}


def _quantile_ranks(m: int, qs: tuple) -> set[int]:
    """The ranks (from 0, ascending) :func:`_ranked_quantiles` reads of ``m`` sorted values."""
    ranks: set[int] = set()
    for q in qs:
        at = (m - 1) * (q / 100)
        lo = min(math.floor(at), m - 1)
        ranks |= {lo, min(lo + 1, m - 1)} if m else set()
    return ranks


def _ranked_quantiles(m: int, kth, qs: tuple, names: tuple, digits: int) -> dict:
    """``_quantiles`` of ``m`` values known by rank: ``kth(i)`` is the i-th smallest (from 0).

    The same arithmetic, in the same order, as ``numpy.percentile``'s default (linear, type 7
    of Hyndman & Fan): index ``(m - 1) q``, and ``a + (b - a) g``, or ``b - (b - a)(1 - g)``
    when the fraction ``g`` is at least 1/2, so the floats are the same to the last bit.
    """
    if m == 0:
        return dict.fromkeys(names)
    found = {}
    for name, q in zip(names, qs, strict=True):
        at = (m - 1) * (q / 100)
        if at >= m - 1:
            value = float(kth(m - 1))
        else:
            lo = math.floor(at)
            a, b = float(kth(lo)), float(kth(lo + 1))
            g = at - lo
            value = b - (b - a) * (1 - g) if g >= 0.5 else a + (b - a) * g
        found[name] = _round(value, digits)
    return found


def _histogram_quantiles(hist: dict[int, int]) -> dict:
    """The first years' quantiles from a ``{year: runs}`` histogram (as ``_quantiles``)."""
    ordered = sorted(hist.items())
    ends, total = [], 0
    for _, k in ordered:
        total += k
        ends.append(total)

    def kth(i: int) -> int:
        return ordered[bisect.bisect_right(ends, i)][0]

    return _ranked_quantiles(total, kth, _YEARS, _YEAR_NAMES, 1)


def _mean_ci_of(n: int, s1: int, s2: int) -> dict:
    """``_mean_ci`` from the count, sum and sum of squares of integer values (exact moments)."""
    if n == 0:
        return {"mean": None, "ci95": [None, None]}
    mean = s1 / n
    var = (n * s2 - s1 * s1) / (n * (n - 1)) if n > 1 else 0.0
    half = Z95 * math.sqrt(var / n)
    low = max(0.0, mean - half)
    return {"mean": _round(mean, 3), "ci95": [_round(low, 3), _round(mean + half, 3)]}


def _round(value: float, digits: int) -> float:
    return round(value + 0.0, digits)


# --- text --------------------------------------------------------------------------------------


def format_summary(summary: dict) -> str:
    """The summary as plain-text tables (one per question)."""
    lines = [
        f"{summary['scenario']} ({summary['scenario_hash']}, spacerace {summary['version']}): "
        f"{summary['runs']} timelines, seeds {_seed_span(summary)}",
        "",
        "Who is first, and when (share of runs with 95 % Wilson interval; year median [5-95 %])",
    ]
    for entry in summary["milestones"]:
        lines.append(f"  {entry['milestone'].replace('_', ' ')}")
        for first in entry["first"]:
            if first["runs"] == 0 and first["agency"] != NOBODY:
                continue
            lo, hi = first["ci95"]
            share = f"{100 * first['share']:5.1f} % [{100 * lo:5.1f}-{100 * hi:5.1f}]"
            year = first["year"]
            when = (
                f"  {year['median']:.0f} [{year['p5']:.0f}-{year['p95']:.0f}]"
                if year.get("median") is not None
                else ""
            )
            lines.append(f"    {first['agency']:<10} {first['runs']:>6} runs  {share}{when}")
    crew = summary["crew_lost"]
    if crew["mean"] is not None:
        lines += ["", "Crew lost per timeline (mean, 95 % normal interval)"]
        lines.append(f"    {'all':<10} {_mean_text(crew)}")
        for agency, stats in crew["by_agency"].items():
            lines.append(f"    {agency:<10} {_mean_text(stats)}")
    if summary["budgets_musd"]:
        lines += ["", "Budgets, million USD then-year (median [25-75 %])"]
        for row in summary["budgets_musd"]:
            lines.append(
                f"    {row['year']}  {row['agency']:<10} {row['median']:>9.0f} "
                f"[{row['q1']:.0f}-{row['q3']:.0f}]  ({row['runs']} runs)"
            )
    return "\n".join(lines)


def print_summary(summary: dict, file=None) -> None:
    """Print :func:`format_summary` (to stdout by default)."""
    print(format_summary(summary), file=file)


def _seed_span(summary: dict) -> str:
    seeds = summary["seeds"]
    return f"{seeds[0]}-{seeds[1]}" if seeds else "none"


def _mean_text(stats: dict) -> str:
    lo, hi = stats["ci95"]
    return f"{stats['mean']:6.2f} [{lo:.2f}-{hi:.2f}]"
