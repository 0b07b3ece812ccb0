"""What the player may know: secret programs and closed doors hidden, filters.

Oracle: the full event log of a run, which holds every event, secret or not.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from spacerace.play.news import CLOSED_DOORS, filter_news, news_of
from spacerace.scenario.loader import load_scenario
from spacerace.sim.engine import run_timeline
from spacerace.world.event import Event


@pytest.fixture(scope="module")
def fam_run():
    return run_timeline(load_scenario("for-all-mankind"), 1, until_year=2003)


def test_a_secret_programs_events_stay_hidden_until_revealed(fam_run):
    events = fam_run.log.events
    secret = [e for e in events if e.agency == "dprk"]
    assert len(secret) > 10 and not any(e.kind == "first_revealed" for e in events)
    seen_by_nasa = news_of(events, fam_run.world, "nasa")
    assert not any(item.agency == "dprk" for item in seen_by_nasa)
    seen_by_dprk = news_of(events, fam_run.world, "dprk")
    assert sum(item.agency == "dprk" for item in seen_by_dprk) == len(secret)
    # once the world learns of one of its firsts, what it does from then on is news
    reveal_day = secret[len(secret) // 2].day
    reveal = Event(reveal_day, "first_revealed", "dprk", "The world learns ...")
    told = news_of([*events, reveal], fam_run.world, "nasa")
    shown = [item for item in told if item.agency == "dprk"]
    assert shown and all(item.day >= reveal_day for item in shown)
    assert len(shown) == 1 + sum(e.day >= reveal_day for e in secret)


def test_closed_doors_of_a_one_party_state_are_hidden_from_others(fam_run):
    events = fam_run.log.events
    closed = [e for e in events if e.agency == "soviet" and e.kind in CLOSED_DOORS]
    assert closed
    nasa = {item.index for item in news_of(events, fam_run.world, "nasa")}
    soviet = {item.index for item in news_of(events, fam_run.world, "soviet")}
    indexes = {i for i, e in enumerate(events) if e in closed}
    assert not indexes & nasa and indexes <= soviet
    # a profile, not a country: a NASA with a planned economy would hide them too
    world = fam_run.world
    nasa_agency = world.agencies["nasa"]
    planned = replace(nasa_agency.profile, funding="planned")
    hearing = Event(10.0, "politburo", "nasa", "A hearing.")
    try:
        nasa_agency.profile = planned
        assert news_of([hearing], world, "soviet") == []
    finally:
        nasa_agency.profile = replace(planned, funding="appropriation")
    assert len(news_of([hearing], world, "soviet")) == 1


def test_news_filters(fam_run):
    items = news_of(fam_run.log.events, fam_run.world, "nasa")
    launches = filter_news(items, kind="launch")
    assert launches and all(i.kind.startswith("launch") for i in launches)
    in_1970 = filter_news(items, year=1970)
    assert in_1970 and all(i.date.startswith("1970-") for i in in_1970)
    soviet = filter_news(items, agency="soviet", min_weight=50)
    assert soviet and all(i.agency == "soviet" and i.weight >= 50 for i in soviet)
    world = filter_news(items, agency="world")
    assert world and all(i.agency == "" for i in world)
    worded = filter_news(items, text="SATURN V")
    assert worded and all("saturn v" in (i.text + i.cause).lower() for i in worded)
    assert len(filter_news(items)) == len(items)
