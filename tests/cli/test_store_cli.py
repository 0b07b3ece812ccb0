"""`spacerace runs`, `show` and `export` over a store in a temporary folder."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from spacerace.store.db import Store
from spacerace.store.records import record_of

FAM = "for-all-mankind"


@pytest.fixture(scope="module")
def fam_records(scenarios):
    """Seeds 2 and 3 of For All Mankind up to 1975, and seed 1 of history up to 1970."""
    from spacerace.sim.engine import run_timeline

    runs = [run_timeline(scenarios[FAM], s, until_year=1975) for s in (2, 3)]
    runs.append(run_timeline(scenarios["history"], 1, until_year=1970))
    return [record_of(r) for r in runs]


@pytest.fixture
def db_path(tmp_path, fam_records):
    path = tmp_path / "runs.duckdb"
    builtin = resources.files("spacerace.scenario.builtin")
    with Store(path) as store:
        for record in fam_records:
            name = record.run["scenario"]
            text = builtin.joinpath(f"{name}.toml").read_text("utf-8")
            store.add_scenario(record.run["scenario_hash"], name, text)
        store.write_runs(fam_records, "ens")
    return path


def test_runs_lists_the_stored_runs(db_path, fam_records, cli):
    code, out, err = cli(["runs", "--db", str(db_path)])
    assert code == 0, err
    assert "3 runs in" in out
    for record in fam_records:
        assert record.run["run_id"] in out
    code, out, _ = cli(["runs", "--db", str(db_path), "--scenario", "history", "--json"])
    data = json.loads(out)
    assert [r["seed"] for r in data["runs"]] == [1] and data["runs"][0]["ensemble_id"] == "ens"
    code, out, _ = cli(["runs", "--db", str(db_path), "--limit", "1", "--json"])
    assert len(json.loads(out)["runs"]) == 1


def test_show_replays_the_run_and_prints_its_chronicle(db_path, fam_records, cli):
    run_id = fam_records[1].run["run_id"]
    code, out, err = cli(["show", run_id[:-6], "--db", str(db_path)])  # a unique prefix
    assert code == 0, err
    assert f"run {run_id}" in out and "replayed, its" in out and "identical" in out
    assert "For All Mankind — seed 3" in out and "1969" in out


def test_show_json_and_report_match_spacerace_run(db_path, fam_records, tmp_path, cli):
    run_id = fam_records[0].run["run_id"]
    code, out, err = cli(["show", run_id, "--db", str(db_path), "--json", "--out", str(tmp_path)])
    assert code == 0, err
    shown = json.loads(out)
    code, out, _ = cli(["run", "--seed", "2", "--until", "1975", "--json"])
    played = json.loads(out)
    assert shown.pop("run_id") == run_id and shown.pop("replayed") is True
    assert shown.pop("files") and played.pop("files") == {}
    assert shown == played
    jsonl = (tmp_path / "events.jsonl").read_bytes()
    assert hashlib.sha256(jsonl).hexdigest() == fam_records[0].run["events_sha256"]
    rows = [json.loads(line) for line in (tmp_path / "missions.jsonl").read_text().splitlines()]
    with Store(db_path, read_only=True) as store:
        assert rows == store.missions(run_id) and rows


def test_a_run_of_another_version_shows_its_stored_events(db_path, fam_records, tmp_path, cli):
    record = fam_records[0]
    run_id = record.run["run_id"]
    with Store(db_path) as store:  # as if an older engine had made it
        store.query(
            "UPDATE runs SET version = '0.0.9', events_sha256 = 'x' WHERE run_id = ?", [run_id]
        )
    code, out, err = cli(["show", run_id, "--db", str(db_path)])
    assert code == 0, err
    out = " ".join(out.split())  # Rich wraps long lines
    assert "is not replayed: replaying it gives a different history" in out
    assert "spacerace 0.0.9" in out and f"Its {record.run['n_events']} stored events" in out
    assert record.events[-1]["text"][:40] in out
    code, out, _ = cli(["show", run_id, "--db", str(db_path), "--json", "--out", str(tmp_path)])
    data = json.loads(out)
    assert data["replayed"] is False and len(data["events"]) == record.run["n_events"]
    # the stored rows give back the very bytes the run wrote: nothing lost in the store
    jsonl = (tmp_path / "events.jsonl").read_bytes()
    assert hashlib.sha256(jsonl).hexdigest() == record.run["events_sha256"]
    # and the stored facts table, as `run --out` wrote it
    from spacerace.scenario.loader import load_scenario
    from spacerace.sim.engine import run_timeline
    from spacerace.sim.facts import missions_jsonl

    played = run_timeline(load_scenario(FAM), 2, until_year=1975).mission_rows()
    assert data["missions"] == played
    assert sorted(data["files"]) == ["events.jsonl", "missions.jsonl"]
    assert (tmp_path / "missions.jsonl").read_text(encoding="utf-8") == missions_jsonl(played)


def test_export_writes_parquet(db_path, tmp_path, cli):
    code, out, err = cli(["export", "--db", str(db_path), "--out", str(tmp_path / "pq")])
    assert code == 0, err
    assert "wrote 8 Parquet files" in out and "missions.parquet" in out
    assert "event_breakdowns.parquet" in out  # how the numbers were made, kept too
    assert (tmp_path / "pq" / "events.parquet").stat().st_size > 1000
    import duckdb

    con = duckdb.connect()
    path = str(tmp_path / "pq" / "missions.parquet")
    (n,) = con.execute("SELECT count(*) FROM read_parquet(?)", [path]).fetchone()
    con.close()
    with Store(db_path, read_only=True) as store:
        assert [(n,)] == store.query("SELECT count(*) FROM missions") and n > 10


def test_errors_are_one_line(db_path, fam_records, tmp_path, cli):
    corrupt = tmp_path / "corrupt.duckdb"
    corrupt.write_bytes(b"x" * 5000)
    shared = fam_records[0].run["run_id"][:4]  # the two For All Mankind runs share the hash
    cases = [
        (["show", "nope", "--db", str(db_path)], "no run 'nope'"),
        (["show", shared, "--db", str(db_path)], "is ambiguous"),
        (["runs", "--db", str(tmp_path)], "is a folder"),
        (["runs", "--db", str(corrupt)], "is not a DuckDB database"),
        (["runs", "--db", str(tmp_path / "none.duckdb")], "no database at"),
        (["runs", "--db", str(db_path), "--limit", "0"], "--limit 0"),
        (["export", "--db", str(db_path), "--out", str(corrupt)], "not a folder"),
    ]
    for argv, message in cases:
        code, _, err = cli(argv)
        assert code == 2 and err.count("\n") == 1 and message in err, (argv, err)
