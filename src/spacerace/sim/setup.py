"""Build the world at a scenario's start from the scenario and the catalog."""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Mapping
from types import MappingProxyType

from spacerace.astro.time import calendar_to_jd_tdb
from spacerace.catalog.astronauts import AstronautRecord, load_astronauts
from spacerace.catalog.budgets import BUDGET_SERIES
from spacerace.catalog.programs import load_programs
from spacerace.catalog.vehicles import load_vehicles, stock_at_start
from spacerace.scenario.model import AgencySpec, Scenario
from spacerace.world.agency import Agency, AgencyProfile, ProgramProgress
from spacerace.world.apparatus import Apparatus
from spacerace.world.company import Company
from spacerace.world.mechanics import Mechanics
from spacerace.world.mission_kinds import PhaseRecord, learned_risks
from spacerace.world.person import Person
from spacerace.world.regime import Regime
from spacerace.world.vehicle import VehicleRecord
from spacerace.world.world import World

__all__ = [
    "astronauts_by_country",
    "build_world",
    "country_of_astronaut",
    "profile_of",
    "recruit_countries",
    "start_budget_musd",
]

_NATIONALITY = {"U.S.": "US", "U.S.S.R/Russia": "SU"}


def country_of_astronaut(nationality: str) -> str:
    """Country code of the astronaut data set's nationality ("U.S." -> "US")."""
    return _NATIONALITY.get(nationality, nationality)


def start_budget_musd(spec: AgencySpec, year: int) -> float:
    """The agency's budget at the start: the scenario's figure, else its catalog series'."""
    if spec.budget_musd is not None:
        return float(spec.budget_musd)
    if spec.budget_source:
        return BUDGET_SERIES[spec.budget_source](year)
    return 0.0


def profile_of(spec: AgencySpec) -> AgencyProfile:
    """The behaviour profile a scenario declares for an agency."""
    return AgencyProfile(
        funding=spec.funding,
        public_firsts=spec.public_firsts,
        superpower=spec.superpower,
        crew_title=spec.crew_title,
        nationality=spec.nationality,
        base_names=spec.base_names,
        economy=spec.economy,
        successor=spec.successor,
        mission_names=spec.mission_names,
        patron=spec.patron,
    )


def _company_of(scenario: Scenario, key: str) -> Company:
    """A company's books on its first day: its founder is the first administrator named."""
    founder = next(
        (p.name for p in scenario.people if p.agency == key and p.role == "administrator"), ""
    )
    return Company(founder=founder)


def build_world(scenario: Scenario, stability_start: float = 0.5) -> World:
    """Return the world on the scenario's first day.

    Real people come from the astronaut data set: everyone selected by a superpower's agency
    before the start and not yet 50 joins it (active, trained), with the flights the data
    set dates before the start year and whether they flew as commander or pilot. The
    scenario's named people join as it lists them (canon characters marked), ready from the
    year they reach ``mech.people.min_crew_age``.
    """
    start_year = int(scenario.start[:4])
    specs = dict(load_vehicles())
    for record in scenario.vehicle_records:  # this world's record of a vehicle, declared
        specs[record.key] = dataclasses.replace(
            specs[record.key],
            prior_successes=record.prior_successes,
            prior_failures=record.prior_failures,
        )
    programs = load_programs()
    agencies = {}
    for key, a in sorted(scenario.agencies.items()):
        budget = start_budget_musd(a, start_year) if a.founded_year <= start_year else 0.0
        agencies[key] = Agency(
            key=key,
            name=a.name,
            kind=a.kind,
            country=a.country,
            doctrine=a.doctrine,
            founded_year=a.founded_year,
            base_budget_musd=start_budget_musd(a, start_year),
            budget_musd=budget,
            support=a.support,
            capital_musd=a.capital_musd,
            revenue_musd=a.revenue_musd,
            funds_musd=budget,
            capabilities=set(a.capabilities),
            programs={p: ProgramProgress(p) for p in a.programs},
            goals=tuple(a.goals),
            training_facility=a.training_facility,
            profile=profile_of(a),
            fleet=set(a.vehicles),
            flight_sets={c: programs[c].units for c in sorted(a.capabilities) if programs[c].units},
            company=_company_of(scenario, key) if a.kind == "private" else None,
            apparatus=Apparatus() if a.funding == "planned" else None,
        )
    available = {v for a in scenario.agencies.values() for v in a.vehicles}
    world = World(
        start_jd_tdb=scenario.start_jd_tdb,
        agencies=agencies,
        vehicle_specs=specs,
        vehicles={
            k: dataclasses.replace(
                VehicleRecord.from_spec(specs[k]), units_left=stock_at_start(specs[k], start_year)
            )
            for k in sorted(available)
        },
        regimes={
            key: Regime(key, stability_start)
            for key, a in sorted(agencies.items())
            if a.profile.is_planned and a.profile.successor
        },
    )
    world.phase_records = _phase_records(Mechanics.with_overrides(scenario.mechanics))
    named = {_name_key(p.name) for p in scenario.people}
    _add_real_people(world, start_year, named)
    sex = _sex_by_name()
    min_age = Mechanics.with_overrides(scenario.mechanics).people.min_crew_age
    for p in scenario.people:
        # nobody acts before adulthood (mechanic people.min_crew_age) or before their agency
        # exists (Kelly Baldwin was born in 1966; Helios starts in 1986)
        adult_year = p.born_year + math.ceil(min_age)
        first_year = max(start_year, adult_year, agencies[p.agency].founded_year)
        ready = float(calendar_to_jd_tdb(first_year, 1, 1)) - world.start_jd_tdb
        # a real person the scenario names (Neil Armstrong) keeps the record's flights and seat
        rec = None if p.canon else _record_by_key().get((p.nationality, *_name_key(p.name)))
        world.people[p.name] = Person(
            name=p.name,
            agency=p.agency,
            role=p.role,
            nationality=p.nationality,
            born_year=p.born_year,
            skill=p.skill,
            canon=p.canon,
            real=not p.canon,
            ready_day=max(0.0, ready),
            sex=p.sex or sex.get(p.name, "") or (rec.sex if rec else ""),
            flights=rec.flights_before(start_year) if rec else p.flights,
            pilot=rec.pilot if rec else True,
            post=p.post,
        )
    return world


def _name_key(name: str) -> tuple[str, str]:
    """(last name, first initial), lower case, a suffix (Jr.) dropped.

    "Alexei Leonov" and "Aleksei Leonov" match, and so do "Jim Lovell" and "James A.
    Lovell Jr." (before the suffix was dropped, the scenario's Lovell had a second copy).
    """
    parts = [w for w in name.replace(".", " ").split() if w.lower() not in _SUFFIXES]
    return (parts[-1].lower(), parts[0][:1].lower()) if parts else ("", "")


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


@functools.cache
def _record_by_key() -> Mapping[tuple[str, str, str], AstronautRecord]:
    """(country, last name, first initial) -> the one record of that key (ambiguous: none)."""
    seen: dict[tuple[str, str, str], list[AstronautRecord]] = {}
    for rec, country in astronauts_by_country():
        seen.setdefault((country, *_name_key(rec.name)), []).append(rec)
    return MappingProxyType({k: v[0] for k, v in seen.items() if len(v) == 1})


@functools.cache
def astronauts_by_country() -> tuple[tuple[AstronautRecord, str], ...]:
    """Every record of the astronaut data set with its country code, in the file's order."""
    return tuple((rec, country_of_astronaut(rec.nationality)) for rec in load_astronauts())


@functools.cache
def recruit_countries() -> frozenset[str]:
    """Country codes the astronaut data set has people of."""
    return frozenset(country for _, country in astronauts_by_country())


@functools.cache
def _sex_by_name() -> Mapping[str, str]:
    return MappingProxyType({rec.name: rec.sex for rec in load_astronauts()})


def _add_real_people(world: World, start_year: int, named: set) -> None:
    by_country = {a.country: k for k, a in sorted(world.agencies.items()) if a.kind == "state"}
    for rec, country in astronauts_by_country():
        agency = by_country.get(country)
        if agency is None or rec.year_of_selection >= start_year or _name_key(rec.name) in named:
            continue
        if start_year - rec.born_year >= 50:
            continue
        world.people[rec.name] = Person(
            name=rec.name,
            agency=agency,
            role=world.agencies[agency].profile.crew_title,
            nationality=country,
            born_year=rec.born_year,
            skill=real_person_skill(rec.name),
            real=True,
            sex=rec.sex,
            flights=rec.flights_before(start_year),
            pilot=rec.pilot,
        )


def real_person_skill(name: str) -> float:
    """A stable skill in 0.5..0.9 from the name (real people: no rating is published)."""
    import zlib

    return 0.5 + 0.4 * (zlib.crc32(name.encode()) % 1000) / 999.0


def _phase_records(mech: Mechanics) -> dict[str, PhaseRecord]:
    """A prior for each first-of-kind phase: ``first_of_kind_prior_attempts`` at its risk."""
    n = mech.missions.first_of_kind_prior_attempts
    return {
        risk: PhaseRecord(risk, getattr(mech.missions, risk) * n, n) for risk in learned_risks()
    }
