"""The DuckDB store: schema, round trips against ``record_of``, idempotence, transactions that
survive SIGKILL, the one-writer-process rule, Parquet export, the default location, and a
store written before the facts table existed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter

import duckdb
import pytest

from spacerace.errors import InputError, StoreError
from spacerace.sim.facts import FIELDS
from spacerace.store.db import Store, default_path
from spacerace.store.records import RunRecord, facts_row, record_of
from spacerace.store.schema import ADDED_TABLES, TABLES

FAM = "for-all-mankind"


@pytest.fixture(scope="module")
def results(scenarios, planners):
    """Three whole 1969-2012 For All Mankind runs."""
    from spacerace.sim.engine import run_timeline

    return [run_timeline(scenarios[FAM], seed, planner=planners[FAM]) for seed in (0, 1, 2)]


@pytest.fixture(scope="module")
def records(results):
    """The three runs as the ensemble would store them."""
    return [record_of(result, duration_s=0.5) for result in results]


@pytest.fixture
def db(tmp_path):
    with Store(tmp_path / "runs.duckdb") as store:
        yield store


def synthetic(
    seed: int, n_events: int = 50, scenario_hash: str = "feedfacefeedface", n_missions: int = 0
) -> RunRecord:
    """A small run with the shape of a real one (for loops that need many runs fast)."""
    run_id = f"{scenario_hash}-{seed}-0.1.0"
    events = [
        {
            "run_id": run_id,
            "seq": i,
            "day": float(i),
            "date": "1969-01-01",
            "kind": "test",
            "agency": "nasa" if i % 2 else None,
            "text": f"event {i} of seed {seed}",
            "cause": None,
            "actors": "[]",
            "data": "{}",
            "scripted": False,
        }
        for i in range(n_events)
    ]
    run = {
        "run_id": run_id,
        "scenario": "synthetic",
        "scenario_hash": scenario_hash,
        "seed": seed,
        "version": "0.1.0",
        "n_events": n_events,
        "events_sha256": "0" * 64,
        "duration_s": 0.0,
    }
    missions = [
        {"run_id": run_id, "seq": i, **dict.fromkeys(FIELDS, "x"), "launch_day": float(i)}
        for i in range(n_missions)
    ]
    return RunRecord(run, events, [], [], missions)


def test_schema_has_every_table_and_the_metric_columns_of_the_engine(db, records):
    for table, cols in TABLES.items():
        described = db.query(f"DESCRIBE {table}")
        assert [row[0] for row in described] == list(cols)
    assert set(TABLES["metrics"]) == {"run_id", *records[0].metrics[0]}
    assert set(TABLES["events"]) == set(records[0].events[0])
    assert set(TABLES["milestones"]) == set(records[0].milestones[0])
    assert list(TABLES["missions"]) == ["run_id", "seq", *FIELDS] == list(records[0].missions[0])
    assert set(TABLES["runs"]) == {*records[0].run, "ensemble_id", "status", "stored_at"}


def test_round_trip_gives_back_the_records_exactly(db, records):
    assert db.write_runs(records, "ens-1") == 3
    for record in records:
        run_id = record.run["run_id"]
        row = db.get_run(run_id)
        assert {k: row[k] for k in record.run} == record.run
        assert (row["ensemble_id"], row["status"], row["last_year"]) == ("ens-1", "ok", 2012)
        assert db.events(run_id) == record.events  # every float and string as written
        milestones = db.query(
            "SELECT * FROM milestones WHERE run_id = ? ORDER BY day, milestone", [run_id]
        )
        assert [dict(zip(TABLES["milestones"], m, strict=True)) for m in milestones] == (
            record.milestones
        )
        metrics = db.query("SELECT * FROM metrics WHERE run_id = ? ORDER BY year, agency", [run_id])
        assert [dict(zip(TABLES["metrics"], m, strict=True)) for m in metrics] == record.metrics
        missions = db.query("SELECT * FROM missions WHERE run_id = ? ORDER BY seq", [run_id])
        assert [dict(zip(TABLES["missions"], m, strict=True)) for m in missions] == (
            record.missions
        )


def test_the_store_gives_back_the_facts_table_of_each_run(db, records, results):
    db.write_runs(records)
    for record, result in zip(records, results, strict=True):
        rows = db.missions(record.run["run_id"])
        assert rows == result.mission_rows() and len(rows) > 40
        assert [facts_row(m) for m in record.missions] == rows
    assert db.missions("no-such-run") == []
    outcomes = db.query("SELECT outcome, count(*) FROM missions GROUP BY ALL ORDER BY outcome")
    assert dict(outcomes) == dict(
        sorted(Counter(r["outcome"] for res in results for r in res.mission_rows()).items())
    )


def test_rewriting_a_run_is_a_no_op(db, records):
    assert db.write_runs(records[:2], "first") == 2
    counts = db.query("SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM events)")
    assert db.write_runs(records, "second") == 1  # only the third is new
    assert db.write_runs(records + records, "third") == 0  # repeats in one batch too
    n_events = sum(r.run["n_events"] for r in records)
    assert db.query("SELECT count(*), sum(n_events) FROM runs") == [(3, n_events)]
    assert db.query("SELECT count(*) FROM events") == [(n_events,)]
    assert counts[0][0] == 2 and db.get_run(records[0].run["run_id"])["ensemble_id"] == "first"


def test_existing_seeds_by_scenario_content_and_version(db, records):
    db.write_runs([records[0], records[2], synthetic(7)])
    sc_hash = records[0].run["scenario_hash"]
    assert db.existing_seeds(sc_hash, "0.1.0") == {0, 2}
    assert db.existing_seeds(sc_hash, "9.9.9") == set()
    assert db.existing_seeds("feedfacefeedface", "0.1.0") == {7}


def test_a_failing_batch_writes_nothing(db, records):
    db.write_runs([synthetic(1)])
    bad = synthetic(3)
    bad.milestones.append(  # NOT NULL agency: DuckDB refuses it after runs and events went in
        {
            "run_id": bad.run["run_id"],
            "milestone": "m",
            "agency": None,
            "day": 0.0,
            "date": "1969-01-01",
            "year": 1969,
            "people": "[]",
            "secret": False,
        }
    )
    with pytest.raises(StoreError, match="none of them was written, runs stored before"):
        db.write_runs([synthetic(2), bad])
    assert db.query("SELECT run_id FROM runs") == [(synthetic(1).run["run_id"],)]
    assert db.query("SELECT count(*) FROM events") == [(50,)]
    late = synthetic(5, n_missions=2)
    late.missions[1]["outcome"] = None  # refused last, after every other table went in
    with pytest.raises(StoreError, match="none of them was written"):
        db.write_runs([late])
    assert db.query("SELECT count(*) FROM runs") == [(1,)]
    assert db.query("SELECT count(*) FROM missions") == [(0,)]
    short = synthetic(4)
    short.events.pop()
    with pytest.raises(StoreError, match="49 events but n_events is 50"):
        db.write_runs([short])
    extra = RunRecord(records[0].run, records[0].events, [], [{**records[0].metrics[0], "x": 1}])
    with pytest.raises(StoreError, match="metrics column.* x have no place"):
        db.write_runs([extra])
    missions = [{**records[0].missions[0], "y": 1}]
    extra = RunRecord(records[0].run, records[0].events, [], [], missions)
    with pytest.raises(StoreError, match="missions column.* y have no place"):
        db.write_runs([extra])
    assert db.query("SELECT count(*) FROM runs") == [(1,)]


def test_get_run_by_prefix_and_its_errors(db, records):
    db.write_runs(records)
    run_id = records[1].run["run_id"]
    assert db.get_run(run_id[:-6])["run_id"] == run_id  # "<hash>-1" is unique
    with pytest.raises(InputError, match="ambiguous.*-0-0.1.0, .*-1-0.1.0"):
        db.get_run(run_id[:10])
    with pytest.raises(InputError, match="no run 'nope'.*spacerace runs"):
        db.get_run("nope")
    with pytest.raises(InputError, match="no run '%'"):
        db.get_run("%")  # LIKE wildcards are taken literally


def test_runs_lists_newest_first_and_filters(db, records):
    db.write_runs([synthetic(5)])
    time.sleep(0.01)
    db.write_runs(records)
    listed = db.runs()
    assert [r["seed"] for r in listed] == [0, 1, 2, 5]
    assert [r["seed"] for r in db.runs(limit=2)] == [0, 1]
    assert [r["seed"] for r in db.runs(scenario="synthetic")] == [5]


def test_query_for_ensemble_summaries(db, records):
    db.write_runs(records)
    rows = db.query(
        "SELECT r.seed, m.agency FROM milestones m JOIN runs r USING (run_id) "
        "WHERE r.scenario_hash = ? AND m.milestone = 'crewed_lunar_landing' ORDER BY r.seed",
        [records[0].run["scenario_hash"]],
    )
    assert rows == [(0, "soviet"), (1, "soviet"), (2, "soviet")]  # the scripted divergence


def test_scenarios_and_ensembles(db):
    db.add_scenario("abc", "mine", "[scenario]\nname = 'mine'\n")
    db.add_scenario("abc", "mine", "other text")  # the first text stays
    assert db.scenario_source("abc") == "[scenario]\nname = 'mine'\n"
    with pytest.raises(StoreError, match="no scenario text stored for hash zzz"):
        db.scenario_source("zzz")
    spec = dict(scenario="mine", scenario_hash="abc", base_seed=10, n=100, workers=2)
    ens = db.start_ensemble(backend="processes", **spec)
    assert ens == "abc-10-100-0.1.0"
    db.finish_ensemble(ens, "interrupted")
    created = db.query("SELECT created_at FROM ensembles")[0][0]
    assert db.start_ensemble(backend="dask", **spec) == ens  # resumed: same row
    row = db.query("SELECT backend, status, finished_at, created_at FROM ensembles")
    assert row == [("dask", "running", None, created)]
    db.finish_ensemble(ens)
    assert db.query("SELECT status FROM ensembles") == [("done",)]
    with pytest.raises(StoreError, match="no ensemble 'x'"):
        db.finish_ensemble("x")


def test_export_parquet_reads_back(db, records, tmp_path):
    db.write_runs(records)
    db.add_scenario("abc", "mine", "text")
    files = db.export_parquet(tmp_path / "pq")
    assert [f.name for f in files] == [f"{t}.parquet" for t in TABLES]
    con = duckdb.connect()
    for table, path in zip(TABLES, files, strict=True):
        (n,) = con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()
        assert [(n,)] == db.query(f"SELECT count(*) FROM {table}")
    first = con.execute(
        "SELECT text FROM read_parquet(?) ORDER BY run_id, seq LIMIT 1", [str(files[2])]
    ).fetchone()
    con.close()
    assert first == (records[0].events[0]["text"],)
    assert not list((tmp_path / "pq").glob("*.partial"))


def test_two_stores_in_one_process_lose_nothing(tmp_path):
    path = tmp_path / "shared.duckdb"
    with Store(path) as a, Store(path) as b:
        for seed in range(10):
            (a if seed % 2 else b).write_runs([synthetic(seed)])
        assert a.existing_seeds("feedfacefeedface", "0.1.0") == set(range(10))
        assert b.query("SELECT count(*) FROM events") == [(500,)]
    with Store(path, read_only=True) as c:
        assert len(c.runs()) == 10


def test_read_only_in_the_writing_process_shares_the_writer(tmp_path):
    path = tmp_path / "shared.duckdb"
    with Store(path) as writer:
        writer.write_runs([synthetic(1)])
        with Store(path, read_only=True) as reader:  # e.g. an ensemble's summary
            assert reader.existing_seeds("feedfacefeedface", "0.1.0") == {1}
        writer.write_runs([synthetic(2)])


def test_a_second_process_is_told_the_file_is_in_use(tmp_path):
    path = tmp_path / "busy.duckdb"
    with Store(path) as db:
        db.write_runs([synthetic(1)])
        done = subprocess.run(
            [sys.executable, "-m", "spacerace", "runs", "--db", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr  # one line, no traceback
    assert f"{path} is in use by process {os.getpid()}" in done.stderr
    assert "nothing was read or changed" in done.stderr


WRITER = """
import sys, time
sys.path.insert(0, {tests!r})
from test_db import synthetic
from spacerace.store import db as store_db

insert = store_db.Store._insert

def insert_then_hang(self, table, rows, **constant):
    insert(self, table, rows, **constant)
    if table == "missions":  # every table is in (missions go last), the commit has not come
        print("mid", flush=True)
        time.sleep(600)

with store_db.Store({path!r}) as db:
    for batch in range(3):
        db.write_runs(
            [synthetic(batch * 40 + i, n_events=400 + i, n_missions=3) for i in range(40)]
        )
        print(batch, flush=True)
    store_db.Store._insert = insert_then_hang
    # more than one DuckDB row group (122,880 rows): DuckDB writes such appends to the file
    # before the commit, the case most likely to leave debris
    db.write_runs([synthetic(1000 + i, n_events=4000, n_missions=50) for i in range(40)])
"""


def test_a_writer_killed_mid_write_leaves_only_whole_runs(tmp_path):
    path = tmp_path / "killed.duckdb"
    script = WRITER.format(tests=os.path.dirname(__file__), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        said = [proc.stdout.readline().strip() for _ in range(4)]
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert said == ["0", "1", "2", "mid"] and proc.returncode == -signal.SIGKILL
    with Store(path) as db:
        assert db.query("SELECT count(*), sum(n_events) FROM runs") == [(120, 3 * (40 * 400 + 780))]
        partial = db.query(
            "SELECT r.run_id, r.n_events, count(e.seq) FROM runs r "
            "LEFT JOIN events e USING (run_id) GROUP BY ALL HAVING count(e.seq) <> r.n_events"
        )
        assert partial == []
        orphans = db.query(
            "SELECT count(*) FROM events WHERE run_id NOT IN (FROM runs SELECT run_id)"
        )
        assert orphans == [(0,)]
        missions = db.query(
            "SELECT count(*), count(*) FILTER (WHERE run_id NOT IN (FROM runs SELECT run_id)) "
            "FROM missions"
        )
        assert missions == [(120 * 3, 0)]
        assert db.write_runs([synthetic(1000)]) == 1  # the lost run can be written again


def test_default_path_is_in_the_user_data_folder(tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_path() == tmp_path / "xdg" / "spacerace" / "spacerace.duckdb"
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "spacerace.duckdb"
    with pytest.raises(StoreError, match="no database at"):
        Store(read_only=True)
    assert not (tmp_path / "data").exists()  # reading creates nothing
    with Store() as db:  # creates the folder
        assert db.path == tmp_path / "data" / "spacerace.duckdb" and db.runs() == []
    assert (tmp_path / "data" / "spacerace.duckdb").is_file()


def test_files_that_are_not_stores_give_one_clear_error(tmp_path):
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"not a database" * 500)
    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).close()
    cases = [
        (tmp_path, {}, "is a folder"),
        (corrupt, {}, "is not a DuckDB database"),
        (tmp_path / "no" / "x.duckdb", {}, "folder .*no does not exist"),
        (tmp_path / "missing.duckdb", {"read_only": True}, "no database at"),
        (foreign, {"read_only": True}, "not a spacerace store"),
    ]
    for path, options, message in cases:
        with pytest.raises(StoreError, match=message):
            Store(path, **options)
    assert not (tmp_path / "missing.duckdb").exists()


def test_a_writer_caps_duckdbs_buffer_pool_so_an_ensemble_stays_flat_in_memory(tmp_path):
    # DuckDB's default (80 % of the machine) kept every written block cached: an ensemble's
    # parent grew from 149 MB (200 timelines) to 284 MB (2,000); with 64 MB the pool still
    # filled once the events outgrew a row group (+38 MB from 200 to 2,000); measured in issue 16
    from spacerace.store.db import WRITER_MEMORY_LIMIT

    with Store(tmp_path / "runs.duckdb") as db:
        limit = db.query("SELECT current_setting('memory_limit')")[0][0]
    assert WRITER_MEMORY_LIMIT == "32MB" and limit in ("30.5 MiB", "32.0 MB", "32.0MB"), limit


def test_the_summary_queries_fit_in_the_writers_buffer_pool(tmp_path):
    """Events several times the pool (and past a row group's checkpoint) still summarise."""
    from spacerace.ensemble.summary import summary_from_store

    with Store(tmp_path / "runs.duckdb") as db:
        for start in range(0, 1200, 100):
            db.write_runs([synthetic(seed, n_events=300) for seed in range(start, start + 100)])
        summary = summary_from_store(db, "feedfacefeedface", "0.1.0", range(1200))
    assert summary["runs"] == 1200


def _older_store(path, record: RunRecord) -> None:
    """A store as the version before the facts table left it: one run, no missions table."""
    with Store(path) as db:
        db.write_runs([record], "old")
        for table in ADDED_TABLES:
            db.query(f"DROP TABLE {table}")


def test_a_store_from_before_the_facts_table_opens_read_only_and_exports(records, tmp_path):
    path = tmp_path / "old.duckdb"
    old = records[0]
    _older_store(path, old)
    with Store(path, read_only=True) as db:
        assert [r["run_id"] for r in db.runs()] == [old.run["run_id"]]
        assert len(db.events(old.run["run_id"])) == old.run["n_events"]
        assert db.missions(old.run["run_id"]) == []
        files = db.export_parquet(tmp_path / "pq")
    assert [f.name for f in files] == [f"{t}.parquet" for t in TABLES]
    con = duckdb.connect()
    missions = str(tmp_path / "pq" / "missions.parquet")
    described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [missions]).fetchall()
    count = con.execute("SELECT count(*) FROM read_parquet(?)", [missions]).fetchone()
    con.close()
    assert [(c, t) for c, t, *_ in described] == [
        (c, t.split()[0]) for c, t in TABLES["missions"].items()
    ]
    assert count == (0,)


def test_opening_a_store_from_before_the_facts_table_adds_it_and_keeps_everything(
    records, results, tmp_path
):
    path = tmp_path / "old.duckdb"
    old, new = records[:2]
    _older_store(path, old)
    with Store(path) as db:  # for writing: the table is created, nothing else changes
        assert db.query("SELECT count(*) FROM missions") == [(0,)]
        assert db.events(old.run["run_id"]) == old.events
        assert db.get_run(old.run["run_id"])["ensemble_id"] == "old"
        assert db.write_runs([old, new]) == 1  # the old run is not written again
        assert db.missions(old.run["run_id"]) == []
        assert db.missions(new.run["run_id"]) == results[1].mission_rows()
    with Store(path, read_only=True) as db:
        assert db.missions(new.run["run_id"]) == results[1].mission_rows()
        assert db.query("SELECT count(*) FROM runs") == [(2,)]


def test_cursors_read_and_write_one_open_store_from_other_threads(tmp_path):
    import threading

    with Store(tmp_path / "c.duckdb", memory_limit="64MB") as anchor:
        (limit,) = anchor.query("SELECT current_setting('memory_limit')")[0]
        assert limit.replace(" ", "").upper().startswith(("61", "64"))  # DuckDB shows MiB
        with anchor.cursor() as writer:
            assert writer.write_runs([synthetic(s) for s in range(3)]) == 3
        seen, errors = [], []

        def read():
            try:
                with anchor.cursor() as store:
                    seen.append(len(store.runs()))
            except Exception as exc:  # the assertion below names it
                errors.append(exc)

        threads = [threading.Thread(target=read) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors and seen == [3] * 8
        assert len(anchor.runs()) == 3  # closing the cursors left the anchor open


def test_a_bad_memory_limit_is_refused(tmp_path):
    with pytest.raises(StoreError, match="memory_limit: expected e.g. 256MB"):
        Store(tmp_path / "m.duckdb", memory_limit="lots; DROP TABLE runs")
