"""Ensembles: resuming plays exactly the missing seeds; ids are stable; errors are one line."""

import pytest

from spacerace import __version__
from spacerace.ensemble.memory import MemoryStore
from spacerace.ensemble.runner import run_ensemble, scenario_source_text
from spacerace.errors import InputError

from .conftest import content


class CountingStore(MemoryStore):
    """A MemoryStore that remembers which seeds each write brought."""

    def __init__(self):
        super().__init__()
        self.written_seeds = []

    def write_runs(self, records, ensemble_id=None):
        self.written_seeds += [r.run["seed"] for r in records]
        return super().write_runs(records, ensemble_id)


def test_resume_plays_exactly_the_missing_seeds(fam, serial_records):
    store = CountingStore()
    half = run_ensemble(fam, 6, store)  # an "interrupted" ensemble: the first half of 12
    assert (half.played, half.skipped) == (6, 0)
    assert store.written_seeds == list(range(6))
    whole = run_ensemble(fam, 12, store, backend="processes", workers=2)
    assert (whole.played, whole.skipped) == (6, 6)
    assert sorted(store.written_seeds) == list(range(12))  # each seed written once
    assert content(store.records()) == content(serial_records)
    again = run_ensemble(fam, 12, store)
    assert (again.played, again.skipped) == (0, 12)
    assert whole.ensemble_id == again.ensemble_id == f"{fam.content_hash()}-0-12-{__version__}"
    assert store.ensembles[whole.ensemble_id]["status"] == "done"


def test_an_ensemble_keeps_the_facts_table_of_every_run(fam, planners):
    from spacerace.sim.engine import run_timeline

    store = MemoryStore()
    run_ensemble(fam, 2, store, seed_base=30, backend="processes", workers=2)
    for record in store.records():
        played = run_timeline(fam, record.run["seed"], planner=planners["for-all-mankind"])
        assert store.missions(record.run["run_id"]) == played.mission_rows()
    assert store.missions("no-such-run") == []


def test_resume_after_a_crash_mid_ensemble(fam):
    class Crash(Exception):
        pass

    class CrashingStore(CountingStore):
        def write_runs(self, records, ensemble_id=None):
            if len(self.runs) >= 4:
                raise Crash
            return super().write_runs(records, ensemble_id)

    store = CrashingStore()
    with pytest.raises(Crash):
        run_ensemble(fam, 8, store, chunk_size=2)
    assert store.existing_seeds(fam.content_hash(), __version__) == {0, 1, 2, 3}
    assert store.ensembles[f"{fam.content_hash()}-0-8-{__version__}"]["status"] == "interrupted"
    store.__class__ = CountingStore  # the crash was transient
    resumed = run_ensemble(fam, 8, store, chunk_size=2)
    assert (resumed.played, resumed.skipped) == (4, 4)
    assert store.written_seeds == [0, 1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    "kwargs, message",
    [({"n": 0}, "-n 0: expected at least 1"), ({"n": 2, "seed_base": -1}, "--seed -1")],
)
def test_bad_ensemble_arguments(fam, kwargs, message):
    with pytest.raises(InputError, match=message):
        run_ensemble(fam, store=MemoryStore(), **kwargs)


def test_source_text_of_a_builtin_is_its_toml(fam):
    assert "[scenario]" in scenario_source_text(fam)
