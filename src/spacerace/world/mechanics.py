"""The engine's invented constants, in one place, each with what it means and why.

Real-world figures (payloads, costs, budgets, flight records, training times, event rates)
live in the catalog's data files with their sources. What is left here is game mechanics:
how strongly politics reacts, how risky a phase is where no record exists, how a policy
weighs a choice. Each entry says whether it is *sourced* (a figure with a citation),
*derived* (computed from sourced figures, the computation stated) or *invented* (a judgement,
with the reason for its value). A scenario may override any of them in ``[mechanics]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacerace.world._base_mechanics import BASE_TABLE

__all__ = ["MECHANICS_DEFAULTS", "MECHANICS_NOTES", "Mechanics"]

# name: (value, note)
_TABLE: dict[str, tuple[float, str]] = {
    # --- politics and money -------------------------------------------------------------
    "support_relax_per_year": (
        0.35,
        "invented: share of the gap to the target support closed each fiscal year (support "
        "recovers from a shock in about 3 years, as NASA's did after Apollo 1 and Challenger)",
    ),
    "support_boost_rival_first": (
        0.22,
        "invented: support jump when the rival achieves a first (Sputnik and Gagarin raised "
        "NASA's budget by half within two years; a single first is given a fraction of that)",
    ),
    "support_boost_own_first": (0.04, "invented: support jump for one's own first"),
    "support_drop_crew_lost": (
        0.12,
        "invented: support drop after a loss of crew, recovered at the relax rate",
    ),
    "us_support_after_winning": (
        0.70,
        "derived: NASA's appropriation fell from 3,995 M$ (FY1969) to 3,040 M$ (FY1974), -24 % "
        "nominal and about -45 % in constant dollars (catalog budget table); once the US has "
        "won the race it set out to win (its first goal, first), Congress funds it at this "
        "share of what the rivalry alone would give",
    ),
    "us_support_base": (0.42, "invented: US support target with no rivalry at all"),
    "us_support_per_rivalry": (
        0.72,
        "invented: US support target gained per unit of rivalry; 0.42 + 0.72 x 0.8 = 1.0 at "
        "the 1969 rivalry, so the start year's real budget is the equilibrium",
    ),
    "soviet_support_base": (0.60, "invented: Soviet support target with no rivalry"),
    "soviet_support_per_rivalry": (
        0.50,
        "invented: Soviet support target per unit of rivalry (1.0 at 0.8)",
    ),
    "soviet_support_per_first": (
        0.12,
        "invented: lasting rise of the Soviet support target with each Soviet first (the "
        "Politburo funded the spectaculars that paid off in propaganda, as after Sputnik and "
        "Gagarin)",
    ),
    "rivalry_start": (0.8, "invented: US-Soviet rivalry in 1969, on a 0..1 scale"),
    "rivalry_jump_us_beaten": (
        0.30,
        "invented: rivalry jump when the US is beaten to a first it pursued (Sputnik and "
        "Gagarin moved Congress more than any US success moved the Politburo)",
    ),
    "rivalry_jump_soviet_beaten": (0.08, "invented: rivalry jump when the Soviets are beaten"),
    "support_min": (0.35, "invented: floor of political support"),
    "support_max": (1.8, "invented: ceiling of political support"),
    "shock_budget_factor": (
        0.92,
        "invented: budget multiplier for the fiscal year after an economic shock",
    ),
    "incumbent_party_retention": (
        0.474,
        "derived: the party holding the US presidency kept it in 9 of the 19 elections "
        "1948-2020 (public election results)",
    ),
    "party_space_support_delta": (
        0.05,
        "invented: support target shift when the White House changes party (the incoming "
        "party's enthusiasm for spaceflight is drawn each time, sign at random)",
    ),
    "soviet_approval_delay_days_per_year": (
        12.0,
        "invented: extra days a Soviet decision waits per year since 1970 (Brezhnev-era "
        "stagnation, as Star City shows); a reformer halves the accumulated delay",
    ),
    "leader_change_per_year": (
        0.09,
        "derived: the Soviet Union had 4 changes of general secretary in 1953-1991 outside "
        "deaths of the leader clustered 1982-85; 1/11 per year",
    ),
    "rivalry_decay_per_year": (
        0.03,
        "invented: US-Soviet rivalry cools by this much a year without confrontation",
    ),
    "rivalry_floor": (
        0.1,
        "invented: the superpowers' rivalry never cools below this (they stay rivals even "
        "as partners)",
    ),
    "treaty_rivalry_drop": (
        0.05,
        "invented: rivalry falls by this much when the superpowers sign a space treaty",
    ),
    "contractor_join_fees": (
        4.0,
        "invented: a company joins a base as a contractor only with capital for this many "
        "years of the contractor fee",
    ),
    "treaty_rivalry_threshold": (
        0.55,
        "invented: below this rivalry the superpowers sign space treaties and fly joint missions",
    ),
    "private_investor_share": (
        0.25,
        "invented: share of a private agency's capital it may spend in a year",
    ),
    "private_success_capital_musd": (
        400.0,
        "invented: investor money raised after a private agency's mission success, M$",
    ),
    "contractor_fee_musd": (
        250.0,
        "invented: what a company pays a year to put its people at another agency's base as a "
        "contractor (the series' Helios at Jamestown and Happy Valley)",
    ),
    "helium3_revenue_musd": (
        600.0,
        "invented: yearly lunar helium-3 / fusion contract revenue once a private agency "
        "shares a lunar base (the series' Helios)",
    ),
    # --- programs ------------------------------------------------------------------------
    "program_min_funding_share": (
        0.35,
        "invented: a program progresses only if funded at this share of its yearly need",
    ),
    "crash_program_rate": (
        2.0,
        "invented: a program funded at up to twice its planned yearly rate finishes in half its "
        "planned time, no faster (Apollo's spacecraft went from contract to flight in ~6 years)",
    ),
    "max_launches_lunar": (
        2.0,
        "derived: Apollo and the N1-L3 were single-launch designs; two-launch Earth-orbit "
        "rendezvous was the only alternative studied (NASA 1961-62 mode studies)",
    ),
    "max_launches_mars": (
        7.0,
        "derived: von Braun's 1969 Mars plan assembled two nuclear ships from six Saturn V "
        "launches, plus the crew",
    ),
    "max_launches_other": (4.0, "invented: most launches of any other mission"),
    "operations_share": (
        0.35,
        "derived: NASA spent roughly a third of its 1970s budget on flight operations and "
        "two thirds on development and science (NASA budget structure); reserved for missions",
    ),
    # --- missions -----------------------------------------------------------------------
    "grounding_days": (
        730.0,
        "sourced: crewed flights resumed 20 months after Apollo 1 (Jan 1967 - Oct 1968), "
        "32 after Challenger (Jan 1986 - Sep 1988), 29 after Columbia; about 2 years",
    ),
    "crew_survival_launch_failure": (
        0.6,
        "invented: chance a crew survives a launch failure (Soyuz T-10-1 1983 and MS-10 2018 "
        "crews escaped; Challenger's did not): a rough majority",
    ),
    "risk_lunar_transfer": (0.015, "invented: failure per trans-lunar coast (Apollo 13 1 of 9)"),
    "risk_lunar_landing": (
        0.03,
        "invented: failure per landing attempt (6 of 6 Apollo landings succeeded; the prior "
        "of a new lander is worse)",
    ),
    "risk_lunar_ascent_return": (0.015, "invented: failure per lunar ascent and return"),
    "risk_orbit": (0.01, "invented: failure per Earth-orbit mission phase"),
    "risk_mars_transfer": (0.04, "invented: failure per Earth-Mars transit (months in space)"),
    "risk_mars_landing": (0.08, "invented: failure per crewed Mars landing"),
    "risk_mars_return": (0.05, "invented: failure per Mars ascent and return"),
    "risk_asteroid_capture": (
        0.25,
        "invented: failure per capture attempt (the series' first fails)",
    ),
    "loss_given_phase_failure": (
        0.5,
        "invented: chance that a failure after launch kills the crew (Apollo 13 survived; "
        "Soyuz 11 did not)",
    ),
    "skill_risk_reduction": (
        0.4,
        "invented: a crew of skill 1 cuts phase risks by 40 % against a crew of skill 0",
    ),
    "mission_lead_days": (
        240.0,
        "invented: days from deciding a mission to launch (hardware assignment, crew training "
        "in the last months)",
    ),
    "idle_review_days": (
        120.0,
        "invented: days an agency waits to look again when no mission is possible (money comes "
        "on 1 October, trained crews on 1 January); with options it reviews every 60 days",
    ),
    "station_crew_interval_days": (
        120.0,
        "sourced: Skylab and Salyut crews rotated every 1-3 months to half a year",
    ),
    "base_rotation_interval_days": (
        180.0,
        "invented: a lunar base is crewed in six-month tours (the series' Jamestown)",
    ),
    "lunar_base_min_landings": (
        1.0,
        "invented: the first crewed landing of a habitat module founds the base (the series' "
        "Jamestown began with one module and its first crew)",
    ),
    "mars_base_min_landings": (
        1.0,
        "invented: the first crewed landing at a Mars site founds the base (the series' "
        "Happy Valley grew from the first landing crews of 1995)",
    ),
    "earth_orbit_interval_days": (
        365.0,
        "invented: an agency with nothing else to fly sends a crew to Earth orbit once a year "
        "to keep its crews flying",
    ),
    "mars_rotation_interval_days": (
        700.0,
        "derived: a Mars base is crewed once per Earth-Mars window (synodic period ~780 "
        "days), so a rotation becomes due a little before the next window",
    ),
    "no_choice_wait_days": (
        60.0,
        "invented: days an agency waits to look again after deciding to fly nothing, or "
        "when a chosen mission could not be planned (a review every two months)",
    ),
    "after_departure_days": (
        30.0,
        "invented: an agency decides its next mission a month after its last one left "
        "(and never sooner than a month after deciding it)",
    ),
    "launch_spacing_days": (
        20.0,
        "invented: days between two launches of one mission (Apollo-era pads were turned "
        "around in weeks)",
    ),
    "landing_phase_days": (0.25, "invented: a landing phase lasts six hours"),
    "short_phase_days": (
        3.0,
        "invented: an orbital or capture phase without a planned duration lasts three days",
    ),
    "crew_capsule_kg": (
        7000.0,
        "sourced: mass of a crew capsule launched separately to meet its cargo (Soyuz 7.2 t, "
        "Gemini 3.8 t): ~7 t",
    ),
    # --- spacecraft masses and propulsion (used with the rocket equation) ----------------
    "isp_chemical_s": (
        421.0,
        "sourced: J-2 engine vacuum specific impulse, 421 s (S-IVB, trans-lunar injection)",
    ),
    "isp_storable_s": (
        314.0,
        "sourced: Apollo service propulsion system vacuum specific impulse, 314 s",
    ),
    "isp_nuclear_s": (
        850.0,
        "sourced: NERVA design specific impulse ~850 s (NRX/XE tests reached ~810-850 s)",
    ),
    "lunar_spacecraft_kg": (
        45700.0,
        "sourced: Apollo 11 CSM + LM at trans-lunar injection, ~45.7 t (Apollo by the Numbers)",
    ),
    "lunar_descent_ascent_dv_km_s": (
        3.9,
        "sourced: LM descent ~2.1 km/s plus ascent to lunar orbit ~1.85 km/s (Apollo reports)",
    ),
    "lunar_descent_dv_km_s": (
        2.1,
        "sourced: LM powered descent from lunar orbit used ~2.1 km/s (Apollo mission reports)",
    ),
    "lunar_cargo_kg": (
        15000.0,
        "invented: one base module landed per cargo flight, 15 t (a Skylab-class module half)",
    ),
    "mars_spacecraft_kg": (
        70000.0,
        "invented: crew habitat, lander and ascent vehicle dry mass for a crew of four, 70 t "
        "(between the 1969 Integrated Program Plan and NASA DRA 5.0 figures)",
    ),
    "mars_landing_ascent_dv_km_s": (
        5.0,
        "invented: powered descent after aerobraking (~1 km/s) plus ascent to low Mars orbit "
        "(~4 km/s)",
    ),
    "station_mass_kg": (77000.0, "sourced: Skylab orbital workshop launch mass ~77 t"),
    "asteroid_min_return_kg": (
        100000.0,
        "invented: an asteroid mission is worth flying only if it brings back at least 100 t "
        "(the Keck 2012 retrieval study's 500 t class, with margin)",
    ),
    "asteroid_support_per_billion": (
        0.02,
        "invented: political support a state gains per billion dollars a captured asteroid "
        "brings home",
    ),
    "asteroid_spacecraft_kg": (25000.0, "invented: capture spacecraft dry mass, 25 t"),
    "spacecraft_cost_musd_per_t": (
        4.0,
        "derived: Apollo CSM+LM production cost ~ 180 M$ (1969) for ~46 t, ~4 M$ per tonne",
    ),
    "discovery_per_base_year": (
        0.3,
        "invented: yearly chance that a lunar base's crews confirm polar water ice (the "
        "series' Shackleton discovery); real orbital evidence came in 2009 (LCROSS)",
    ),
    # --- people ---------------------------------------------------------------------------
    "min_flyers": (12.0, "invented: an agency recruits when fewer can fly or are in training"),
    "recruit_group_size": (
        10.0,
        "derived: NASA astronaut groups 1959-1978 had 6-35 members, median ~ 15; Soviet "
        "groups ~ 8-20; a smaller group keeps small programs small",
    ),
    "injury_per_person_year": (0.02, "invented: training injuries that keep someone off flights"),
    # --- prestige ---------------------------------------------------------------------------
    "prestige_first": (10.0, "invented: prestige for a first"),
    "prestige_success": (1.0, "invented: prestige for a successful crewed mission"),
    "prestige_loss": (-4.0, "invented: prestige lost with a crew"),
}

_TABLE.update(BASE_TABLE)

MECHANICS_DEFAULTS: dict[str, float] = {k: v for k, (v, _) in _TABLE.items()}
"""Every mechanic's default value, by name."""

MECHANICS_NOTES: dict[str, str] = {k: note for k, (_, note) in _TABLE.items()}
"""Every mechanic's explanation, by name."""


@dataclass(frozen=True)
class Mechanics:
    """The constants one run uses: the defaults with a scenario's overrides.

    Example:
        >>> Mechanics.with_overrides({"grounding_days": 365}).grounding_days
        365.0
    """

    values: Mapping[str, float]

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, float] | None = None) -> Mechanics:
        """Return the defaults updated with ``overrides`` (names must exist)."""
        values = dict(MECHANICS_DEFAULTS)
        for name, value in (overrides or {}).items():
            if name not in values:
                raise KeyError(name)
            values[name] = float(value)
        return cls(values)

    def __getattr__(self, name: str) -> float:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None
