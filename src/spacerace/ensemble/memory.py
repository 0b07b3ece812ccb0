"""An in-memory stand-in for the store: the same calls, a dict of runs by ``run_id``.

Tests and benchmarks use it to run ensembles without DuckDB; it keeps whole records, so it is
for small ensembles only (the DuckDB store is what streams 10,000 timelines to disk).
"""

from __future__ import annotations

from spacerace.store.records import RunRecord, facts_row

__all__ = ["MemoryStore"]


class MemoryStore:
    """Runs kept in memory, written idempotently by ``run_id`` like the DuckDB store.

    Example:
        >>> store = MemoryStore()
        >>> store.existing_seeds("0123456789abcdef", "0.1.0")
        set()
    """

    def __init__(self) -> None:
        self.scenarios: dict[str, tuple[str, str]] = {}
        self.runs: dict[str, RunRecord] = {}
        self.ensembles: dict[str, dict] = {}
        self.writes = 0

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc_info) -> None:
        return None

    def add_scenario(self, scenario_hash: str, name: str, source_text: str) -> None:
        """Remember a scenario's name and text by its content hash."""
        self.scenarios.setdefault(scenario_hash, (name, source_text))

    def write_runs(self, records: list[RunRecord], ensemble_id: str | None = None) -> int:
        """Keep runs not already kept; return how many were new."""
        self.writes += 1
        new = [r for r in records if r.run["run_id"] not in self.runs]
        for record in new:
            self.runs[record.run["run_id"]] = record
        return len(new)

    def existing_seeds(self, scenario_hash: str, version: str) -> set[int]:
        """Seeds already kept for a scenario's content and a spacerace version."""
        return {
            r.run["seed"]
            for r in self.runs.values()
            if (r.run["scenario_hash"], r.run["version"]) == (scenario_hash, version)
        }

    def start_ensemble(self, *, ensemble_id: str | None = None, **spec) -> str:
        """Record that an ensemble started (its scenario, seeds and backend); return its id."""
        ensemble_id = ensemble_id or f"{spec['scenario_hash']}-{spec['base_seed']}-{spec['n']}"
        self.ensembles[ensemble_id] = {**spec, "status": "running"}
        return ensemble_id

    def finish_ensemble(self, ensemble_id: str, status: str = "done") -> None:
        """Record that an ensemble ended, ``done`` or ``interrupted``."""
        self.ensembles[ensemble_id]["status"] = status

    def missions(self, run_id: str) -> list[dict]:
        """A kept run's facts table, rows as ``missions.jsonl`` has them (``Store.missions``)."""
        record = self.runs.get(run_id)
        return [] if record is None else [facts_row(row) for row in record.missions]

    def records(self) -> list[RunRecord]:
        """Every kept run, sorted by (scenario hash, version, seed)."""
        key = lambda r: (r.run["scenario_hash"], r.run["version"], r.run["seed"])  # noqa: E731
        return sorted(self.runs.values(), key=key)
