"""world/wording.py: counts, lists, names, dates and the agency's name on a day."""

from __future__ import annotations

from spacerace.world.event import Event
from spacerace.world.wording import (
    agency_name_at,
    crew_phrase,
    join_names,
    long_date,
    plural,
    subject_rest,
    written_name,
)


def test_plural_agrees_with_the_count():
    assert [plural(n, "success") for n in (0, 1, 2)] == ["0 successes", "1 success", "2 successes"]
    assert plural(1, "person") == "1 person" and plural(4, "person") == "4 people"
    assert plural(2, "cargo flight") == "2 cargo flights"


def test_join_names_and_crew_phrase():
    assert join_names([]) == "" and join_names(["A", "B", "C"]) == "A, B and C"
    assert crew_phrase(["A", "W", "B"], ["W"]) == "W, with A and B"


def test_long_date():
    assert long_date("1969-06-26") == "26 June 1969"


def test_written_name_puts_the_suffix_last_and_is_idempotent():
    assert written_name("Jr. Charles Moss Duke", "U.S.") == "Charles M. Duke Jr."
    assert written_name("Charles M. Duke Jr.", "U.S.") == "Charles M. Duke Jr."
    assert written_name("Kregel Kevin R.", "U.S.") == "Kevin R. Kregel"


def test_agency_name_at_follows_the_state_collapse():
    log = [Event(100.0, "state_collapse", "su", "", data={"successor": "Russian Space Agency"})]
    assert agency_name_at(log, "su", 99.0, "Soviet space program") == "Soviet space program"
    assert agency_name_at(log, "su", 100.0, "Soviet space program") == "Russian Space Agency"
    assert agency_name_at(log, "nasa", 200.0, "NASA") == "NASA"


def test_subject_rest_says_the_agency_once():
    assert subject_rest("The Soviet space program completes X.", "Soviet space program") == (
        "completes X."
    )
    assert subject_rest("First lunar base.", "NASA") is None
