"""The mechanics of bases: life support, logistics, births, tension and incidents.

Merged into ``world.mechanics`` (one table for the engine); kept here so each module holds
one concept. Each entry is (value, note); the note says sourced, derived or invented.
"""

from __future__ import annotations

BASE_TABLE: dict[str, tuple[float, str]] = {
    # --- life support -------------------------------------------------------------------
    "eclss_water_recovery": (
        0.93,
        "sourced: the ISS Water Recovery System recovered about 93 % of its water before "
        "the 2023 brine-processor upgrade to 98 % (NASA, 20 June 2023)",
    ),
    "eclss_oxygen_recovery": (
        0.5,
        "derived: the ISS Sabatier reactor returns about half of the oxygen bound in the "
        "crew's CO2 as water for electrolysis (NASA ECLSS fact sheets); the rest is made "
        "or delivered",
    ),
    "ration_factor": (
        0.75,
        "invented: rations cut food and water use to three quarters (oxygen cannot be rationed)",
    ),
    "rationing_reserve_days": (
        120.0,
        "invented: a base rations when its reserves would last fewer days than this",
    ),
    "comfort_reserve_days": (
        365.0,
        "invented: reserves for a year or more cause no worry; scarcity rises below it",
    ),
    "starvation_days": (
        30.0,
        "invented: residents die after a month without food (the 'three weeks without "
        "food' rule of survival, with rations stretched)",
    ),
    "spares_kg_per_module_day": (
        1.0,
        "invented: spare parts a module uses a day while the base is lived in (the ISS "
        "flies a few tonnes of spares a year for about a dozen modules)",
    ),
    "breakdowns_per_module_year": (
        1.0,
        "invented: yearly chance that a module breaks down when the base has no spare parts left",
    ),
    "repair_spares_kg": (
        200.0,
        "invented: spare parts a broken, sabotaged or damaged module needs to work again",
    ),
    "storage_kg_per_habitat": (
        20000.0,
        "invented: what one habitat can store of each stock; production beyond it is kept "
        "aside as surplus (propellant, exports)",
    ),
    "evacuation_margin_days": (
        60.0,
        "invented: a base evacuates when its reserves would last less than the time to "
        "leave plus this margin",
    ),
    # --- logistics ----------------------------------------------------------------------
    "lunar_supply_interval_days": (
        365.25,
        "invented: lunar bases are resupplied once a fiscal year (orders follow the "
        "appropriation of 1 October)",
    ),
    "supply_margin_days": (
        180.0,
        "invented: an order carries consumables for the time to the next delivery plus this margin",
    ),
    "seat_kg_moon": (
        2400.0,
        "derived: a Soyuz (7.2 t) carries three people, about 2.4 t of spacecraft per seat",
    ),
    "seat_kg_mars": (
        17500.0,
        "derived: the Mars spacecraft of 70 t (mechanic mars_spacecraft_kg) carries four, "
        "17.5 t per seat",
    ),
    "staff_tour_days_moon": (
        365.25,
        "invented: staff at a lunar base serve one-year tours (crews six months)",
    ),
    "staff_tour_days_mars": (
        780.0,
        "derived: one Earth-Mars synodic period (about 780 days): staff stay from one "
        "window to the return window after next",
    ),
    "base_fill_share": (
        0.85,
        "invented: members send staff until the residents fill this share of the habitats",
    ),
    "contractor_seat_share": (
        0.35,
        "invented: share of the new seats a contractor company fills with its workers "
        "(the series' Helios workers at Happy Valley)",
    ),
    "growth_budget_share": (
        0.06,
        "invented: share of its yearly budget an agency spends at most on growing one "
        "base (modules and new staff); consumables come first and are not capped",
    ),
    "contractor_budget_share": (
        0.3,
        "invented: share of its yearly spending a contractor company puts into its work at "
        "one base (seats for its workers: its business is there)",
    ),
    "max_modules_per_order": (2.0, "invented: modules landed with one order at most"),
    "mars_descent_dv_km_s": (
        1.0,
        "invented: powered descent of a cargo lander after aerobraking at Mars (the descent "
        "part of mars_landing_ascent_dv_km_s)",
    ),
    "pad_landing_risk_factor": (
        0.5,
        "invented: a landing pad halves the landing risk of cargo flights to the base",
    ),
    # --- births -------------------------------------------------------------------------
    "birth_rate_per_person_year": (
        0.0144,
        "sourced: US crude birth rate in 2000, 14.4 per 1,000 people (CDC, National Vital "
        "Statistics Reports 50(5))",
    ),
    "settlement_min_residents": (
        24.0,
        "invented: children are born only at a base of this many residents",
    ),
    "settlement_min_years": (
        8.0,
        "invented: ... that has been lived in for this many years",
    ),
    # --- tension and incidents ----------------------------------------------------------
    "tension_floor": (0.05, "invented: tension of a calm base with average leadership"),
    "tension_w_scarcity": (0.45, "invented: tension added by scarcity (1 while rationing)"),
    "tension_w_workload": (0.25, "invented: tension added by crowding and power deficits"),
    "tension_w_inequality": (
        0.45,
        "invented: tension added by a half-and-half mix of agency staff and company workers "
        "(the series' Helios strike at Happy Valley)",
    ),
    "tension_w_rivalry": (
        0.4,
        "invented: tension added by full US-Soviet rivalry on Earth with their people mixed "
        "half and half at the base",
    ),
    "tension_w_incidents": (0.2, "invented: tension added per recent incident (fading)"),
    "tension_w_joint_work": (0.1, "invented: tension removed by joint command and work"),
    "tension_w_treaty": (0.05, "invented: tension removed by a space treaty in force"),
    "tension_w_leadership": (
        0.1,
        "invented: tension removed per unit of the commander's skill above average "
        "(added below it)",
    ),
    "tension_relax_per_year": (
        2.0,
        "invented: tension closes the gap to its target e-fold in half a year",
    ),
    "incident_threshold": (0.25, "invented: below this tension no incidents happen"),
    "incidents_per_year_at_max": (
        4.0,
        "invented: incidents a year at full tension (fewer in proportion above the threshold)",
    ),
    "incident_days": (
        45.0,
        "invented: days a strike, work stoppage or seized module lasts",
    ),
    "incident_release": (
        0.1,
        "invented: tension released when an incident ends (the memory of it stays)",
    ),
    "defection_rivalry_jump": (
        0.04,
        "invented: US-Soviet rivalry added by a defection at a shared base",
    ),
}
