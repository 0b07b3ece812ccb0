"""Backends: the same seeds give the same rows and the same summary bytes on every backend."""

import json

import pytest

from spacerace.ensemble.backends import default_chunk_size, run_seeds
from spacerace.ensemble.summary import rows_from_records, summarize
from spacerace.errors import InputError

from .conftest import SEEDS, content


def _summary_bytes(records) -> bytes:
    return json.dumps(summarize(rows_from_records(records)), sort_keys=True).encode()


def test_serial_streams_chunks_in_seed_order(fam):
    chunks = []
    n = run_seeds(fam, [5, 6, 7], chunk_size=2, on_records=chunks.append)
    assert n == 3
    assert [[r.run["seed"] for r in c] for c in chunks] == [[5, 6], [7]]


@pytest.mark.slow
def test_processes_equal_serial(fam, serial_records):
    chunks = []
    n = run_seeds(
        fam, SEEDS, backend="processes", workers=2, chunk_size=2, on_records=chunks.append
    )
    got = [r for c in chunks for r in c]
    assert n == len(got) == len(SEEDS)
    assert all(len(c) <= 2 for c in chunks)  # streamed chunk by chunk, not all at the end
    assert content(got) == content(serial_records)
    assert _summary_bytes(got) == _summary_bytes(serial_records)


def test_summary_does_not_depend_on_arrival_order(serial_records):
    shuffled = serial_records[6:] + serial_records[:6][::-1]
    assert _summary_bytes(shuffled) == _summary_bytes(serial_records)


def test_chunk_size_default():
    assert default_chunk_size(10_000, 8) == 10
    assert default_chunk_size(12, 2) == 2  # four tasks per worker at least
    assert default_chunk_size(1, 1) == 1


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"backend": "threads"}, "--backend threads: expected one of serial, processes, dask"),
        ({"workers": 0}, "--workers 0: expected at least 1"),
        ({"chunk_size": 0}, "chunk size 0"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "needs --backend dask"),
    ],
)
def test_bad_arguments_are_input_errors(fam, kwargs, message):
    with pytest.raises(InputError, match=message.replace(".", r"\.")):
        run_seeds(fam, [1], **kwargs)


def test_negative_seed(fam):
    with pytest.raises(InputError, match="seed -1"):
        run_seeds(fam, [-1])


def test_no_seeds_no_work(fam):
    assert run_seeds(fam, [], backend="processes", workers=2) == 0


def test_dask_missing_names_the_extra(fam, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(InputError) as info:
        run_seeds(fam, [0], backend="dask")
    assert str(info.value) == (
        "the dask backend needs the dask extra: pip install 'spacerace[dask]'"
    )
