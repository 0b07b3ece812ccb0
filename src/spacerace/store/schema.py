"""The store's tables: one place names every column and its DuckDB type.

Pure Python (no duckdb import): :mod:`spacerace.store.db` turns these into ``CREATE TABLE``
statements and uses the same column lists to insert :class:`~spacerace.store.records.RunRecord`
rows. The run-level columns, events, milestones, metrics and missions follow ``RunRecord``; a
test keeps ``metrics`` equal to the engine's ``MetricRow`` keys and ``missions`` to the facts
table's fields (``sim.facts.FIELDS``).

A table added after stores were first written is named in :data:`ADDED_TABLES`: opening an
older store for writing creates it (``CREATE TABLE IF NOT EXISTS``: nothing else is touched);
a read-only open, which cannot create it, reads it as empty.

Times are UTC, stored as ``TIMESTAMP`` without a zone (DuckDB hands a ``TIMESTAMPTZ`` back to
Python only with pytz installed).
"""

from __future__ import annotations

__all__ = ["ADDED_TABLES", "INDEXES", "TABLES", "create_statements"]

TABLES: dict[str, dict[str, str]] = {
    "scenarios": {
        "scenario_hash": "VARCHAR PRIMARY KEY",
        "name": "VARCHAR NOT NULL",
        "source_text": "VARCHAR NOT NULL",
        "created_at": "TIMESTAMP NOT NULL",  # UTC
    },
    "runs": {
        "run_id": "VARCHAR PRIMARY KEY",
        "ensemble_id": "VARCHAR",  # the ensemble that first stored the run; None for one run
        "scenario": "VARCHAR NOT NULL",
        "scenario_hash": "VARCHAR NOT NULL",
        "seed": "BIGINT NOT NULL",
        "version": "VARCHAR NOT NULL",
        "status": "VARCHAR NOT NULL",
        "n_events": "INTEGER NOT NULL",
        "events_sha256": "VARCHAR NOT NULL",
        "duration_s": "DOUBLE NOT NULL",
        "stored_at": "TIMESTAMP NOT NULL",  # UTC
    },
    "events": {
        "run_id": "VARCHAR NOT NULL",
        "seq": "INTEGER NOT NULL",
        "day": "DOUBLE NOT NULL",
        "date": "VARCHAR NOT NULL",
        "kind": "VARCHAR NOT NULL",
        "agency": "VARCHAR",
        "text": "VARCHAR NOT NULL",
        "cause": "VARCHAR",
        "actors": "VARCHAR NOT NULL",  # JSON list
        "data": "VARCHAR NOT NULL",  # JSON object
        "scripted": "BOOLEAN NOT NULL",
    },
    "event_breakdowns": {  # how an event's number was made (world.event.Breakdown)
        "run_id": "VARCHAR NOT NULL",
        "seq": "INTEGER NOT NULL",  # the event's seq
        "breakdown": "VARCHAR NOT NULL",  # JSON object: {"of", "label", "terms"}
    },
    "milestones": {
        "run_id": "VARCHAR NOT NULL",
        "milestone": "VARCHAR NOT NULL",
        "agency": "VARCHAR NOT NULL",
        "day": "DOUBLE NOT NULL",
        "date": "VARCHAR NOT NULL",
        "year": "INTEGER NOT NULL",
        "people": "VARCHAR NOT NULL",  # JSON list
        "secret": "BOOLEAN NOT NULL",
    },
    "metrics": {
        "run_id": "VARCHAR NOT NULL",
        "year": "INTEGER NOT NULL",
        "agency": "VARCHAR NOT NULL",
        "budget_musd": "DOUBLE NOT NULL",
        "prestige": "DOUBLE NOT NULL",
        "support": "DOUBLE NOT NULL",
        "people_in_space": "INTEGER NOT NULL",
        "crew_lost": "INTEGER NOT NULL",
        "flyers": "INTEGER NOT NULL",
        "bases": "INTEGER NOT NULL",
    },
    "missions": {  # the facts table (sim.facts, docs/engine.md): one row per mission
        "run_id": "VARCHAR NOT NULL",
        "seq": "INTEGER NOT NULL",  # position in the run's missions (commit order), from 0
        "id": "VARCHAR NOT NULL",
        "name": "VARCHAR NOT NULL",
        "agency": "VARCHAR NOT NULL",
        "kind": "VARCHAR NOT NULL",
        "vehicle": "VARCHAR NOT NULL",
        "crew_vehicle": "VARCHAR NOT NULL",
        "launch_date": "VARCHAR NOT NULL",
        "launch_day": "DOUBLE NOT NULL",  # days since the scenario start
        "outcome": "VARCHAR NOT NULL",
        "failed_phase": "VARCHAR NOT NULL",
        "crew": "VARCHAR NOT NULL",  # JSON list
        "destination": "VARCHAR NOT NULL",
        "target": "VARCHAR NOT NULL",
        "base": "VARCHAR NOT NULL",
        "milestones": "VARCHAR NOT NULL",  # JSON list
    },
    "ensembles": {
        "ensemble_id": "VARCHAR PRIMARY KEY",
        "scenario": "VARCHAR NOT NULL",
        "scenario_hash": "VARCHAR NOT NULL",
        "base_seed": "BIGINT NOT NULL",
        "n": "INTEGER NOT NULL",
        "backend": "VARCHAR NOT NULL",
        "workers": "INTEGER NOT NULL",
        "created_at": "TIMESTAMP NOT NULL",  # UTC
        "finished_at": "TIMESTAMP",  # UTC; None while running or if interrupted
        "status": "VARCHAR NOT NULL",  # running, done (or what finish_ensemble was told)
    },
}
"""Columns and DuckDB types per table, in insertion order."""

ADDED_TABLES: frozenset[str] = frozenset({"missions", "event_breakdowns"})
"""Tables a store written by an earlier spacerace may lack (runs stored then have no rows in
them; replaying such a run with ``spacerace show --out`` writes its ``missions.jsonl``)."""

INDEXES: dict[str, str] = {
    # existing_seeds (resume) and the ensemble summaries select runs by scenario and version.
    # Events, milestones and metrics get no index: DuckDB's ART indexes cost insert time and
    # memory, and the summaries scan whole columns; one run's events (``spacerace show``) are
    # found through the row groups' min/max zone maps (measured in bench/bench_store.py).
    "runs_by_scenario": "runs (scenario_hash, version, seed)",
}


def create_statements() -> list[str]:
    """Return the DDL that creates every table and index not yet present.

    Example:
        >>> create_statements()[0].split("(")[0]
        'CREATE TABLE IF NOT EXISTS scenarios '
    """
    tables = [
        f"CREATE TABLE IF NOT EXISTS {name} ("
        + ", ".join(f"{col} {kind}" for col, kind in cols.items())
        + ")"
        for name, cols in TABLES.items()
    ]
    indexes = [f"CREATE INDEX IF NOT EXISTS {name} ON {on}" for name, on in INDEXES.items()]
    return tables + indexes
