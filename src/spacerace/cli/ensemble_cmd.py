"""``spacerace ensemble`` and ``spacerace compare``: many histories, and two sets side by side.

The engine, the store (DuckDB), Dask and Matplotlib are imported inside the commands (fast
``--help``). The progress bar is drawn here, from the ensemble's per-chunk callback, and only
when stderr is a terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli._interrupt import is_ctrl_c
from spacerace.cli.entry import interrupted, tell_kept
from spacerace.cli.options import (
    MAX_SEED,
    DbOption,
    JsonOption,
    ScenarioOption,
    int_in,
    output_option,
    seed_option,
)
from spacerace.errors import InputError, Interrupted

__all__ = ["MAX_TIMELINES", "compare", "ensemble"]

MAX_TIMELINES = 10_000_000
"""Most timelines in one ensemble: the summary keeps each run's budgets at the years it
reports (8 bytes for each agency and year, about 200 bytes a run for For All Mankind: 2 GB
at the cap), and a store of more runs than that is beyond one disk."""

MAX_WORKERS = 1024
"""Most worker processes asked for."""


def ensemble(
    scenario: ScenarioOption = "for-all-mankind",
    n: Annotated[
        int,
        typer.Option(
            "-n",
            help="Number of timelines (seeds), 1 to 10,000,000 (the summary keeps each "
            "run's budgets in memory).",
            callback=int_in("-n", 1, MAX_TIMELINES, "the summary keeps each run's budgets"),
        ),
    ] = 100,
    seed: Annotated[
        int, seed_option("First seed: the ensemble plays seeds BASE..BASE+n-1, each")
    ] = 0,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Worker processes, 1 to 1024 (default: 1 for serial, else the CPU count).",
            callback=int_in("--workers", 1, MAX_WORKERS),
        ),
    ] = None,
    backend: Annotated[
        str, typer.Option("--backend", help="Where timelines run: serial, processes or dask.")
    ] = "processes",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --backend dask). "
            "Without it the dask backend starts a local cluster on 127.0.0.1.",
        ),
    ] = None,
    db: DbOption = None,
    out: Annotated[
        Path | None,
        output_option(
            "--out", "Folder for the plots (first shares, milestone years).", folder=True
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Play many seeded timelines, store them, and answer who is first, when, and at what cost.

    Seeds already in the store are not played again, so an interrupted ensemble resumes
    where it stopped when the same command is run again.
    """
    from spacerace.cli.outputs import check_folder, writing
    from spacerace.ensemble.backends import check_backend

    if seed > MAX_SEED - (n - 1):
        raise InputError(
            f"--seed {seed} with -n {n}: the last seed, {seed + n - 1}, is above 2**63-1 "
            "(seeds are stored as signed 64-bit integers)"
        )
    if workers is None:
        workers = 1 if backend == "serial" else max(1, os.cpu_count() or 1)
    check_backend(backend, workers, scheduler)
    check_folder(out, "--out")
    from spacerace.ensemble.runner import run_ensemble
    from spacerace.ensemble.summary import (
        StreamedAggregates,
        rows_from_store,
        summarize_aggregates,
        summary_from_store,
    )
    from spacerace.scenario.loader import load_scenario
    from spacerace.store.db import Store

    chosen = load_scenario(scenario)
    with Store(db) as store, _progress(f"{chosen.name}: {n} timelines") as progress:
        kept = _Kept(store, chosen.content_hash(), range(seed, seed + n))
        streamed = StreamedAggregates()
        try:
            done = run_ensemble(
                chosen,
                n,
                store,
                seed_base=seed,
                backend=backend,
                workers=workers,
                scheduler=scheduler,
                on_start=lambda todo, stored: (kept.start(stored), progress.start(todo, stored)),
                on_records=lambda records: (
                    streamed.add(records),
                    kept.advance(records),
                    progress.advance(records),
                ),
            )
            if streamed.runs == n:  # every run played now: summed up as they were stored
                summary = summarize_aggregates(streamed.aggregates())
            else:  # some were stored before: the store's aggregates, by SQL
                summary = summary_from_store(store, done.scenario_hash, done.version, done.seeds)
            rows = None
            if out is not None:  # the plots' first years: per-run rows, read from the store
                rows = rows_from_store(store, done.scenario_hash, done.version, done.seeds)
        except (KeyboardInterrupt, Exception) as exc:
            if isinstance(exc, Interrupted) or not (is_ctrl_c(exc) or interrupted()):
                raise  # run_ensemble's own count, or not a Ctrl-C
            raise Interrupted(kept.counted()) from None
        finally:
            tell_kept("")
        where = store.path
    written = {}
    if out is not None:
        from spacerace.ensemble.figures import write_figures

        with writing("--out", out):
            written = write_figures(rows, summary, out)
    if as_json:
        from spacerace.cli import render

        render.print_json(
            {
                "ensemble": _ensemble_json(done, backend, workers, where),
                "summary": summary,
                "files": {k: str(v) for k, v in sorted(written.items())},
            }
        )
        return
    from spacerace.ensemble.summary import print_summary

    print(_ensemble_line(done, backend, workers, where))
    print()
    print_summary(summary)
    if written:
        print(f"\nplots written to {out}: " + ", ".join(sorted(p.name for p in written.values())))


def compare(
    a: Annotated[str, typer.Argument(help="First ensemble: a scenario name or an ensemble id.")],
    b: Annotated[str, typer.Argument(help="Second ensemble: a scenario name or an ensemble id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Put two stored ensembles side by side: who is first in each, and the differences.

    A scenario name stands for its latest ensemble in the store.
    """
    from spacerace.ensemble.compare import compare_summaries, find_ensemble, print_comparison
    from spacerace.ensemble.summary import summary_from_store
    from spacerace.store.db import Store

    with Store(db, read_only=True) as store:
        refs = [find_ensemble(store, ref) for ref in (a, b)]
        summaries = [summary_from_store(store, r.scenario_hash, r.version, r.seeds) for r in refs]
    result = compare_summaries(*summaries)
    result["a"]["ensemble_id"], result["b"]["ensemble_id"] = (r.ensemble_id for r in refs)
    if as_json:
        from spacerace.cli import render

        render.print_json(result)
        return
    print_comparison(result)


def _ensemble_json(done, backend: str, workers: int, where: Path) -> dict:
    return {
        "ensemble_id": done.ensemble_id,
        "scenario": done.scenario,
        "scenario_hash": done.scenario_hash,
        "version": done.version,
        "seeds": [done.seed_base, done.seed_base + done.n - 1],
        "played": done.played,
        "skipped": done.skipped,
        "backend": backend,
        "workers": workers,
        "elapsed_s": round(done.elapsed_s, 3),
        "db": str(where),
    }


def _ensemble_line(done, backend: str, workers: int, where: Path) -> str:
    rate = f" ({done.played / done.elapsed_s:.1f} timelines/s)" if done.played else ""
    return (
        f"ensemble {done.ensemble_id}: played {done.played}, found {done.skipped} already "
        f"stored; {backend} with {workers} worker(s), {done.elapsed_s:.1f} s{rate}; "
        f"stored in {where}"
    )


class _Kept:
    """What an interrupted ensemble kept: its runs in the store, told to the entry point.

    :func:`spacerace.ensemble.runner.run_ensemble` counts the stored runs itself when the
    Ctrl-C comes while it plays. A Ctrl-C before (asking the store what it holds) or after
    (the summary, the plots), or a second one while the workers stop, is caught elsewhere:
    by :func:`ensemble` from the store's count, or by the entry point from the count told
    after each stored chunk (:func:`spacerace.cli.entry.tell_kept`).
    """

    def __init__(self, store, scenario_hash: str, seeds: range):
        self._store = store
        self._hash = scenario_hash
        self._seeds = seeds
        self._stored = 0

    def start(self, stored: int) -> None:
        self._stored = stored
        tell_kept(self.line(stored))

    def advance(self, records: list) -> None:
        self._stored += len(records)
        tell_kept(self.line(self._stored))

    def counted(self) -> str:
        """The line, from the store's count (the last count told if the store cannot say)."""
        from spacerace import __version__

        try:
            stored = self._store.existing_seeds(self._hash, __version__)
            return self.line(sum(1 for s in self._seeds if s in stored))
        except Exception:  # the store cannot be asked now: what was counted as it went
            return self.line(self._stored)

    def line(self, stored: int) -> str:
        n, where = len(self._seeds), self._store.path
        if stored >= n:
            return f"all {n} runs stored in {where}; run the same command for the summary"
        return f"{stored} of {n} runs stored in {where}; run the same command to finish"


class _Progress:
    """A Rich progress bar on stderr, fed by the ensemble's callbacks (no-op when not a tty)."""

    def __init__(self, bar, label: str):
        self._bar = bar
        self._label = label
        self._task = None

    def start(self, todo: int, stored: int) -> None:
        if self._bar is not None:
            label = self._label + (f" ({stored} already stored)" if stored else "")
            self._task = self._bar.add_task(label, total=todo)

    def advance(self, records: list) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, len(records))


@contextlib.contextmanager
def _progress(label: str):
    if not sys.stderr.isatty():
        yield _Progress(None, label)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield _Progress(bar, label)
