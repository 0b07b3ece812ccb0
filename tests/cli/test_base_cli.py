"""spacerace base NAME --run DIR: a base's history read back from a run folder."""

import json

import pytest


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    from spacerace.report.html import write_run
    from spacerace.scenario.loader import load_scenario
    from spacerace.sim.engine import run_timeline

    out = tmp_path_factory.mktemp("run")
    write_run(run_timeline(load_scenario("for-all-mankind"), 3), out)
    return out


def test_base_prints_story_and_yearly_table(cli, run_folder):
    code, out, err = cli(["base", "jamestown", "--run", str(run_folder)])
    assert code == 0, err
    assert "Jamestown" in out and "Founded on" in out and "at each year's end" in out


def test_base_json_agrees_with_the_rows(cli, run_folder):
    code, out, _ = cli(["base", "Jamestown", "--run", str(run_folder), "--json"])
    assert code == 0
    data = json.loads(out)
    rows = [json.loads(line) for line in (run_folder / "bases.jsonl").read_text().splitlines()]
    own = [r for r in rows if r["base"] == "Jamestown"]
    assert data["peak_population"] == max(r["population"] for r in own)
    assert data["yearly"][-1]["population"] == own[-1]["population"]
    assert data["events"][0]["kind"] == "base_founded"


def test_base_writes_its_figure(cli, run_folder, tmp_path):
    png = tmp_path / "jt.png"
    code, _, err = cli(["base", "Jamestown", "--run", str(run_folder), "--plot", str(png)])
    assert code == 0, err
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["base", "Jamestwon"], "did you mean 'Jamestown'"),
        (["base", "Jamestown", "--plot", "x.svg"], "expected a .png"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, run_folder, argv, fragment):
    code, out, err = cli(argv + ["--run", str(run_folder)])
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


def test_a_folder_that_is_not_a_run_is_refused(cli, tmp_path):
    code, _, err = cli(["base", "Jamestown", "--run", str(tmp_path)])
    assert code == 2 and "run.json: missing" in err


def test_a_corrupt_line_names_file_and_line(cli, run_folder, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(run_folder, copy)
    lines = (copy / "bases.jsonl").read_text().splitlines()
    lines[2] = "{not json"
    (copy / "bases.jsonl").write_text("\n".join(lines) + "\n")
    code, _, err = cli(["base", "Jamestown", "--run", str(copy)])
    assert code == 2 and "bases.jsonl:3: not a JSON object" in err
