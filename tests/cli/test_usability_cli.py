"""--version, `show` of a whole seed's id, `export` with the default store, `runs` N of M."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from spacerace.store.db import Store
from spacerace.store.records import record_of


def test_version(cli):
    from spacerace import __version__

    code, out, err = cli(["--version"])
    assert code == 0 and out == f"spacerace {__version__}\n" and err == ""


@pytest.fixture
def seeds_store(tmp_path, scenarios, monkeypatch):
    """Seeds 1 and 10-19 of For All Mankind up to 1969, in the default store."""
    from spacerace.sim.engine import run_timeline

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from spacerace.store.db import default_path

    fam = scenarios["for-all-mankind"]
    records = [record_of(run_timeline(fam, s, until_year=1969)) for s in (1, *range(10, 20))]
    text = resources.files("spacerace.scenario.builtin").joinpath("for-all-mankind.toml")
    with Store(None) as store:
        store.add_scenario(records[0].run["scenario_hash"], fam.name, text.read_text("utf-8"))
        store.write_runs(records)
    assert default_path().is_file()
    return records


def test_show_takes_hash_and_seed_as_that_seed(seeds_store, cli):
    run_id = seeds_store[0].run["run_id"]
    prefix = run_id.rsplit("-", 1)[0]  # hash-1: also a prefix of hash-10 ... hash-19
    code, out, err = cli(["show", prefix, "--json"])
    assert code == 0, err
    assert json.loads(out)["run_id"] == run_id
    code, _, err = cli(["show", prefix[:-2]])  # the hash alone: still ambiguous
    assert code == 2 and "ambiguous" in err and err.count("\n") == 1


def test_runs_says_how_many_are_stored(seeds_store, cli):
    code, out, err = cli(["runs", "--limit", "5"])
    assert code == 0, err
    assert "5 of 11 runs in" in out
    code, out, _ = cli(["runs", "--limit", "5", "--json"])
    data = json.loads(out)
    assert data["total"] == 11 and len(data["runs"]) == 5
    code, out, _ = cli(["runs"])
    assert "11 runs in" in out and " of " not in out.splitlines()[0]


def test_export_uses_the_default_store(seeds_store, tmp_path, cli):
    code, out, err = cli(["export", "--out", str(tmp_path / "pq"), "--json"])
    assert code == 0, err
    assert json.loads(out)["db"].startswith(str(tmp_path / "data"))
    assert (tmp_path / "pq" / "runs.parquet").is_file()
