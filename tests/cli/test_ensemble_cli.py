"""`spacerace ensemble` and `compare`: JSON answers, resume, plots, and one-line errors."""

import json
import sys

import pytest


@pytest.fixture(scope="module")
def store_with_two(tmp_path_factory):
    """A store holding a 4-seed for-all-mankind ensemble and a 3-seed history ensemble."""
    from spacerace.cli.app import main

    db = tmp_path_factory.mktemp("ens") / "s.duckdb"
    for argv in (
        ["ensemble", "-n", "4", "--backend", "serial", "--db", str(db)],
        ["ensemble", "--scenario", "history", "-n", "3", "--backend", "serial", "--db", str(db)],
    ):
        with pytest.raises(SystemExit) as info:
            main(argv)
            raise SystemExit(0)
        assert not info.value.code
    return db


def test_ensemble_json_resume_and_plots(tmp_path, cli):
    db, plots = tmp_path / "s.duckdb", tmp_path / "plots"
    argv = ["ensemble", "-n", "3", "--seed", "10", "--backend", "serial", "--db", str(db)]
    code, out, err = cli([*argv, "--json"])
    assert code == 0, err
    first = json.loads(out)
    assert first["ensemble"]["played"] == 3 and first["ensemble"]["seeds"] == [10, 12]
    assert first["summary"]["runs"] == 3
    # A larger ensemble over the same seeds plays only the new ones, in two processes.
    code, out, err = cli(
        ["ensemble", "-n", "5", "--seed", "10", "--workers", "2", "--db", str(db)]
        + ["--out", str(plots), "--json"]
    )
    assert code == 0, err
    more = json.loads(out)
    assert (more["ensemble"]["played"], more["ensemble"]["skipped"]) == (2, 3)
    assert more["ensemble"]["backend"] == "processes" and more["summary"]["runs"] == 5
    assert more["summary"]["seeds"] == [10, 14]
    for name in ("first_shares.png", "milestone_years.png"):
        assert (plots / name).stat().st_size > 10_000
    assert sorted(more["files"]) == ["first_shares", "milestone_years"]


def test_ensemble_prints_the_answer(store_with_two, cli):
    code, out, _ = cli(["ensemble", "-n", "4", "--backend", "serial", "--db", str(store_with_two)])
    assert code == 0
    assert "played 0, found 4 already stored" in out
    assert "crewed lunar landing" in out and "soviet" in out
    assert "Crew lost per timeline" in out and "Budgets" in out


def test_compare_two_scenarios(store_with_two, cli):
    code, out, err = cli(["compare", "for-all-mankind", "history", "--db", str(store_with_two)])
    assert code == 0, err
    assert "A: for-all-mankind" in out and "B: history" in out and "Newcombe" in out
    code, out, _ = cli(
        ["compare", "for-all-mankind", "history", "--db", str(store_with_two), "--json"]
    )
    data = json.loads(out)
    assert (data["a"]["runs"], data["b"]["runs"]) == (4, 3)
    landing = data["milestones"][0]
    soviet = next(r for r in landing["first"] if r["agency"] == "soviet")
    assert soviet["share_a"] == 1.0 and soviet["share_b"] == 0.0  # the divergence, scripted
    assert soviet["ci95"][0] > 0.2  # Newcombe, 4 vs 3 runs
    # By ensemble id (or a unique prefix of it) as well as by scenario name.
    code, out, _ = cli(
        ["compare", data["a"]["ensemble_id"][:10], "history", "--db", str(store_with_two)]
    )
    assert code == 0


@pytest.mark.parametrize(
    "argv, message",
    [
        (["ensemble", "-n", "0"], "-n 0: expected a whole number from 1 to 10,000,000"),
        (["ensemble", "--workers", "0"], "--workers 0: expected a whole number from 1 to 1024"),
        (["ensemble", "--backend", "threads"], "--backend threads: expected one of"),
        (["ensemble", "--scheduler", "tcp://127.0.0.1:8786"], "needs --backend dask"),
        (
            ["ensemble", "--backend", "dask", "--scheduler", "tcp://127.0.0.1:9"],
            "--scheduler tcp://127.0.0.1:9: cannot reach a Dask scheduler there",
        ),
        (
            ["ensemble", "--backend", "dask", "--scheduler", "127.0.0.1"],
            "--scheduler 127.0.0.1: expected a Dask scheduler address such as tcp://HOST:8786",
        ),
        (["ensemble", "--scenario", "no-such-scenario"], "no-such-scenario"),
        (["ensemble", "--seed", "-1"], "--seed -1"),
    ],
)
def test_bad_input_is_one_line_exit_2(tmp_path, cli, argv, message):
    code, out, err = cli([*argv, "--db", str(tmp_path / "s.duckdb")])
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and message in err
    assert not (tmp_path / "s.duckdb").exists() or "scenario" in message


def test_dask_missing_names_the_extra(tmp_path, cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    code, _, err = cli(["ensemble", "--backend", "dask", "--db", str(tmp_path / "s.duckdb")])
    assert code == 2
    assert err == (
        "spacerace: error: the dask backend needs the dask extra: pip install 'spacerace[dask]'\n"
    )


def test_compare_unknown_ensemble(store_with_two, tmp_path, cli):
    code, _, err = cli(["compare", "for-all-mankind", "star-city", "--db", str(store_with_two)])
    assert code == 2 and "no ensemble or scenario 'star-city'" in err
    code, _, err = cli(["compare", "a", "b", "--db", str(tmp_path / "none.duckdb")])
    assert code == 2 and "no database" in err
