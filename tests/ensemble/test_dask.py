"""The Dask backend on a local multi-process cluster, loopback only: same rows as serial."""

import json

import pytest

from spacerace.ensemble.summary import rows_from_records, summarize

from .conftest import SEEDS, content

distributed = pytest.importorskip(
    "distributed", reason="dask[distributed] is not installed: pip install 'spacerace[dask]'"
)

pytestmark = [pytest.mark.dask, pytest.mark.slow]


def test_dask_local_cluster_is_loopback_and_equals_serial(fam, serial_records):
    from spacerace.ensemble.backends import _dask_client, run_seeds

    with _dask_client(distributed, 2, None) as client:
        address = client.scheduler.address
        assert address.startswith("tcp://127.0.0.1:")  # no traffic off the loopback interface
        workers = client.scheduler_info()["workers"]
        assert len(workers) == 2
        assert all(w.startswith("tcp://127.0.0.1:") for w in workers)
        chunks = []
        # Joining a running scheduler by address: the path users take on a real cluster.
        n = run_seeds(
            fam, SEEDS, backend="dask", scheduler=address, chunk_size=2, on_records=chunks.append
        )
    got = [r for c in chunks for r in c]
    assert n == len(got) == len(SEEDS)
    assert content(got) == content(serial_records)
    summary = json.dumps(summarize(rows_from_records(got)), sort_keys=True)
    assert summary == json.dumps(summarize(rows_from_records(serial_records)), sort_keys=True)


def test_dask_backend_starts_its_own_cluster(fam, serial_records):
    from spacerace.ensemble.backends import run_seeds

    got = []
    assert run_seeds(fam, [0, 1, 2], backend="dask", workers=2, on_records=got.extend) == 3
    assert content(got) == content(serial_records[:3])


@pytest.mark.parametrize(
    "address, message",
    [
        ("tcp://127.0.0.1:9", "cannot reach a Dask scheduler there"),  # port 9: discard, closed
        ("tcp://127.0.0.1:notaport", "expected a Dask scheduler address such as tcp://HOST:8786"),
        ("bogus://127.0.0.1:1", "unknown address scheme 'bogus'"),
        ("tcp://127.0.0.1", "expected a Dask scheduler address"),
    ],
)
def test_bad_scheduler_is_an_input_error(fam, address, message):
    from spacerace.ensemble.backends import run_seeds
    from spacerace.errors import InputError

    with pytest.raises(InputError, match=f"--scheduler {address}: .*{message}"):
        run_seeds(fam, [0], backend="dask", scheduler=address)
