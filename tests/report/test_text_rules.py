"""Text rules over 50 seeds of each built-in scenario (to 2003): every chronicle sentence,
the press voices, the numbers' breakdowns and the person pages of the cast and of everyone
who changed role.

Each rule is a function returning the faults it finds; ``test_each_rule_can_fail`` shows
each one catching a text that breaks it (the faults these rules were written against).
"""

from __future__ import annotations

import re

import pytest

from spacerace.report._agencies import agency_colours, agency_name
from spacerace.report.chronicle import (
    TERMINAL_BARE_FOLDS,
    TERMINAL_EVENT_LINES,
    _terminal_line,
    chronicle_eras,
    era_story,
    format_markdown,
    namer,
)
from spacerace.report.explain import format_breakdown
from spacerace.report.person_story import format_person_story, person_story
from spacerace.report.telling import fold_sentences
from spacerace.report.voices import voices_for
from spacerace.sim.facts import mission_rows, person_rows
from tests.report.conftest import SCENARIOS, UNTIL

_DOUBLED = re.compile(r"(?<![\w.])([A-Z][\w.'-]*(?: [\w.'-]+){0,3}) \1(?![\w'-])")
_SINGULAR_S = {"success", "loss", "status", "process", "class", "mass", "series", "is", "was"}
_SINGULAR_S |= {"has", "does", "its", "his", "this", "plus", "us", "gas", "press", "news"}
_SINGULAR_S |= {"fails", "succeeds", "returns", "lands"}  # "test flight 1 fails"
_SINGULAR_S |= {"commands", "becomes", "retires", "founds", "dies"}  # "cosmonaut 1 commands"
_ONE = re.compile(r"(?<![\d.,\w-])1 ([a-z]+)\b(?![-'])")
_MANY = re.compile(
    r"(?<![\d.,\w-])(?:0|[2-9]|\d[\d,]+) (success|flight|person|proposal|launch|mission|"
    r"retirement|death|birth|resident|astronaut|cosmonaut|accident|day|week|month|year)\b(?![-'])"
)
_SUFFIX_FIRST = re.compile(r"(?<![\w.])(?:Jr|Sr)\. [A-Z][a-z]")
_LONE_INITIAL = re.compile(r"(?<![\w.])[A-Z]\.$")


def doubled(text: str) -> list[str]:
    """Names said twice in a row ("Soviet space program Soviet space program ...")."""
    return [m.group(0) for m in _DOUBLED.finditer(text)]


def disagreeing(text: str) -> list[str]:
    """Counts whose noun does not agree ("1 successes", "2 success")."""
    bad = [  # "Expedition 1 fails": a name's number, then a verb
        m.group(0)
        for m in _ONE.finditer(text)
        if _plural_word(m.group(1)) and not re.search(r"[A-Z][\w-]* $", text[: m.start()])
    ]
    return bad + [m.group(0) for m in _MANY.finditer(text)]


def _plural_word(word: str) -> bool:
    return word == "people" or (word.endswith("s") and word not in _SINGULAR_S)


def dangling(name: str) -> list[str]:
    """A name with its suffix first ("Jr. Charles Moss Duke") or a lone initial last."""
    return [name] if _SUFFIX_FIRST.search(name) or _LONE_INITIAL.search(name) else []


def _sentences(result) -> list[str]:
    lines = format_markdown(result).splitlines()
    colours = agency_colours(result)
    short = namer(result)
    for chapter in chronicle_eras(result):
        shown, folds = era_story(result, chapter, TERMINAL_EVENT_LINES)
        lines += [_terminal_line(result, e, colours, short).plain for e in shown]
        lines += [short(v.line) for e in shown for v in voices_for(result, e)]
        lines += [chapter.title, fold_sentences(folds, TERMINAL_BARE_FOLDS)]
    lines += [line for e in result.log if e.breakdown for line in format_breakdown(e.breakdown)]
    return lines + _person_pages(result)


def _person_pages(result) -> list[str]:
    """The person page of everyone who changed role in the run, and of the series' cast."""
    rows = {r["name"]: r for r in person_rows(result)}
    named = {a for e in result.log if e.kind == "career" for a in e.actors}
    named |= {n for n, p in result.world.people.items() if p.canon}
    lines = []
    for name in sorted(named):
        story = person_story(rows[name], result.log.events, result.start_jd_tdb)
        lines += format_person_story(story, lambda k: agency_name(result, k)).splitlines()
    return lines


def test_each_rule_can_fail():
    assert doubled("  1971-01-02  Soviet space program Soviet space program completes Soyuz.")
    assert not doubled("NASA founds Jamestown on the Moon.")
    assert disagreeing("N1 reliability 0.93 (1 successes in 2 flight)") == [
        "1 successes",
        "2 flight",
    ]
    assert not disagreeing("1 success in 1 flight; 2 successes in 12 flights; 1 of 2 is lost")
    assert dangling("Jr. Charles Moss Duke") and dangling("Kregel Kevin R.")
    assert not dangling("Charles M. Duke Jr.")


@pytest.mark.parametrize(
    "name",
    [
        "history",
        "for-all-mankind",
        "star-city",
    ],
)
def test_no_doubled_names_or_disagreeing_counts(runs, name):
    faults = []
    for result in runs[name]:
        for line in _sentences(result):
            faults += [(result.seed, f, line) for f in doubled(line) + disagreeing(line)]
    assert not faults, faults[:5]


@pytest.mark.parametrize("name", SCENARIOS)
def test_no_dangling_initials(runs, name):
    names = {n for result in runs[name] for e in result.log for n in e.actors}
    names |= {p for result in runs[name] for p in result.world.people}
    assert not [n for n in sorted(names) if dangling(n)]


@pytest.mark.parametrize("name", SCENARIOS)
def test_dates_match_the_facts_table(runs, name):
    """A launch line is dated its mission's launch date; a first on its mission's arrival
    (not before the launch); a scripted mission's note on its scripted date."""
    faults = []
    for result in runs[name]:
        rows = {r["name"]: r for r in mission_rows(result)}
        by_first = {m: r for r in rows.values() for m in r["milestones"]}
        for e in result.log:
            date = e.to_dict(result.start_jd_tdb)["date"]
            m = re.search(r" launch 1 of \d+ for (.+) (?:succeeds|fails)\.$", e.text)
            if e.kind == "launch" and m and m.group(1) in rows:
                if rows[m.group(1)]["launch_date"] != date:
                    faults.append((result.seed, date, e.text))
            key = e.data.get("milestone")
            if e.kind == "milestone" and e.data.get("first") and key in by_first:
                if date < by_first[key]["launch_date"]:
                    faults.append((result.seed, date, e.text))
        for s in result.scenario.scripted:
            if s.kind == "mission" and s.text and s.date[:4] <= str(UNTIL):
                dates = [
                    e.to_dict(result.start_jd_tdb)["date"]
                    for e in result.log
                    if e.kind == "scripted_note" and e.text == s.text
                ]
                if dates != [s.date[:10]]:
                    faults.append((result.seed, dates, s.text))
    assert not faults, faults[:5]


def era_faults(chapter, old_names: dict[str, tuple[float, str]]) -> list[str]:
    """An era summary against its events: deaths vs "no one", a fallen state's old name."""
    faults = []
    died = {"crew_lost", "death", "base_deaths"}
    if any(e.kind in died for e in chapter.events) and "No one had died" in chapter.summary:
        faults.append("'No one had died' beside deaths")
    if any(e.kind == "crew_lost" for e in chapter.events) and "No one had been lost in flight" in (
        chapter.summary
    ):
        faults.append("'No one had been lost in flight' beside a crew lost")
    bases = {str(e.data.get("base", "")) for e in chapter.events} - {""}
    summary = chapter.summary
    for base in sorted(bases, key=len, reverse=True):  # a base keeps the name it was given
        summary = summary.replace(base, "")
    for day, old in old_names.values():
        if chapter.events and chapter.events[-1].day >= day and old in summary:
            faults.append(f"old name {old!r} after its state fell")
    return faults


@pytest.mark.parametrize("name", SCENARIOS)
def test_era_summaries_agree_with_their_events(runs, name):
    faults = []
    for result in runs[name]:
        old = {
            e.agency: (e.day, agency_name(result, e.agency))
            for e in result.log
            if e.kind == "state_collapse"
        }
        for chapter in chronicle_eras(result):
            faults += [(result.seed, chapter.era.title, f) for f in era_faults(chapter, old)]
    assert not faults, faults[:5]
