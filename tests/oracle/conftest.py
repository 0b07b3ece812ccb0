"""tests/oracle: comparisons with hapsira 0.18, whose pins (matplotlib < 3.8, so NumPy < 2)
the main environment does not follow. `make test` runs them in .venv-oracle with
SPACERACE_ORACLE=1; there a missing peer is an error, never a skip. Elsewhere they skip and
say why."""

import os

if os.environ.get("SPACERACE_ORACLE"):
    import astropy  # noqa: F401
    import hapsira  # noqa: F401
