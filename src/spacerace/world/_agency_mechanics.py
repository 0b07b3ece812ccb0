"""The mechanics of agencies: politics, money, programs, people, prestige and policy.

One frozen dataclass per concern, gathered in ``world.mechanics.Mechanics``; each field
carries its tag, range and note (``world._mechanic_kit.constant``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacerace.world._mechanic_kit import MechanicGroup, constant

__all__ = [
    "EconomyMechanics",
    "PeopleMechanics",
    "PolicyMechanics",
    "PoliticsMechanics",
    "PrestigeMechanics",
    "ProgramsMechanics",
]


@dataclass(frozen=True, slots=True)
class PoliticsMechanics(MechanicGroup):
    """Political support, rivalry, elections and Soviet leadership."""

    group = "politics"

    support_relax_per_year: float = constant(
        0.35,
        "invented",
        "[0, 1]",
        "share of the gap to the target support closed each fiscal year (support recovers from a "
        "shock in about 3 years, as NASA's did after Apollo 1 and Challenger)",
    )

    support_boost_rival_first: float = constant(
        0.22,
        "invented",
        "[0, 1]",
        "support jump when the rival achieves a first (Sputnik and Gagarin raised NASA's budget "
        "by half within two years; a single first is given a fraction of that)",
    )

    support_boost_own_first: float = constant(
        0.04,
        "invented",
        "[0, 1]",
        "support jump for one's own first",
    )

    support_drop_crew_lost: float = constant(
        0.12,
        "invented",
        "[0, 1]",
        "support drop after a loss of crew, recovered at the relax rate",
    )

    us_support_after_winning: float = constant(
        0.41,
        "derived",
        "[0, 2]",
        "support a legislature gives once its agency has won the race it set out to win (its "
        "first goal, first), whatever the rivalry: NASA's mean share of federal outlays FY1975-"
        "2003 (0.88 %) over its FY1969 share (2.18 %), budgets.csv; Apollo was funded to win, "
        "and after it NASA's share stayed within 0.72-1.06 % through detente, the 1980s "
        "build-up and the end of the Cold War",
    )

    us_support_base: float = constant(
        0.42,
        "invented",
        "[0, 2]",
        "US support target with no rivalry at all",
    )

    us_support_per_rivalry: float = constant(
        0.72,
        "invented",
        "[0, 2]",
        "US support target gained per unit of rivalry; 0.42 + 0.72 x 0.8 = 1.0 at the 1969 "
        "rivalry, so the start year's real budget is the equilibrium",
    )

    soviet_support_base: float = constant(
        0.6,
        "invented",
        "[0, 2]",
        "Soviet support target with no rivalry",
    )

    soviet_support_per_rivalry: float = constant(
        0.5,
        "invented",
        "[0, 2]",
        "Soviet support target per unit of rivalry (1.0 at 0.8)",
    )

    soviet_support_per_first: float = constant(
        0.12,
        "invented",
        "[0, 1]",
        "lasting rise of the Soviet support target with each Soviet first (the Politburo funded "
        "the spectaculars that paid off in propaganda, as after Sputnik and Gagarin)",
    )

    rivalry_start: float = constant(
        0.8,
        "invented",
        "[0, 1]",
        "US-Soviet rivalry in 1969, on a 0..1 scale",
    )

    rivalry_jump_us_beaten: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "rivalry jump when the US is beaten to a first it pursued (Sputnik and Gagarin moved "
        "Congress more than any US success moved the Politburo)",
    )

    rivalry_jump_soviet_beaten: float = constant(
        0.08,
        "invented",
        "[0, 1]",
        "rivalry jump when the Soviets are beaten",
    )

    support_min: float = constant(
        0.35,
        "invented",
        "[0, 1]",
        "floor of political support",
    )

    support_max: float = constant(
        1.8,
        "invented",
        "[1, 5]",
        "ceiling of political support",
    )

    shock_budget_factor: float = constant(
        0.92,
        "invented",
        "[0, 1]",
        "budget multiplier for the fiscal year after an economic shock",
    )

    incumbent_party_retention: float = constant(
        0.474,
        "derived",
        "[0, 1]",
        "the party holding the US presidency kept it in 9 of the 19 elections 1948-2020 (public "
        "election results)",
    )

    party_space_support_delta: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "support target shift when the White House changes party (the incoming party's enthusiasm "
        "for spaceflight is drawn each time, sign at random)",
    )

    soviet_approval_delay_days_per_year: float = constant(
        12.0,
        "invented",
        "[0, 365]",
        "extra days a Soviet decision waits per year since 1970 (Brezhnev-era stagnation, as Star "
        "City shows); a reformer halves the accumulated delay",
    )

    leader_change_per_year: float = constant(
        0.09,
        "derived",
        "[0, 1]",
        "the Soviet Union had 4 changes of general secretary in 1953-1991 outside deaths of the "
        "leader clustered 1982-85; 1/11 per year",
    )

    rivalry_decay_per_year: float = constant(
        0.03,
        "invented",
        "[0, 1]",
        "US-Soviet rivalry cools by this much a year without confrontation",
    )

    treaty_rivalry_threshold: float = constant(
        0.55,
        "invented",
        "[0, 1]",
        "below this rivalry the superpowers sign space treaties and fly joint missions",
    )

    treaty_rivalry_drop: float = constant(
        0.05,
        "invented",
        "[0, 1]",
        "rivalry removed at once when the superpowers sign the space treaty (a joint docking is a "
        "gesture, the cooling that led to it goes on at rivalry_decay_per_year)",
    )

    rivalry_drop_race_over: float = constant(
        0.15,
        "invented",
        "[0, 1]",
        "rivalry removed at once when a superpower gives up the race it set out to win (the "
        "Moon decided, detente followed: the 1972 Moscow summit signed the Apollo-Soyuz "
        "agreement three years after Apollo 11); the cooling goes on at rivalry_decay_per_year",
    )

    rivalry_floor: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "rivalry never cools below this, by decay or treaty (the superpowers stay competitors "
        "even at their friendliest, as after the 1975 Apollo-Soyuz flight)",
    )

    transfer_rivalry_min: float = constant(
        0.3,
        "invented",
        "[0, 1]",
        "a patron hands its client hardware (sim.transfers) only at this rivalry or above: a "
        "cold war hot enough that a client's first is worth arming (the Soviet arms and "
        "technology deliveries to clients peaked in the tense years; no space case exists)",
    )

    reveal_on_arrival: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "chance that another agency's crew landing on the body of a secret first finds its "
        "lander or its crew and the world learns of it (the series: Poole and Kuznetsov find "
        "the North Korean lander, a supposed probe, when they go looking for a part of it)",
    )

    reveal_per_year: float = constant(
        0.1,
        "invented",
        "[0, 1]",
        "yearly chance that a secret first is made known otherwise (the regime announces it, "
        "a defector or an intelligence service tells): kept about a decade on average",
    )


@dataclass(frozen=True, slots=True)
class EconomyMechanics(MechanicGroup):
    """Private capital, helium-3 and asteroid money (a company's other books: ``company``)."""

    group = "economy"

    private_investor_share: float = constant(
        0.25,
        "invented",
        "[0, 1]",
        "share of a private agency's capital it may spend in a year",
    )

    private_success_capital_musd: float = constant(
        400.0,
        "invented",
        "[0, inf)",
        "investor money raised after a private agency's mission toward one of its goals comes "
        "home, M$",
    )

    helium3_revenue_musd: float = constant(
        600.0,
        "invented",
        "[0, inf)",
        "yearly lunar helium-3 / fusion contract revenue of a company working at a lunar base "
        "(the series' Helios); at about 4 billion $ a tonne (a figure often quoted after "
        "Kulcinski's Wisconsin studies) 600 M$ is some 150 kg a year",
    )

    asteroid_support_per_billion: float = constant(
        0.02,
        "invented",
        "[0, 1]",
        "political support a state gains per billion dollars a captured asteroid brings home",
    )


@dataclass(frozen=True, slots=True)
class ProgramsMechanics(MechanicGroup):
    """How development programs are funded and how many launches a mission may take."""

    group = "programs"

    program_min_funding_share: float = constant(
        0.35,
        "invented",
        "[0, 1]",
        "a program progresses only if funded at this share of its yearly need",
    )

    crash_program_rate: float = constant(
        1.33,
        "derived",
        "(0, 10]",
        "a program funded at up to 1.33 times its planned yearly rate finishes in 75 % of its "
        "planned time, no faster: Boehm's 'impossible region' (Software Engineering Economics, "
        "1981; COCOMO II's SCED floor) puts no development below 75 % of its nominal schedule, "
        "and Apollo, the crash program, landed 8.2 years after Kennedy's May 1961 speech where "
        "NASA's 1959 long-range plan had a landing 'beyond 1970', some 10-11 years (both from "
        "memory; unverified). Was 2.0 (invented), which let a racing agency build von Braun's "
        "12-year 1969 Mars ship in 6",
    )

    max_launches_lunar: float = constant(
        2.0,
        "derived",
        "[1, 20]",
        "Apollo and the N1-L3 were single-launch designs; two-launch Earth-orbit rendezvous was "
        "the only alternative studied (NASA 1961-62 mode studies)",
    )

    max_launches_mars: float = constant(
        7.0,
        "derived",
        "[1, 20]",
        "von Braun's 1969 Mars plan assembled two nuclear ships from six Saturn V launches, plus "
        "the crew",
    )

    max_launches_other: float = constant(
        4.0,
        "invented",
        "[1, 20]",
        "most launches of any other mission",
    )

    operations_share: float = constant(
        0.35,
        "derived",
        "[0, 1]",
        "NASA spent roughly a third of its 1970s budget on flight operations and two thirds on "
        "development and science (NASA budget structure); reserved for missions",
    )


@dataclass(frozen=True, slots=True)
class PeopleMechanics(MechanicGroup):
    """Recruiting, training injuries and invented crews."""

    group = "people"

    min_flyers: float = constant(
        12.0,
        "invented",
        "[0, 1000]",
        "an agency recruits when fewer can fly or are in training",
    )

    recruit_group_size: float = constant(
        10.0,
        "derived",
        "[0, 200]",
        "NASA astronaut groups 1959-1978 had 6-35 members, median ~ 15; Soviet groups ~ 8-20; a "
        "smaller group keeps small programs small",
    )

    injury_per_person_year: float = constant(
        0.02,
        "invented",
        "[0, 1]",
        "training injuries that keep someone off flights, a year per flyer of age ready to fly; "
        "invented: the shipped data record no injuries and no count of groundings exists to "
        "divide, so it stays a round figure (a flyer is hurt about once in a 50-year career) "
        "and, unlike non-flight deaths, has no eras",
    )

    injury_recovery_chance: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "chance an injured person is fit to fly again at each monthly review (most training "
        "injuries heal in weeks, a few end a career)",
    )

    health_after_recovery: float = constant(
        0.8,
        "invented",
        "[0, 1]",
        "health of a person back from an injury, on a 0..1 scale",
    )

    health_after_injury: float = constant(
        0.4,
        "invented",
        "[0, 1]",
        "health of a person just injured, on a 0..1 scale",
    )

    min_crew_age: float = constant(
        23.0,
        "derived",
        "[18, 80]",
        "youngest age, years (calendar year minus birth year), at which anyone is recruited, "
        "trains, is hurt or killed in training, counts as a flyer or flies: the youngest "
        "selection in astronauts.csv, Sarafanov, Klimuk and Zudov (Soviet, 1965) at 23; the "
        "youngest US selectee there, Anthony England (1967), was 25; below recruit_max_age",
    )

    recruit_max_age: float = constant(
        45.0,
        "derived",
        "[18, 80]",
        "oldest recruit, years: NASA's groups 1959-1978 were selected at 26-46; above min_crew_age",
    )

    invented_cosmonaut_skill: float = constant(
        0.6,
        "invented",
        "[0, 1]",
        "skill of a cosmonaut the engine invents for a state with no record of its own (trained, "
        "not yet flown: a little above the average of 0.5)",
    )

    invented_cosmonaut_age: float = constant(
        30.0,
        "invented",
        "[18, 80]",
        "age of an invented cosmonaut when recruited, years (within min_crew_age..recruit_max_age)",
    )


@dataclass(frozen=True, slots=True)
class PrestigeMechanics(MechanicGroup):
    """Prestige earned and lost."""

    group = "prestige"

    prestige_first: float = constant(
        10.0,
        "invented",
        "[0, 1000]",
        "prestige for a first",
    )

    prestige_success: float = constant(
        1.0,
        "invented",
        "[0, 1000]",
        "prestige for a successful crewed mission",
    )

    prestige_loss: float = constant(
        -4.0,
        "invented",
        "[-1000, 0]",
        "prestige lost with a crew",
    )


@dataclass(frozen=True, slots=True)
class PolicyMechanics(MechanicGroup):
    """The built-in policies' thresholds (``policy.builtin``)."""

    group = "policy"

    give_up_odds: float = constant(
        0.45,
        "invented",
        "[0, 1]",
        "a goal the rival already achieved is given up when the odds of one's own attempt are "
        "below this (the Soviet N1-L3 program after Apollo 11)",
    )

    min_crewed_odds: float = constant(
        0.5,
        "invented",
        "[0, 1]",
        "a crewed mission is flown only if every launch and phase succeeds with at least this "
        "chance (no state risks a crew at worse than even odds)",
    )

    focus_goals: float = constant(
        2.0,
        "invented",
        "[1, 8]",
        "programs are funded for this many of the earliest unmet goals at a time (a whole number; "
        "focus keeps a budget from being spread over every goal)",
    )

    supply_overdraft_share: float = constant(
        0.25,
        "invented",
        "[0, 1]",
        "a state pays for its people's consumables even past this year's money, up to this share "
        "of its budget (no government lets a base starve over a fiscal year)",
    )
