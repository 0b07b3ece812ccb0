"""Property: bad option values never give a traceback, a hang or a status other than 2.

Drives the real command line (``spacerace.cli.app.main`` with argv) with generated bad
values for every command's numeric, range and path options: the exit status is 2 (0 is
allowed for a value that turns out to be usable), stderr is then exactly one line, and
every case ends fast. ``SPACERACE_FUZZ_EXAMPLES`` sets how many cases (default 300).
"""

from __future__ import annotations

import contextlib
import io
import os
import time

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from spacerace.cli.app import main  # noqa: E402

EXAMPLES = int(os.environ.get("SPACERACE_FUZZ_EXAMPLES", "300"))
SLOW_S = 10.0
"""Longest a refused value may take (a check comes before the work; imports are warm)."""

NOT_INTS = ["", " ", "abc", "1e20", "1.5", "nan", "inf", "-inf", "0x10", "--", "1e", "٣.٥"]
NOT_FLOATS = ["", " ", "abc", "1e", "--", "0x10", "1..2", "one"]
NON_FINITE = ["nan", "NaN", "inf", "-inf", "Infinity", "1e309", "-1e309"]
DEPART = ["--depart", "2005-06-01..2005-07-01"]


def _ints_outside(lo: int, hi: int):
    return st.one_of(
        st.integers(max_value=lo - 1),
        st.integers(min_value=hi + 1),
        st.sampled_from(
            [lo - 1, hi + 1, -(2**63), 2**63, 2**64 - 1, 10**20, 99999999999999]
        ).filter(lambda v: not lo <= v <= hi),
    ).map(str) | st.sampled_from(NOT_INTS)


def _floats_outside(lo: float, hi: float, low_open: bool = False):
    below = st.floats(max_value=lo, exclude_max=not low_open, allow_nan=False)
    above = st.floats(min_value=hi, exclude_min=True, allow_nan=False)
    return st.one_of(below.map(repr), above.map(repr), st.sampled_from(NON_FINITE + NOT_FLOATS))


INT_OPTIONS = [  # (argv before the option, option, lowest allowed, highest allowed)
    (["run"], "--seed", 0, 2**63 - 1),
    (["run"], "--until", 1969, 2100),  # for-all-mankind's span lies inside
    (["ensemble", "--backend", "serial"], "-n", 1, 10_000_000),
    (["ensemble", "--backend", "serial"], "--seed", 0, 2**63 - 1),
    (["ensemble", "--backend", "serial"], "--workers", 1, 1024),
    (["runs"], "--limit", 1, 1_000_000),
    (["asteroids"], "--top", 1, 1000),
    (["asteroids"], "--designs", 1, 5000),
    (["asteroids"], "--year", 1900, 2038),
    (["asteroid", "Bennu"], "--year", 1900, 2038),
    (["windows", "earth", "mars", "--to", "2005"], "--from", 1900, 2005),
    (["windows", "earth", "mars", "--from", "1990"], "--to", 1990, 2052),
]
FLOAT_OPTIONS = [  # (argv before, option, lo, hi, low end excluded)
    (["porkchop", "earth", "mars", *DEPART], "--step", 0.0, 3650.0, True),
    (["porkchop", "earth", "mars", *DEPART], "--tof-step", 0.0, 3650.0, True),
    (["porkchop", "earth", "mars", *DEPART], "--park-alt", 0.0, 1e6, False),
    (["porkchop", "earth", "mars", *DEPART], "--arrive-alt", 0.0, 1e6, False),
    (["windows", "earth", "mars", "--from", "2003", "--to", "2004"], "--park-alt", 0.0, 1e6, False),
]
BAD_RANGES = ["", "..", "a..b", "1..", "..2", "5..1", "3..3", "nan..5", "1..inf", "1..2..3", " .. "]
BAD_DATES = BAD_RANGES + ["2005-13-01..2005-14-01", "99999-01-01..99999-02-01", "2005-06-01"]
RANGE_OPTIONS = [
    (["porkchop", "earth", "mars", "--tof", "100..200"], "--depart", BAD_DATES),
    (["porkchop", "earth", "mars", *DEPART], "--tof", [*BAD_RANGES, "-5..-1", "0..0"]),
    (["windows", "earth", "mars", "--from", "2003", "--to", "2004"], "--tof", BAD_RANGES),
]


@pytest.fixture(scope="module")
def where(tmp_path_factory):
    root = tmp_path_factory.mktemp("fuzz")
    (root / "a_file").write_text("not a folder")
    return root


def _bad_paths(root, suffix: str):
    return st.sampled_from(
        [
            "",
            str(root / "a_file" / f"x{suffix}"),  # under a file
            str(root / ("n" * 300 + suffix)),  # a name too long
            str(root / "/".join(["d" * 200] * 25)) + suffix,  # a path too long
            str(root / "a_file") if suffix == "" else str(root / "x.jpeg"),
        ]
        + ([str(root / "missing" / f"p{suffix}")] if suffix else [])
    )


def _path_cases(root):
    db = str(root / "none.duckdb")
    folder = [
        (["run", "--until", "1969"], "--out"),
        (["ensemble", "-n", "1", "--backend", "serial", "--db", db], "--out"),
        (["show", "abc", "--db", db], "--out"),
        (["export", "--db", db], "--out"),
    ]
    files = [
        (["porkchop", "earth", "mars", *DEPART], "--out"),
        (["asteroid", "Bennu"], "--out"),
        (["base", "Jamestown", "--run", str(root)], "--plot"),
    ]
    return st.one_of(
        *[st.tuples(st.just(a), st.just(o), _bad_paths(root, "")) for a, o in folder],
        *[st.tuples(st.just(a), st.just(o), _bad_paths(root, ".png")) for a, o in files],
    )


def _cases(root):
    return st.one_of(
        *[st.tuples(st.just(a), st.just(o), _ints_outside(lo, hi)) for a, o, lo, hi in INT_OPTIONS],
        *[
            st.tuples(st.just(a), st.just(o), _floats_outside(lo, hi, open_))
            for a, o, lo, hi, open_ in FLOAT_OPTIONS
        ],
        *[st.tuples(st.just(a), st.just(o), st.sampled_from(v)) for a, o, v in RANGE_OPTIONS],
        _path_cases(root),
    )


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code or 0
    return code, out.getvalue(), err.getvalue()


def test_bad_option_values_get_one_line_and_status_2(where):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(case=_cases(where))
    def check(case):
        before, option, value = case
        argv = [*before, option, value]
        start = time.perf_counter()
        code, _, err = run_cli(argv)
        took = time.perf_counter() - start
        assert code in (0, 2), (argv, code, err[-2000:])
        if code == 2:
            assert err.count("\n") == 1 and err.startswith("spacerace: error: "), (argv, err)
        assert took < SLOW_S, (argv, took)

    check()
