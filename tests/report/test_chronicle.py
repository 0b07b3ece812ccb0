"""The chronicle against the hand-built timeline of conftest.py (its events are the oracle)."""

from __future__ import annotations

import io

from rich.console import Console

from spacerace.report.chronicle import (
    TERMINAL_EVENT_LINES,
    chronicle_eras,
    era_story,
    format_markdown,
    list_firsts,
    print_chronicle,
)
from spacerace.world.event import Event


def test_eras_partition_the_events(run_result):
    chapters = chronicle_eras(run_result)
    assert [c.era.key for c in chapters] == ["moon-race", "cold-war-moon"]
    told = [e for c in chapters for e in c.events]
    assert told == list(run_result.log)  # each event once, in log order


def test_years_between_eras_belong_to_the_later_era(run_result):
    first, second = chronicle_eras(run_result)
    assert (first.first_year, first.last_year) == (1969, 1974)
    assert (second.first_year, second.last_year) == (1975, 1983)
    assert any(e.kind == "program_started" for e in second.events)  # 1978, between eras


def test_firsts_listed_once_with_the_right_agency(run_result):
    firsts = list_firsts(run_result)
    keys = [f.key for f in firsts]
    assert len(keys) == len(set(keys)) == 4
    by_key = {f.key: f for f in firsts}
    assert by_key["crewed_lunar_landing"].agency == "soviet"  # not Apollo 11 (first: False)
    assert by_key["lunar_base"].agency == "nasa"
    chapters = chronicle_eras(run_result)
    assert [f.key for c in chapters for f in c.firsts] == keys


def test_scripted_events_are_marked(run_result):
    by_key = {f.key: f for f in list_firsts(run_result)}
    assert by_key["crewed_lunar_landing"].scripted
    assert not by_key["woman_on_moon"].scripted
    md = format_markdown(run_result)
    assert (
        "| first crewed lunar landing | Soviet space program | 1969-06-26 | Alexei Leonov |"
        " (scripted) |" in md
    )
    assert "The Cold War has moved to the Moon. *(scripted)*" in md


def test_budgets_at_era_end_match_the_metrics(run_result):
    for chapter in chronicle_eras(run_result):
        rows = {
            r["agency"]: r["budget_musd"]
            for r in run_result.metrics
            if r["year"] == chapter.era.end_year
        }
        assert chapter.metrics_year == chapter.era.end_year
        assert chapter.budgets_musd == rows


def test_losses_count_crew_lost_events(run_result):
    first, second = chronicle_eras(run_result)
    assert (first.people_lost, second.people_lost) == (3, 1)


def test_summary_names_the_first_lunar_landing_agency(run_result):
    first, second = chronicle_eras(run_result)
    assert first.summary.startswith("By 1974 NASA had founded the first base on the Moon")
    assert "while the Soviet space program had landed the first crew on the Moon" in first.summary
    assert "NASA's budget stood at 4.2 billion dollars" in first.summary  # 4,250 at end-1974
    assert "Gene Cernan" in first.summary and "Jamestown" in first.summary
    assert "kept its lead on the Moon" in second.summary
    assert "Ronald Reagan (Republican)" in second.summary


def test_summary_says_who_took_the_lead(result_factory, run_result):
    from spacerace.world.world import Milestone

    milestones = {
        "lunar_base": Milestone("lunar_base", "soviet", 1000.0),  # 1971: Soviets lead
        "crewed_lunar_landing": Milestone("crewed_lunar_landing", "nasa", 4000.0),  # 1979
        "woman_on_moon": Milestone("woman_on_moon", "nasa", 4100.0),
        "crewed_mars_landing": Milestone("crewed_mars_landing", "kp", 5000.0, secret=True),
    }
    first, second = chronicle_eras(result_factory(milestones=milestones))
    assert first.summary.startswith("By 1974 the Soviet space program had founded the first base")
    assert second.summary.startswith(
        "By 1983 NASA had landed the first crew on the Moon, put the first woman on the Moon and "
        "taken the lead on the Moon from the Soviet space program, while kp had landed the "
        "first crew on Mars, in secret; the Soviet space program had put up the first space "
        "station."  # the log's milestone event stands in for the world's missing entry
    )


def test_a_first_only_the_log_records_is_listed(result_factory, run_result):
    extra = Event(10.0, "milestone", "nasa", "A first.", data={"milestone": "venus_flyby"})
    firsts = list_firsts(result_factory(events=[extra, *run_result.log]))
    assert [(f.key, f.agency) for f in firsts if f.key == "venus_flyby"] == [
        ("venus_flyby", "nasa")
    ]


def test_markdown_has_every_era_title_and_the_firsts_table(run_result):
    md = format_markdown(run_result)
    for chapter in chronicle_eras(run_result):
        assert f"## {chapter.title}" in md
    assert "**Divergence:** The Soviet Union lands the first man on the Moon" in md
    assert "## Firsts" in md and "### Budgets at the end of 1974" in md
    assert "| NASA | 4,250 |" in md
    assert "In these years 1 launch failed; 1 new class was selected; 1 launch succeeded." in md
    assert "There were also 1 new class" not in md  # a verb row says its verb
    assert "1 new class was selected" in md


def test_era_titles_tell_what_happened_not_the_canon(run_result):
    first, second = (c.title for c in chronicle_eras(run_result))
    assert first == (
        "1969–1974: The Soviet space program landed the first crew on the Moon and put the "
        "first woman on the Moon"
    )
    assert second == (
        "1975–1983: The Soviet space program put up the first space station and lost 1 "
        "person in flight"
    )
    assert "Cold War" not in second  # the scenario's canon title


def test_budgets_fold_into_their_trend(run_result):
    told, folds = era_story(run_result, chronicle_eras(run_result)[0])
    (budget,) = [f for f in folds if f.kind == "budget"]
    assert (budget.count, budget.first_musd, budget.last_musd) == (2, 3750.0, 3300.0)
    assert budget.clause == "NASA's budget fell from 3.8 billion to 3.3 billion dollars"
    assert not [e for e in told if e.kind == "budget"]


def test_scenario_without_eras_is_one_chapter(result_factory):
    result = result_factory(eras=())
    (chapter,) = chronicle_eras(result)
    assert len(chapter.events) == len(result.log)
    assert chapter.title.startswith("1969–1983: ")


def test_terminal_chronicle_is_concise(result_factory, run_result):
    many = [
        Event(400.0 + i, "discovery", "nasa", f"Discovery {i}.", data={"base": "Jamestown"})
        for i in range(40)
    ]
    result = result_factory(events=list(run_result.log) + many)
    buffer = io.StringIO()
    print_chronicle(result, Console(file=buffer, width=100, color_system=None))
    text = buffer.getvalue()
    era_text = text.split("── 1975–1983")[0]
    dated = [line for line in era_text.splitlines() if line.startswith("  19")]
    assert len(dated) == TERMINAL_EVENT_LINES
    assert "Alexei Leonov steps onto the Moon. (scripted)" in era_text  # kept when trimming
    assert "★ Alexei Leonov" in era_text
    assert "✝ Three astronauts die aboard Apollo 17." in era_text  # a loss outweighs them
    hidden = 40 - (TERMINAL_EVENT_LINES - 7)  # 7 heavier events are told first
    assert f"{hidden} discoveries" in era_text.replace("\n", " ")
    assert len(era_text.splitlines()) - 3 <= 30  # minus title, divergence, next rule


def test_all_lists_every_event(run_result):
    buffer = io.StringIO()
    print_chronicle(run_result, Console(file=buffer, width=300, color_system=None), True)
    dated = [line for line in buffer.getvalue().splitlines() if line[:4] == "  19"]
    assert len(dated) == len(run_result.log)
    assert "other routine event" not in buffer.getvalue()


def test_terminal_chronicle_shows_every_era(run_result):
    buffer = io.StringIO()
    print_chronicle(run_result, Console(file=buffer, width=300, color_system=None))
    text = buffer.getvalue()
    for chapter in chronicle_eras(run_result):
        assert chapter.title in text
    assert "✝ Three astronauts die aboard Apollo 17." in text


def test_the_summary_is_told_from_the_focus_agency_side():
    """star-city's focus is the Soviet program: its firsts and budget lead, NASA's follow."""
    from tests.report.conftest import make_result

    nasa = chronicle_eras(make_result(focus="nasa"))[0].summary
    soviet = chronicle_eras(make_result(focus="soviet"))[0].summary
    assert nasa.startswith("By 1974 NASA had")
    assert soviet.startswith("By 1974 the Soviet space program had landed the first crew")
    assert soviet.index("Soviet space program's budget") < soviet.index("NASA's")
    assert nasa.index("NASA's budget") < nasa.index("Soviet space program's")
