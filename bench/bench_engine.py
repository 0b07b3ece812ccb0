"""Timelines per second of the default scenario, 1969-2003, on one core.

Run: ``.venv/bin/python bench/bench_engine.py`` (writes the "Engine" section of
docs/benchmarks.md). The planner (Earth-Mars window tables, ~0.5 s) is built once and shared,
as an ensemble does; each timeline is a fresh world, environment and log. Median of 5
batches of 20 seeds after a warm-up run. The peer measured in the same run is the cost of
the same number of bare SimPy event steps (a process that only yields timeouts), the
floor any SimPy engine pays per event.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import simpy

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, median_time_s, write_section  # noqa: E402

from spacerace.scenario.loader import load_scenario  # noqa: E402
from spacerace.sim.engine import make_planner, run_timeline  # noqa: E402

BATCH = 20


def bare_simpy(n_events: int) -> None:
    env = simpy.Environment()

    def ticker(env):
        for _ in range(n_events):
            yield env.timeout(1.0)

    env.process(ticker(env))
    env.run()


def measure(name: str) -> tuple[str, float, int, float, float]:
    """(scenario, timelines/s, events per timeline, planner seconds, ratio to bare SimPy)."""
    sc = load_scenario(name)
    t0 = time.perf_counter()
    planner = make_planner(sc)
    _ = (planner.mars_windows, planner.return_windows)
    t_planner = time.perf_counter() - t0
    first = run_timeline(sc, 0, planner=planner)
    seeds = iter(range(1, 10_000))
    t_batch, _ = median_time_s(
        lambda: [run_timeline(sc, next(seeds), planner=planner) for _ in range(BATCH)], 5
    )
    events = len(first.log)
    t_floor, _ = median_time_s(lambda: bare_simpy(events * 2 * BATCH), 5)
    return name, BATCH / t_batch, events, t_planner, t_batch / t_floor


def main() -> None:
    rows = [measure(name) for name in ("for-all-mankind", "history")]
    table = "\n".join(
        f"| {n} | {rate:.1f} | {ev} | {tp:.2f} | {ratio:.0f}x |" for n, rate, ev, tp, ratio in rows
    )
    body = f"""
Command: `.venv/bin/python bench/bench_engine.py` — {machine()}.
One process, one core; median of 5 batches of {BATCH} timelines (1969-2003) after a warm-up.

| scenario | timelines / s | events / timeline | planner (s, once) | time / bare SimPy |
| --- | ---: | ---: | ---: | ---: |
{table}

"Bare SimPy steps": the same run time divided by the time SimPy takes for twice as many
empty timeout events as the timeline logs (each logged event costs about two SimPy steps);
it shows how much of a timeline is our model rather than the event loop. Aim (issue 3):
at least 20 timelines per second per core.
"""
    print(body)
    write_section("Engine", body)


if __name__ == "__main__":
    main()
