"""An ensemble: seeds ``base .. base+n-1`` of one scenario, played and stored, resumable.

A run is identified by (scenario content hash, seed, spacerace version), so an ensemble asks
the store which of its seeds are already there and plays only the others: an interrupted
ensemble, run again with the same arguments, finishes exactly the missing seeds.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from spacerace import __version__
from spacerace.ensemble.backends import check_backend, run_seeds
from spacerace.errors import InputError, Interrupted

if TYPE_CHECKING:
    from spacerace.scenario.model import Scenario
    from spacerace.store.records import RunRecord

__all__ = ["EnsembleRun", "EnsembleStore", "run_ensemble", "scenario_source_text"]


class EnsembleStore(Protocol):
    """What an ensemble needs of a store (``store.db.Store``, or ``MemoryStore`` in tests)."""

    def add_scenario(self, scenario_hash: str, name: str, source_text: str) -> object:
        """Keep the scenario's text under its content hash."""

    def existing_seeds(self, scenario_hash: str, version: str) -> set[int]:
        """Seeds already stored for this scenario content and version."""

    def write_runs(self, records: list[RunRecord], ensemble_id: str | None = None) -> int:
        """Store runs in one transaction; a run already there is left as it is."""

    def start_ensemble(
        self,
        *,
        scenario: str,
        scenario_hash: str,
        base_seed: int,
        n: int,
        backend: str,
        workers: int,
        ensemble_id: str | None = None,
    ) -> str:
        """Record an ensemble's start (or resumption) and what it asks for; return its id."""

    def finish_ensemble(self, ensemble_id: str, status: str = "done") -> object:
        """Record that an ensemble ended: ``done`` or ``interrupted``."""


@dataclass(frozen=True)
class EnsembleRun:
    """What an ensemble did.

    Attributes:
        ensemble_id: ``"{scenario_hash}-{seed_base}-{n}-{version}"``: the same request gets
            the same id, so a resumed ensemble keeps it.
        scenario: Scenario name.
        scenario_hash: Scenario content hash.
        version: spacerace version the runs were played with.
        seed_base: First seed.
        n: Number of seeds (``seed_base .. seed_base + n - 1``).
        played: Seeds played now.
        skipped: Seeds found in the store and not played again.
        elapsed_s: Wall time of the playing, seconds.
    """

    ensemble_id: str
    scenario: str
    scenario_hash: str
    version: str
    seed_base: int
    n: int
    played: int
    skipped: int
    elapsed_s: float

    @property
    def seeds(self) -> range:
        """The ensemble's seeds."""
        return range(self.seed_base, self.seed_base + self.n)


def run_ensemble(
    scenario: Scenario,
    n: int,
    store: EnsembleStore,
    *,
    seed_base: int = 0,
    backend: str = "serial",
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int | None = None,
    on_records: Callable[[list[RunRecord]], object] | None = None,
    on_start: Callable[[int, int], object] | None = None,
) -> EnsembleRun:
    """Play the seeds of an ensemble that the store lacks, writing each chunk as it finishes.

    Args:
        scenario: The validated scenario.
        n: Number of seeds, at least 1.
        store: Where runs go (one transaction per chunk: a run is stored whole or not at all).
        seed_base: First seed.
        backend: ``serial``, ``processes`` or ``dask`` (see :func:`~.backends.run_seeds`).
        workers: Worker processes.
        scheduler: Dask scheduler address (``dask`` only).
        chunk_size: Seeds per task (default: chosen by the backend module).
        on_records: Also called with each stored chunk (a progress bar, say).
        on_start: Called once with (seeds to play, seeds already stored) before playing.

    Returns:
        What was played and what was skipped.

    Raises:
        Interrupted: Ctrl-C (KeyboardInterrupt) while playing: the workers are stopped, the
            chunks stored so far are kept, and the message says how many runs the store holds.

    Example:
        >>> from spacerace.ensemble.memory import MemoryStore
        >>> from spacerace.scenario.loader import load_scenario
        >>> store, history = MemoryStore(), load_scenario("history")
        >>> run_ensemble(history, 2, store).played
        2
        >>> again = run_ensemble(history, 3, store)
        >>> again.played, again.skipped
        (1, 2)
    """
    if n < 1:
        raise InputError(f"-n {n}: expected at least 1 timeline")
    if seed_base < 0:
        raise InputError(f"--seed {seed_base}: expected a non-negative integer")
    check_backend(backend, workers, scheduler, chunk_size)  # before the store records anything
    scenario_hash = scenario.content_hash()
    ensemble_id = f"{scenario_hash}-{seed_base}-{n}-{__version__}"
    wanted = range(seed_base, seed_base + n)
    stored = store.existing_seeds(scenario_hash, __version__)
    todo = [s for s in wanted if s not in stored]
    if on_start is not None:
        on_start(len(todo), n - len(todo))
    store.add_scenario(scenario_hash, scenario.name, scenario_source_text(scenario))
    store.start_ensemble(
        scenario=scenario.name,
        scenario_hash=scenario_hash,
        base_seed=seed_base,
        n=n,
        backend=backend,
        workers=workers,
        ensemble_id=ensemble_id,
    )

    kept = [n - len(todo)]  # runs of the ensemble in the store

    def keep(records: list[RunRecord]) -> None:
        store.write_runs(records, ensemble_id)
        kept[0] += len(records)
        if on_records is not None:
            on_records(records)

    t0 = time.perf_counter()
    try:
        played = run_seeds(
            scenario,
            todo,
            backend=backend,
            workers=workers,
            scheduler=scheduler,
            chunk_size=chunk_size,
            on_records=keep,
        )
    except BaseException as exc:  # Ctrl-C, a lost worker: the chunks stored so far stay
        with contextlib.suppress(Exception):
            store.finish_ensemble(ensemble_id, "interrupted")
        if isinstance(exc, KeyboardInterrupt):
            with contextlib.suppress(Exception):  # the store's count: a chunk may have been
                # committed just before the interrupt, which its callback never saw
                kept[0] = len(store.existing_seeds(scenario_hash, __version__) & set(wanted))
            where = getattr(store, "path", None)
            raise Interrupted(
                f"{kept[0]} of {n} runs stored{f' in {where}' if where else ''}; "
                "run the same command to finish"
            ) from None
        raise
    elapsed = time.perf_counter() - t0
    store.finish_ensemble(ensemble_id, "done")
    return EnsembleRun(
        ensemble_id=ensemble_id,
        scenario=scenario.name,
        scenario_hash=scenario_hash,
        version=__version__,
        seed_base=seed_base,
        n=n,
        played=played,
        skipped=n - len(todo),
        elapsed_s=elapsed,
    )


def scenario_source_text(scenario: Scenario) -> str:
    """The TOML text a scenario was read from ("" when it was parsed from a string)."""
    source = scenario.source
    if source.startswith("builtin:"):
        name = source.removeprefix("builtin:")
        builtin = resources.files("spacerace.scenario.builtin").joinpath(f"{name}.toml")
        return builtin.read_text("utf-8")
    try:
        return Path(source).read_text(encoding="utf-8") if source else ""
    except OSError:
        return ""
