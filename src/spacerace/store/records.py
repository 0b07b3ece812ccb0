"""A run as rows, ready for the store: small, picklable, the same on every backend.

Workers (processes, Dask) return a :class:`RunRecord` instead of a whole ``RunResult`` (the
world's objects are large and not needed to answer ensemble questions). Pure Python: no
DuckDB here, so building records costs workers nothing to import.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from spacerace import __version__
from spacerace.astro.time import jd_tdb_to_iso
from spacerace.sim.result import RunResult

__all__ = ["RunRecord", "facts_row", "record_of", "run_id_of"]

_JSON_LISTS = ("crew", "milestones")
"""Facts-table fields that are lists: stored as JSON text, as events' ``actors`` are."""


def run_id_of(scenario_hash: str, seed: int, version: str = __version__) -> str:
    """The id of a run: the same (scenario content, seed, version) always get the same id.

    Example:
        >>> run_id_of("0123456789abcdef", 7, "0.1.0")
        '0123456789abcdef-7-0.1.0'
    """
    return f"{scenario_hash}-{seed}-{version}"


@dataclass(frozen=True)
class RunRecord:
    """One timeline as rows.

    Attributes:
        run: ``{"run_id", "scenario", "scenario_hash", "seed", "version", "n_events",
            "events_sha256", "duration_s"}``.
        events: One dict per event: ``run_id, seq, day, date, kind, agency, text, cause,
            actors (JSON list), data (JSON object), scripted``.
        milestones: One dict per first: ``run_id, milestone, agency, day, date, year,
            people (JSON list), secret``.
        metrics: The run's yearly metric rows, each with ``run_id`` added.
        missions: The facts table (``sim.facts.mission_rows``), one dict per mission with
            ``run_id`` and ``seq`` (its position, from 0) added and ``crew`` and
            ``milestones`` as JSON lists; :func:`facts_row` gives a row back (about 50
            rows, 10 kB pickled, for a whole run; its events are 110-150 kB).
        event_breakdowns: ``run_id, seq, breakdown (JSON object)`` for each event that
            explains its number (``world.event.Breakdown``).
    """

    run: dict
    events: list[dict]
    milestones: list[dict]
    metrics: list[dict]
    missions: list[dict] = field(default_factory=list)
    event_breakdowns: list[dict] = field(default_factory=list)


def record_of(result: RunResult, duration_s: float = 0.0) -> RunRecord:
    """Turn a run into rows (events in log order, milestones and metrics sorted)."""
    scenario_hash = result.scenario.content_hash()
    run_id = run_id_of(scenario_hash, result.seed)
    start = result.start_jd_tdb
    jsonl = result.log.to_jsonl(start)
    # one vectorised date conversion for the whole log (per-event calls cost more than the run)
    dates = jd_tdb_to_iso([start + e.day for e in result.log]) if len(result.log) else []
    events = [
        {
            "run_id": run_id,
            "seq": i,
            "day": e.day,
            "date": dates[i],
            "kind": e.kind,
            "agency": e.agency,
            "text": e.text,
            "cause": e.cause,
            "actors": json.dumps(list(e.actors), ensure_ascii=False),
            "data": json.dumps(dict(sorted(e.data.items())), ensure_ascii=False),
            "scripted": e.scripted,
        }
        for i, e in enumerate(result.log)
    ]
    milestones = [
        {
            "run_id": run_id,
            "milestone": m.key,
            "agency": m.agency,
            "day": m.day,
            "date": jd_tdb_to_iso(start + m.day),
            "year": int(jd_tdb_to_iso(start + m.day)[:4]),
            "people": json.dumps(list(m.people), ensure_ascii=False),
            "secret": m.secret,
        }
        for m in sorted(result.milestones.values(), key=lambda m: (m.day, m.key))
    ]
    breakdowns = [
        {
            "run_id": run_id,
            "seq": i,
            "breakdown": json.dumps(e.breakdown.to_dict(), ensure_ascii=False),
        }
        for i, e in enumerate(result.log)
        if e.breakdown is not None
    ]
    metrics = [{"run_id": run_id, **row} for row in result.metrics]
    missions = [
        {
            "run_id": run_id,
            "seq": i,
            **row,
            **{k: json.dumps(row[k], ensure_ascii=False) for k in _JSON_LISTS},
        }
        for i, row in enumerate(result.mission_rows())
    ]
    run = {
        "run_id": run_id,
        "scenario": result.scenario.name,
        "scenario_hash": scenario_hash,
        "seed": result.seed,
        "version": __version__,
        "n_events": len(events),
        "events_sha256": hashlib.sha256(jsonl.encode()).hexdigest(),
        "duration_s": round(duration_s, 6),
    }
    return RunRecord(run, events, milestones, metrics, missions, breakdowns)


def facts_row(stored: dict) -> dict:
    """A stored ``missions`` row as the facts table has it (``missions.jsonl``'s line).

    Example:
        >>> facts_row({"run_id": "r", "seq": 0, "id": "nasa-0001", "crew": '["A"]',
        ...            "milestones": "[]"})
        {'id': 'nasa-0001', 'crew': ['A'], 'milestones': []}
    """
    row = {k: v for k, v in stored.items() if k not in ("run_id", "seq")}
    for k in _JSON_LISTS:
        row[k] = json.loads(row[k])
    return row
