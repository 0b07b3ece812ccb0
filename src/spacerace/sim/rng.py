"""Named random streams: one per concern, so adding a process never shifts another's draws."""

from __future__ import annotations

import zlib

import numpy as np

__all__ = ["stream"]


def stream(seed: int, name: str) -> np.random.Generator:
    """Return the generator for one concern of one run.

    Args:
        seed: The run's seed.
        name: The concern (``"missions"``, ``"politics"``, ...).

    Example:
        >>> a = stream(7, "missions").random()
        >>> a == stream(7, "missions").random() != stream(7, "politics").random()
        True
    """
    key = zlib.crc32(name.encode())  # stable across processes, unlike hash()
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(key,)))
