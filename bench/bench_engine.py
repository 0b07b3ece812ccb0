"""Engine speed against an earlier commit, side by side in the same run, on one core.

Run: ``.venv/bin/python bench/bench_engine.py --before 9bbdf00 --profile`` (writes the
"Engine" section of docs/benchmarks.md).

``--before REF`` (default 9bbdf00) checks REF out in a temporary ``git worktree`` (removed
at the end); ``--before-tree DIR`` uses an existing checkout instead. Each batch runs in a
fresh subprocess of this interpreter with ``PYTHONPATH=<tree>/src`` (the child checks that
``spacerace`` was imported from that tree), pinned to one CPU with one Numba thread: it
builds the planner once (not timed; an ensemble shares it), plays one warm-up timeline,
then times 20 timelines 1969-2003 (seeds 1..20; the older trees end there), and this tree's
for-all-mankind to its own end (2012) besides. Batches of the two trees alternate for
5 rounds (the order flips each round), per scenario; medians. The machine is noisy, so the
ratio of the two trees measured in the same run is the number to read.

Also measured for both trees: the peak RSS of the CLI main job (``spacerace run --seed 1``,
with and without ``--out``), from ``getrusage(RUSAGE_CHILDREN)`` in a fresh parent process
per measurement; and with ``--profile``, cProfile over 5 For All Mankind timelines: the top
12 functions by cumulative time and the share of each concern (base monthly steps,
``mission_options``, personnel, politics, programs, SimPy itself).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, write_section  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ("for-all-mankind", "history")
BATCH = 20
ROUNDS = 5
RSS_REPEATS = 3
PROFILE_RUNS = 5
TOP = 12
LOOP = 0.95  # top functions: leave out frames holding more than this share (the loop)
AIM = 20.0  # for-all-mankind timelines/s on one core (issue 10)
COMPARED_UNTIL = 2003  # both trees play 1969-2003 (the older ones end there)

# Runs in the child, against either tree: only load_scenario, make_planner, run_timeline.
_CHILD = r"""
import json, os, sys
cpu = max(os.sched_getaffinity(0)); os.sched_setaffinity(0, {cpu})
tree, mode, name, first, count, until = (sys.argv[1], sys.argv[2], sys.argv[3],
                                         *map(int, sys.argv[4:]))
until = until or None
import spacerace
here = os.path.realpath(spacerace.__file__)
if not here.startswith(os.path.realpath(tree) + os.sep):
    sys.exit(f"imported spacerace from {here}, not from the tree {tree}")
import time
from spacerace.scenario.loader import load_scenario
from spacerace.sim.engine import make_planner, run_timeline
sc = load_scenario(name)
planner = make_planner(sc)
run_timeline(sc, 0, planner=planner)
seeds = range(first, first + count)
out = {"module": here, "cpu": cpu, "end_year": until or sc.end_year}
if mode == "time":
    t0 = time.perf_counter()
    runs = [run_timeline(sc, s, planner=planner, until_year=until) for s in seeds]
    out["s"] = time.perf_counter() - t0
    out["events"] = sum(len(r.log) for r in runs) / len(runs)
else:
    import cProfile, pstats
    prof = cProfile.Profile()
    prof.enable()
    for s in seeds:
        run_timeline(sc, s, planner=planner, until_year=until)
    prof.disable()
    src = os.path.realpath(os.path.join(tree, "src")) + os.sep

    def label(key):
        path, line, func = key
        real = os.path.realpath(path) if path.startswith("/") else path
        if real.startswith(src + "spacerace" + os.sep):
            path = real[len(src) + len("spacerace") + 1:]
        elif "/simpy/" in path:
            path = "simpy/" + path.rsplit("/simpy/", 1)[1]
        elif path != "~":
            path = os.path.basename(path)
        return f"{path}:{func}" if path != "~" else func

    stats = pstats.Stats(prof).stats
    out["stats"] = [
        [label(k), tt, ct, [[label(c), e[3]] for c, e in callers.items()]]
        for k, (cc, nc, tt, ct, callers) in stats.items()
    ]
print(json.dumps(out))
"""

# Runs in a fresh parent per measurement, so RUSAGE_CHILDREN sees only the CLI process.
_RSS = r"""
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""

# Concerns of the profile: a name to a test on the function's label.
GROUPS = {
    "base monthly steps (`sim/bases.py:_step`)": lambda f: f == "sim/bases.py:_step",
    "`mission_options`": lambda f: (
        f in ("sim/missions.py:mission_options", "sim/mission_options.py:mission_options")
    ),
    "personnel (`sim/personnel.py`)": lambda f: f.startswith("sim/personnel.py:"),
    "politics (`sim/politics.py`)": lambda f: f.startswith("sim/politics.py:"),
    "programs (`sim/programs.py`)": lambda f: f.startswith("sim/programs.py:"),
    "SimPy itself (`simpy/`)": lambda f: f.startswith("simpy/"),
}


def _env(src: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "NUMBA_"))}
    env.update(
        PYTHONPATH=str(src),
        PYTHONHASHSEED="0",
        NUMBA_NUM_THREADS="1",
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
    )
    return env


def _child(
    tree: Path, mode: str, name: str, first: int, count: int, until: int = COMPARED_UNTIL
) -> dict:
    """One batch in a fresh process; ``until`` 0 plays to the scenario's own end year."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), mode, name, str(first), str(count), str(until)],
        env=_env(tree / "src"),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"bench_engine: the child under {tree} failed:\n{done.stderr[-3000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    if not Path(answer["module"]).is_relative_to(tree.resolve() / "src"):
        sys.exit(f"bench_engine: imported {answer['module']}, not the tree {tree}")
    return answer


def _rss_kib(tree: Path, out: bool) -> int:
    """Peak RSS (KiB) of ``spacerace run --seed 1`` under ``tree``, in a fresh parent."""
    with tempfile.TemporaryDirectory(prefix="bench-engine-rss-") as tmp:
        cmd = [sys.executable, "-m", "spacerace", "run", "--seed", "1"]
        cmd += ["--out", str(Path(tmp) / "out")] if out else []
        done = subprocess.run(
            [sys.executable, "-c", _RSS, *cmd],
            env=_env(tree / "src"),
            cwd=tmp,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        sys.exit(f"bench_engine: `spacerace run` under {tree} failed:\n{done.stderr[-3000:]}")
    return int(done.stdout.strip().splitlines()[-1])


def _profile(tree: Path) -> dict:
    """Top functions and concern shares of cProfile over 5 For All Mankind timelines."""
    rows = _child(tree, "profile", "for-all-mankind", 1, PROFILE_RUNS)["stats"]
    total = sum(ct for f, _, ct, _ in rows if f == "sim/engine.py:run_timeline")
    top = sorted(rows, key=lambda r: -r[2])
    # The event loop's frames (run, step, _resume, generator send) hold the whole run.
    loop = ("simpy/", "<method 'send'", "<built-in method builtins.exec", "sim/engine.py:")
    top = [(f, ct / total) for f, _, ct, _ in top if ct < LOOP * total and not f.startswith(loop)][
        :TOP
    ]
    shares = {}
    for group, member in GROUPS.items():
        # Inclusive: time entering the concern from outside it (its callees included).
        inclusive = sum(
            ct
            for f, _, _, callers in rows
            if member(f)
            for caller, ct in callers
            if not member(caller)
        )
        own = sum(tt for f, tt, _, _ in rows if member(f))
        if group.startswith("SimPy"):
            inclusive = 2.0 * total  # the loop resumes every process: shown as "—"
        shares[group] = (inclusive / total, own / total)
    return {"total": total, "top": top, "shares": shares}


def _pct(share: tuple[float, float]) -> str:
    inclusive, own = share
    return f"{'—' if inclusive > 1 else f'{inclusive:.0%}'} | {own:.0%}"


@contextlib.contextmanager
def _tree_of(ref: str, given: Path | None) -> Iterator[tuple[Path, str]]:
    """The checkout to compare with and its label: ``given``, or a temporary worktree."""
    if given is not None:
        sha = subprocess.run(
            ["git", "-C", str(given), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        yield given.resolve(), sha or str(given)
        return
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", ref],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
        tree = Path(tmp) / f"before-{sha}"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), sha],
            check=True,
            capture_output=True,
        )
        try:
            yield tree, sha
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )


def _this_label() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False
        ).stdout.strip()

    dirty = git("status", "--porcelain", "--", "src")
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if dirty else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="9bbdf00", help="commit to compare with")
    parser.add_argument("--before-tree", type=Path, help="existing checkout to compare with")
    parser.add_argument("--profile", action="store_true", help="add the cProfile section")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="alternated rounds")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    started = time.perf_counter()
    this = ROOT
    with _tree_of(args.before, args.before_tree) as (before, ref):
        sides = {"before": before, "after": this}
        times = {(s, n): [] for s in sides for n in SCENARIOS}
        events = {}
        for i in range(args.rounds):
            order = ("before", "after") if i % 2 == 0 else ("after", "before")
            for name in SCENARIOS:
                for side in order:
                    got = _child(sides[side], "time", name, 1, BATCH)
                    times[side, name].append(got["s"])
                    events[side, name] = got["events"]
                    print(
                        f"round {i + 1} {name:16} {side:6} {BATCH / got['s']:6.2f} /s",
                        file=sys.stderr,
                    )
        full = []  # this tree to each scenario's own end (for-all-mankind: 2012)
        for i in range(args.rounds):
            got = _child(this, "time", "for-all-mankind", 1, BATCH, until=0)
            full.append(got["s"])
            full_events, end_year = got["events"], got["end_year"]
            print(f"round {i + 1} for-all-mankind to its end {BATCH / got['s']:6.2f} /s",
                  file=sys.stderr)  # fmt: skip
        rss = {
            (side, out): statistics.median(_rss_kib(tree, out) for _ in range(RSS_REPEATS))
            for side, tree in sides.items()
            for out in (False, True)
        }
        prof = {side: _profile(tree) for side, tree in sides.items()} if args.profile else {}
    elapsed = time.perf_counter() - started

    rate = {k: BATCH / statistics.median(v) for k, v in times.items()}
    rows = []
    for name in SCENARIOS:
        b, a = rate["before", name], rate["after", name]
        ev = f"{events['before', name]:.0f} / {events['after', name]:.0f}"
        pairs = zip(times["before", name], times["after", name], strict=True)
        paired = [tb / ta for tb, ta in pairs]
        spread = f"{min(paired):.3f}-{max(paired):.3f}"
        rows.append(f"| {name} | {b:.2f} | {a:.2f} | {a / b:.3f} | {spread} | {ev} |")
    fam = rate["after", "for-all-mankind"]
    full_rate = BATCH / statistics.median(full)
    verdict = (
        f"this tree meets it ({fam:.1f}/s)"
        if fam >= AIM
        else f"this tree does not yet meet it ({fam:.1f}/s, {AIM / fam:.1f}x short)"
    )
    mb = {k: v * 1024 / 1e6 for k, v in rss.items()}  # ru_maxrss is KiB on Linux
    rss_lines = "\n".join(
        f"- {label}: `spacerace run --seed 1` {mb[side, False]:.0f} MB "
        f"({rss[side, False]:,.0f} KiB), with `--out` {mb[side, True]:.0f} MB "
        f"({rss[side, True]:,.0f} KiB)"
        for side, label in (("before", f"before ({ref})"), ("after", "this tree"))
    )
    this_label = _this_label()
    head = f"| scenario | before {ref} timelines / s | this tree timelines / s | ratio"
    head += " | ratio per round (min-max) | events / timeline (before / this) |"
    command = ".venv/bin/python bench/bench_engine.py " + (
        f"--before-tree {args.before_tree}" if args.before_tree else f"--before {args.before}"
    )
    command += " --profile" * args.profile + f" --rounds {args.rounds}" * (args.rounds != ROUNDS)
    where = "the given checkout" if args.before_tree else "a temporary `git worktree`"
    body = f"""
Command: `{command}` — {machine()}.
Before = {ref} ({where}), this tree = {this_label}. Each batch is a fresh
process pinned to one CPU (one Numba thread) that builds the planner once (not timed, as an
ensemble shares it), plays a warm-up timeline, then times {BATCH} timelines 1969-{COMPARED_UNTIL}
(seeds 1..{BATCH}); the two trees' batches alternate for {args.rounds} round(s); medians.
Read the ratio (of the medians), measured in the same run: the absolute rates move with the
machine's load; the per-round ratios (each round's two batches) show the harness's noise.

{head}
| --- | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

Aim (issue 10): at least {AIM:.0f} for-all-mankind timelines per second on one core;
{verdict}. This tree to the scenario's own end (1969-{end_year}): {full_rate:.2f} timelines/s,
{full_events:.0f} events a timeline ({full_rate / fam:.2f} of its 1969-2003 rate).

Peak RSS of the CLI main job (`ru_maxrss` of `getrusage(RUSAGE_CHILDREN)` in a fresh parent,
median of {RSS_REPEATS}, Numba cache populated; aim at most 400 MB):

{rss_lines}
"""
    if prof:
        share_rows = "\n".join(
            f"| {g} | {_pct(prof['before']['shares'][g])} | {_pct(prof['after']['shares'][g])} |"
            for g in GROUPS
        )
        body += f"""
Where the time goes: cProfile over {PROFILE_RUNS} for-all-mankind timelines in each tree,
shares of `run_timeline`'s time (cProfile's overhead inflates small calls in both alike).
"Inclusive" counts what a concern calls (concerns can nest: programs call
`mission_options`); "own" is the time in its own code. SimPy's inclusive share holds the
whole run (our processes are resumed by its loop), so only its own share is shown.

| concern | before inclusive | before own | this tree inclusive | this tree own |
| --- | ---: | ---: | ---: | ---: |
{share_rows}
"""
    print(body)
    for side, label in (("before", f"before ({ref})"), ("after", "this tree")):
        if side in prof:
            print(
                f"Top {TOP} by cumulative time, {label}, {PROFILE_RUNS} timelines "
                f"({prof[side]['total']:.2f} s under cProfile; the event loop's frames, "
                f"over {LOOP:.0%}, left out):"
            )
            for f, share in prof[side]["top"]:
                print(f"  {share:6.1%}  {f}")
    print(f"\nOne full run of this benchmark: {elapsed:.0f} s")
    if not args.no_write:
        write_section("Engine", body)


if __name__ == "__main__":
    main()
