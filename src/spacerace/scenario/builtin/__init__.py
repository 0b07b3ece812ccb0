"""The built-in scenarios, as TOML files (package data); ``scenario.loader`` reads them.

- ``for-all-mankind.toml``: the series' history; only the divergence (Leonov on the Moon,
  26 June 1969) is scripted, everything after it must emerge from the engine.
- ``history.toml``: real history, no divergence; the engine's calibration baseline.
- ``star-city.toml``: the for-all-mankind world seen from the Soviet side, with heavier
  Soviet bureaucracy.

Their layout is described in ``docs/scenarios.md``.
"""
