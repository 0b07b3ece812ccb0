"""The command line: tables, JSON, plots, and one-line errors with exit status 2."""

import json
import subprocess
import sys

import pytest


def test_porkchop_json_and_plot(tmp_path, cli):
    png = tmp_path / "p.png"
    code, out, err = cli(
        [
            "porkchop",
            "earth",
            "mars",
            "--depart",
            "2005-06-01..2005-11-01",
            "--tof",
            "100..450",
            "--step",
            "2",
            "--tof-step",
            "2",
            "--out",
            str(png),
            "--json",
        ],
    )
    assert code == 0, err
    data = json.loads(out)
    best = data["windows"][0]
    assert best["depart"].startswith("2005-0")
    assert 15 < best["c3_km2_s2"] < 17.5
    assert best["dv_total_km_s"] == pytest.approx(
        best["dv_depart_km_s"] + best["dv_arrive_km_s"], abs=2e-3
    )
    assert png.stat().st_size > 20_000
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_porkchop_table(cli):
    code, out, _ = cli(
        [
            "porkchop",
            "Earth",
            "Mars",
            "--depart",
            "2005-07-01..2005-09-30",
            "--tof",
            "150..400",
            "--step",
            "3",
            "--tof-step",
            "3",
        ],
    )
    assert code == 0
    assert "C3" in out and "2005-0" in out and "Δv" in out


def test_windows_json(cli):
    code, out, _ = cli(["windows", "earth", "mars", "--from", "1969", "--to", "1975", "--json"])
    assert code == 0
    rows = json.loads(out)["windows"]
    assert [r["depart"][:4] for r in rows] == ["1969", "1971", "1973", "1975"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (
            ["porkchop", "earth", "vulcan", "--depart", "2005-06-01..2005-07-01"],
            "unknown body 'vulcan'",
        ),
        (
            [
                "porkchop",
                "earth",
                "mars",
                "--depart",
                "2060-01-01..2060-03-01",
                "--tof",
                "100..200",
            ],
            "outside DE421",
        ),
        (["porkchop", "earth", "mars", "--depart", "2005-11-01..2005-06-01"], "reversed"),
        (["porkchop", "earth", "mars", "--depart", "2005-06-01..2005-06-01"], "empty"),
        (
            [
                "porkchop",
                "earth",
                "mars",
                "--depart",
                "2005-06-01..2005-07-01",
                "--tof",
                "450..100",
            ],
            "reversed",
        ),
        (
            [
                "porkchop",
                "earth",
                "mars",
                "--depart",
                "2005-06-01..2005-07-01",
                "--tof",
                "abc..100",
            ],
            "expected numbers",
        ),
        (
            ["porkchop", "earth", "mars", "--depart", "1950-01-01..2040-01-01", "--step", "0.01"],
            "fit in memory",
        ),
        (["porkchop", "earth", "mars", "--depart", "June..July"], "expected a date"),
        (
            ["porkchop", "earth", "mars", "--depart", "2005-06-01..2005-07-01", "--step", "x"],
            "Invalid value for '--step'",
        ),
        (
            ["porkchop", "earth", "mars", "--depart", "2005-06-01..2005-07-01", "--out", "p.txt"],
            ".png",
        ),
        (
            ["porkchop", "earth", "moon", "--depart", "2005-06-01..2005-07-01", "--tof", "1..5"],
            "Moon orbits",
        ),
        (["windows", "earth", "mars", "--from", "2003", "--to", "1969"], "before"),
        (["windows", "earth", "mars", "--from", "abc", "--to", "1969"], "value for '--from'"),
        (
            ["windows", "earth", "mars", "--from", "1890", "--to", "1891"],
            "--from 1890: expected a whole number from 1900 to 2052 (the years DE421 covers)",
        ),
        (["frobnicate"], "No such command"),
    ],
)
def test_bad_input_is_one_line_and_status_2(argv, message, cli):
    code, out, err = cli(argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("spacerace: error: "), err
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [[], ["scenario"]])
def test_no_command_shows_the_help_with_status_0(argv, cli):
    code, out, err = cli(argv)
    assert code == 0 and "Usage: spacerace" in out and err == ""


def test_python_dash_m_help_is_fast_and_lists_commands():
    done = subprocess.run(
        [sys.executable, "-m", "spacerace", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "porkchop" in done.stdout and "windows" in done.stdout
    # --help must not import the numerics
    probe = (
        "import sys; from spacerace.cli import app; "
        "print('numba' in sys.modules, 'numpy' in sys.modules)"
    )
    assert subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True
    ).stdout.split() == ["False", "False"]
