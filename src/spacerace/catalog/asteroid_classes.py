"""Asteroid composition groups, commodity markets and in-space demand, from package data.

``data/asteroid_classes.csv``, ``data/commodities.csv`` and ``data/space_markets.csv``; every
figure's source or basis is in ``data/PROVENANCE.md``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacerace.catalog.vehicles import _open  # one way to open a packaged data file

__all__ = [
    "NO_SPACE_MARKET",
    "ClassGroup",
    "Commodity",
    "SpaceDemand",
    "SpaceMarket",
    "load_class_groups",
    "load_commodities",
    "load_space_markets",
    "parse_class_groups",
    "parse_commodities",
    "parse_space_markets",
]

NO_SPACE_MARKET = "none"
"""The market of a world where nobody in space buys material: every in-space price is 0."""


@dataclass(frozen=True)
class ClassGroup:
    """Physical and compositional defaults of a group of spectral classes.

    Attributes:
        group: Group key (``"S"``, ``"C"``, ``"M"`` ... or ``"unknown"``).
        members: Spectral class letters (Bus-DeMeo, SMASSII, Tholen) that map to the group.
        albedo: Mean geometric albedo, used when an object has no measured albedo.
        density_g_cm3: Bulk density, g/cm^3.
        metal_frac: Mass fraction of nickel-iron metal.
        water_frac: Mass fraction of water (bound or ice).
        volatiles_frac: Mass fraction of carbon and nitrogen volatiles.
        pgm_ppm: Platinum-group metals (Ru, Rh, Pd, Os, Ir, Pt), parts per million by mass.
        analog: The meteorite analog the figures stand for.
    """

    group: str
    members: tuple[str, ...]
    albedo: float
    density_g_cm3: float
    metal_frac: float
    water_frac: float
    volatiles_frac: float
    pgm_ppm: float
    analog: str


@dataclass(frozen=True)
class Commodity:
    """A product of mining and the market it sells into.

    Attributes:
        key: ``"pgm"``, ``"metal"``, ``"water"`` or ``"volatiles"``.
        name: Readable name.
        price_usd_per_kg: Price at today's supply, USD of ``price_year`` per kg; 0 for goods
            sold in space, whose price is the launch cost they save (``mining.market``).
        price_year: Dollar year of the price.
        annual_supply_kg: The market's present yearly supply, kg.
        elasticity: Price elasticity of demand (positive): 1 % more supply lowers the price
            by 1/elasticity %.
        market: ``"earth"`` (sold on Earth) or ``"space"`` (used where it is delivered).
    """

    key: str
    name: str
    price_usd_per_kg: float
    price_year: int
    annual_supply_kg: float
    elasticity: float
    market: str


@dataclass(frozen=True)
class SpaceDemand:
    """What one destination can use of one in-space commodity.

    Attributes:
        destination: Destination key (``"mars-orbit"``, ``"earth-moon"``).
        commodity: Commodity key (``"water"``, ``"metal"``, ``"volatiles"``).
        demand_kg_per_year: What the destination's bases and ships consume a year, kg.
        use_years: Years over which a delivery is used: a delivery is worth its avoided
            cost up to ``demand_kg_per_year * use_years`` kg, and nothing beyond.
        basis: Where the figures come from (all invented so far: the series' world).
    """

    destination: str
    commodity: str
    demand_kg_per_year: float
    use_years: float
    basis: str

    @property
    def cap_kg(self) -> float:
        """Most kg of one delivery that are worth their avoided cost."""
        return self.demand_kg_per_year * self.use_years


@dataclass(frozen=True)
class SpaceMarket:
    """Who buys material in space in a world: demand by (destination, commodity).

    A scenario names its market (``[scenario] space_market``); ``"none"`` has no rows.

    Attributes:
        key: Market key (``"none"``, ``"series"``).
        demands: The rows, sorted by (destination, commodity).
    """

    key: str
    demands: tuple[SpaceDemand, ...] = ()

    def demand(self, destination: str, commodity: str) -> SpaceDemand | None:
        """The demand for ``commodity`` at ``destination``, or None where nobody buys it.

        Example:
            >>> SpaceMarket("none").demand("mars-orbit", "water") is None
            True
        """
        for d in self.demands:
            if d.destination == destination and d.commodity == commodity:
                return d
        return None


def parse_class_groups(lines: Iterable[str]) -> dict[str, ClassGroup]:
    """Parse ``asteroid_classes.csv`` lines into groups keyed by group name.

    Example:
        >>> rows = ["group,members,albedo,density_g_cm3,metal_frac,water_frac,volatiles_frac,"
        ...         "pgm_ppm,analog", "C,C B,0.13,1.3,0.01,0.1,0.02,3.3,CM chondrite"]
        >>> parse_class_groups(rows)["C"].members
        ('C', 'B')
    """
    groups = {}
    for row in csv.DictReader(lines):
        groups[row["group"]] = ClassGroup(
            group=row["group"],
            members=tuple(row["members"].split()),
            albedo=float(row["albedo"]),
            density_g_cm3=float(row["density_g_cm3"]),
            metal_frac=float(row["metal_frac"]),
            water_frac=float(row["water_frac"]),
            volatiles_frac=float(row["volatiles_frac"]),
            pgm_ppm=float(row["pgm_ppm"]),
            analog=row["analog"],
        )
    return groups


def parse_commodities(lines: Iterable[str]) -> dict[str, Commodity]:
    """Parse ``commodities.csv`` lines into commodities keyed by key."""
    out = {}
    for row in csv.DictReader(lines):
        out[row["key"]] = Commodity(
            key=row["key"],
            name=row["name"],
            price_usd_per_kg=float(row["price_usd_per_kg"]),
            price_year=int(row["price_year"]),
            annual_supply_kg=float(row["annual_supply_kg"]),
            elasticity=float(row["elasticity"]),
            market=row["market"],
        )
    return out


def parse_space_markets(lines: Iterable[str]) -> dict[str, SpaceMarket]:
    """Parse ``space_markets.csv`` lines into markets by key; ``"none"`` is always there.

    Example:
        >>> rows = ["market,destination,commodity,demand_kg_per_year,use_years,basis",
        ...         "m,mars-orbit,water,1000,10,invented"]
        >>> m = parse_space_markets(rows)
        >>> sorted(m), m["m"].demand("mars-orbit", "water").cap_kg
        (['m', 'none'], 10000.0)
    """
    rows: dict[str, list[SpaceDemand]] = {NO_SPACE_MARKET: []}
    for row in csv.DictReader(lines):
        rows.setdefault(row["market"], []).append(
            SpaceDemand(
                destination=row["destination"],
                commodity=row["commodity"],
                demand_kg_per_year=float(row["demand_kg_per_year"]),
                use_years=float(row["use_years"]),
                basis=row["basis"],
            )
        )
    return {
        key: SpaceMarket(key, tuple(sorted(ds, key=lambda d: (d.destination, d.commodity))))
        for key, ds in sorted(rows.items())
    }


@lru_cache(maxsize=1)
def load_space_markets() -> dict[str, SpaceMarket]:
    """Load the in-space markets once.

    Example:
        >>> sorted(load_space_markets())
        ['none', 'series']
    """
    with _open("space_markets.csv") as f:
        return parse_space_markets(f)


@lru_cache(maxsize=1)
def load_class_groups() -> dict[str, ClassGroup]:
    """Load the composition groups once.

    Example:
        >>> load_class_groups()["S"].albedo  # Thomas et al. 2011, S-complex NEOs
        0.26
    """
    with _open("asteroid_classes.csv") as f:
        return parse_class_groups(f)


@lru_cache(maxsize=1)
def load_commodities() -> dict[str, Commodity]:
    """Load the commodity markets once."""
    with _open("commodities.csv") as f:
        return parse_commodities(f)
