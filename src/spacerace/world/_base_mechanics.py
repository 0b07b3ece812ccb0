"""The mechanics of bases: life support, logistics, births, tension and incidents.

One frozen dataclass per concern, gathered in ``world.mechanics.Mechanics``; each field
carries its tag, range and note (``world._mechanic_kit.constant``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["BasesMechanics", "TensionMechanics"]


@dataclass(frozen=True, slots=True)
class BasesMechanics(MechanicGroup):
    """Life support, logistics, growth and births at bases."""

    group = "bases"

    discovery_per_base_year: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "yearly chance that a lunar base's crews confirm polar water ice (the series' Shackleton "
        "discovery); real orbital evidence came in 2009 (LCROSS)",
    )

    eclss_water_recovery: float = constant(
        0.93,
        "sourced",
        "[0, 1)",
        "the ISS Water Recovery System recovered about 93 % of its water before the 2023 "
        "brine-processor upgrade to 98 % (NASA, 20 June 2023)",
    )

    eclss_oxygen_recovery: float = constant(
        0.5,
        "derived",
        "[0, 1)",
        "the ISS Sabatier reactor returns about half of the oxygen bound in the crew's CO2 as "
        "water for electrolysis (NASA ECLSS fact sheets); the rest is made or delivered",
    )

    ration_factor: float = constant(
        0.75,
        "invented",
        "(0, 1]",
        "rations cut food and water use to three quarters (oxygen cannot be rationed)",
    )

    rationing_reserve_days: float = constant(
        120.0,
        "invented",
        "[0, 3650]",
        "a base rations when its reserves would last fewer days than this",
    )

    comfort_reserve_days: float = constant(
        365.0,
        "invented",
        "(0, 3650]",
        "reserves for a year or more cause no worry; scarcity rises below it",
    )

    starvation_days: float = constant(
        30.0,
        "invented",
        "[0, 365]",
        "residents die after a month without food (the 'three weeks without food' rule of "
        "survival, with rations stretched)",
    )

    spares_kg_per_module_day: float = constant(
        1.0,
        "invented",
        "[0, 1000]",
        "spare parts a module uses a day while the base is lived in (the ISS flies a few tonnes "
        "of spares a year for about a dozen modules)",
    )

    breakdowns_per_module_year: float = constant(
        1.0,
        "invented",
        "[0, 365]",
        "yearly chance that a module breaks down when the base has no spare parts left",
    )

    repair_spares_kg: float = constant(
        200.0,
        "invented",
        "[0, 100000]",
        "spare parts a broken, sabotaged or damaged module needs to work again",
    )

    storage_kg_per_habitat: float = constant(
        20000.0,
        "invented",
        "(0, inf)",
        "what one habitat can store of each stock; production beyond it is kept aside as surplus "
        "(propellant, exports)",
    )

    evacuation_margin_days: float = constant(
        60.0,
        "invented",
        "[0, 3650]",
        "a base evacuates when its reserves would last less than the time to leave plus this "
        "margin",
    )

    lunar_supply_interval_days: float = constant(
        365.25,
        "invented",
        "(0, 3650]",
        "lunar bases are resupplied once a fiscal year (orders follow the appropriation of 1 "
        "October)",
    )

    supply_margin_days: float = constant(
        180.0,
        "invented",
        "[0, 3650]",
        "an order carries consumables for the time to the next delivery plus this margin",
    )

    seat_kg_moon: float = constant(
        2400.0,
        "derived",
        "[0, 1000000]",
        "a Soyuz (7.2 t) carries three people, about 2.4 t of spacecraft per seat",
    )

    seat_kg_mars: float = constant(
        17500.0,
        "derived",
        "[0, 1000000]",
        "the Mars spacecraft of 70 t (mechanic mars_spacecraft_kg) carries four, 17.5 t per seat",
    )

    seat_kg_mars_transport: float = constant(
        2350.0,
        "derived",
        "[0, 1000000]",
        "a seat on a reusable colonist transport (program mars_transport, held by any of the "
        "base's members): SpaceX's 2017 BFR design lands its 85 t ship with 150 t of payload "
        "and about 100 people in 40 cabins (Musk, IAC 2017, Making Life Multiplanetary), "
        "(85 + 150) / 100 = 2.35 t a person, priced like the 70 t exploration ship's seat as "
        "if flown once",
    )

    staff_tour_days_moon: float = constant(
        365.25,
        "invented",
        "(0, 100000]",
        "staff at a lunar base serve one-year tours (crews six months)",
    )

    staff_tour_days_mars: float = constant(
        780.0,
        "derived",
        "(0, 100000]",
        "one Earth-Mars synodic period (about 780 days): staff stay from one window to the return "
        "window after next",
    )

    stay_on_share: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "chance that a resident whose tour is over signs on for another tour instead of going "
        "home (the series' Ed Baldwin and Danielle Poole stay on Mars for years; no real base "
        "has had the choice of staying on for a whole career)",
    )

    base_fill_share: float = constant(
        0.85,
        "invented",
        "(0, 1.5]",
        "members send staff until the residents fill this share of the habitats",
    )

    contractor_seat_share: float = constant(
        0.35,
        "invented",
        "[0, 1]",
        "share of the new seats a contractor company fills with its workers (the series' Helios "
        "workers at Happy Valley)",
    )

    growth_budget_share: float = constant(
        0.12,
        "derived",
        "[0, 1]",
        "share of its yearly budget an agency spends at most on growing one base (modules and new "
        "staff); consumables come first and are not capped. The ISS's own line was about 12 % of "
        "NASA's FY2003 budget (some 1.85 of 15.47 billion $; the station line from memory, "
        "unverified), its supply flights on the Shuttle besides. Was 0.06, invented",
    )

    cargo_craft_learning: float = constant(
        0.85,
        "sourced",
        "(0, 1]",
        "learning curve of the cargo craft an agency builds for its bases: each doubling of "
        "those it has flown brings the next one's spacecraft cost to this share (Wright's "
        "law). T. P. Wright measured 80 % for airframes (J. Aeronautical Sciences 3:122, "
        "1936); NASA's Cost Estimating Handbook gives 85-95 % for aerospace production "
        "(from memory, unverified); 85 % taken for serial cargo landers. Only the spacecraft "
        "share of a cargo flight learns: the catalog's launch prices are already those of "
        "real production runs; 1 switches it off",
    )

    contractor_budget_share: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "share of its yearly spending a contractor company puts into its work at one base (seats "
        "for its workers: its business is there)",
    )

    mars_window_tolerance_days: float = constant(
        45.0,
        "invented",
        "[15.5, 780]",
        "Mars staff whose tour is over leave only when a return window opens within this many "
        "days (at least half the 30.4-day base step, or a monthly check could miss every window)",
    )

    max_modules_per_order: float = constant(
        2.0,
        "invented",
        "[0, 10]",
        "modules landed with one order at most at a base without a landing pad",
    )

    modules_per_order_per_pad: float = constant(
        6.0,
        "invented",
        "[0, 50]",
        "more modules one order can land for each working landing pad: a surveyed, cleared field "
        "with beacons and an unloading crew lets a window's landers come down one after another "
        "(Apollo's landers each needed fresh, surveyed ground; the series' Happy Valley has a "
        "landing field)",
    )

    pad_share_max: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "most of an order's landing slots that go to new landing pads (at least one pad): "
        "the pads serve the next window's traffic, the rest of the slots the people coming now",
    )

    habitat_power_kw: float = constant(
        6.0,
        "invented",
        "[0, 1000]",
        "power a habitat about to be ordered is assumed to draw, kW, when deciding whether a "
        "power module is needed too (the ISS draws ~ 75-90 kW for about 15 modules)",
    )

    greenhouse_food_net_kg_day: float = constant(
        2.0,
        "invented",
        "[0, 1000]",
        "a greenhouse is ordered when the base eats this much more food than it grows, kg/day "
        "(about one person's daily food with its packaging)",
    )

    greenhouse_power_kw: float = constant(
        30.0,
        "invented",
        "[0, 10000]",
        "... and has at least this much spare power, kW (growth lamps are the greenhouse's main "
        "load)",
    )

    landing_pad_min_units: float = constant(
        4.0,
        "invented",
        "[0, 100]",
        "a base of this many modules orders its first landing pad even while its orders still "
        "land without one (enough cargo traffic to be worth it); an order that would not all "
        "land asks for pads whatever the base's size",
    )

    cargo_landing_prior_attempts: float = constant(
        6.0,
        "derived",
        "(0, 1000]",
        "landings behind a body's new-lander risk (n0 of the reliability-growth curve of cargo "
        "landings, sim.base_logistics.cargo_landing_risk): the 6 Apollo landings behind "
        "risk_lunar_landing (the same on Mars)",
    )
    cargo_landing_growth_slope: float = constant(
        0.5,
        "sourced",
        "[0, 2]",
        "slope of Duane's reliability-growth curve for cargo landings: the failure rate falls as "
        "(landings) ** -slope. J. T. Duane, IEEE Trans. Aerospace 2:563 (1964), found slopes of "
        "about 0.3-0.6 in aerospace development programs (from memory, unverified); 0.5 taken. "
        "0 keeps every landing at the new-lander risk",
    )
    pad_landing_risk_factor: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "a landing pad halves the landing risk of cargo flights to the base",
    )

    birth_rate_per_person_year: float = constant(
        0.0144,
        "sourced",
        "[0, 1]",
        "US crude birth rate in 2000, 14.4 per 1,000 people (CDC, National Vital Statistics "
        "Reports 50(5))",
    )

    settlement_min_residents: float = constant(
        24.0,
        "invented",
        "[0, 10000]",
        "children are born only at a base of this many residents",
    )

    settlement_min_years: float = constant(
        8.0,
        "invented",
        "[0, 100]",
        "... that has been lived in for this many years",
    )


@dataclass(frozen=True, slots=True)
class TensionMechanics(MechanicGroup):
    """Tension, morale and incidents at bases."""

    group = "tension"

    tension_floor: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "tension of a calm base with average leadership",
    )

    tension_w_scarcity: float = constant(
        0.45,
        "invented",
        "[0, 2]",
        "tension added by scarcity (1 while rationing)",
    )

    tension_w_workload: float = constant(
        0.25,
        "invented",
        "[0, 2]",
        "tension added by crowding and power deficits",
    )

    tension_w_inequality: float = constant(
        0.45,
        "invented",
        "[0, 2]",
        "tension added by a half-and-half mix of agency staff and company workers (the series' "
        "Helios strike at Happy Valley)",
    )

    tension_w_rivalry: float = constant(
        0.4,
        "invented",
        "[0, 2]",
        "tension added by full US-Soviet rivalry on Earth with their people mixed half and half "
        "at the base",
    )

    tension_w_incidents: float = constant(
        0.2,
        "invented",
        "[0, 2]",
        "tension added per recent incident (fading)",
    )

    tension_w_joint_work: float = constant(
        0.1,
        "invented",
        "[0, 2]",
        "tension removed by joint command and work",
    )

    tension_w_treaty: float = constant(
        0.05,
        "invented",
        "[0, 2]",
        "tension removed by a space treaty in force",
    )

    tension_w_leadership: float = constant(
        0.1,
        "invented",
        "[0, 2]",
        "tension removed per unit of the commander's skill above average (added below it)",
    )

    tension_relax_per_year: float = constant(
        2.0,
        "invented",
        "[0, 100]",
        "tension closes the gap to its target e-fold in half a year",
    )

    incident_threshold: float = constant(
        0.25,
        "invented",
        "[0, 1)",
        "below this tension no incidents happen",
    )

    incidents_per_year_at_max: float = constant(
        4.0,
        "invented",
        "[0, 365]",
        "incidents a year at full tension (fewer in proportion above the threshold)",
    )

    incident_days: float = constant(
        45.0,
        "invented",
        "(0, 3650]",
        "days a strike, work stoppage or seized module lasts",
    )

    incident_release: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "tension released when an incident ends (the memory of it stays)",
    )

    defection_rivalry_jump: float = constant(
        0.04,
        "invented",
        "[0, 1]",
        "US-Soviet rivalry added by a defection at a shared base",
    )

    morale_w_scarcity: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "morale lost per unit of scarcity, on top of tension (hunger weighs on everyone)",
    )

    morale_w_inequality: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "morale a company's workers lose per unit of inequality (the series' Helios workers at "
        "Happy Valley)",
    )

    incident_weight_strike: float = constant(
        3.0,
        "invented",
        "(0, 100]",
        "relative frequency of a strike among the possible incidents (the series' Helios strike: "
        "the commonest protest of workers who can stop work)",
    )

    incident_weight_work_stoppage: float = constant(
        2.0,
        "invented",
        "(0, 100]",
        "relative frequency of a work stoppage by agency staff",
    )

    incident_weight_sabotage: float = constant(
        1.0,
        "invented",
        "(0, 100]",
        "relative frequency of sabotage of a module (rare: it endangers everyone)",
    )

    incident_weight_seizure: float = constant(
        1.0,
        "invented",
        "(0, 100]",
        "relative frequency of the seizure of a module by one group",
    )

    incident_weight_defection: float = constant(
        1.0,
        "invented",
        "(0, 100]",
        "relative frequency of a defection to the other superpower's staff",
    )
