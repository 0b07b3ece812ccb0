"""Ensemble throughput: timelines per second on each backend, parallel efficiency, chunk sizes.

Plays N_SEEDS seeds of for-all-mankind (1969-2003) on: serial; local processes with 1 and 2
workers; a local Dask cluster (loopback) with 1 and 2 workers. Times are wall clock from the
call to the last record received, so they include starting the pool or cluster and building
each worker's planner. Records go to a counting sink (the engine's cost, not the store's);
one more run writes into a DuckDB store to show whether the store slows an ensemble down.
Parallel efficiency is rate(2 workers) / (2 x rate(1 worker)).

Run: .venv/bin/python bench/bench_ensemble.py  (writes "## Ensemble" in docs/benchmarks.md)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import machine, write_section  # noqa: E402

N_SEEDS = 200
SCENARIO = "for-all-mankind"
REPEATS = 3
SUMMARY_COPIES = 50
"""The summary is timed over N_SEEDS x SUMMARY_COPIES stored runs (10,000)."""
"""Rounds over every configuration (interleaved, so a busy moment hits all of them); the
table gives each configuration's median round."""


class Counter:
    """A sink that keeps nothing: counts runs and the largest chunk seen."""

    def __init__(self):
        self.runs = 0

    def write(self, records):
        self.runs += len(records)


def timed(scenario, backend, workers, chunk_size=None, n=N_SEEDS):
    from spacerace.ensemble.backends import run_seeds

    sink = Counter()
    t0 = time.perf_counter()
    run_seeds(
        scenario,
        range(n),
        backend=backend,
        workers=workers,
        chunk_size=chunk_size,
        on_records=sink.write,
    )
    elapsed = time.perf_counter() - t0
    assert sink.runs == n
    return n / elapsed, elapsed


def timed_store(scenario, workers, n=N_SEEDS, copies=SUMMARY_COPIES):
    """Rate into a DuckDB store; then the summary's time over ``n * copies`` stored runs."""
    from spacerace.ensemble.runner import run_ensemble
    from spacerace.ensemble.summary import rows_from_store, summarize
    from spacerace.store.db import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        done = run_ensemble(scenario, n, store, backend="processes", workers=workers)
        elapsed = time.perf_counter() - t0
        assert done.played == n
        store.query("CHECKPOINT")  # move the write-ahead log into the file before sizing it
        size_mb = (Path(tmp) / "bench.duckdb").stat().st_size / 1e6
        # Copies of the played runs under new seeds (not new histories: the summary's cost
        # depends on row counts, not on what the rows say).
        for table in ("runs", "events", "milestones", "metrics"):
            seed = f", r.seed + t.k * {n} AS seed" if table == "runs" else ""
            store.query(
                f"INSERT INTO {table} SELECT r.* REPLACE (r.run_id || '~' || t.k AS run_id"
                f"{seed}) FROM {table} r, range(1, {copies}) t(k)"
            )
        seeds = range(0, n * copies)
        t1 = time.perf_counter()
        rows = rows_from_store(store, done.scenario_hash, done.version, seeds)
        summarize(rows)
        summary_s = time.perf_counter() - t1
        assert len(rows.seeds) == n * copies
    return n / elapsed, elapsed, size_mb / n, summary_s


def _median(rounds):
    """The median round by rate, as (rate, wall)."""
    return sorted(rounds)[len(rounds) // 2]


def main() -> None:
    from spacerace.ensemble.backends import CHUNK_SEEDS
    from spacerace.scenario.loader import load_scenario

    try:
        import distributed  # noqa: F401

        has_dask = True
    except ImportError:
        has_dask = False
    scenario = load_scenario(SCENARIO)
    timed(scenario, "serial", 1, n=2)  # JIT-compile and cache the kernels first
    configs = [("serial", 1), ("processes", 1), ("processes", 2), ("dask", 1), ("dask", 2)]
    configs = [c for c in configs if c[0] != "dask" or has_dask]
    sizes = [(b, size) for b in ("processes", "dask") for size in (1, CHUNK_SEEDS, 50)]
    sizes = [c for c in sizes if c[0] != "dask" or has_dask]
    seen, seen_chunks = defaultdict(list), defaultdict(list)
    for round_ in range(REPEATS):
        for backend, workers in configs:
            seen[backend, workers].append(timed(scenario, backend, workers))
            print(round_, backend, workers, f"{seen[backend, workers][-1][0]:.2f}/s", flush=True)
        for backend, size in sizes:
            seen_chunks[backend, size].append(timed(scenario, backend, 2, chunk_size=size))
            print(round_, backend, "chunk", size, f"{seen_chunks[backend, size][-1][0]:.2f}/s")
    rates = {k: _median(v) for k, v in seen.items()}
    chunks = {k: _median(v) for k, v in seen_chunks.items()}
    store_rate = timed_store(scenario, 2)
    print("store", f"{store_rate[0]:.2f}/s", flush=True)

    lines = [
        f"{N_SEEDS} seeds of {SCENARIO} (1969-2003); {machine()}. Median of {REPEATS} "
        "interleaved rounds; wall time "
        "from the call to the last record, including starting the pool or cluster and each "
        "worker's planner; records to a counting sink. `bench/bench_ensemble.py`.",
        "",
        "| backend | workers | timelines/s | wall s | parallel efficiency |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for (backend, workers), (rate, wall) in rates.items():
        eff = ""
        if workers == 2 and (backend, 1) in rates:
            eff = f"{100 * rate / (2 * rates[backend, 1][0]):.0f} %"
        lines.append(f"| {backend} | {workers} | {rate:.2f} | {wall:.1f} | {eff} |")
    lines += [
        "",
        f"Processes, 2 workers, into a DuckDB store (`run_ensemble`): {store_rate[0]:.2f} "
        f"timelines/s ({store_rate[1]:.1f} s); the file grows by {store_rate[2]:.2f} MB per "
        f"timeline. The ensemble summary (`rows_from_store` + `summarize`) over "
        f"{N_SEEDS * SUMMARY_COPIES:,} stored timelines: {store_rate[3]:.2f} s.",
        "",
        "Seeds per task (2 workers; default chunk: at most "
        f"{CHUNK_SEEDS}, and at least 4 tasks per worker):",
        "",
        "| backend | seeds per task | timelines/s | wall s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for (backend, size), (rate, wall) in chunks.items():
        lines.append(f"| {backend} | {size} | {rate:.2f} | {wall:.1f} |")
    if os.cpu_count() and os.cpu_count() < 2:
        lines.append("\nOnly one core: the 2-worker rows measure overhead, not speed-up.")
    write_section("Ensemble", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":  # spawned workers import this file: run only as a script
    main()
