"""spacerace person NAME --run DIR and spacerace explain EVENT_ID --run DIR, on a run folder.

Oracles: the folder's own files (people.jsonl, events.jsonl) read here apart from the
commands, and the one-line-and-exit-2 rule for bad input.
"""

import json

import pytest


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory):
    from spacerace.report.html import write_run
    from spacerace.scenario.loader import load_scenario
    from spacerace.sim.engine import run_timeline

    out = tmp_path_factory.mktemp("run")
    write_run(run_timeline(load_scenario("for-all-mankind"), 3, until_year=1999), out)
    return out


def _events(folder):
    return [json.loads(line) for line in (folder / "events.jsonl").read_text().splitlines()]


def test_person_tells_one_life_from_the_log(cli, run_folder):
    code, out, err = cli(["person", "margo madison", "--run", str(run_folder)])
    assert code == 0, err
    assert "Margo Madison" in out and "Roles" in out and "engineer" in out
    own = [e for e in _events(run_folder) if "Margo Madison" in e["actors"]]
    for e in own:  # every event naming her is told (the first words of its sentence)
        assert e["text"][:30] in " ".join(out.split()), e["text"]


def test_person_json_lists_roles_in_order_from_the_career_events(cli, run_folder):
    code, out, _ = cli(["person", "Edward Baldwin", "--run", str(run_folder), "--json"])
    assert code == 0
    data = json.loads(out)
    careers = [
        e["data"]["role"]
        for e in _events(run_folder)
        if e["kind"] == "career" and e["actors"] == ["Edward Baldwin"]
    ]
    assert [c["role"] for c in data["career"]] == ["commander", *careers]
    row = next(
        json.loads(line)
        for line in (run_folder / "people.jsonl").read_text().splitlines()
        if json.loads(line)["name"] == "Edward Baldwin"
    )
    assert data["status"] == row["status"] and data["flights"] == row["flights"] >= 2


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["person", "Ed Baldwin"], "did you mean 'Edward Baldwin'"),
        (["person", "Nobody Atall"], "nobody of that name"),
        (["explain", "0"], "has events 1 to"),
        (["explain", "999999"], "has events 1 to"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(cli, run_folder, argv, fragment):
    code, _, err = cli(argv + ["--run", str(run_folder)])
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("command", [["person", "Margo Madison"], ["explain", "1"]])
def test_a_folder_that_is_not_a_run_is_refused(cli, tmp_path, command):
    code, _, err = cli([*command, "--run", str(tmp_path / "nope")])
    assert code == 2 and "not a folder" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli([*command, "--run", str(tmp_path / ("d" * 300))])  # too long a name
    assert code == 2 and "too long" in err and len(err.strip().splitlines()) == 1


def test_explain_prints_base_modifiers_and_a_total_that_adds_up(cli, run_folder):
    events = _events(run_folder)
    n = next(i for i, e in enumerate(events, 1) if e["kind"] == "budget" and "breakdown" in e)
    code, out, err = cli(["explain", str(n), "--run", str(run_folder)])
    assert code == 0, err
    terms = events[n - 1]["breakdown"]["terms"]
    lines = out.splitlines()
    numbers = [float(line.split()[-1].replace(",", "").replace("−", "-")) for line in lines[3:]]
    assert len(numbers) == len(terms) + 1 and lines[-1].strip().startswith("= total")
    assert sum(numbers[:-1]) == pytest.approx(numbers[-1], abs=0.05 * len(terms))
    assert numbers[-1] == pytest.approx(events[n - 1]["data"]["budget_musd"], abs=0.051)


def test_explain_json_total_is_the_events_number(cli, run_folder):
    events = _events(run_folder)
    n = next(i for i, e in enumerate(events, 1) if e["kind"] == "launch")
    code, out, _ = cli(["explain", str(n), "--run", str(run_folder), "--json"])
    data = json.loads(out)
    assert code == 0 and data["breakdown"]["of"] == "odds"
    assert data["breakdown"]["total"] == pytest.approx(events[n - 1]["data"]["odds"], abs=1e-6)


def test_explain_an_event_without_a_number_says_so(cli, run_folder):
    events = _events(run_folder)
    n = next(i for i, e in enumerate(events, 1) if e["kind"] == "retirement")
    code, out, _ = cli(["explain", str(n), "--run", str(run_folder)])
    assert code == 0 and "no breakdown recorded" in out
