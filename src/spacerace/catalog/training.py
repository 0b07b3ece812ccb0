"""Training facilities: how long basic and mission training take, and when people retire.

Rows in ``data/training.csv``; each row's ``basis`` says which figures are cited, derived or
invented (sources in PROVENANCE.md).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["TrainingSpec", "load_training", "parse_training"]


@dataclass(frozen=True)
class TrainingSpec:
    """How one facility trains its crews.

    Attributes:
        facility: ``"Houston"``, ``"Star City"``, ``"Helios"`` or ``"Sohae"``.
        basic_training_months: Candidate (general space) training before a person can be
            assigned, months.
        mission_training_months: Crew training for one assigned mission, months.
        retirement_age: Typical age at the last flight, years.
        invented: True if the facility's training figures are the series' (not cited).
        source: Where the figures come from (short; details in PROVENANCE.md).
    """

    facility: str
    basic_training_months: float
    mission_training_months: float
    retirement_age: float
    invented: bool
    source: str


def parse_training(lines: Iterable[str]) -> dict[str, TrainingSpec]:
    """Parse ``training.csv`` lines into specs keyed by facility name.

    Example:
        >>> rows = ["facility,basic_training_months,mission_training_months,retirement_age,"
        ...         "invented,basis,source", "X,24,6,44,false,cited,test"]
        >>> parse_training(rows)["X"].mission_training_months
        6.0
    """
    return {
        r["facility"]: TrainingSpec(
            facility=r["facility"],
            basic_training_months=float(r["basic_training_months"]),
            mission_training_months=float(r["mission_training_months"]),
            retirement_age=float(r["retirement_age"]),
            invented=r["invented"].strip().lower() == "true",
            source=r["source"],
        )
        for r in csv.DictReader(lines)
    }


@lru_cache(maxsize=1)
def load_training() -> dict[str, TrainingSpec]:
    """Return every facility of the packaged table, keyed by facility name.

    Example:
        >>> load_training()["Star City"].basic_training_months
        24.0
    """
    path = resources.files("spacerace.catalog.data").joinpath("training.csv")
    with path.open(encoding="utf-8") as f:
        return parse_training(f)
