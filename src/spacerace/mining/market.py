"""What returned material is worth: market prices, and the lower prices more supply brings.

Demand has constant price elasticity e (``Commodity.elasticity``): adding ``q`` kg to a
market that now absorbs ``Q0`` kg a year moves the price from P0 to::

    P(q) = P0 * (1 + q / Q0) ** (-1 / e)

Revenue q P(q) then rises without limit for e > 1, towards P0 Q0 for e = 1, and for
e < 1 peaks at q = Q0 e / (1 - e): a seller holds back the rest (``sale_value_usd``
sells the revenue-maximising amount, at most what was returned). The elasticities are
invented for the game and marked so in ``catalog/data/PROVENANCE.md``; base prices and
platinum-group supply are cited there.

Goods used in space (metal, water, volatiles) have no Earth price: they are worth the
cost they avoid, bringing the same kg up from Earth: the price per kg to LEO (launch, and
with a world's market the cargo craft too) times the rocket-equation gear ratio from LEO
to where they are delivered (:func:`in_space_price_usd_per_kg`). A world's in-space market
(``catalog.asteroid_classes.SpaceMarket``) buys at that price only what its destination
can use (:func:`capped_sale`); beyond it, and in a world with no market, they are worth 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from spacerace.astro.rockets import STANDARD_GRAVITY_KM_S2
from spacerace.catalog.asteroid_classes import Commodity

__all__ = [
    "Sale",
    "capped_sale",
    "in_space_price_usd_per_kg",
    "price_after_supply",
    "sale_value_usd",
]


def price_after_supply(
    price_usd_per_kg: object, added_kg: object, annual_supply_kg: float, elasticity: float
) -> np.ndarray | float:
    """Return the price once ``added_kg`` more reach a market of ``annual_supply_kg`` a year.

    Example:
        >>> price_after_supply(1000.0, 100.0, 100.0, 0.5)  # double the supply, e = 0.5
        250.0
    """
    ratio = 1.0 + np.asarray(added_kg, dtype=float) / annual_supply_kg
    out = np.asarray(price_usd_per_kg, dtype=float) * ratio ** (-1.0 / elasticity)
    return float(out) if out.ndim == 0 else out


def in_space_price_usd_per_kg(
    launch_usd_per_kg: float,
    dv_from_leo_km_s: float,
    isp_s: float,
    craft_usd_per_kg: float = 0.0,
) -> float:
    """Return the cost avoided by a kg delivered in space: (launch + craft) x gear ratio.

    Bringing 1 kg from LEO through ``dv_from_leo_km_s`` takes exp(dv / (Isp g0)) kg in LEO
    (ideal rocket equation, Curtis ch. 11); each of those costs its launch and, as the
    engine's cargo costing has it, a share of the cargo craft (``craft_usd_per_kg``).

    Args:
        launch_usd_per_kg: Launch price per kg to LEO, USD/kg.
        dv_from_leo_km_s: Delta-v from LEO to the destination, km/s.
        isp_s: Specific impulse of the cargo stage, s.
        craft_usd_per_kg: Cargo craft cost per kg of mass in LEO, USD/kg (0: launch only).

    Example:
        >>> round(in_space_price_usd_per_kg(1000.0, 0.0, 850.0))  # in LEO: the launch price
        1000
        >>> round(in_space_price_usd_per_kg(1000.0, 850 * 0.00980665, 850.0, 500.0))  # x e
        4077
    """
    gear = float(np.exp(dv_from_leo_km_s / (isp_s * STANDARD_GRAVITY_KM_S2)))
    return (launch_usd_per_kg + craft_usd_per_kg) * gear


@dataclass(frozen=True)
class Sale:
    """The sale of one commodity (arrays over missions, or floats for one).

    Attributes:
        key: Commodity key.
        returned_kg: Mass of the commodity returned, kg.
        sold_kg: Mass sold (the revenue-maximising amount, at most ``returned_kg``).
        base_price_usd_per_kg: Price before the mission's supply arrives, USD/kg.
        price_usd_per_kg: Price after, USD/kg.
        value_at_market_usd: ``returned_kg`` at the base price, USD.
        value_usd: ``sold_kg`` at the price after, USD.
    """

    key: str
    returned_kg: np.ndarray | float
    sold_kg: np.ndarray | float
    base_price_usd_per_kg: float
    price_usd_per_kg: np.ndarray | float
    value_at_market_usd: np.ndarray | float
    value_usd: np.ndarray | float


def sale_value_usd(commodity: Commodity, returned_kg: object, base_price_usd_per_kg: float) -> Sale:
    """Sell returned material into its market; the price falls with the supply.

    Example:
        >>> from spacerace.catalog.asteroid_classes import Commodity
        >>> pgm = Commodity("pgm", "PGM", 10000.0, 2003, 1000.0, 0.5, "earth")
        >>> s = sale_value_usd(pgm, 5000.0, 10000.0)  # e = 0.5: sell Q0 e/(1-e) = 1000 kg
        >>> s.sold_kg, s.price_usd_per_kg, s.value_usd, s.value_at_market_usd
        (1000.0, 2500.0, 2500000.0, 50000000.0)
    """
    q0, e = commodity.annual_supply_kg, commodity.elasticity
    returned = np.asarray(returned_kg, dtype=float)
    sold = returned if e >= 1.0 else np.minimum(returned, q0 * e / (1.0 - e))
    price = np.asarray(price_after_supply(base_price_usd_per_kg, sold, q0, e))
    return _sale(commodity, returned, sold, base_price_usd_per_kg, price)


def capped_sale(
    commodity: Commodity, returned_kg: object, price_usd_per_kg: float, cap_kg: float
) -> Sale:
    """Sell in-space material to a destination that uses at most ``cap_kg`` of it.

    Every kg up to the cap is worth the cost it avoids (``price_usd_per_kg``); the rest
    replaces no launch and is worth nothing.

    Example:
        >>> from spacerace.catalog.asteroid_classes import Commodity
        >>> water = Commodity("water", "water", 0.0, 2003, 1.0, 1.0, "space")
        >>> s = capped_sale(water, 5000.0, 100.0, 2000.0)
        >>> s.sold_kg, s.value_usd, s.value_at_market_usd
        (2000.0, 200000.0, 500000.0)
    """
    returned = np.asarray(returned_kg, dtype=float)
    sold = np.minimum(returned, cap_kg)
    price = np.full(returned.shape, float(price_usd_per_kg))
    return _sale(commodity, returned, sold, price_usd_per_kg, price)


def _sale(commodity, returned, sold, base_price_usd_per_kg: float, price) -> Sale:
    """The Sale of ``sold`` of ``returned`` kg at ``price`` (arrays, or floats when 0-d)."""

    def out(x):
        return float(x) if np.ndim(x) == 0 else x

    return Sale(
        key=commodity.key,
        returned_kg=out(returned),
        sold_kg=out(sold),
        base_price_usd_per_kg=float(base_price_usd_per_kg),
        price_usd_per_kg=out(price),
        value_at_market_usd=out(returned * base_price_usd_per_kg),
        value_usd=out(sold * price),
    )
