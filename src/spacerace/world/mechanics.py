"""The engine's invented constants, grouped by concern, each with what it means and why.

Real-world figures (payloads, costs, budgets, flight records, training times, event rates)
live in the catalog's data files with their sources. What is left here is game mechanics:
how strongly politics reacts, how risky a phase is where no record exists, how a policy
weighs a choice. Each constant is a typed field of its concern's frozen dataclass
(``mech.politics.support_relax_per_year``) and carries a tag (*sourced*: a figure with a
citation; *derived*: computed from sourced figures, the computation stated; *invented*: a
judgement, with the reason for its value), a note and the range it may take. A scenario may
override any of them in ``[mechanics.GROUP]`` tables; :data:`MECHANIC_ROWS` lists them all.

Example:
    >>> mech = Mechanics.with_overrides({"missions": {"grounding_days": 365}})
    >>> mech.missions.grounding_days, Mechanics().missions.grounding_days
    (365.0, 730.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from spacerace.errors import MechanicError
from spacerace.world._agency_mechanics import (
    EconomyMechanics,
    PeopleMechanics,
    PolicyMechanics,
    PoliticsMechanics,
    PrestigeMechanics,
    ProgramsMechanics,
)
from spacerace.world._base_mechanics import BasesMechanics, TensionMechanics
from spacerace.world._company_mechanics import CompanyMechanics
from spacerace.world._flight_mechanics import MissionsMechanics, SpacecraftMechanics
from spacerace.world._front_mechanics import FrontMechanics
from spacerace.world._mechanic_kit import TAGS, MechanicGroup, MechanicRow, rows_of, suggest
from spacerace.world._regime_mechanics import RegimeMechanics
from spacerace.world._society_mechanics import SocietyMechanics
from spacerace.world._soviet_mechanics import SovietMechanics

__all__ = [
    "GROUPS",
    "MECHANIC_ROWS",
    "TAGS",
    "BasesMechanics",
    "CompanyMechanics",
    "EconomyMechanics",
    "FrontMechanics",
    "MechanicRow",
    "Mechanics",
    "MissionsMechanics",
    "PeopleMechanics",
    "PolicyMechanics",
    "PoliticsMechanics",
    "PrestigeMechanics",
    "ProgramsMechanics",
    "RegimeMechanics",
    "SocietyMechanics",
    "SovietMechanics",
    "SpacecraftMechanics",
    "TensionMechanics",
    "group_of",
    "unknown_name_problem",
]

GROUPS: dict[str, type[MechanicGroup]] = {
    g.group: g
    for g in (
        PoliticsMechanics,
        RegimeMechanics,
        SovietMechanics,
        EconomyMechanics,
        CompanyMechanics,
        ProgramsMechanics,
        MissionsMechanics,
        SpacecraftMechanics,
        BasesMechanics,
        TensionMechanics,
        SocietyMechanics,
        FrontMechanics,
        PeopleMechanics,
        PrestigeMechanics,
        PolicyMechanics,
    )
}
"""The group dataclasses by group name, in the order of the docs."""

MECHANIC_ROWS: tuple[MechanicRow, ...] = tuple(row for g in GROUPS.values() for row in rows_of(g))
"""Every mechanic, group by group: the source for docs, tests and the scenario loader."""

_GROUP_OF = {row.name: row.group for row in MECHANIC_ROWS}
if len(_GROUP_OF) != len(MECHANIC_ROWS):  # a name must say one thing: grep finds it once
    raise ValueError("a mechanic name is used in two groups")


def group_of(name: str) -> str | None:
    """Return the group a mechanic name belongs to, or None for no mechanic.

    Example:
        >>> group_of("grounding_days"), group_of("warp_factor")
        ('missions', None)
    """
    return _GROUP_OF.get(name)


@dataclass(frozen=True, slots=True)
class Mechanics:
    """The constants one run uses, by concern: the defaults with a scenario's overrides.

    ``Mechanics()`` is the defaults; each attribute is one group's frozen dataclass.

    Example:
        >>> Mechanics().politics.support_relax_per_year
        0.35
    """

    politics: PoliticsMechanics = field(default_factory=PoliticsMechanics)
    regime: RegimeMechanics = field(default_factory=RegimeMechanics)
    soviet: SovietMechanics = field(default_factory=SovietMechanics)
    economy: EconomyMechanics = field(default_factory=EconomyMechanics)
    company: CompanyMechanics = field(default_factory=CompanyMechanics)
    programs: ProgramsMechanics = field(default_factory=ProgramsMechanics)
    missions: MissionsMechanics = field(default_factory=MissionsMechanics)
    spacecraft: SpacecraftMechanics = field(default_factory=SpacecraftMechanics)
    bases: BasesMechanics = field(default_factory=BasesMechanics)
    tension: TensionMechanics = field(default_factory=TensionMechanics)
    society: SocietyMechanics = field(default_factory=SocietyMechanics)
    front: FrontMechanics = field(default_factory=FrontMechanics)
    people: PeopleMechanics = field(default_factory=PeopleMechanics)
    prestige: PrestigeMechanics = field(default_factory=PrestigeMechanics)
    policy: PolicyMechanics = field(default_factory=PolicyMechanics)

    @classmethod
    def defaults(cls) -> Mechanics:
        """Return the defaults (the same as ``Mechanics()``)."""
        return cls()

    @classmethod
    def with_overrides(
        cls, overrides: Mapping[str, Mapping[str, float]] | None = None
    ) -> Mechanics:
        """Return the defaults with ``overrides``, ``{group: {name: value}}``.

        Raises:
            MechanicError: For an unknown group or name (with the closest one), a flat name
                not under its group, or a value outside the mechanic's range.

        Example:
            >>> Mechanics.with_overrides({"politics": {"support_min": 2.0}})
            Traceback (most recent call last):
            ...
            spacerace.errors.MechanicError: politics.support_min: expected a number in [0, 1], got 2.0
        """  # noqa: E501
        result = cls()
        for group, values in (overrides or {}).items():
            kind = GROUPS.get(group)
            if kind is None:
                raise MechanicError(group, _unknown_group(group))
            if not isinstance(values, Mapping):
                raise MechanicError(group, f"expected a mapping of name to value, got {values!r}")
            rows = {row.name: row for row in rows_of(kind)}
            for name, value in values.items():
                if name not in rows:
                    raise MechanicError(f"{group}.{name}", unknown_name_problem(group, name))
                problem = rows[name].problem(value)
                if problem is not None:
                    raise MechanicError(f"{group}.{name}", problem, value)
            new = replace(getattr(result, group), **{n: float(v) for n, v in values.items()})
            result = replace(result, **{group: new})
        return result


def _unknown_group(group: str) -> str:
    home = group_of(group)
    if home is not None:
        return f"mechanics are grouped by concern; give it under {home!r}"
    return f'unknown mechanic group "{group}"{suggest(group, GROUPS)}; groups: {", ".join(GROUPS)}'


def unknown_name_problem(group: str, name: str) -> str:
    """Say why ``name`` is not a mechanic of ``group``: where it is, or the closest name.

    Example:
        >>> unknown_name_problem("politics", "grounding_days")
        '"grounding_days" is a mechanic of missions, not politics'
    """
    home = group_of(name)
    if home is not None:
        return f'"{name}" is a mechanic of {home}, not {group}'
    names = [row.name for row in rows_of(GROUPS[group])]
    return f'unknown mechanic "{name}"{suggest(name, names)}; the names are in docs/engine.md'
