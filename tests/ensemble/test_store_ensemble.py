"""Ensembles into the DuckDB store: the same stored rows from every backend, the same summary
from SQL as from the records, resume against the store, and compare by id or name."""

import json

import pytest

from spacerace.ensemble.runner import run_ensemble
from spacerace.ensemble.summary import rows_from_records, rows_from_store, summarize

from .conftest import SEEDS

_VOLATILE = {"stored_at", "duration_s", "ensemble_id"}  # when, how fast, by which ensemble


def stored_rows(store) -> dict:
    """Every table's rows minus timings, in a fixed order: what must not depend on backend."""
    from spacerace.store.schema import TABLES

    out = {}
    for table in ("runs", "events", "milestones", "metrics", "missions"):
        cols = [c for c in TABLES[table] if c not in _VOLATILE]
        order = ", ".join(cols[:3])
        out[table] = store.query(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}")
    return out


@pytest.fixture(scope="module")
def serial_store(tmp_path_factory, fam, serial_records):
    from spacerace.store.db import Store

    store = Store(tmp_path_factory.mktemp("serial") / "s.duckdb")
    store.write_runs(serial_records)
    yield store
    store.close()


def test_summary_from_sql_equals_summary_from_records(serial_store, serial_records, fam):
    rows = rows_from_store(serial_store, fam.content_hash(), serial_records[0].run["version"])
    assert rows == rows_from_records(serial_records)
    assert json.dumps(summarize(rows)) == json.dumps(summarize(rows_from_records(serial_records)))


def test_the_store_keeps_every_runs_facts_table(serial_store, serial_records):
    from spacerace.ensemble.memory import MemoryStore

    memory = MemoryStore()
    memory.write_runs(serial_records)
    total = 0
    for record in serial_records:
        run_id = record.run["run_id"]
        rows = serial_store.missions(run_id)
        assert rows == memory.missions(run_id) and len(rows) == len(record.missions) > 40
        total += len(rows)
    assert serial_store.query("SELECT count(*) FROM missions") == [(total,)]


@pytest.mark.slow
def test_processes_store_the_same_rows_as_serial(tmp_path, fam, serial_store):
    from spacerace.store.db import Store

    with Store(tmp_path / "p.duckdb") as store:
        done = run_ensemble(fam, len(SEEDS), store, backend="processes", workers=2, chunk_size=3)
        assert done.played == len(SEEDS)
        assert stored_rows(store) == stored_rows(serial_store)


@pytest.mark.slow
@pytest.mark.dask
def test_dask_stores_the_same_rows_as_serial(tmp_path, fam, serial_store):
    pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    from spacerace.store.db import Store

    with Store(tmp_path / "d.duckdb") as store:
        done = run_ensemble(fam, len(SEEDS), store, backend="dask", workers=2)
        assert done.played == len(SEEDS)
        assert stored_rows(store) == stored_rows(serial_store)


def test_resume_against_the_store(tmp_path, fam):
    from spacerace.store.db import Store

    with Store(tmp_path / "r.duckdb") as store:
        half = run_ensemble(fam, 3, store, seed_base=20)
        whole = run_ensemble(fam, 6, store, seed_base=20)
        assert (half.played, whole.played, whole.skipped) == (3, 3, 3)
        (count,) = store.query("SELECT count(*) FROM runs")[0]
        assert count == 6
        status = store.query("SELECT ensemble_id, status FROM ensembles ORDER BY ensemble_id")
        assert [s for _, s in status] == ["done", "done"]
        assert whole.ensemble_id in {e for e, _ in status}
