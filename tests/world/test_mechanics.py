import dataclasses

import pytest

from spacerace.errors import MechanicError
from spacerace.world.mechanics import GROUPS, MECHANIC_ROWS, TAGS, Mechanics, group_of


def test_every_group_is_an_attribute_of_mechanics():
    assert [f.name for f in dataclasses.fields(Mechanics)] == list(GROUPS)
    for name, kind in GROUPS.items():
        assert type(getattr(Mechanics(), name)) is kind


def test_rows_match_the_group_fields_and_defaults():
    # oracle: the dataclass fields themselves (the rows are read from them)
    mech = Mechanics.defaults()
    for row in MECHANIC_ROWS:
        assert getattr(getattr(mech, row.group), row.name) == row.default, row.key
        assert isinstance(row.default, float), row.key
    assert len(MECHANIC_ROWS) == sum(len(dataclasses.fields(g)) for g in GROUPS.values())
    assert len({r.name for r in MECHANIC_ROWS}) == len(MECHANIC_ROWS)  # names unique


def test_every_mechanic_is_tagged_explained_and_inside_its_range():
    for row in MECHANIC_ROWS:
        assert row.tag in TAGS, row.key
        assert row.note and not row.note.startswith(TAGS), row.key
        assert row.low <= row.default <= row.high and row.problem(row.default) is None, row.key


def test_groups_are_frozen_and_slotted():
    mech = Mechanics()
    with pytest.raises(dataclasses.FrozenInstanceError):
        mech.politics.support_min = 0.1  # type: ignore[misc]
    assert not hasattr(mech.politics, "__dict__") and not hasattr(mech, "__dict__")


def test_overrides_replace_only_what_they_name():
    mech = Mechanics.with_overrides({"politics": {"support_relax_per_year": 0.5}})
    assert mech.politics.support_relax_per_year == 0.5
    assert mech.politics.support_min == Mechanics().politics.support_min
    assert mech.missions == Mechanics().missions
    assert Mechanics.with_overrides() == Mechanics() == Mechanics.with_overrides({})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"polotics": {}}, 'unknown mechanic group "polotics" (did you mean "politics"?)'),
        ({"grounding_days": 1}, "grounding_days: mechanics are grouped by concern; give it under"),
        ({"politics": {"grounding_days": 1}}, '"grounding_days" is a mechanic of missions'),
        ({"missions": {"grounding_day": 1}}, '(did you mean "grounding_days"?)'),
        ({"politics": {"support_relax_per_year": 1.5}}, "expected a number in [0, 1], got 1.5"),
        ({"tension": {"incident_threshold": 1.0}}, "threshold: expected a number in [0, 1)"),
        ({"programs": {"crash_program_rate": 0}}, "in (0, 10], got 0"),
        ({"missions": {"idle_review_days": "soon"}}, "got 'soon'"),
        ({"bases": {"base_fill_share": float("nan")}}, "(0, 1.5], got nan"),
    ],
)  # fmt: skip
def test_bad_overrides_say_what_and_where(overrides, message):
    with pytest.raises(MechanicError) as info:
        Mechanics.with_overrides(overrides)
    assert message in str(info.value)
    assert isinstance(info.value, ValueError)


def test_building_a_group_directly_checks_its_range():
    with pytest.raises(MechanicError, match=r"people.injury_recovery_chance: .*\[0, 1\], got 2"):
        dataclasses.replace(Mechanics().people, injury_recovery_chance=2.0)


def test_group_of_finds_each_name():
    assert group_of("support_relax_per_year") == "politics"
    assert all(group_of(r.name) == r.group for r in MECHANIC_ROWS)
