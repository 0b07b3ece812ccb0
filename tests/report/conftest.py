"""A hand-built RunResult: a small For All Mankind timeline, 1969-1983, two eras.

The numbers are invented for the tests; they only have to be consistent with each other
(the milestones match the milestone events; metric rows cover every agency and year).
"""

from __future__ import annotations

import pytest

from spacerace.astro.time import iso_to_jd_tdb
from spacerace.scenario.model import AgencySpec, Era, Scenario
from spacerace.sim.result import RunResult
from spacerace.world.agency import Agency
from spacerace.world.event import Event, EventLog
from spacerace.world.world import Milestone, World

START = "1969-01-01"
START_JD = iso_to_jd_tdb(START)

AGENCIES = {
    "nasa": AgencySpec("nasa", "NASA", "state", "US", "prestige", 1958),
    "soviet": AgencySpec("soviet", "Soviet space program", "state", "SU", "prestige", 1955),
    "helios": AgencySpec("helios", "Helios Aerospace", "private", "private", "commercial", 1983),
}

ERAS = (
    Era("moon-race", "1969-1974: The Race to the Moon", 1969, 1974),
    Era("cold-war-moon", "1983: The Cold War on the Moon", 1983, 1983),
)


def day(iso: str) -> float:
    """Days since the fixture's start."""
    return iso_to_jd_tdb(iso) - START_JD


def ev(iso, kind, agency, text, **kw) -> Event:
    return Event(day=day(iso), kind=kind, agency=agency, text=text, **kw)


EVENTS = [
    ev("1969-03-03", "launch", "nasa", "Apollo 9 lifts off.", data={"vehicle": "saturn_v",
                                                                    "success": True}),
    ev("1969-03-15", "recruitment", "soviet", "Star City takes in 8 cosmonauts.",
       data={"count": 8}),
    ev("1969-06-26", "milestone", "soviet", "Alexei Leonov steps onto the Moon.",
       cause="the scenario's divergence", actors=("Alexei Leonov",),
       data={"milestone": "crewed_lunar_landing", "first": True}, scripted=True),
    ev("1969-07-20", "milestone", "nasa", "Apollo 11 lands at Tranquility Base.",
       actors=("Neil Armstrong", "Buzz Aldrin"),
       data={"milestone": "crewed_lunar_landing", "first": False}),
    ev("1969-11-02", "milestone", "soviet", "Anastasia Belikova is the first woman on the Moon.",
       actors=("Anastasia Belikova",), data={"milestone": "woman_on_moon", "first": True}),
    ev("1970-10-01", "budget", "nasa", "NASA's budget rises to 4.1 billion dollars.",
       data={"budget_musd": 4100.0, "previous_musd": 3750.0}),
    ev("1971-10-01", "budget", "nasa", "Congress cuts NASA to 3.3 billion dollars.",
       cause="support fell to 0.82 after the Apollo 1 fire", data={"budget_musd": 3300.0,
                                                                  "previous_musd": 4100.0}),
    ev("1972-05-05", "launch", "nasa", "Apollo 17's Saturn V fails at staging.",
       data={"vehicle": "saturn_v", "success": False}),
    ev("1972-05-05", "mission_failed", "nasa", "Apollo 17 is lost in the launch phase.",
       data={"phase": "launch"}),
    ev("1972-05-05", "crew_lost", "nasa", "Three astronauts die aboard Apollo 17.",
       cause="second-stage failure (Saturn V reliability 0.93)",
       actors=("Gene Cernan", "Ron Evans", "Jack Schmitt"), data={"count": 3}),
    ev("1972-05-06", "grounded", "nasa", "NASA grounds crewed flights.",
       data={"until_day": day("1973-01-01")}),
    ev("1972-11-07", "election", None, "Richard Nixon is re-elected.",
       data={"party": "Republican", "president": "Richard Nixon"}),
    ev("1973-06-01", "milestone", "nasa", "Jamestown's first module lands at Shackleton.",
       actors=("Ed Baldwin", "Gordo Stevens"), data={"milestone": "lunar_base", "first": True}),
    ev("1973-06-01", "base_founded", "nasa", "NASA founds Jamestown.",
       data={"base": "Jamestown", "body": "moon"}),
    ev("1974-02-10", "base_founded", "soviet", "The Soviets found Zvezda.",
       data={"base": "Zvezda", "body": "moon"}),
    ev("1978-04-01", "program_started", "nasa", "NASA starts the shuttle program.",
       data={"program": "shuttle", "cost_musd": 9000.0}),
    ev("1980-11-04", "election", None, "Ronald Reagan wins the election.",
       data={"party": "Republican", "president": "Ronald Reagan"}),
    ev("1981-04-12", "program_completed", "nasa", "The shuttle flies.",
       data={"program": "shuttle", "cost_musd": 9800.0}),
    ev("1982-11-12", "leader", None, "Yuri Andropov leads the Soviet Union.",
       data={"leader": "Yuri Andropov"}),
    ev("1983-01-01", "scripted_note", None, "The Cold War has moved to the Moon.",
       scripted=True),
    ev("1983-03-20", "milestone", "soviet", "Salyut 9 becomes the first space station.",
       data={"milestone": "space_station", "first": True}),
    ev("1983-05-01", "agency_founded", "helios", "Dev Ayesa founds Helios Aerospace.",
       data={}),
    ev("1983-08-09", "crew_lost", "soviet", "A cosmonaut dies in a Zvezda depressurisation.",
       actors=("Nikolai Ustinov",), data={"count": 1}),
    ev("1983-09-01", "retirement", "nasa", "Deke Slayton retires."),
]  # fmt: skip

MILESTONES = {
    "crewed_lunar_landing": Milestone(
        "crewed_lunar_landing", "soviet", day("1969-06-26"), ("Alexei Leonov",)
    ),
    "woman_on_moon": Milestone(
        "woman_on_moon", "soviet", day("1969-11-02"), ("Anastasia Belikova",)
    ),
    "lunar_base": Milestone(
        "lunar_base", "nasa", day("1973-06-01"), ("Ed Baldwin", "Gordo Stevens")
    ),
    "space_station": Milestone("space_station", "soviet", day("1983-03-20")),
}


def metric_rows() -> list[dict]:
    rows = []
    for year in range(1969, 1984):
        for key in ("helios", "nasa", "soviet"):
            if key == "helios" and year < 1983:
                continue
            k = year - 1969
            rows.append(
                {
                    "year": year,
                    "agency": key,
                    "budget_musd": {"nasa": 3750.0 + 100 * k, "soviet": 2000.0 + 80 * k,
                                    "helios": 400.0}[key],
                    "prestige": {"nasa": 5.0 * k, "soviet": 10.0 + 4 * k, "helios": 0.0}[key],
                    "support": 1.0 - 0.01 * k,
                    "people_in_space": {"nasa": k % 4, "soviet": (k + 2) % 5, "helios": 0}[key],
                    "crew_lost": {"nasa": 3 if year >= 1972 else 0,
                                  "soviet": 1 if year >= 1983 else 0, "helios": 0}[key],
                    "flyers": 20 + k,
                    "bases": int(year >= 1974) if key != "helios" else 0,
                }
            )  # fmt: skip
    return sorted(rows, key=lambda r: (r["year"], r["agency"]))


def make_result(
    events=EVENTS, milestones=MILESTONES, metrics=None, eras=ERAS, focus="nasa"
) -> RunResult:
    scenario = Scenario(
        name="test-fam",
        title="For All Mankind (test)",
        description="A small hand-made timeline.",
        start=START,
        end_year=1983,
        divergence="The Soviet Union lands the first man on the Moon, 26 June 1969.",
        focus=focus,
        agencies=AGENCIES,
        eras=eras,
    )
    agencies = {
        k: Agency(k, s.name, s.kind, s.country, s.doctrine, s.founded_year, 1000.0, 1000.0)
        for k, s in AGENCIES.items()
    }
    world = World(START_JD, agencies, {}, {}, milestones=dict(milestones))
    log = EventLog()
    for e in events:
        log.append(e)
    return RunResult(scenario, 7, log, metric_rows() if metrics is None else metrics, world)


SEEDS = range(50)
"""Seeds of each built-in scenario the text and salience rules are checked over."""
UNTIL = 2003
SCENARIOS = ("history", "for-all-mankind", "star-city")


@pytest.fixture(scope="session")
def runs(scenarios, planners):
    """50 runs of each built-in scenario to 2003, shared by the rules over many seeds."""
    from spacerace.sim.engine import run_timeline

    return {
        name: [
            run_timeline(scenarios[name], s, until_year=UNTIL, planner=planners[name])
            for s in SEEDS
        ]
        for name in SCENARIOS
    }


@pytest.fixture
def run_result() -> RunResult:
    return make_result()


@pytest.fixture
def result_factory():
    return make_result
