"""Base modules and the life-support needs of one person, from the packaged tables.

``data/base_modules.csv`` gives each module kind's landed mass, crew capacity, power and
daily production; ``data/life_support.csv`` what one person consumes a day (sources in
PROVENANCE.md). Plain data: the engine's base process does the arithmetic.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "ModuleSpec",
    "load_life_support",
    "load_module_specs",
    "parse_life_support",
    "parse_module_specs",
]


@dataclass(frozen=True)
class ModuleSpec:
    """One kind of base module.

    Attributes:
        kind: Key (``"habitat"``, ``"power"``, ``"greenhouse"``, ``"isru"``, ``"mine"``,
            ``"landing_pad"``).
        name: Display name.
        mass_kg: Mass landed at the base, kg.
        crew_capacity: People it houses.
        power_kw: Electric power produced (positive) or drawn (negative), kW.
        makes_kg_day: Stock key -> kg produced per day at full power
            (``{"oxygen_kg": 70.0}``).
        basis: ``"sourced"``, ``"derived"`` or ``"invented"``.
        source: Where the figures come from.
    """

    kind: str
    name: str
    mass_kg: float
    crew_capacity: int
    power_kw: float
    makes_kg_day: dict[str, float]
    basis: str
    source: str


def parse_module_specs(lines: Iterable[str]) -> dict[str, ModuleSpec]:
    """Parse ``base_modules.csv`` lines into specs keyed by kind.

    Example:
        >>> rows = ["kind,name,mass_kg,crew_capacity,power_kw,oxygen_kg_day,water_kg_day,"
        ...         "food_kg_day,basis,source", "isru,plant,1100,0,-29,70,0,0,derived,x"]
        >>> parse_module_specs(rows)["isru"].makes_kg_day
        {'oxygen_kg': 70.0}
    """
    specs = {}
    for r in csv.DictReader(lines):
        makes = {
            stock: float(r[f"{stock}_day"])
            for stock in ("oxygen_kg", "water_kg", "food_kg")
            if float(r[f"{stock}_day"])
        }
        specs[r["kind"]] = ModuleSpec(
            kind=r["kind"],
            name=r["name"],
            mass_kg=float(r["mass_kg"]),
            crew_capacity=int(r["crew_capacity"]),
            power_kw=float(r["power_kw"]),
            makes_kg_day=makes,
            basis=r["basis"],
            source=r["source"],
        )
    return specs


def parse_life_support(lines: Iterable[str]) -> dict[str, float]:
    """Parse ``life_support.csv`` lines into kg per person-day by stock key.

    Example:
        >>> parse_life_support(["key,per_person_day_kg,basis,source", "oxygen_kg,0.8,s,x"])
        {'oxygen_kg': 0.8}
    """
    return {r["key"]: float(r["per_person_day_kg"]) for r in csv.DictReader(lines)}


def _open(name: str):
    return resources.files("spacerace.catalog.data").joinpath(name).open(encoding="utf-8")


@lru_cache(maxsize=1)
def load_module_specs() -> dict[str, ModuleSpec]:
    """Return the packaged module kinds.

    Example:
        >>> load_module_specs()["power"].power_kw
        40.0
    """
    with _open("base_modules.csv") as f:
        return parse_module_specs(f)


@lru_cache(maxsize=1)
def load_life_support() -> dict[str, float]:
    """Return what one person consumes a day, kg by stock key (ALS BVAD 2004).

    Example:
        >>> load_life_support()["oxygen_kg"]
        0.835
    """
    with _open("life_support.csv") as f:
        return parse_life_support(f)
