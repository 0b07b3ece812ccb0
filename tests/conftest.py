"""Shared fixtures: the ephemeris, and Skyfield (an independent reader of DE421) as an oracle."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def eph():
    from spacerace.catalog.ephemeris import load_de421

    return load_de421()


@pytest.fixture(scope="session")
def skyfield_de421():
    """Skyfield's own loader over the same de421.bsp, and its built-in time scale."""
    from skyfield.api import Loader

    from spacerace.catalog.ephemeris import de421_path

    load = Loader(os.path.dirname(de421_path()))
    planets = load("de421.bsp")
    yield planets, load.timescale(builtin=True)
    planets.close()
