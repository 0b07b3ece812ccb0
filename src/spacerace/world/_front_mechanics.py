"""The mechanics of the Cold War on the Moon: rival bases side by side, and what follows.

One frozen dataclass, gathered in ``world.mechanics.Mechanics`` as the ``front`` group; each
field carries its tag, range and note (``world._mechanic_kit.constant``). The engine side is
``sim.lunar_front``. Nothing here is sourced: no two powers ever had bases on the Moon, so
every figure is a judgement, sized against the series' 1983 (a seizure, a standoff, Marines,
a handshake within about a decade of the bases' founding) and said why.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["FrontMechanics"]


@dataclass(frozen=True, slots=True)
class FrontMechanics(MechanicGroup):
    """Rival bases near each other: claims, disputes, seizures, standoffs, de-escalation."""

    group = "front"

    front_step_days: float = constant(
        91.3125,
        "invented",
        "[1, 3650]",
        "days between two reviews of the lunar front (a quarter: crises on the Moon move at "
        "the pace of cargo flights and summits, not of the monthly base step)",
    )

    claim_pressure_per_rivalry: float = constant(
        1.0,
        "invented",
        "[0, 10]",
        "pressure to claim the ice beside a rival's base, per unit of rivalry (a superpower "
        "at full rivalry claims it for certain; at the treaty threshold about half the time)",
    )

    rivalry_jump_bases_near: float = constant(
        0.03,
        "invented",
        "[0, 1]",
        "rivalry added when a rival superpower's base opens within sight of one's own (less "
        "than being beaten to a first: a neighbour, not yet a defeat)",
    )

    dispute_per_year: float = constant(
        0.5,
        "invented",
        "[0, 100]",
        "yearly chance of a territorial dispute between rival bases at one site at full "
        "rivalry once water ice is known and a mine or oxygen plant stands there (in "
        "proportion to rivalry): about one every two years, so the series' years from "
        "Zvezda (1974) to the 1983 seizure hold a few",
    )

    dispute_tension: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "tension added at both bases by a dispute (about half an incident's weight)",
    )

    rivalry_jump_dispute: float = constant(
        0.02,
        "invented",
        "[0, 1]",
        "rivalry added by a territorial dispute on the Moon",
    )

    rivalry_drop_settled: float = constant(
        0.01,
        "invented",
        "[0, 1]",
        "rivalry removed when a dispute is settled without a seizure (restraint is noticed, "
        "a little)",
    )

    seize_pressure_per_rivalry: float = constant(
        0.5,
        "invented",
        "[0, 10]",
        "pressure on the side with fewer resource modules to seize the other's in a "
        "dispute, per unit of rivalry, before militarisation (at full rivalry an unarmed "
        "side seizes in half its disputes: the series' one seizure in about a decade of "
        "neighbours)",
    )

    militarisation_weight: float = constant(
        1.0,
        "invented",
        "[0, 10]",
        "how much an armed side's pressures grow: x (1 + this x militarisation); a fully "
        "militarised side (doctrine military, or Marines already sent) is twice as likely "
        "to seize, answer by force or hold out",
    )

    militarisation_per_escalation: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "militarisation an agency gains each time it answers by force (Marines to the "
        "Moon; two escalations make it fully armed, as a military doctrine is from the start)",
    )

    rivalry_jump_seizure: float = constant(
        0.06,
        "invented",
        "[0, 1]",
        "rivalry added by the seizure of a mining site (more than the Soviet jump when "
        "beaten to a first: territory taken, not prestige)",
    )

    support_rally_seizure: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "political support a state gains at home when its site is seized (rally round the "
        "flag; a tenth of the support range)",
    )

    answer_pressure_per_rivalry: float = constant(
        0.6,
        "invented",
        "[0, 10]",
        "pressure on the side whose site was seized to answer by force (armed guards, an "
        "armed standoff), per unit of rivalry, before militarisation",
    )

    prestige_backdown: float = constant(
        -2.0,
        "invented",
        "[-1000, 0]",
        "prestige lost by backing down from a seizure (half a loss of crew)",
    )

    rivalry_jump_standoff: float = constant(
        0.08,
        "invented",
        "[0, 1]",
        "rivalry added when a seizure turns into an armed standoff (the largest jump of the "
        "front: armed men face each other)",
    )

    support_per_standoff: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "political support both states gain when an armed standoff begins (defence money "
        "follows a crisis: the series' Marines on the Moon)",
    )

    garrison_musd_per_year: float = constant(
        300.0,
        "invented",
        "[0, inf)",
        "yearly cost of an armed garrison at a base, M$ (a few Shuttle-era crew flights a "
        "year of men and weapons), paid from the year's funds while the standoff lasts",
    )

    clash_per_year: float = constant(
        0.3,
        "invented",
        "[0, 100]",
        "yearly chance of an armed clash in a standoff at full rivalry, before "
        "militarisation (in proportion to rivalry; about one in a three-year standoff)",
    )

    clash_hit_chance: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "chance each resident of the two bases is hit in a clash (a few people at bases "
        "of a dozen)",
    )

    clash_death_share: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "share of those hit in a clash who die (a vacuum wound is worse than one on Earth); "
        "the rest are wounded",
    )

    rivalry_jump_clash: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "rivalry added by an armed clash",
    )

    hold_pressure_per_rivalry: float = constant(
        1.0,
        "invented",
        "[0, 10]",
        "pressure on each side to hold out in a standoff, per unit of rivalry, before "
        "militarisation and the standoff's wear",
    )

    standoff_patience_years: float = constant(
        2.0,
        "invented",
        "(0, 100]",
        "the pressure to hold out falls e-fold in this many years of standoff (each year the "
        "garrison costs, the risk and the world's alarm grow: the series' standoff ended "
        "within months)",
    )

    deescalation_rivalry_drop: float = constant(
        0.12,
        "invented",
        "[0, 1]",
        "rivalry removed when a standoff ends in a joint flight (the series' Apollo-Soyuz "
        "handshake of 1983): about what the crisis added (a seizure 0.06 and a standoff "
        "0.08), so the handshake undoes the crisis and the treaty can follow",
    )
