"""Memory of an ensemble's main process: peak RSS for a few n, each in a fresh process.

    PYTHONPATH=src .venv/bin/python bench/bench_ensemble_memory.py            # n = 200, 2000
    PYTHONPATH=src .venv/bin/python bench/bench_ensemble_memory.py 200 8000

Each n runs ``spacerace ensemble --scenario CUT -n N --workers 2 --db NEW.duckdb --json`` by
calling :func:`spacerace.cli.app.main` in a new ``python -c`` process (so the pool workers,
started by ``spawn``, are not counted) and prints that process's ``ru_maxrss`` (its peak
resident memory) with its RSS after every 200 stored runs. CUT is for-all-mankind cut to
1969-1977 to keep it fast: its first two eras (the second ending in 1977), without Helios
and North Korea, founded later. The issue-16 target: the peak flat in n (docs/benchmarks.md,
"Ensemble").
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import textwrap
from importlib import resources
from pathlib import Path

END_YEAR = 1977
"""Last year of the cut scenario (its second era, 1975-1983, cut there)."""

LATER_AGENCIES = ("helios", "dprk")
"""Agencies founded after END_YEAR (1986, 1990), left out with their people."""

CHILD = textwrap.dedent(
    """
    import json, os, resource, sys
    from spacerace.store import db as store_db

    def rss_mb():
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

    series, stored = [], [0]
    write_runs = store_db.Store.write_runs

    def counted(self, records, ensemble_id=None):
        new = write_runs(self, records, ensemble_id)
        before, stored[0] = stored[0], stored[0] + len(records)
        if stored[0] // 200 != before // 200:
            series.append([stored[0], round(rss_mb(), 1)])
        return new

    store_db.Store.write_runs = counted
    from spacerace.cli.app import main

    try:
        main(sys.argv[1:])
    except SystemExit as exc:
        assert not exc.code, exc.code
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 * 1.048576  # KiB -> MB
    print(json.dumps({"peak_mb": round(peak, 1), "series": series}), file=sys.stderr)
    """
)


def cut_scenario(path: Path) -> None:
    """Write for-all-mankind cut to 1969-END_YEAR to ``path``."""
    text = resources.files("spacerace.scenario.builtin").joinpath("for-all-mankind.toml")
    blocks = re.split(r"(?m)^(?=\[)", text.read_text("utf-8"))
    kept, era = [], 0
    for block in blocks:
        head = block.split("\n", 1)[0]
        if head == "[scenario]":
            block = re.sub(r"(?m)^end_year = \d+", f"end_year = {END_YEAR}", block)
        elif head == "[[era]]":
            era += 1
            if era > 2:
                continue
            if era == 2:
                block = re.sub(r"(?m)^end_year = \d+", f"end_year = {END_YEAR}", block)
        elif head.removeprefix("[agencies.").removesuffix("]") in LATER_AGENCIES:
            continue
        elif head == "[[people]]" and re.search(
            rf'(?m)^agency = "({"|".join(LATER_AGENCIES)})"', block
        ):
            continue
        kept.append(block)
    path.write_text("".join(kept), encoding="utf-8")


def measure(n: int, scenario: Path, folder: Path) -> dict:
    """Peak RSS (MB) and the RSS series of one ensemble of ``n`` in a fresh process."""
    db = folder / f"n{n}.duckdb"
    argv = ["ensemble", "--scenario", str(scenario), "-n", str(n), "--workers", "2"]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *argv, "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def main(ns: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        scenario = folder / f"fam{END_YEAR}.toml"
        cut_scenario(scenario)
        peaks = {}
        for n in ns:
            result = measure(n, scenario, folder)
            peaks[n] = result["peak_mb"]
            print(f"n = {n}: peak {result['peak_mb']} MB; RSS by runs stored {result['series']}")
        first = ns[0]
        for n in ns[1:]:
            print(f"growth {first} -> {n}: {peaks[n] - peaks[first]:+.1f} MB")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [200, 2000])
