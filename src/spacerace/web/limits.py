"""The web server's bounds: request sizes, ids, grids, and how much work runs at once.

Each bound is a size a person at the page never meets and a script cannot use to make the
server spend unbounded memory or time; a request past one is refused with a 4xx and one line
saying which bound, before any work starts.
"""

from __future__ import annotations

import re

from spacerace.errors import InputError

__all__ = [
    "ID_PATTERN",
    "MAX_BODY_BYTES",
    "MAX_COMPUTE_JOBS",
    "MAX_ENSEMBLES",
    "MAX_ENSEMBLE_RUNS",
    "MAX_GAMES",
    "MAX_ID_CHARS",
    "MAX_QUERY_CHARS",
    "Busy",
    "NotFound",
]

MAX_BODY_BYTES = 16_384
"""Largest request body, bytes. The pages post small forms (a scenario name, two numbers)."""

MAX_QUERY_CHARS = 4_096
"""Longest query string, characters (a search, a porkchop's ranges)."""

MAX_ID_CHARS = 200
"""Longest id in a path (run ids are about 25 characters; person names under 60)."""

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._:'()-]*")
"""What an id may hold: letters, digits, space, ``. _ : ' ( ) -``; no slash or backslash."""

MAX_ENSEMBLES = 1
"""Ensembles playing at once. Each uses every worker it is given; a second one would only
share the same cores, so it is refused until the first ends."""

MAX_ENSEMBLE_RUNS = 10_000
"""Most timelines in an ensemble started from the page (about 1.5 hours on 2 cores at the
engine's ~2 timelines/s; larger ones belong on the command line or a Dask cluster)."""

MAX_COMPUTE_JOBS = 4
"""Porkchops, asteroid rankings and replays queued or running in the worker processes at once."""

MAX_PORKCHOP_POINTS = 90_000
"""Largest porkchop grid a page asks for (300 x 300: the JSON is about 3 MB; a finer grid
adds nothing to a screen-sized heatmap)."""

MAX_RANK_DESIGNS = 200
"""Most trajectory designs in a ranking from the page (0.1-0.2 s each)."""

MAX_RANK_TOP = 100
"""Most asteroid targets listed on the page."""

MAX_GAMES = 8
"""Games held in memory at once (a game's views and news: under 1 MB; in its worker, one
run's state: a few MB). Past it a new or resumed game is refused (429) unless a game has
been idle for :data:`GAME_IDLE_S` or is over: that one is put aside (its save stays on disk,
and it resumes from the saved games list)."""

GAME_IDLE_S = 900.0
"""Seconds without a turn after which a game in memory may be put aside for a new one
(a person thinking over a turn for 15 minutes finds it resumed from its save: one replay)."""

MAX_SAVED_GAMES_LISTED = 100
"""Most saved games the play page lists (the most recent first)."""

SERVER_MEMORY_LIMIT = "256MB"
"""DuckDB's buffer pool in the server. The store's writer default (32 MB, sized for an
ensemble's parent) made 20 concurrent ensemble summaries fail with DuckDB's out-of-memory
error (measured with bench/bench_web.py); the server's RSS with it is in docs/benchmarks.md."""

RUN_CACHE_SIZE = 8
"""Runs kept in memory (a whole run's events and missions: about 1-2 MB each)."""

SEARCH_RESULTS = 200
"""Most events one search returns (the page says when there are more)."""


class NotFound(InputError):
    """An unknown run, scenario, agency, person, base, ensemble or job: HTTP 404."""


class Busy(InputError):
    """Too much work already running: HTTP 429, with what to wait for."""
