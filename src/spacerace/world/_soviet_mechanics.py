"""The mechanics of a planned program's inner politics (``sim.soviet_politics``).

One frozen dataclass, gathered in ``world.mechanics.Mechanics`` as ``soviet``: the
Politburo's verdicts on goal missions and new programs, the KGB's surveillance of cosmonauts
and engineers (defections, purges, morale), and the Chief Designer (standing, dismissal,
death). Every agency whose profile is ``planned`` lives under them, in every scenario;
``star-city`` turns some up in ``[mechanics.soviet]``. Where a record gives a number it is
cited; the rest are invented, with what they must do.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = ["SovietMechanics"]


@dataclass(frozen=True, slots=True)
class SovietMechanics(MechanicGroup):
    """The Politburo, the KGB and the Chief Designer of a planned-economy program."""

    group = "soviet"

    politburo_refusal_base: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "chance the Politburo refuses a goal mission or a new program outright, before "
        "stagnation and the designer's standing weigh in (the L1 circumlunar flights were "
        "refused a crew in 1968-69, DOS stations were approved at once in 1970)",
    )

    politburo_refusal_per_delay_year: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "refusal chance added per year of accumulated approval delay (stagnation: "
        "politics.soviet_approval_delay_days_per_year), so about +0.07 by 1990 at the default",
    )

    politburo_refusal_per_standing: float = constant(
        0.3,
        "invented",
        "[0, 2]",
        "refusal chance added per unit the Chief Designer's standing is below 0.5 (a "
        "discredited designer's proposals are refused: Mishin's N1-L3 in 1974)",
    )

    politburo_delay_base: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "chance the Politburo sends a proposal back to the commissions (delayed), stagnation aside",
    )

    politburo_delay_per_delay_year: float = constant(
        0.2,
        "invented",
        "[0, 1]",
        "delay chance added per year of accumulated approval delay",
    )

    politburo_rivalry_relief: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "share of the refusal and delay chances removed at full rivalry (a race with the "
        "Americans opened the purse and the doors: the 1964 decree on the lunar landing)",
    )

    politburo_delay_days: float = constant(
        90.0,
        "invented",
        "[0, 3650]",
        "days a delayed mission waits on top of the approval delay (a quarter's round of the "
        "Military-Industrial Commission); a windowed mission misses its window",
    )

    politburo_refusal_days: float = constant(
        365.0,
        "invented",
        "[0, 3650]",
        "days a refused goal or program is not proposed again (until next year's plan)",
    )

    kgb_surveillance_base: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "KGB surveillance of the program's cosmonauts and engineers with no rivalry, 0 (none) "
        "to 1 (an officer beside everyone): every Soviet design bureau had its 'first "
        "department' of security officers; the scale is invented",
    )

    kgb_surveillance_per_rivalry: float = constant(
        0.2,
        "invented",
        "[0, 1]",
        "surveillance added at full superpower rivalry (watchfulness follows the Cold War)",
    )

    kgb_surveillance_per_defection: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "surveillance added after a defection (it then relaxes toward its target)",
    )

    kgb_relax_per_year: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "share of the gap to its target surveillance and morale close each year",
    )

    kgb_program_drag: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "share of development work lost at full surveillance (engineers who fear blame report "
        "no problems and take no risks; Star City's theme)",
    )

    morale_base: float = constant(
        0.8,
        "invented",
        "[0, 1]",
        "morale of cosmonauts and engineers with no surveillance and no stagnation, 0..1",
    )

    morale_per_surveillance: float = constant(
        0.4,
        "invented",
        "[0, 1]",
        "morale lost at full surveillance",
    )

    morale_per_delay_year: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "morale lost per year of accumulated approval delay (stagnation)",
    )

    morale_per_first: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "morale gained by each first the program wins in the year",
    )

    morale_per_purge: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "morale lost with a purge",
    )

    defection_chance_max: float = constant(
        0.08,
        "invented",
        "[0, 1]",
        "chance a year that someone of the program defects to the rival with no surveillance "
        "and no morale; it falls with both. No cosmonaut ever defected (astronauts.csv has "
        "none), so with the default surveillance and morale the chance is about 2 % a year, "
        "under one defection per history run",
    )

    defection_rivalry_jump_earth: float = constant(
        0.03,
        "invented",
        "[0, 1]",
        "superpower rivalry added by a defection from the program on Earth (the 1976 Belenko "
        "affair soured relations for months)",
    )

    defection_support_drop: float = constant(
        0.02,
        "invented",
        "[0, 1]",
        "lasting fall of the program's support target after a defection (an embarrassment to "
        "the leadership)",
    )

    purge_chance_max: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "chance a year of a purge at full surveillance, times (1 + the year's failures and "
        "losses of crew); it scales with surveillance",
    )

    purge_size: float = constant(
        3.0,
        "sourced",
        "[0, 50]",
        "people a purge dismisses: in April 1963 Anikeyev, Filatyev and Nelyubov were "
        "dismissed from the first cosmonaut group together, for discipline (Rafikov a year "
        "before: four of the twenty of 1960); A. Siddiqi, Challenge to Apollo, ch. 7",
    )

    designer_standing_start: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "standing of a new Chief Designer with the leadership, 0..1",
    )

    designer_standing_per_first: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "standing gained by each first the program wins",
    )

    designer_standing_per_success: float = constant(
        0.01,
        "invented",
        "[0, 1]",
        "standing gained by each successful mission",
    )

    designer_standing_per_failure: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "standing lost by each failed mission or test flight: four N1 failures (1969-72) "
        "take a new designer from 0.5 to 0.1, below the dismissal line, as Mishin fell in 1974",
    )

    designer_standing_per_crew_lost: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "standing lost by each loss of crew (Soyuz 1, 1967; Soyuz 11, 1971)",
    )

    designer_dismissal_standing: float = constant(
        0.25,
        "invented",
        "[0, 1]",
        "below this standing the Chief Designer may be dismissed at the yearly review",
    )

    designer_dismissal_chance: float = constant(
        0.4,
        "invented",
        "[0, 1]",
        "chance a year of dismissal below the dismissal line, times (0.5 + surveillance): "
        "Mishin survived the failures of 1969-72 for two years",
    )

    designer_speed_per_skill: float = constant(
        0.3,
        "invented",
        "[0, 2]",
        "development speed gained per unit of the Chief Designer's skill above 0.5 (lost "
        "below): Korolev's bureau outpaced Chelomei's and Yangel's",
    )

    designer_mortality_at_60: float = constant(
        0.025,
        "invented",
        "[0, 1]",
        "yearly chance a Chief Designer of 60 dies in office, doubling every 8 years of age "
        "(Gompertz's law); Soviet men of 60-64 died at about 2-3 % a year in the 1970s-80s, "
        "an order of magnitude, not a cited rate",
    )

    designer_max_age: float = constant(
        80.0,
        "derived",
        "[40, 120]",
        "oldest age at which someone is named Chief Designer, years: Glushko held the post "
        "to his death at 80 (1989)",
    )
