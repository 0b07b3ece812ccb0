"""Start-up time of ``spacerace --help`` and first-call compile time of the Lambert kernel.

Run: ``.venv/bin/python bench/bench_startup.py`` (writes the "Start-up" section of
docs/benchmarks.md). Each start-up is a fresh process; median of 7. ``python -c pass`` is
the floor measured in the same run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, median_time_s, write_section  # noqa: E402

BIN = Path(sys.executable).parent
SPACERACE = str(BIN / "spacerace")

FIRST_CALL = """
import time, numpy as np
t0 = time.perf_counter()
from spacerace.astro.lambert import solve_lambert
t1 = time.perf_counter()
solve_lambert(np.array([[1.0, 0, 0]]), np.array([[0, 1.0, 0]]), np.array([1.0]), 1.0)
t2 = time.perf_counter()
print(f"{t1 - t0:.3f} {t2 - t1:.3f}")
"""


def run(args, env=None):
    subprocess.run(args, check=True, capture_output=True, env=env)


def first_call(cache_dir: str) -> tuple[float, float]:
    env = dict(os.environ, NUMBA_CACHE_DIR=cache_dir)
    out = subprocess.run(
        [sys.executable, "-c", FIRST_CALL], check=True, capture_output=True, text=True, env=env
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    floor, _ = median_time_s(lambda: run([sys.executable, "-c", "pass"]), 7)
    helps, _ = median_time_s(lambda: run([SPACERACE, "--help"]), 7)
    sub, _ = median_time_s(lambda: run([SPACERACE, "porkchop", "--help"]), 7)
    with tempfile.TemporaryDirectory() as cache:
        cold_import, cold_call = first_call(cache)
        warm_import, warm_call = first_call(cache)
    body = f"""
Command: `.venv/bin/python bench/bench_startup.py` — {machine()}.
Fresh process each time, median of 7.

| what | wall time (s) |
| --- | ---: |
| `python -c pass` (the floor) | {floor:.3f} |
| `spacerace --help` | {helps:.3f} |
| `spacerace porkchop --help` | {sub:.3f} |
| import `spacerace.astro.lambert` | {warm_import:.3f} |
| first Lambert call, empty Numba cache (compile) | {cold_call:.3f} |
| first Lambert call, cache populated (load) | {warm_call:.3f} |

Kernels compile on first use (`@njit(cache=True)`), never at import; the compiled code is
cached on disk (`NUMBA_CACHE_DIR`, else `__pycache__` next to the source), so only the first
call on a machine pays the compile time.
"""
    print(body)
    write_section("Start-up", body)


if __name__ == "__main__":
    main()
