"""How a launcher's failure rate falls as it flies: one curve fitted to the real record.

Launchers fail most on their first flights and less the more they have flown (reliability
growth; J. T. Duane 1964). Over the real record (``catalog/data/launch_record.csv``, GCAT
1957-2024: 6,817 launches of 255 families) the failure chance of a family's flight n + 1 is
fitted by maximum likelihood as

    q(n) = first * ((n0 + n) / n0) ** -slope

(mechanics ``missions.launch_first_failure``, ``launch_growth_n0``, ``launch_growth_slope``;
``tests/world/test_launch_growth.py`` fits it again and checks it against the record's
failure rates by experience). A vehicle is that curve scaled by its own real record,
``scale = (failures + 1) / (expected + 1)``: its real failures over those the curve expects
of as many flights, one added to each (a gamma prior of mean one, so a short record moves it
little); its simulated flights come after its real ones on the curve.

A launch is drawn at these odds. The Beta belief of ``world.vehicle.VehicleRecord`` (what the
agencies plan with) learns from the outcomes; the odds do not. Before 2026-12-03 each launch
was drawn at that belief and fed it back: a Polya urn that left a vehicle with a short real
record wherever its first simulated flights put it (Energia 0.53-0.71 after hundreds of
flights, the series' N1 0.77-0.98, over six for-all-mankind seeds).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

__all__ = ["class_failure", "expected_failures", "family_flights", "launch_odds"]


def class_failure(n: float, first: float, n0: float, slope: float) -> float:
    """Failure chance of a launcher's flight ``n + 1`` (``n`` flown before) on the curve.

    Example:
        >>> round(class_failure(0, 0.347, 0.214, 0.341), 3)  # a first flight
        0.347
        >>> round(class_failure(100, 0.347, 0.214, 0.341), 3)  # the 101st
        0.043
    """
    return first * ((n0 + n) / n0) ** -slope


@lru_cache(maxsize=256)
def expected_failures(flights: int, first: float, n0: float, slope: float) -> float:
    """Failures the curve expects of a launcher's first ``flights`` flights."""
    return sum(class_failure(n, first, n0, slope) for n in range(flights))


def launch_odds(
    successes: int, failures: int, simulated: int, first: float, n0: float, slope: float
) -> tuple[float, float, float]:
    """Odds of a vehicle's next launch: (the curve's odds, its record's scale, the odds).

    Args:
        successes: Successes of its real record.
        failures: Failures of its real record.
        simulated: Its simulated flights so far (they follow the real ones on the curve).
        first: Failure chance of a first flight (``launch_first_failure``).
        n0: Experience scale of the curve, flights (``launch_growth_n0``).
        slope: How fast failures fall with experience (``launch_growth_slope``).

    Example:
        >>> curve = (0.347, 0.214, 0.341)
        >>> [round(x, 3) for x in launch_odds(0, 0, 0, *curve)]  # a new vehicle: the curve
        [0.653, 1.0, 0.653]
        >>> [round(x, 3) for x in launch_odds(0, 4, 0, *curve)]  # the real N1, 0 of 4
        [0.874, 2.728, 0.657]
    """
    real = successes + failures
    q = class_failure(real + simulated, first, n0, slope)
    scale = (failures + 1.0) / (expected_failures(real, first, n0, slope) + 1.0)
    return 1.0 - q, scale, max(0.0, 1.0 - min(1.0, scale * q))


def family_flights(launches: Iterable) -> list[tuple[int, bool]]:
    """(flights its family had flown before, failed) for each launch, in date order.

    A family is GCAT's ``lv_family``, or the ``lv_type`` where the family is blank (Titan II,
    N1, the 1987 Energiya). ``launches``: ``catalog.vehicles.Launch`` rows.
    """
    flown: dict[str, int] = {}
    out = []
    for launch in sorted(launches, key=lambda x: x.date_iso):
        family = launch.lv_family or launch.lv_type
        n = flown.get(family, 0)
        out.append((n, not launch.success))
        flown[family] = n + 1
    return out
