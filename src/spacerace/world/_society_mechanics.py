"""The mechanics of a base's society: alliances, pay and rights, unions, riots, independence.

One frozen dataclass, gathered in ``world.mechanics.Mechanics`` as ``mech.society``; each
field carries its tag, range and note (``world._mechanic_kit.constant``). What they drive is
in ``sim.base_agreements`` (the alliance), ``sim.base_society`` (unions, strikes settled,
riots, commanders, the independence movement) and ``world.tension`` (the drivers).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["SocietyMechanics"]


@dataclass(frozen=True, slots=True)
class SocietyMechanics(MechanicGroup):
    """Alliances, employers' terms, unions, riots and independence at bases."""

    group = "society"

    alliance_review_days: float = constant(
        365.25,
        "invented",
        "(0, 3650]",
        "an alliance a state refused (or one a newcomer could join) is offered again after this "
        "many days: agreements between space agencies are reviewed once a year (the ISS partners' "
        "yearly Multilateral Coordination Board)",
    )

    state_staff_pay_musd_per_year: float = constant(
        0.2,
        "invented",
        "[0, 10]",
        "what a state agency pays a year for one of its staff at a base, M$ of 1995, overhead "
        "included: the same off-world pay and insurance as a company's worker (mechanic "
        "worker_pay_musd_per_year), so that the pay gap comes from the hours alone until a "
        "strike is settled",
    )

    state_staff_hours_per_week: float = constant(
        40.0,
        "sourced",
        "[1, 168]",
        "a state agency's staff work the civil service's 40-hour week (US federal employees: "
        "5 U.S.C. 6101; the Soviet 41-hour week of 1967 is within an hour of it)",
    )

    tension_w_isolation: float = constant(
        0.2,
        "invented",
        "[0, 2]",
        "tension added when the residents have been away for isolation_full_years on average "
        "at a base a year or more from home (Mars between windows)",
    )

    isolation_full_years: float = constant(
        6.0,
        "invented",
        "(0, 100]",
        "years at a base after which being away weighs fully (about three Mars tours; the "
        "series' Happy Valley veterans of 1995 are the restless ones of 2003)",
    )

    remote_days_full: float = constant(
        365.0,
        "invented",
        "(0, 10000]",
        "days to get home (waiting for a return window, then the transit) at which a base counts "
        "as fully remote; the Moon, three days away, is barely remote",
    )

    tension_w_grievances: float = constant(
        0.15,
        "invented",
        "[0, 2]",
        "tension added per strike left unsettled (its employer refused the strikers' terms; "
        "the memory fades e-fold a year)",
    )

    union_morale_threshold: float = constant(
        0.6,
        "invented",
        "[0, 1]",
        "a company's workers at a base unionise once their morale falls below this",
    )

    union_min_members: float = constant(
        2.0,
        "sourced",
        "[1, 10000]",
        "... and they are at least two: the US National Labor Relations Board certifies no "
        "bargaining unit of a single employee (NLRB, An Outline of Law and Procedure in "
        "Representation Cases, ch. 12)",
    )

    concession_pay_raise: float = constant(
        0.15,
        "invented",
        "[0, 5]",
        "pay rise a settled strike wins its workers, as a share of their pay (a large one: "
        "the only employer within a hundred million kilometres)",
    )

    concession_hours_cut: float = constant(
        8.0,
        "invented",
        "[0, 168]",
        "hours a week a settled strike takes off the workers' week (never below the state "
        "staff's week)",
    )

    riot_threshold: float = constant(
        0.6,
        "invented",
        "[0, 1]",
        "tension at and above which an incident may be a riot",
    )

    incident_weight_riot: float = constant(
        2.0,
        "invented",
        "(0, 100]",
        "relative frequency of a riot among the possible incidents, above riot_threshold",
    )

    riot_injury_chance: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "chance each resident is hurt in a riot (health cut by a quarter)",
    )

    movement_relax_per_year: float = constant(
        0.5,
        "invented",
        "[0, 100]",
        "support for independence closes the gap to its target e-fold in two years (opinion "
        "moves slower than tempers)",
    )

    movement_w_isolation: float = constant(
        0.5,
        "invented",
        "[0, 2]",
        "support for independence from the residents' isolation (years away at a remote base)",
    )

    movement_w_born: float = constant(
        1.0,
        "invented",
        "[0, 10]",
        "support for independence per share of residents born at the base (a home, not a post)",
    )

    movement_w_tension: float = constant(
        0.4,
        "invented",
        "[0, 2]",
        "support for independence from the base's tension (grievances against Earth's commands)",
    )

    movement_threshold: float = constant(
        0.35,
        "invented",
        "(0, 1]",
        "support at which an independence movement declares itself at a settled base",
    )

    movement_stoppage_days: float = constant(
        30.0,
        "invented",
        "[0, 3650]",
        "days the movement's declaration halves production (meetings, marches, a general stoppage)",
    )

    unrest_prestige_loss: float = constant(
        1.0,
        "invented",
        "[0, 1000]",
        "prestige a command loses to a riot at its base or an independence movement against it "
        "(a quarter of a crew lost, mechanic prestige_loss: an embarrassment, not a tragedy)",
    )

    council_tension_relief: float = constant(
        0.1,
        "invented",
        "[0, 2]",
        "tension removed while a residents' council (the commands' concession to the movement) "
        "sits",
    )
