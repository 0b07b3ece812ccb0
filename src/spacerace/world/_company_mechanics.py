"""The constants of a private company's books (``mech.company``; ``sim.company`` uses them).

Prices and revenues are cited where a public figure exists (a tourist's fare, the
commercial launch market, the cost of a private development against a government one);
the rest are judgements, marked invented with their reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["CompanyMechanics"]


@dataclass(frozen=True, slots=True)
class CompanyMechanics(MechanicGroup):
    """A company's revenue, costs, purchases, insolvency and its employees' terms."""

    group = "company"

    private_cost_factor: float = constant(
        0.2,
        "derived",
        "(0, 1]",
        "a company develops a program priced as a government one (programs.csv) for this share "
        "of its cost: NASA's 2011 NAFCOM estimate of Falcon 9 was 3.977 billion $ the "
        "traditional way and 1.7 billion $ with commercial practices, SpaceX reported about "
        "0.39 billion $ (NASA, 'Falcon 9 Launch Vehicle NAFCOM Cost Estimates', August 2011): "
        "0.10 to 0.43, geometric mean 0.2; a row already priced as a private design "
        "(developers 'private' alone) is not cut again",
    )
    license_cost_share: float = constant(
        0.03,
        "invented",
        "[0, 1]",
        "a company buys a vehicle line another agency of its nationality has finished for this "
        "share of the line's development cost (designs and tooling, not the development: the "
        "series' Helios builds Phoenix on NASA-era technology)",
    )
    license_years: float = constant(
        3.0,
        "invented",
        "(0, 30]",
        "years from buying a finished line to flying it (tooling up and building the first unit)",
    )
    launch_service_margin: float = constant(
        0.2,
        "invented",
        "[0, 5]",
        "a seller of launches charges its cost plus this share (a commercial margin; the CSIS "
        "per-kg prices of vehicles.csv are the seller's cost)",
    )
    commercial_launches_per_year: float = constant(
        16.0,
        "sourced",
        "[0, 1000]",
        "commercial orbital launches worldwide in 2001, 16 (FAA/AST FAQ; up to 41 in a year "
        "since): the market a company selling launches competes in",
    )
    commercial_market_share: float = constant(
        0.25,
        "invented",
        "[0, 1]",
        "share of the commercial launch market a company with its own launcher wins (one of "
        "about four providers in the 1990s: Arianespace, ILS, Boeing, Sea Launch)",
    )
    hotel_guest_fare_musd: float = constant(
        20.0,
        "sourced",
        "[0, 1000]",
        "what one guest pays for a stay in orbit, M$ of 2001: Dennis Tito paid about 20 M$ for "
        "Soyuz TM-32 and eight days on the ISS (April-May 2001, widely reported)",
    )
    hotel_guests_per_flight: float = constant(
        6.0,
        "invented",
        "[0, 20]",
        "guests a flight to a company's orbital hotel carries beside its crew (the Shuttle "
        "flew seven; the series' Polaris was a hotel)",
    )
    construction_contract_musd: float = constant(
        150.0,
        "invented",
        "[0, inf)",
        "what a base's command pays a contractor company a year to build and run its mines and "
        "plants (the series' Helios, sole contractor at Happy Valley in 1997)",
    )
    overhead_musd: float = constant(
        100.0,
        "invented",
        "[0, inf)",
        "a company's fixed yearly costs on Earth: offices, mission control, its astronaut corps",
    )
    worker_pay_musd_per_year: float = constant(
        0.2,
        "invented",
        "[0, 10]",
        "what a company pays a year for one employee at a base, M$, overhead included: about "
        "three times a US aerospace engineer's pay of the 1990s (some 60 k$) for off-world "
        "work and its insurance",
    )
    worker_hours_per_week: float = constant(
        60.0,
        "invented",
        "[0, 168]",
        "hours a company's workers at a base work a week (the series' Helios crews at Happy "
        "Valley worked long shifts before their 2003 strike)",
    )
    bankruptcy_years: float = constant(
        2.0,
        "invented",
        "[1, 50]",
        "fiscal years in a row with capital below zero before a company fails (its creditors' "
        "patience)",
    )
    takeover_chance: float = constant(
        0.6,
        "invented",
        "[0, 1]",
        "chance a failing company is taken over rather than liquidated (its lines, contracts "
        "and people are worth more whole)",
    )
    takeover_capital_musd: float = constant(
        1500.0,
        "invented",
        "[0, inf)",
        "what new owners put into a company they take over, M$ (of the year)",
    )
    mission_reserve_share: float = constant(
        0.25,
        "invented",
        "[0, 10]",
        "a company commits its capital to a mission only if this share of the cost is left "
        "over afterwards (a reserve for its operations; 'when its books allow')",
    )
