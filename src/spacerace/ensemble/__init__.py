"""Many runs: seeds over serial, process and Dask backends, streamed into the store.

``run_ensemble`` plays the seeds a store lacks (resumable); ``run_seeds`` is the backend
layer below it; ``summarize`` and ``compare_summaries`` turn stored runs into answers with
95 % intervals. Dask is imported only when its backend is chosen.
"""

from spacerace.ensemble.backends import BACKENDS, check_backend, run_seeds
from spacerace.ensemble.compare import compare_summaries, find_ensemble
from spacerace.ensemble.runner import EnsembleRun, run_ensemble
from spacerace.ensemble.summary import rows_from_records, rows_from_store, summarize

__all__ = [
    "BACKENDS",
    "EnsembleRun",
    "check_backend",
    "compare_summaries",
    "find_ensemble",
    "rows_from_records",
    "rows_from_store",
    "run_ensemble",
    "run_seeds",
    "summarize",
]
