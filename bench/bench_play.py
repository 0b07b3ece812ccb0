"""How long a play turn takes: a whole For All Mankind game as NASA, turn by turn, one core.

Run: ``PYTHONPATH=src .venv/bin/python bench/bench_play.py`` (``--until 1980`` for a short
one; ``--write`` replaces the "Play" section of docs/benchmarks.md). One game (seed 1) is
played through the library from the first turn to the last, each turn as a web handler or
the terminal does it: answer (or go on), which replays the history from its first day to
the next question or quarter (``play.session``), autosave the decision log, then build
what the player sees (the turn with its explained choices, the debrief, the budget, the
rivals, the pending list). The player answers as the built-in policy advises, except that
every 4th mission question it waits and every 3rd funding question it funds its programs
in reverse order, so the game leaves the built-in history early (a player who only
follows the advice replays the policies' run). Reported: turns, p50/p99/max of the whole
turn and of its replay alone, milliseconds, and the time to resume the final save.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import machine, write_section  # noqa: E402


def _player_answer(game, counts: dict):
    """A varied player: the advice, except waits and reversed priorities now and then."""
    q = game.turn.question
    counts[q.kind] = counts.get(q.kind, 0) + 1
    advice = game.advice()
    if q.kind == "next_mission" and counts[q.kind] % 4 == 0:
        return None
    if q.kind == "fund" and counts[q.kind] % 3 == 0:
        return list(reversed(advice))
    return advice


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def play_game(until: int | None, seed: int, save: Path) -> dict:
    """Play one game; return the turn times (seconds) and the counts."""
    from spacerace.play import Game
    from spacerace.scenario.loader import load_scenario

    scenario = load_scenario("for-all-mankind")
    game = Game(scenario, seed, "nasa", until_year=until, save_path=save)
    counts: dict = {}
    turns, steps = [], []
    while not game.over:
        began = time.perf_counter()
        if game.turn.question is None:
            game.advance()
        else:
            game.answer(_player_answer(game, counts))
        turn = game.turn
        _ = (turn.choices, game.debrief(), game.budget(), game.rivals(), game.pending())
        turns.append(time.perf_counter() - began)
        steps.append(game.last_step_s)
    began = time.perf_counter()
    again = Game.load(save, planner=game.planner)
    resume = time.perf_counter() - began
    assert again.over and again.turns == game.turns
    return {
        "turns": turns,
        "steps": steps,
        "questions": sum(counts.values()),
        "resume_s": resume,
        "events": len(game.result().log),
        "save_bytes": save.stat().st_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--until", type=int, default=None, help="last year (default 2012)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        r = play_game(args.until, args.seed, Path(tmp) / "save.jsonl")
        total = time.perf_counter() - began
    ms = {k: [1000 * t for t in r[k]] for k in ("turns", "steps")}
    span = f"1969-{args.until or 2012}"
    rows = [
        "| | p50 | p99 | max | mean |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for label, key in (("whole turn (answer, replay, autosave, views)", "turns"),
                       ("its replay alone", "steps")):  # fmt: skip
        v = ms[key]
        rows.append(
            f"| {label} | {_percentile(v, 0.5):.0f} ms | {_percentile(v, 0.99):.0f} ms | "
            f"{max(v):.0f} ms | {statistics.mean(v):.0f} ms |"
        )
    body = (
        f"A whole for-all-mankind game ({span}, seed {args.seed}) played as NASA through "
        f"`spacerace.play.Game`: {len(r['turns'])} turns ({r['questions']} questions, the "
        f"rest quarters without one), {r['events']:,} events, a final save of "
        f"{r['save_bytes']:,} bytes; {total:.1f} s in all (with the planner's windows). "
        f"Each turn replays the history from its first day (`play.session`).\n\n"
        + "\n".join(rows)
        + f"\n\nResuming the final save (`Game.load`, one replay checked against the log): "
        f"{1000 * r['resume_s']:.0f} ms. Aim (issue 15): a play turn under 500 ms p50. "
        f"{machine()}, shared with other jobs. `bench/bench_play.py"
        + (f" --until {args.until}" if args.until else "")
        + " --write`."
    )
    print(body)
    if args.write:
        write_section("Play", body)


if __name__ == "__main__":
    main()
