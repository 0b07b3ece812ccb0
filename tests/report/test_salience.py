"""Salience over 50 seeds of each built-in scenario: what is told, what folds, era titles.

The oracle is each era's own events: every event is told or folded exactly once, a fold
says as many events as it stands for, a budget fold's ends are its events' budgets, and an
era title names only bases, firsts and agencies of that era's events.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from rich.console import Console

from spacerace.report import _prose
from spacerace.report._agencies import agency_name
from spacerace.report.chronicle import (
    TERMINAL_EVENT_LINES,
    chronicle_eras,
    era_story,
    print_chronicle,
)
from spacerace.report.salience import SALIENCE, TOLD, UNLISTED, salience_of, weight_of
from spacerace.world.event import Event
from tests.report.conftest import SCENARIOS

_DATED = re.compile(r"^  \d{4}-\d{2}-\d{2}  ")


def test_every_row_has_a_weight_and_a_reason():
    assert all(0 <= row.weight <= 100 and row.reason and row.noun for row in SALIENCE)
    keys = [(row.kind, row.when) for row in SALIENCE]
    assert len(keys) == len(set(keys))  # one row per kind and condition


def test_the_story_outweighs_the_routine():
    def w(kind, **data):
        return weight_of(Event(0.0, kind, "nasa", "", data=data))

    heavy = [
        w("milestone", milestone="lunar_base", first=True),
        w("crew_lost"),
        w("base_founded"),
        w("state_collapse"),
        w("armed_standoff"),
    ]
    routine = [w("retirement"), w("budget"), w("launch", success=True), w("resupply")]
    assert min(heavy) >= TOLD > max(routine)
    assert w("launch", success=False) > w("launch", success=True)
    assert w("milestone", first=False) < w("milestone", first=True)


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_kind_the_engine_writes_has_a_row(runs, name):
    kinds = {e.kind for result in runs[name] for e in result.log}
    unlisted = {
        e.kind
        for result in runs[name]
        for e in result.log
        if salience_of(e).reason == "a kind without a row"
    }
    assert kinds and not unlisted, sorted(unlisted)
    assert UNLISTED < TOLD


@pytest.mark.parametrize("name", SCENARIOS)
def test_folded_counts_agree_with_the_events(runs, name):
    faults = []
    for result in runs[name]:
        for chapter in chronicle_eras(result):
            told, folds = era_story(result, chapter, TERMINAL_EVENT_LINES)
            told_ids = {id(e) for e in told}
            rest = Counter(e.kind for e in chapter.events if id(e) not in told_ids)
            folded = Counter()
            for fold in folds:
                folded[fold.kind] += fold.count
                if fold.kind != "budget" and not re.search(
                    rf"(?<!\d){fold.count}(?!\d)", fold.clause
                ):
                    by_role = sum(map(int, re.findall(r"\d+", fold.clause)))  # "9 a and 8 b"
                    if fold.kind == "career" and by_role != fold.count:
                        faults.append((result.seed, "roles do not add up", fold.clause))
                    elif not fold.kind.startswith(("retirement", "injury", "career")):
                        faults.append((result.seed, "count not said", fold.clause))
            if folded != rest or len(told) + sum(folded.values()) != len(chapter.events):
                faults.append((result.seed, chapter.title, folded - rest, rest - folded))
            for fold in (f for f in folds if f.agency):
                budgets = [
                    e
                    for e in chapter.events
                    if e.kind == "budget" and e.agency == fold.agency and id(e) not in told_ids
                ]
                first = budgets[0].data.get("previous_musd", budgets[0].data["budget_musd"])
                ends = (float(first), float(budgets[-1].data["budget_musd"]))
                if (fold.count, fold.first_musd, fold.last_musd) != (len(budgets), *ends):
                    faults.append((result.seed, fold.clause, len(budgets), ends))
                if _prose.money(fold.last_musd) not in fold.clause:
                    faults.append((result.seed, "last budget not said", fold.clause))
            people = sum(
                max(len(e.actors), 1)
                for e in chapter.events
                if e.kind == "retirement" and id(e) not in told_ids
            )
            said = [f for f in folds if f.kind == "retirement"]
            if said and sum(map(int, re.findall(r"\d+", said[0].clause))) != people:
                faults.append((result.seed, "retirements", said[0].clause, people))
            if len(told) > TERMINAL_EVENT_LINES or any(weight_of(e) < TOLD for e in told):
                faults.append((result.seed, "told", len(told)))
    assert not faults, faults[:5]


def _title_words(chapter, result) -> tuple[set[str], set[str], set[str]]:
    """Bases, first verbs and agency names the era's own events hold."""
    bases = set()
    for e in chapter.events:
        bases |= {str(e.data.get("base", ""))} | {str(b) for b in e.data.get("bases", ())}
        bases |= {str(e.data.get("merged", ""))}
    verbs = {_prose.milestone_verb(f.key) for f in chapter.firsts}
    names = {agency_name(result, e.agency, e.day) for e in chapter.events if e.agency}
    return bases - {""}, verbs, names


@pytest.mark.parametrize("name", SCENARIOS)
def test_era_titles_name_only_what_happened_in_that_run(runs, name):
    faults = []
    all_bases = {b for result in runs[name] for b in result.world.bases}
    all_bases |= {"Jamestown", "Zvezda", "Happy Valley"}
    agencies = {a.name for a in runs[name][0].scenario.agencies.values()}
    for result in runs[name]:
        for chapter in chronicle_eras(result):
            title = chapter.title
            canon = chapter.era.title.split(":", 1)[-1].strip()
            bases, verbs, names = _title_words(chapter, result)
            if not title.startswith(f"{chapter.first_year}–{chapter.last_year}: "):
                faults.append((result.seed, "span", title))
            if canon and canon in title:
                faults.append((result.seed, "canon title", title))
            faults += [(result.seed, b, title) for b in all_bases - bases if b in title]
            said_verbs = {v for v in map(_prose.milestone_verb, _prose._MILESTONES) if v in title}
            faults += [(result.seed, v, title) for v in said_verbs - verbs]
            faults += [(result.seed, a, title) for a in agencies - names if a in title]
    assert not faults, faults[:5]


def test_a_title_does_not_name_zvezda_when_no_soviet_base_was_founded(runs):
    """The star-city canon's "Zvezda and the Cold War on the Moon" is never assumed."""
    without = [
        c
        for result in runs["star-city"]
        for c in chronicle_eras(result)
        if c.era.key == "zvezda" and not any(str(e.data.get("base")) == "Zvezda" for e in c.events)
    ]
    assert not [c.title for c in without if "Zvezda" in c.title]


@pytest.mark.parametrize("name", SCENARIOS)
def test_all_lists_each_event_in_one_era(runs, name):
    """What ``--all`` prints, era by era: every event once (printed below for 3 seeds)."""
    for result in runs[name]:
        listed = [id(e) for c in chronicle_eras(result) for e in c.events]
        assert sorted(listed) == sorted(map(id, result.log)), result.seed


@pytest.mark.parametrize("name", SCENARIOS)
def test_all_prints_one_line_per_event(runs, name):
    for result in runs[name][:3]:  # Rich takes about 1 s a run
        buffer = io.StringIO()
        print_chronicle(result, Console(file=buffer, width=400, color_system=None), True)
        dated = [line for line in buffer.getvalue().splitlines() if _DATED.match(line)]
        assert len(dated) == len(result.log), result.seed
