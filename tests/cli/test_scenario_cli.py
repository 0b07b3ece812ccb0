"""``spacerace scenario list`` and ``validate``: tables, JSON, and one-line errors with status 2."""

import json
import subprocess
import sys

import pytest


def test_list_table(cli):
    code, out, err = cli(["scenario", "list"])
    assert code == 0, err
    for name, title in [
        ("for-all-mankind", "For All Mankind"),
        ("history", "Real history"),
        ("star-city", "Star City"),
    ]:
        assert name in out and title in out


def test_list_json(cli):
    code, out, _ = cli(["scenario", "list", "--json"])
    assert code == 0
    names = [s["name"] for s in json.loads(out)["scenarios"]]
    assert names == ["for-all-mankind", "history", "star-city"]


@pytest.mark.parametrize("name", ["for-all-mankind", "history", "star-city"])
def test_validate_builtin_by_name(name, cli):
    code, out, err = cli(["scenario", "validate", name])
    assert (code, err) == (0, "")
    assert out.startswith(f"ok: {name} (")


def test_validate_file_counts(tmp_path, cli):
    path = tmp_path / "mine.toml"
    path.write_text(
        '[scenario]\nname = "mine"\ntitle = "Mine"\nstart = 1969-01-01\nend_year = 1975\n\n'
        '[agencies.nasa]\nname = "NASA"\nkind = "state"\ncountry = "US"\ndoctrine = "science"\n'
    )
    code, out, _ = cli(["scenario", "validate", str(path)])
    assert code == 0
    assert out == "ok: mine (1 agency, 0 people, 0 scripted events)\n"
    code, out, _ = cli(["scenario", "validate", str(path), "--json"])
    data = json.loads(out)
    assert (data["ok"], data["agencies"], data["people"], data["scripted"]) == (True, 1, 0, 0)
    assert len(data["content_hash"]) == 16


def test_validate_bad_file_one_line_exit_2(tmp_path, cli):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[scenario]\nname = "bad"\ntitle = "Bad"\nstart = 1969-01-01\nend_year = 1975\n\n'
        '[agencies.nasa]\nname = "NASA"\nkind = "state"\ncountry = "US"\ndoctrine = "science"\n'
        'budget_musd = "lots"\n'
    )
    code, out, err = cli(["scenario", "validate", str(path)])
    assert (code, out) == (2, "")
    assert err == (
        f'spacerace: error: {path}:12: agencies.nasa.budget_musd: expected a number, got "lots"\n'
    )


def test_validate_bad_file_json_details(tmp_path, cli):
    path = tmp_path / "bad.toml"
    path.write_text('[scenario]\nname = "bad"\ntitel = "Bad"\n')
    code, out, err = cli(["scenario", "validate", str(path), "--json"])
    assert code == 2
    data = json.loads(out)
    assert (data["ok"], data["line"], data["field"]) == (False, 1, "scenario.start")
    assert [p["line"] for p in data["problems"]] == [1, 1, 3]  # sorted by line
    titel = data["problems"][-1]
    assert (titel["line"], titel["field"]) == (3, "scenario.titel")
    assert titel["problem"].startswith('unknown field "titel" (did you mean "title"?)')
    assert err.splitlines() == [f"spacerace: error: {p['message']}" for p in data["problems"]]


def test_validate_lists_every_mistake_sorted_by_line(tmp_path, cli):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[scenario]\nname = "Bad"\ntitle = "Bad"\nstart = 1969-01-01\nend_year = 1975\n\n'
        '[agencies.nasa]\nname = "NASA"\nkind = "state"\ncountry = "USA"\ndoctrine = "science"\n'
        'budget_musd = "lots"\n'
    )
    code, out, err = cli(["scenario", "validate", str(path)])
    assert (code, out) == (2, "")
    assert [line.split(": ")[2] for line in err.splitlines()] == [
        f"{path}:2", f"{path}:10", f"{path}:12"
    ]  # fmt: skip
    code, out, err = cli(["run", "--scenario", str(path)])
    assert code == 2 and err.count("\n") == 1
    assert err.endswith(f"(and 2 more; spacerace scenario validate {path} lists them)\n")


def test_validate_missing_file(tmp_path, cli):
    code, out, err = cli(["scenario", "validate", str(tmp_path / "nope.toml")])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no such file or built-in scenario" in err


def test_scenario_help_does_not_import_the_numerics():
    probe = (
        "import sys; from spacerace.cli.app import main\n"
        "try: main(['scenario', '--help'])\n"
        "except SystemExit: pass\n"
        "print('numpy' in sys.modules, 'spacerace.scenario.loader' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False False"
