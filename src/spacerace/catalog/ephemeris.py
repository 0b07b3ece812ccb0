"""The DE421 planetary ephemeris shipped by the ``skyfield-data`` package.

DE421 (Folkner, Williams & Boggs 2008, JPL IPN Progress Report 42-178) covers 1899-07-29 to
2053-10-09. ``skyfield-data`` ships it as ``de421.bsp``; we open the file by its package path
rather than through ``skyfield_data.get_skyfield_data_path()``, which warns that the
package's *Earth-orientation* file has expired: that file plays no part in spacerace, and a
user should never see a warning that means nothing to them.
"""

from __future__ import annotations

import atexit
from functools import lru_cache
from importlib import resources

from spacerace.astro.ephemeris import Ephemeris

__all__ = ["de421_path", "load_de421"]


def de421_path() -> str:
    """Return the file path of the DE421 kernel inside the installed skyfield-data package."""
    return str(resources.files("skyfield_data").joinpath("data", "de421.bsp"))


@lru_cache(maxsize=1)
def load_de421() -> Ephemeris:
    """Open DE421 once per process and return it as an :class:`Ephemeris`."""
    from jplephem.spk import SPK

    spk = SPK.open(de421_path())
    atexit.register(spk.close)  # the process keeps one open kernel; close it cleanly at exit
    return Ephemeris(spk, name="DE421")
