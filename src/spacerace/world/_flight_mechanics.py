"""The mechanics of flights: mission risks and timing, spacecraft masses and propulsion.

One frozen dataclass per concern, gathered in ``world.mechanics.Mechanics``; each field
carries its tag, range and note (``world._mechanic_kit.constant``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["MissionsMechanics", "SpacecraftMechanics"]


@dataclass(frozen=True, slots=True)
class MissionsMechanics(MechanicGroup):
    """Mission risks, timing and crew rotation."""

    group = "missions"

    grounding_days: float = constant(
        730.0,
        "sourced",
        "[0, 3650]",
        "crewed flights resumed 20 months after Apollo 1 (Jan 1967 - Oct 1968), 32 after "
        "Challenger (Jan 1986 - Sep 1988), 29 after Columbia; about 2 years",
    )

    launch_first_failure: float = constant(
        0.347,
        "derived",
        "(0, 1]",
        "failure chance of a launcher's first flight on the reliability-growth curve "
        "(world.launch_growth): maximum likelihood over GCAT's 6,817 launches of 255 families "
        "(catalog launch_record.csv; observed 34.5 % of 255 first flights)",
    )

    launch_growth_n0: float = constant(
        0.214,
        "derived",
        "(0, 1000]",
        "experience scale of the launch reliability-growth curve, flights: fitted with "
        "launch_first_failure and launch_growth_slope (world.launch_growth)",
    )

    launch_growth_slope: float = constant(
        0.341,
        "derived",
        "[0, 5]",
        "how fast a launcher's failure chance falls with its flights, q ~ n ** -slope (Duane's "
        "reliability growth): fitted to GCAT's record, whose failure rate falls from 16 % over "
        "flights 2-5 to 4.3 % over 21-100 and 2.7 % after 500",
    )

    crew_survival_launch_failure: float = constant(
        0.6,
        "invented",
        "[0, 1]",
        "chance a crew survives a launch failure (Soyuz T-10-1 1983 and MS-10 2018 crews escaped; "
        "Challenger's did not): a rough majority",
    )

    risk_lunar_transfer: float = constant(
        0.015,
        "invented",
        "[0, 1]",
        "failure per trans-lunar coast (Apollo 13 1 of 9)",
    )

    risk_lunar_landing: float = constant(
        0.03,
        "invented",
        "[0, 1]",
        "failure per landing attempt (6 of 6 Apollo landings succeeded; the prior of a new lander "
        "is worse)",
    )

    risk_lunar_ascent_return: float = constant(
        0.015,
        "invented",
        "[0, 1]",
        "failure per lunar ascent and return",
    )

    risk_orbit: float = constant(
        0.01,
        "invented",
        "[0, 1]",
        "failure per Earth-orbit mission phase",
    )

    risk_mars_transfer: float = constant(
        0.04,
        "invented",
        "[0, 1]",
        "failure per Earth-Mars transit (months in space)",
    )

    risk_mars_landing: float = constant(
        0.08,
        "invented",
        "[0, 1]",
        "failure per crewed Mars landing",
    )

    risk_mars_return: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "failure per Mars ascent and return",
    )

    risk_asteroid_capture: float = constant(
        0.4,
        "derived",
        "[0, 1]",
        "failure of a first-of-kind asteroid capture, before any has been tried in the run: "
        "the record of first surface contacts with small bodies, 2 failures in 5 (Hayabusa's "
        "sampler did not fire, 2005; Philae's harpoons did not, 2014; NEAR Shoemaker 2001, "
        "Hayabusa2 2019 and OSIRIS-REx 2020 made theirs). Learned from every simulated "
        "capture (world.mission_kinds.PhaseRecord); was 0.25 a try for ever, invented",
    )

    first_of_kind_prior_attempts: float = constant(
        5.0,
        "derived",
        "(0, 1000]",
        "attempts the prior of a first-of-kind phase weighs, as many as the real record behind "
        "it (the 5 small-body contacts of risk_asteroid_capture): each simulated attempt then "
        "counts as much as one of them",
    )

    loss_given_phase_failure: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "chance that a failure after launch kills the crew (Apollo 13 survived; Soyuz 11 did not)",
    )

    rescue_chance: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "chance that another agency's people at the same body save a crew whose failure would "
        "kill it (sim.rescue; the series' Mars-94 crew saved in 1995); even odds for want of any "
        "record of rescues beyond Earth",
    )

    rivalry_drop_rescue: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "rivalry removed when a superpower's people rescue its rival's crew (a gesture as a joint "
        "docking is: treaty_rivalry_drop)",
    )

    skill_risk_reduction: float = constant(
        0.4,
        "invented",
        "[0, 1]",
        "a crew of skill 1 cuts phase risks by 40 % against a crew of skill 0",
    )

    mission_lead_days: float = constant(
        240.0,
        "invented",
        "[0, 3650]",
        "days from deciding a mission to launch (hardware assignment, crew training in the last "
        "months)",
    )

    idle_review_days: float = constant(
        120.0,
        "invented",
        "(0, 3650]",
        "days an agency waits at most to look again when no mission is possible (money comes "
        "on 1 October, trained crews on 1 January); it looks sooner on the day its next upkeep "
        "flight falls due (it knows its own manifest); with options it reviews every 60 days",
    )

    decision_retry_days: float = constant(
        60.0,
        "invented",
        "(0, 3650]",
        "days an agency waits to decide again when its policy chose no mission or the chosen one "
        "could not be committed (about the bimonthly cycle of a program review)",
    )

    decision_after_commit_days: float = constant(
        60.0,
        "invented",
        "(0, 3650]",
        "days after committing a mission before its agency decides on the next one: missions are "
        "prepared in parallel (in 1969-72 NASA flew a Saturn every two to five months, each "
        "prepared for over a year), on about the bimonthly cycle of a program review",
    )

    launch_interval_days: float = constant(
        20.0,
        "invented",
        "[0, 365]",
        "days between the launches of one multi-launch mission (pad turnaround; Gemini 11 and its "
        "Agena target flew the same day, Skylab's crews 2 to 4 weeks apart)",
    )

    landing_phase_days: float = constant(
        0.25,
        "invented",
        "(0, 365]",
        "duration of a landing phase, 6 hours (Apollo's powered descent took 12 minutes; the "
        "phase includes undocking and the surface check-out)",
    )

    other_phase_days: float = constant(
        3.0,
        "invented",
        "(0, 365]",
        "duration of a phase that is neither a transfer, a return nor a landing (orbit, capture, "
        "ascent): three days",
    )

    station_crew_interval_days: float = constant(
        120.0,
        "sourced",
        "(0, 3650]",
        "Skylab and Salyut crews rotated every 1-3 months to half a year",
    )

    lunar_exploration_interval_days: float = constant(
        208.0,
        "derived",
        "(0, 3650]",
        "an agency with lunar landers left flies one exploration landing this often when no "
        "goal calls for one: Apollo 11 (July 1969) to Apollo 17 (December 1972) is six "
        "intervals in 41 months",
    )

    base_rotation_interval_days: float = constant(
        180.0,
        "invented",
        "(0, 3650]",
        "a lunar base is crewed in six-month tours (the series' Jamestown)",
    )

    mars_base_rotation_interval_days: float = constant(
        700.0,
        "invented",
        "(0, 3650]",
        "a Mars base is crewed once per launch window, about every 700 days (a little under the "
        "780-day synodic period, so the next window is never missed)",
    )

    earth_orbit_interval_days: float = constant(
        365.0,
        "invented",
        "(0, 3650]",
        "an agency with no goal in Earth orbit still flies a crew there once a year to keep its "
        "crews and hardware in practice (Soyuz and Shuttle flew at least yearly)",
    )

    lunar_base_min_landings: float = constant(
        1.0,
        "invented",
        "[1, 100]",
        "the first crewed landing of a habitat module founds the base (the series' Jamestown "
        "began with one module and its first crew)",
    )

    mars_base_min_landings: float = constant(
        1.0,
        "invented",
        "[1, 100]",
        "the first crewed landing at a Mars site founds the base (the series' Happy Valley grew "
        "from the first landing crews of 1995)",
    )


@dataclass(frozen=True, slots=True)
class SpacecraftMechanics(MechanicGroup):
    """Spacecraft masses, specific impulses, delta-v and costs, used with the rocket equation."""

    group = "spacecraft"

    isp_chemical_s: float = constant(
        421.0,
        "sourced",
        "(0, 10000]",
        "J-2 engine vacuum specific impulse, 421 s (S-IVB, trans-lunar injection)",
    )

    isp_storable_s: float = constant(
        314.0,
        "sourced",
        "(0, 10000]",
        "Apollo service propulsion system vacuum specific impulse, 314 s",
    )

    isp_nuclear_s: float = constant(
        850.0,
        "sourced",
        "(0, 10000]",
        "NERVA design specific impulse ~850 s (NRX/XE tests reached ~810-850 s)",
    )

    lunar_spacecraft_kg: float = constant(
        45700.0,
        "sourced",
        "(0, inf)",
        "Apollo 11 CSM + LM at trans-lunar injection, ~45.7 t (Apollo by the Numbers)",
    )

    lunar_descent_ascent_dv_km_s: float = constant(
        3.9,
        "sourced",
        "[0, 20]",
        "LM descent ~2.1 km/s plus ascent to lunar orbit ~1.85 km/s (Apollo reports)",
    )

    lunar_descent_dv_km_s: float = constant(
        2.1,
        "sourced",
        "[0, 20]",
        "LM powered descent from lunar orbit used ~2.1 km/s (Apollo mission reports)",
    )

    lunar_cargo_kg: float = constant(
        15000.0,
        "invented",
        "(0, inf)",
        "one base module landed per cargo flight, 15 t (a Skylab-class module half)",
    )

    mars_spacecraft_kg: float = constant(
        70000.0,
        "invented",
        "(0, inf)",
        "crew habitat, lander and ascent vehicle dry mass for a crew of four, 70 t (between the "
        "1969 Integrated Program Plan and NASA DRA 5.0 figures)",
    )

    mars_landing_ascent_dv_km_s: float = constant(
        5.0,
        "invented",
        "[0, 20]",
        "powered descent after aerobraking (~1 km/s) plus ascent to low Mars orbit (~4 km/s)",
    )

    capsule_kg: float = constant(
        7000.0,
        "derived",
        "(0, inf)",
        "mass of a crew capsule on its own launcher, 7 t: Soyuz 7.2 t, Apollo CM ~5.8 t; a crew "
        "vehicle lifting less carries its own payload",
    )

    asteroid_min_return_kg: float = constant(
        100000.0,
        "invented",
        "[0, inf)",
        "an asteroid mission is worth flying only if it brings back at least 100 t (the Keck 2012 "
        "retrieval study's 500 t class, with margin)",
    )

    asteroid_spacecraft_kg: float = constant(
        25000.0,
        "invented",
        "(0, inf)",
        "capture spacecraft dry mass, 25 t",
    )

    spacecraft_cost_musd_per_t: float = constant(
        4.0,
        "derived",
        "[0, inf)",
        "Apollo CSM+LM production cost ~ 180 M$ (1969) for ~46 t, ~4 M$ per tonne",
    )

    mars_descent_dv_km_s: float = constant(
        1.0,
        "invented",
        "[0, 20]",
        "powered descent of a cargo lander after aerobraking at Mars (the descent part of "
        "mars_landing_ascent_dv_km_s)",
    )

    mars_light_lander_kg: float = constant(
        6000.0,
        "invented",
        "(0, inf)",
        "dry mass of a two-seat Mars lander and ascent stage derived from the Soviet LK (the "
        "LK lunar lander weighed 5.56 t fuelled for one cosmonaut); it lands and lifts off "
        "alone while the return craft waits in Mars orbit",
    )

    mars_light_return_kg: float = constant(
        7000.0,
        "invented",
        "(0, inf)",
        "the Earth-return craft of a two-seat Mars mission, waiting in Mars orbit: a Soyuz "
        "(7.2 t for three) with no room for the years of stores a real crew would need; the "
        "series' North Korean ship passed for an uncrewed probe",
    )
