"""`spacerace run`: the chronicle, JSON, the written report, and one-line errors."""

import json

import pytest

from spacerace.cli.app import main


def run(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
        raise SystemExit(0)
    out, err = capsys.readouterr()
    return info.value.code or 0, out, err


def test_run_json_and_report(tmp_path, capsys):
    code, out, err = run(
        ["run", "--seed", "4", "--until", "1975", "--json", "--out", str(tmp_path)], capsys
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


def test_run_prints_the_chronicle(capsys):
    code, out, _ = run(["run", "--scenario", "history", "--seed", "1", "--until", "1972"], capsys)
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
def test_run_bad_input(argv, message, capsys):
    code, _, err = run(argv, capsys)
    assert code == 2 and err.count("\n") == 1 and message in err, err


def test_run_bad_scenario_file(tmp_path, capsys):
    bad = tmp_path / "mine.toml"
    bad.write_text(
        '[scenario]\nname = "mine"\ntitle = "x"\nstart = "1969-01-01"\nend_year = "soon"\n'
    )
    code, _, err = run(["run", "--scenario", str(bad)], capsys)
    assert code == 2 and "mine.toml:5" in err and "end_year" in err, err
