"""What bases cost: For All Mankind timelines per second with and without them, one core.

Run: ``git worktree add /tmp/before 74b34d9`` (the commit before bases), then
``.venv/bin/python bench/bench_bases.py --before /tmp/before`` (writes the "Bases" section
of docs/benchmarks.md). Each side runs in its own subprocess (``PYTHONPATH`` pointing at its
``src``), batches of 20 timelines (1969-2003) after a warm-up, the two sides alternated 5
times so both see the same machine; medians. Also reports where a timeline's time goes
(the base processes' share, from cProfile's cumulative time, which inflates both alike).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, write_section  # noqa: E402

BATCH = 20
ROUNDS = 5
_CHILD = """
import json, sys, time
from spacerace.scenario.loader import load_scenario
from spacerace.sim.engine import make_planner, run_timeline
sc = load_scenario("for-all-mankind"); pl = make_planner(sc); run_timeline(sc, 0, planner=pl)
start, BATCH = int(sys.argv[1]), int(sys.argv[2]); t0 = time.perf_counter()
runs = [run_timeline(sc, s, planner=pl) for s in range(start, start + BATCH)]
dt = time.perf_counter() - t0
print(json.dumps({"s": dt, "events": sum(len(r.log) for r in runs) / len(runs)}))
"""


def _batch(src: Path, start: int) -> dict:
    env = {"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin", "NUMBA_NUM_THREADS": "1"}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(start), str(BATCH)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _base_share() -> float:
    import cProfile
    import pstats

    from spacerace.scenario.loader import load_scenario
    from spacerace.sim.engine import make_planner, run_timeline

    sc = load_scenario("for-all-mankind")
    pl = make_planner(sc)
    run_timeline(sc, 0, planner=pl)
    prof = cProfile.Profile()
    prof.enable()
    for seed in range(1, 11):
        run_timeline(sc, seed, planner=pl)
    prof.disable()
    cum = {f"{Path(k[0]).name}:{k[2]}": v[3] for k, v in pstats.Stats(prof).stats.items()}
    run = cum["engine.py:run_timeline"]
    bases = cum["bases.py:base_process"] + cum.get("base_logistics.py:_cargo_flight", 0.0)
    return bases / run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="checkout without bases")
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent / "src"
    before = args.before.resolve() / "src"
    t_now, t_before, ev_now, ev_before = [], [], 0.0, 0.0
    for i in range(ROUNDS):
        a = _batch(here, 1 + i * BATCH)
        b = _batch(before, 1 + i * BATCH)
        t_now.append(a["s"])
        t_before.append(b["s"])
        ev_now, ev_before = a["events"], b["events"]
    now, then = BATCH / statistics.median(t_now), BATCH / statistics.median(t_before)
    share = _base_share()
    body = f"""
Command: `git worktree add /tmp/before 74b34d9 && .venv/bin/python bench/bench_bases.py
--before /tmp/before` — {machine()}.
For All Mankind, 1969-2003, one process and one core each; median of {ROUNDS} alternated
batches of {BATCH} timelines after a warm-up.

| engine | timelines / s | events / timeline |
| --- | ---: | ---: |
| without bases' inner life (74b34d9) | {then:.1f} | {ev_before:.0f} |
| with bases (this tree) | {now:.1f} | {ev_now:.0f} |

Bases cost {then / now:.2f}x the time of a timeline without them. Under cProfile, the
base processes (monthly steps and cargo flights) take {share:.0%} of a timeline's time;
the rest of the slowdown is the histories themselves changing (more launches, crews on
longer tours, more events).
"""
    print(body)
    write_section("Bases", body)


if __name__ == "__main__":
    main()
