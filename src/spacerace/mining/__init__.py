"""Asteroid capture and mining from the real near-Earth asteroid catalogue.

Imports only ``astro``, ``catalog`` and ``errors``. The entry points:

* :func:`rank_candidates` — the best capture targets known in a year, with designed
  trajectories, value, cost and profit (:class:`Candidate` rows);
* :func:`cached_rank_candidates` — the same, memoised per process (for the engine);
* :func:`screen` — the cheap analytic screening of every known object;
* :func:`candidate_for` — one named object's designed capture;
* :func:`porkchops_for` — both legs' delta-v over the date grid, for plots.

``docs/asteroids.md`` describes the model, its sources and its accuracy.
"""

from spacerace.mining.capture import SearchGrid
from spacerace.mining.destinations import DESTINATIONS
from spacerace.mining.economics import Architecture
from spacerace.mining.ranking import (
    Candidate,
    cached_rank_candidates,
    candidate_for,
    porkchops_for,
    rank_candidates,
)
from spacerace.mining.screening import Screening, screen

__all__ = [
    "DESTINATIONS",
    "Architecture",
    "Candidate",
    "Screening",
    "cached_rank_candidates",
    "SearchGrid",
    "candidate_for",
    "porkchops_for",
    "rank_candidates",
    "screen",
]
