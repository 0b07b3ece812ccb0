"""Ingest rate of the DuckDB store: 1,000 For All Mankind timelines in one ``write_runs``.

Run: ``.venv/bin/python bench/bench_store.py`` (writes the "Store" section of
docs/benchmarks.md). The 1,000 timelines (seeds 0-999, 1969-2003) are played once (~1 min)
and turned into ``RunRecord`` s; each timing round writes them into a fresh file in a
temporary folder, median of 3. Measured in the same run: the same records written as the
ensemble streams them (chunks of 50 runs, one transaction each), the no-op rewrite of all
1,000, reading one run's events back (``spacerace show``), and the peer way of inserting
rows, DuckDB's ``executemany``, on the events of 5 runs.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, median_time_s, write_section  # noqa: E402

from spacerace.scenario.loader import load_scenario  # noqa: E402
from spacerace.sim.engine import make_planner, run_timeline  # noqa: E402
from spacerace.store.db import Store, _columns  # noqa: E402
from spacerace.store.records import record_of  # noqa: E402
from spacerace.store.schema import TABLES  # noqa: E402

N_RUNS = 1000
CHUNK = 50
CHILDREN = ("events", "milestones", "metrics")


def play(n: int) -> list:
    scenario = load_scenario("for-all-mankind")
    planner = make_planner(scenario)
    return [record_of(run_timeline(scenario, seed, planner=planner)) for seed in range(n)]


def fresh_write(records: list, chunk: int | None) -> float:
    """Seconds to write ``records`` into a new file, in one call or in chunks."""
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as db:
        t0 = time.perf_counter()
        if chunk is None:
            db.write_runs(records, "bench")
        else:
            for i in range(0, len(records), chunk):
                db.write_runs(records[i : i + chunk], "bench")
        return time.perf_counter() - t0


def gather(records: list) -> None:
    """What ``write_runs`` does in Python before DuckDB sees a row: rows into columns."""
    tables = {
        "runs": [r.run for r in records],
        **{t: [row for r in records for row in getattr(r, t)] for t in TABLES if t in CHILDREN},
    }
    for table, rows in tables.items():
        _columns(rows, {c: kind.split()[0] for c, kind in TABLES[table].items() if c in rows[0]})


def executemany_rows_s(records: list) -> float:
    import duckdb

    rows = [tuple(e.values()) for r in records for e in r.events]
    con = duckdb.connect()
    cols = ", ".join(f"{c} {t}" for c, t in TABLES["events"].items())
    con.execute(f"CREATE TABLE events ({cols})")
    marks = ", ".join("?" for _ in TABLES["events"])
    t0 = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(f"INSERT INTO events VALUES ({marks})", rows)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    con.close()
    return len(rows) / elapsed


def main() -> None:
    t0 = time.perf_counter()
    records = play(N_RUNS)
    t_play = time.perf_counter() - t0
    n_events = sum(r.run["n_events"] for r in records)
    n_rows = sum(1 + len(r.events) + len(r.milestones) + len(r.metrics) for r in records)
    fresh_write(records[:20], None)  # warm-up
    load = os.getloadavg()
    t_one, _ = median_time_s(lambda: fresh_write(records, None), 3)
    t_chunks, _ = median_time_s(lambda: fresh_write(records, CHUNK), 3)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "b.duckdb"
        with Store(path) as db:
            db.write_runs(records, "bench")
            t_again, _ = median_time_s(lambda: db.write_runs(records, "bench"), 3)
            run_id = records[N_RUNS // 2].run["run_id"]
            t_events, _ = median_time_s(lambda: db.events(run_id), 5)
        size_mb = path.stat().st_size / 1e6
    peer = executemany_rows_s(records[:5])
    t_gather, _ = median_time_s(lambda: gather(records), 3)
    table = "\n".join(
        f"| {label} | {rate_runs} | {rate_events} | {secs} |"
        for label, rate_runs, rate_events, secs in [
            (
                "one `write_runs` call, one transaction",
                f"{N_RUNS / t_one:,.0f}",
                f"{n_events / t_one:,.0f}",
                f"{t_one:.2f}",
            ),
            (
                f"{N_RUNS // CHUNK} calls of {CHUNK} runs (as an ensemble streams)",
                f"{N_RUNS / t_chunks:,.0f}",
                f"{n_events / t_chunks:,.0f}",
                f"{t_chunks:.2f}",
            ),
            (
                f"rewrite of all {N_RUNS:,} (idempotent no-op)",
                f"{N_RUNS / t_again:,.0f}",
                "—",
                f"{t_again:.3f}",
            ),
        ]
    )
    body = f"""
Command: `.venv/bin/python bench/bench_store.py` — {machine()}.
Load average (1 min) {load[0]:.2f} before, {os.getloadavg()[0]:.2f} after the timing rounds.
{N_RUNS:,} For All Mankind timelines (seeds 0-{N_RUNS - 1}, 1969-2003; played once in
{t_play:.0f} s, not timed): {n_events:,} events, {n_rows:,} rows in all (runs, events,
milestones, metrics). Each write goes into a fresh file; median of 3.

| write | runs / s | events / s | seconds |
| --- | ---: | ---: | ---: |
{table}

- The file holds {N_RUNS:,} runs in {size_mb:.0f} MB; reading one run's events back
  (`spacerace show`, no index on events, zone maps only) takes {t_events * 1000:.1f} ms.
- Peer in the same run: DuckDB's `executemany` inserts {peer:,.0f} event rows/s; the
  store's NumPy-column insert does {n_events / t_one:,.0f} ({n_events / t_one / peer:,.0f}x).
- Of the one-call write, {t_gather:.2f} s ({t_gather / t_one:.0%}) is Python gathering the
  record dicts into NumPy columns; the rest is DuckDB inserting and committing.
- The engine plays about 20 of these timelines per second per core (section "Engine"):
  the store ingests {N_RUNS / t_one / 20:,.0f}x faster than one core plays, so it is never
  the bottleneck of an ensemble.
"""
    print(body)
    write_section("Store", body)


if __name__ == "__main__":
    main()
