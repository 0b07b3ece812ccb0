"""The mechanics of a one-party state's stability and fall (``sim.regime``).

One frozen dataclass, gathered in ``world.mechanics.Mechanics`` as ``regime``. The drivers
(growth, the defense burden) are cited series of the catalog (``catalog.soviet_economy``);
how strongly each moves stability is invented, and said so: no source measures a
regime's legitimacy. What the weights must do is stated with each.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["RegimeMechanics"]


@dataclass(frozen=True, slots=True)
class RegimeMechanics(MechanicGroup):
    """Stability of the state behind a planned-economy agency, and its collapse."""

    group = "regime"

    stability_start: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "stability in 1969 on a 0 (falling) .. 1 (unshakeable) scale: Brezhnev's rule was "
        "settled and growth still near 5 %, but the halfway mark leaves room both ways",
    )

    growth_promise_pct: float = constant(
        3.0,
        "invented",
        "[-20, 20]",
        "yearly GNP growth a planned economy must deliver to hold its ground, percent: about the "
        "1971-75 rate, after which the CIA speaks of the disappointments of the plans "
        "(soviet_economy.csv); faster growth builds stability, slower erodes it",
    )

    stability_per_growth_point: float = constant(
        0.025,
        "invented",
        "[0, 1]",
        "stability gained (lost) per year per percentage point of growth above (below) the "
        "promise: the 1976-85 shortfall of about a point a year then costs a quarter of the "
        "scale over a decade",
    )

    space_share_of_gnp_pct: float = constant(
        0.9,
        "sourced",
        "[0, 100]",
        "Soviet space spending as a share of GNP at a political support of 1.0, percent: 'just "
        "under 1 percent of GNP' in the mid-1970s (CRS from CIA figures, "
        "soviet_space_spending_estimates.csv); it grows with the agency's support",
    )

    bearable_burden_pct: float = constant(
        13.4,
        "derived",
        "[0, 100]",
        "defense plus space share of GNP the economy bears without strain, percent: the 1970s "
        "level, CIA's 12-13 % for defense (midpoint 12.5) plus 0.9 % for space "
        "(soviet_economy.csv, soviet_space_spending_estimates.csv)",
    )

    stability_per_burden_point: float = constant(
        0.01,
        "invented",
        "[0, 1]",
        "stability lost per year per percentage point of GNP spent on defense and space above "
        "the bearable burden (the late-1980s 15 % defense share costs about 0.025 a year)",
    )

    stability_per_first_ahead: float = constant(
        0.015,
        "invented",
        "[0, 1]",
        "stability gained each year per public first the agency holds beyond its rival's (lost "
        "per first behind): space spectaculars were propaganda at home (Sputnik, Gagarin), "
        "being beaten a humiliation; a lead of two firsts outweighs a growth shortfall of a "
        "point a year",
    )

    stability_new_leader: float = constant(
        0.02,
        "invented",
        "[0, 1]",
        "stability a new leader brings (a new programme and a honeymoon; the 1982-85 succession "
        "crisis was three of them)",
    )

    collapse_threshold: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "below this stability the state may fall in any year",
    )

    collapse_chance_per_year: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "chance each year below the threshold that the state falls (the August 1991 coup and "
        "the December dissolution came within months of each other)",
    )

    successor_budget_share: float = constant(
        0.023,
        "derived",
        "[0, 1]",
        "the successor agency's budget as a share of the state agency's real start budget: "
        "Russia's space budget was 309 M$ a year in the late 1990s (Y. Koptev, "
        "soviet_economy.csv) against the catalog's Soviet estimate for FY1998 of 13,637 M$ "
        "(NASA's appropriation x SOVIET_TO_NASA_RATIO 1.0)",
    )
