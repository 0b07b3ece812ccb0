"""Probe how `spacerace run` ends when Ctrl-C comes at a random moment.

    .venv/bin/python tools/sigint_probe.py 30            # 30 tries, SIGINT 0.35-1.4 s in
    .venv/bin/python tools/sigint_probe.py 30 0.02 0.4   # 30 tries, 0.02-0.4 s in (imports)
    .venv/bin/python tools/sigint_probe.py 60 0.02 0.45 --console   # the `spacerace` script

Starts `python -m spacerace run --seed 1` (with ``--console``: the ``spacerace`` console
script next to this interpreter, what a user types) N times, sends SIGINT after a random delay
(uniform, 0.35-1.4 s unless given, seeded), and counts (exit status, last stderr line). The
promise is status 130 and one line every time; -2 (killed by SIGINT) and -11 (segfault) were
the races of issue 16 (src/spacerace/cli/entry.py says why they are gone). A delay under
about 20-35 ms can find Python still starting, before spacerace's first line runs (a
KeyboardInterrupt traceback, status -2 or 1; docs/reliability.md).
"""

from __future__ import annotations

import collections
import random
import signal
import subprocess
import sys
import time
from pathlib import Path


def main(
    tries: int,
    earliest_s: float = 0.35,
    latest_s: float = 1.4,
    seed: int = 1,
    console: bool = False,
) -> None:
    """Print the count of each (status, last line) over ``tries`` interrupted runs."""
    rng = random.Random(seed)
    seen: collections.Counter = collections.Counter()
    command = (
        [str(Path(sys.executable).with_name("spacerace"))]
        if console
        else [sys.executable, "-m", "spacerace"]
    )
    for _ in range(tries):
        proc = subprocess.Popen(
            [*command, "run", "--seed", "1"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        time.sleep(rng.uniform(earliest_s, latest_s))
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        last = err.decode(errors="replace").strip().splitlines()[-1:]
        seen[(proc.returncode, last[0][:70] if last else "")] += 1
    for (status, line), count in seen.most_common():
        print(f"{count:4d}  status {status:4d}  {line}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--console"]
    main(
        int(args[0]) if args else 30,
        float(args[1]) if len(args) > 1 else 0.35,
        float(args[2]) if len(args) > 2 else 1.4,
        console="--console" in sys.argv[1:],
    )
