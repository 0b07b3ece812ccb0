"""Work off the event loop: a pool of worker processes, and ensembles with their progress.

:class:`Workers` runs :mod:`spacerace.web.work` functions in ``spawn`` worker processes
(never ``fork``: the server has threads) and refuses new work past
:data:`~spacerace.web.limits.MAX_COMPUTE_JOBS` in flight; answers are kept in a small cache
keyed by their arguments (they are pure functions of them).

:class:`Ensembles` plays ensembles with the library's own runner
(``ensemble.runner.run_ensemble`` on its ``processes`` backend: the timelines run in its
worker processes, the thread here only writes each finished chunk to the store and counts
it) and refuses a new one while :data:`~spacerace.web.limits.MAX_ENSEMBLES` play.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import itertools
import multiprocessing
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from spacerace.errors import InputError, SpaceRaceError, StoreError
from spacerace.web.limits import MAX_COMPUTE_JOBS, MAX_ENSEMBLES, Busy, NotFound

__all__ = ["EnsembleJob", "Ensembles", "Workers"]

ANSWER_CACHE_SIZE = 32
"""Worker answers kept (a porkchop's JSON is at most a few MB)."""


class Workers:
    """A bounded pool of worker processes for the engine and the numerics.

    Args:
        processes: Worker processes.
    """

    def __init__(self, processes: int = 1):
        self.processes = processes
        self._pool: cf.ProcessPoolExecutor | None = None
        self._in_flight = 0
        self._lock = threading.Lock()
        self._answers: OrderedDict[tuple, object] = OrderedDict()

    def _executor(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = cf.ProcessPoolExecutor(max_workers=self.processes, mp_context=context)
        return self._pool

    async def run(self, fn, *args, key: tuple | None = None, cache: bool = True,
                  bounded: bool = True):  # fmt: skip
        """Run ``fn(*args)`` in a worker process and return its answer, cached by ``key``.

        ``key`` defaults to the function's name and arguments (which must then be hashable).
        ``cache=False``: not a pure function of its arguments (a play turn), never cached.
        ``bounded=False``: not counted against :data:`MAX_COMPUTE_JOBS` (a play turn, which
        its own bound limits: one in flight per game, ``MAX_GAMES`` games).

        Raises:
            Busy: :data:`MAX_COMPUTE_JOBS` are already queued or running.
            InputError: What ``fn`` raised for bad input.
        """
        if cache:
            key = (fn.__name__, *args) if key is None else (fn.__name__, *key)
        with self._lock:
            if cache and key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
            if bounded and self._in_flight >= MAX_COMPUTE_JOBS:
                raise Busy(
                    f"{self._in_flight} computations are already running (at most "
                    f"{MAX_COMPUTE_JOBS}); try again when one has finished"
                )
            self._in_flight += bounded
            pool = self._executor()
        try:
            answer = await asyncio.wrap_future(pool.submit(_call, fn, *args))
        except cf.process.BrokenProcessPool:
            with self._lock:
                self._pool = None  # a worker died (killed, out of memory): start afresh
            raise StoreError("a worker process died; nothing was changed, try again") from None
        finally:
            with self._lock:
                self._in_flight -= bounded
        if not cache:
            return answer
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > ANSWER_CACHE_SIZE:
                self._answers.popitem(last=False)
        return answer

    def shutdown(self) -> None:
        """Stop the worker processes (running work is cancelled)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _call(fn, *args):
    """Run ``fn`` in the worker; its InputError comes back as a plain, picklable one.

    Some of the library's errors carry data in their constructor (``UnknownAsteroidError``)
    and do not unpickle in the server; the line and the kind (unknown name: 404) are kept.
    """
    try:
        return fn(*args)
    except InputError as exc:
        if isinstance(exc, KeyError):  # an unknown name: asteroid, body, destination
            raise NotFound(str(exc)) from None
        raise InputError(str(exc)) from None


@dataclass
class EnsembleJob:
    """One ensemble started from the page.

    Attributes:
        job_id: Short id of the job (``e1``, ``e2``, ... in this server's life).
        scenario: Scenario name.
        n: Timelines asked for.
        seed: First seed.
        status: ``starting``, ``running``, ``done`` or ``failed``.
        todo: Seeds to play (the store lacked them).
        stored_before: Seeds the store already had.
        played: Seeds played and stored so far.
        ensemble_id: The store's id of the ensemble (set once it starts).
        message: Why it failed, in one line ("" otherwise).
        started: ``time.monotonic()`` at the start.
        elapsed_s: Seconds from start to end (while running: so far).
    """

    job_id: str
    scenario: str
    n: int
    seed: int
    status: str = "starting"
    todo: int = 0
    stored_before: int = 0
    played: int = 0
    ensemble_id: str = ""
    message: str = ""
    started: float = field(default_factory=time.monotonic)
    elapsed_s: float = 0.0

    def state(self) -> dict:
        """A JSON-ready snapshot (what the progress stream sends)."""
        elapsed = (
            self.elapsed_s if self.status in ("done", "failed") else time.monotonic() - self.started
        )
        return {
            "job_id": self.job_id,
            "scenario": self.scenario,
            "n": self.n,
            "seed": self.seed,
            "status": self.status,
            "todo": self.todo,
            "stored_before": self.stored_before,
            "played": self.played,
            "ensemble_id": self.ensemble_id,
            "message": self.message,
            "elapsed_s": round(elapsed, 1),
        }


class Ensembles:
    """Ensembles played in the background and written to the store, at most a few at once.

    Args:
        store: Gives a Store (a context manager) for the ensemble's thread: the server's
            own open store, so the runs go through the one process that writes the file.
        workers: Worker processes each ensemble plays on.
    """

    def __init__(self, store, workers: int = 1):
        self._store = store
        self.workers = workers
        self._jobs: dict[str, EnsembleJob] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)

    def running(self) -> list[EnsembleJob]:
        """Jobs not finished yet."""
        with self._lock:
            return [j for j in self._jobs.values() if j.status in ("starting", "running")]

    def all(self) -> list[EnsembleJob]:
        """Every job of this server's life, newest first."""
        with self._lock:
            return list(reversed(self._jobs.values()))

    def get(self, job_id: str) -> EnsembleJob:
        """One job; NotFound if this server never started it."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no ensemble job {job_id[:40]!r} on this server")
        return job

    def start(self, scenario, n: int, seed: int) -> EnsembleJob:
        """Start playing ``n`` timelines of a validated scenario from ``seed``; return the job.

        Raises:
            Busy: :data:`MAX_ENSEMBLES` ensembles are playing already.
        """
        with self._lock:
            busy = [j for j in self._jobs.values() if j.status in ("starting", "running")]
            if len(busy) >= MAX_ENSEMBLES:
                raise Busy(
                    f"ensemble {busy[0].job_id} ({busy[0].scenario}, {busy[0].played} of "
                    f"{busy[0].todo} played) is still running; at most {MAX_ENSEMBLES} at once"
                )
            job = EnsembleJob(f"e{next(self._ids)}", scenario.name, n, seed)
            self._jobs[job.job_id] = job
        thread = threading.Thread(
            target=self._play, args=(job, scenario), name=f"ensemble-{job.job_id}", daemon=True
        )
        thread.start()
        return job

    def _play(self, job: EnsembleJob, scenario) -> None:
        from spacerace.ensemble.runner import run_ensemble

        def on_start(todo: int, stored: int) -> None:
            job.todo, job.stored_before, job.status = todo, stored, "running"

        def on_records(records: list) -> None:
            job.played += len(records)

        try:
            with self._store() as store:
                done = run_ensemble(
                    scenario,
                    job.n,
                    store,
                    seed_base=job.seed,
                    backend="processes",
                    workers=self.workers,
                    on_start=on_start,
                    on_records=on_records,
                )
            job.ensemble_id = done.ensemble_id
            job.status = "done"
        except (SpaceRaceError, InputError, OSError) as exc:
            job.message, job.status = " ".join(str(exc).split()), "failed"
        except Exception as exc:  # a bug or a lost worker: said in one line, kept in the log
            job.message, job.status = f"{type(exc).__name__}: {exc}", "failed"
        finally:
            job.elapsed_s = time.monotonic() - job.started
