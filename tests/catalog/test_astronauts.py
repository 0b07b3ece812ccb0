"""Astronaut pool: one row per person, trimmed from Stavnichuk & Corlett (2020)."""

import csv
from importlib import resources

from spacerace.catalog.astronauts import load_astronauts


def test_one_row_per_person_sorted():
    people = load_astronauts()
    # Oracle: the source's PROVENANCE entry: 1,277 person-missions by 564 people.
    assert len(people) == 564
    assert len({p.name for p in people}) == 564
    keys = [(p.year_of_selection, p.name) for p in people]
    assert keys == sorted(keys)


def test_known_people():
    by_name = {p.name: p for p in load_astronauts()}
    gagarin = by_name["Yuri Gagarin"]
    assert (gagarin.born_year, gagarin.selection) == (1934, "TsPK-1")
    assert gagarin.first_mission_year == 1961
    glenn = by_name["John H. Glenn Jr."]  # "Glenn, John H., Jr." in the source
    assert (glenn.first_mission_year, glenn.last_mission_year) == (1962, 1998)
    assert by_name["Valentina Tereshkova"].sex == "female"


# Source errors kept as in the source (listed in PROVENANCE.md): Thomas's STS-77 is dated 1983
# (it flew in 1996); Malerba's selection year is 1998 although he flew in 1992 ("1989 ESA Group").
SOURCE_ERRORS = {"Andrew S. W. Thomas", "Franco Malerba"}


def test_fields_are_consistent():
    inconsistent = set()
    for p in load_astronauts():
        if not p.born_year < p.year_of_selection <= p.first_mission_year <= p.last_mission_year:
            inconsistent.add(p.name)
        assert p.sex in {"male", "female"}
        assert p.military_civilian in {"military", "civilian"}
        assert "," not in p.name
    assert inconsistent == SOURCE_ERRORS


def test_counts_by_country():
    people = load_astronauts()
    assert sum(p.nationality == "U.S." for p in people) == 344
    assert sum(p.nationality == "U.S.S.R/Russia" for p in people) == 122


def test_file_matches_the_loader():
    path = resources.files("spacerace.catalog.data").joinpath("astronauts.csv")
    with path.open(encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == len(load_astronauts())
