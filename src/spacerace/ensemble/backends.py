"""Seeds to timelines on one of three backends: serial, local processes, or Dask.

Seeds travel in chunks; a worker runs each seed of its chunk with one mission planner it built
once per process (launch windows cost ~0.5 s) and returns a list of
:class:`~spacerace.store.records.RunRecord`. Chunks are handed to ``on_records`` as they
finish, so a backend never holds more than a few chunks of runs at once; the order chunks
arrive in differs between backends and runs, so whatever stores them must not depend on it
(the store is keyed by ``run_id``; summaries sort by seed).

Dask is an optional extra and imported only here, only when chosen.
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import math
import multiprocessing
import os
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from spacerace.errors import InputError

if TYPE_CHECKING:
    from spacerace.scenario.model import Scenario
    from spacerace.sim.planner import MissionPlanner
    from spacerace.store.records import RunRecord

__all__ = [
    "BACKENDS",
    "DASK_EXTRA_HINT",
    "Sink",
    "check_backend",
    "default_chunk_size",
    "run_seeds",
]

BACKENDS = ("serial", "processes", "dask")

DASK_EXTRA_HINT = "the dask backend needs the dask extra: pip install 'spacerace[dask]'"

CHUNK_SEEDS = 10
"""Most seeds per task. Measured with bench/bench_ensemble.py (200 seeds of for-all-mankind
1969-2003, 2 workers on 2 cores, one timeline with its records ~0.11 s; median of 3 rounds,
docs/benchmarks.md): processes ran 15.95 timelines/s with 1 seed per task, 15.78 with 10,
15.55 with 50 (a pipe round trip costs ~1 ms, so the pool hardly cares); Dask ran 12.57
with 1, 13.66 with 10, 13.28 with 50 (a task costs a few ms of scheduling and a round
trip through the scheduler, ~8 % of a one-seed task). 50 leaves one worker idle while the
other finishes the last chunk (up to ~5 s) and streams to the store in large, late lumps.
10 is best or level on both, and across machines (a Dask cluster) the per-task cost only
grows. :func:`default_chunk_size` shrinks it for small ensembles so every worker gets
several tasks.
"""

_TASKS_PER_WORKER = 4
"""Small ensembles are cut so each worker gets at least this many tasks (load balance)."""

_IN_FLIGHT_PER_WORKER = 2
"""Tasks submitted ahead per worker: enough to keep workers busy, few enough that finished
runs never pile up in memory when the consumer (the store) is slower than the workers."""

CONNECT_TIMEOUT_S = 10.0
"""How long to keep trying a ``--scheduler`` address before giving up, seconds."""

OnRecords = Callable[[list["RunRecord"]], object]


class Sink(Protocol):
    """Anything that takes finished runs, one chunk at a time (the store, a list, a counter)."""

    def write(self, records: list[RunRecord]) -> object:
        """Take one chunk of finished runs."""


def default_chunk_size(n_seeds: int, workers: int) -> int:
    """Seeds per task: at most :data:`CHUNK_SEEDS`, and several tasks per worker.

    Example:
        >>> default_chunk_size(1000, 2), default_chunk_size(12, 2), default_chunk_size(3, 4)
        (10, 2, 1)
    """
    per_task = math.ceil(n_seeds / (max(workers, 1) * _TASKS_PER_WORKER))
    return max(1, min(CHUNK_SEEDS, per_task))


def run_seeds(
    scenario: Scenario,
    seeds: Iterable[int],
    *,
    backend: str = "serial",
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int | None = None,
    on_records: OnRecords | None = None,
) -> int:
    """Play one timeline per seed on a backend; hand each finished chunk to ``on_records``.

    Args:
        scenario: The validated scenario every seed plays.
        seeds: The seeds (non-negative integers); each is played once, in chunks of
            consecutive seeds.
        backend: ``"serial"`` (this process), ``"processes"`` (a local process pool) or
            ``"dask"`` (a local loopback cluster, or the cluster at ``scheduler``).
        workers: Processes for ``processes``, and for ``dask`` without ``scheduler``.
        scheduler: Address of a running Dask scheduler, e.g. ``tcp://10.0.0.5:8786``
            (``dask`` only).
        chunk_size: Seeds per task (default: :func:`default_chunk_size`).
        on_records: Called in this process with each finished chunk, in completion order
            (records inside a chunk are in seed order).

    Returns:
        The number of timelines played.

    Raises:
        InputError: Unknown backend, ``workers`` or ``chunk_size`` below 1, a negative seed,
            ``scheduler`` without the Dask backend, Dask missing, or no scheduler there.

    Example:
        >>> from spacerace.scenario.loader import load_scenario
        >>> got = []
        >>> run_seeds(load_scenario("history"), [3, 4], on_records=got.extend)
        2
        >>> [r.run["seed"] for r in got]
        [3, 4]
    """
    seeds = [int(s) for s in seeds]
    _check(backend, workers, scheduler, chunk_size, seeds)
    size = chunk_size or default_chunk_size(len(seeds), workers)
    chunks = [seeds[i : i + size] for i in range(0, len(seeds), size)]
    deliver = on_records or (lambda records: None)
    if not chunks:
        return 0
    if backend == "serial":
        results = _serial(scenario, chunks)
    elif backend == "processes":
        results = _processes(scenario, chunks, workers)
    else:
        results = _dask(scenario, chunks, workers, scheduler)
    done = 0
    for records in results:
        deliver(records)
        done += len(records)
    return done


def check_backend(
    backend: str, workers: int = 1, scheduler: str | None = None, chunk_size: int | None = None
) -> None:
    """Refuse what :func:`run_seeds` would refuse, before any work or any write is done.

    Checks the arguments, that Dask can be imported for ``dask``, and that a ``scheduler``
    address is well formed and answers.

    Raises:
        InputError: Saying which argument is wrong, or how to install the Dask extra.
    """
    _check(backend, workers, scheduler, chunk_size, [])
    if backend != "dask":
        return
    distributed = _import_distributed()
    if scheduler is not None:
        _check_scheduler(distributed, scheduler)


def _import_distributed():
    try:
        import distributed
    except ImportError:
        raise InputError(DASK_EXTRA_HINT) from None
    return distributed


def _check(
    backend: str, workers: int, scheduler: str | None, chunk_size: int | None, seeds: list[int]
) -> None:
    if backend not in BACKENDS:
        raise InputError(f"--backend {backend}: expected one of {', '.join(BACKENDS)}")
    if workers < 1:
        raise InputError(f"--workers {workers}: expected at least 1")
    if chunk_size is not None and chunk_size < 1:
        raise InputError(f"chunk size {chunk_size}: expected at least 1")
    if scheduler is not None and backend != "dask":
        raise InputError(f"--scheduler {scheduler}: needs --backend dask")
    negative = [s for s in seeds if s < 0]
    if negative:
        raise InputError(f"seed {negative[0]}: expected a non-negative integer")


# --- what a worker does ----------------------------------------------------------------------


def play_chunk(scenario: Scenario, seeds: Sequence[int], planner: MissionPlanner) -> list:
    """Play each seed with a shared planner; return the runs as records, in seed order."""
    from spacerace.sim.engine import run_timeline
    from spacerace.store.records import record_of

    records = []
    for seed in seeds:
        t0 = time.perf_counter()
        result = run_timeline(scenario, seed, planner=planner)
        records.append(record_of(result, time.perf_counter() - t0))
    return records


_PLANNERS: dict[str, MissionPlanner] = {}
"""This worker process's planners by scenario hash. The one piece of module state here, on
purpose: a worker (a pool process, a Dask worker) lives across many tasks, and building a
planner per task would cost ~0.5 s each. A planner is a pure function of the scenario, so
sharing it cannot change a result (tests compare every backend with serial runs)."""


def _worker_planner(scenario: Scenario) -> MissionPlanner:
    key = scenario.content_hash()
    planner = _PLANNERS.get(key)
    if planner is None:
        _one_thread_per_worker()
        planner = _PLANNERS[key] = _warm_planner(scenario)
    return planner


def _one_thread_per_worker() -> None:
    """Run Numba's parallel kernels on one thread in a worker process.

    The worker processes are the parallelism. Left at its default (a thread per core), each
    worker's OpenMP pool spins on every core: two pool workers building their planners at
    once on 2 cores took 3.3 s each instead of 0.7 s (measured). Dask's nanny sets
    OMP_NUM_THREADS=1 for its workers; a process pool is told here.
    """
    import numba

    numba.set_num_threads(1)


def _warm_planner(scenario: Scenario) -> MissionPlanner:
    from spacerace.sim.engine import make_planner

    planner = make_planner(scenario)
    planner.mars_windows  # noqa: B018 - compute the windows now, not inside the first run
    planner.return_windows  # noqa: B018
    return planner


def _init_worker(scenario: Scenario, parent_pid: int | None = None) -> None:
    """Pool initializer: end with the parent, leave Ctrl-C to it, build the planner now."""
    if parent_pid is not None:
        _end_with_parent(parent_pid)
    _worker_planner(scenario)


WATCHDOG_PERIOD_S = 0.5
"""How often a pool worker checks that its parent is still alive, seconds."""


def _end_with_parent(parent_pid: int) -> None:
    """Make this pool worker end when the ensemble's process does, even on its SIGKILL.

    Ctrl-C reaches every process of the terminal's group: a worker ignores it, and the
    parent stops the pool and says what was kept. On Linux the kernel sends SIGTERM when the
    parent dies (``prctl(PR_SET_PDEATHSIG)``); everywhere a daemon thread checks every
    :data:`WATCHDOG_PERIOD_S` that ``os.getppid()`` is still the parent and exits if not
    (an orphan is adopted by another process). Once the workers are gone the
    multiprocessing resource tracker, which they keep alive, sees its pipe close and ends too.
    """
    import signal
    import sys
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            pr_set_pdeathsig = 1
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent_pid:  # the parent died before the guard was set
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(WATCHDOG_PERIOD_S)
        os._exit(1)

    threading.Thread(target=watch, name="spacerace-parent-watchdog", daemon=True).start()


def _play_in_worker(scenario: Scenario, seeds: list[int]) -> list:
    """The task a pool process or Dask worker runs: one chunk with the process's planner."""
    return play_chunk(scenario, seeds, _worker_planner(scenario))


# --- backends --------------------------------------------------------------------------------


def _serial(scenario: Scenario, chunks: list[list[int]]) -> Iterator[list]:
    planner = _warm_planner(scenario)
    for chunk in chunks:
        yield play_chunk(scenario, chunk, planner)


def _processes(scenario: Scenario, chunks: list[list[int]], workers: int) -> Iterator[list]:
    # A local context, never set_start_method(): the caller's process stays as it was.
    # 'spawn' everywhere: fork would copy a parent's threads and locks (Numba, Matplotlib).
    context = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(scenario, os.getpid()),
    )
    todo = iter(chunks)
    running: dict[cf.Future, int] = {}  # future -> its first seed
    try:
        while True:
            while len(running) < workers * _IN_FLIGHT_PER_WORKER:
                chunk = next(todo, None)
                if chunk is None:
                    break
                running[pool.submit(_play_in_worker, scenario, chunk)] = chunk[0]
            if not running:
                break
            finished, _ = cf.wait(running, return_when=cf.FIRST_COMPLETED)
            for future in sorted(finished, key=running.__getitem__):
                del running[future]
                yield future.result()
    except BaseException:  # Ctrl-C, a failed store: stop now, not after the running chunks
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: cf.ProcessPoolExecutor) -> None:
    """Terminate a pool's worker processes (their chunks are lost; nothing was stored)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)


def _dask(
    scenario: Scenario, chunks: list[list[int]], workers: int, scheduler: str | None
) -> Iterator[list]:
    distributed = _import_distributed()
    with _dask_client(distributed, workers, scheduler) as client:
        slots = max(sum(client.nthreads().values()), workers) * _IN_FLIGHT_PER_WORKER
        todo = iter(chunks)
        first = [next(todo) for _ in range(min(slots, len(chunks)))]
        running = distributed.as_completed(
            [client.submit(_play_in_worker, scenario, c, pure=False) for c in first]
        )
        for future in running:
            records = future.result()
            future.release()
            chunk = next(todo, None)
            if chunk is not None:
                running.add(client.submit(_play_in_worker, scenario, chunk, pure=False))
            yield records


@contextlib.contextmanager
def _dask_client(distributed, workers: int, scheduler: str | None):
    """A Client on a new loopback-only LocalCluster, or on the scheduler at an address."""
    if scheduler is None:
        # Loopback only, no dashboard: nothing listens on or talks to another interface.
        with (
            distributed.LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            yield client
        return
    _check_scheduler(distributed, scheduler)
    try:
        client = distributed.Client(scheduler, timeout=f"{CONNECT_TIMEOUT_S}s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"--scheduler {scheduler}: {_reason(exc)}") from None
    with client:
        yield client


def _check_scheduler(distributed, address: str) -> None:
    """Refuse a malformed or unreachable address before a Client is made.

    (A Client that fails to connect lingers and complains when it is collected.)
    """
    try:
        scheme, location = distributed.comm.parse_address(address)
        host, port = distributed.comm.parse_host_port(location)
        if scheme != "tcp":
            return  # tls, ws, ucx: leave the handshake to the Client
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            pass
    except (OSError, ValueError, TypeError) as exc:
        raise InputError(f"--scheduler {address}: {_reason(exc)}") from None


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, ConnectionRefusedError | TimeoutError | socket.gaierror):
        return f"cannot reach a Dask scheduler there ({text})"
    return f"expected a Dask scheduler address such as tcp://HOST:8786 ({text})"
