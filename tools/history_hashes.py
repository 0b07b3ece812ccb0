"""Guard for refactors: are the histories byte-identical to another commit's?

    .venv/bin/python tools/history_hashes.py --against 9bbdf00            # 10 seeds each
    .venv/bin/python tools/history_hashes.py --seeds 3 --scenario history  # just print

For each built-in scenario (or the ones named) and seeds 0..N-1, plays one timeline and
takes the sha256 of its ``events.jsonl`` (``EventLog.to_jsonl``, the bytes ``run --out``
writes) and of its monthly base rows and yearly metrics (as ``bases.jsonl`` would hold
them). With ``--against COMMIT`` the same is computed in a temporary ``git worktree`` of
that commit, by this interpreter with the worktree's ``src`` first on ``sys.path``, and the
two are compared: the table says ``same`` or ``DIFFERS`` per seed, and the exit status is 1
if any differs. Prints a Markdown table (paste it in a note).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = ("for-all-mankind", "history", "star-city")

_WORKER = r"""
import hashlib, json, sys
import spacerace
from spacerace.scenario.loader import load_scenario
from spacerace.sim.engine import make_planner, run_timeline
names, seeds = sys.argv[1].split(","), int(sys.argv[2])
out = {"module": spacerace.__file__}
for name in names:
    sc = load_scenario(name)
    planner = make_planner(sc)
    for seed in range(seeds):
        r = run_timeline(sc, seed, planner=planner)
        events = r.log.to_jsonl(r.start_jd_tdb).encode()
        rows = json.dumps([r.metrics, r.base_metrics], sort_keys=True).encode()
        out[f"{name}:{seed}"] = [
            hashlib.sha256(events).hexdigest(), hashlib.sha256(rows).hexdigest(), len(r.log)
        ]
print(json.dumps(out))
"""


def hashes(src: Path, names: list[str], seeds: int) -> dict:
    """Run the worker with ``src`` first on the path; returns its JSON answer."""
    env = dict(os.environ, PYTHONPATH=str(src), PYTHONHASHSEED="0")
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, ",".join(names), str(seeds)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"history_hashes: the run under {src} failed:\n{done.stderr[-2000:]}")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    module = Path(answer.pop("module")).resolve()
    if not module.is_relative_to(src.resolve()):
        sys.exit(f"history_hashes: imported {module}, not the tree under {src}")
    return answer


def _against(commit: str, names: list[str], seeds: int) -> dict:
    """The other commit's hashes, computed in a temporary worktree (cached by full sha)."""
    sha = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", commit], check=True, capture_output=True, text=True
    ).stdout.strip()
    cache = Path(tempfile.gettempdir()) / f"history-hashes-{sha}-{'-'.join(names)}-{seeds}.json"
    if cache.exists():
        return json.loads(cache.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), sha],
            check=True,
            capture_output=True,
        )
        try:
            theirs = hashes(tree / "src", names, seeds)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    cache.write_text(json.dumps(theirs))
    return theirs


def main(argv: list[str] | None = None) -> int:
    """Print the hash table; with ``--against``, compare and return 1 on any difference."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", help="commit to compare with (e.g. 9bbdf00)")
    parser.add_argument("--seeds", type=int, default=10, help="seeds 0..N-1 (default 10)")
    parser.add_argument("--scenario", action="append", help="built-in scenario (repeatable)")
    args = parser.parse_args(argv)
    names = args.scenario or list(BUILTIN)
    mine = hashes(ROOT / "src", names, args.seeds)
    theirs = _against(args.against, names, args.seeds) if args.against else None
    head = "| scenario | seed | events | events.jsonl sha256 | rows sha256 |"
    print(head + (f" vs {args.against} |" if theirs else ""))
    print("| --- | ---: | ---: | --- | --- |" + (" --- |" if theirs else ""))
    differ = 0
    for key, (ev, rows, n) in mine.items():
        name, seed = key.split(":")
        line = f"| {name} | {seed} | {n} | {ev[:16]} | {rows[:16]} |"
        if theirs is not None:
            same = theirs.get(key, [None, None])[:2] == [ev, rows]
            differ += not same
            line += " same |" if same else " DIFFERS |"
        print(line)
    if theirs is not None:
        print(f"\n{len(mine) - differ} of {len(mine)} histories byte-identical to {args.against}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
