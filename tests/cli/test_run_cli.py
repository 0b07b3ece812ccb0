"""`spacerace run`: the chronicle, JSON, the written report, and one-line errors."""

import json

import pytest


def test_run_json_and_report(tmp_path, cli):
    code, out, err = cli(
        ["run", "--seed", "4", "--until", "1975", "--json", "--out", str(tmp_path)]
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["scenario"] == "for-all-mankind" and data["seed"] == 4
    first = data["firsts"][0]
    assert (first["milestone"], first["agency"], first["date"]) == (
        "crewed_lunar_landing",
        "soviet",
        "1969-06-26",
    )
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert len(lines) == data["events"] and json.loads(lines[0])["date"].startswith("1969")
    for name in ("chronicle.md", "chronicle.html", "budgets.png"):
        assert (tmp_path / name).stat().st_size > 500


def test_run_prints_the_chronicle(cli):
    code, out, _ = cli(["run", "--scenario", "history", "--seed", "1", "--until", "1972"])
    assert code == 0
    assert "Real history" in out or "history" in out.lower()
    assert "1969" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["run", "--until", "1950"], "--until 1950"),
        (["run", "--seed", "-3"], "--seed -3"),
        (["run", "--scenario", "no-such-scenario"], "no-such-scenario"),
        (["run", "--seed", "x"], "not a valid integer"),
    ],
)
def test_run_bad_input(argv, message, cli):
    code, _, err = cli(argv)
    assert code == 2 and err.count("\n") == 1 and message in err, err


def test_run_bad_scenario_file(tmp_path, cli):
    bad = tmp_path / "mine.toml"
    bad.write_text(
        '[scenario]\nname = "mine"\ntitle = "x"\nstart = "1969-01-01"\nend_year = "soon"\n'
    )
    code, _, err = cli(["run", "--scenario", str(bad)])
    assert code == 2 and "mine.toml:5" in err and "end_year" in err, err
