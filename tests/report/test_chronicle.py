"""The chronicle against the hand-built timeline of conftest.py (its events are the oracle)."""

from __future__ import annotations

import io

from rich.console import Console

from spacerace.report.chronicle import (
    TERMINAL_EVENT_LINES,
    chronicle_eras,
    event_weight,
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
    for era in run_result.scenario.eras:
        assert f"## {era.title}" in md
    assert "**Divergence:** The Soviet Union lands the first man on the Moon" in md
    assert "## Firsts" in md and "### Budgets at the end of 1974" in md
    assert "| NASA | 4,250 |" in md
    assert "Also: 1 budget, 1 launch, 1 recruitment." in md  # routine events counted


def test_small_budget_changes_are_routine(run_result):
    budgets = run_result.log.of_kind("budget")
    assert [event_weight(e) for e in budgets] == [0, 2]  # +9.3 % routine, -19.5 % notable


def test_scenario_without_eras_is_one_chapter(result_factory):
    result = result_factory(eras=())
    (chapter,) = chronicle_eras(result)
    assert len(chapter.events) == len(result.log)
    assert chapter.era.title.startswith("1969–1983")


def test_terminal_chronicle_is_concise(result_factory, run_result):
    many = [
        Event(400.0 + i, "election", None, f"Election {i}.", data={"president": f"P{i}"})
        for i in range(40)
    ]
    result = result_factory(events=list(run_result.log) + many)
    buffer = io.StringIO()
    print_chronicle(result, Console(file=buffer, width=100, color_system=None))
    text = buffer.getvalue()
    era_text = text.split("1983: The Cold War")[0]
    dated = [line for line in era_text.splitlines() if line.startswith("  19")]
    assert len(dated) == TERMINAL_EVENT_LINES
    assert "Alexei Leonov steps onto the Moon. (scripted)" in era_text  # kept when trimming
    assert "★ Alexei Leonov" in era_text
    assert f"… and {15 + 40 - TERMINAL_EVENT_LINES} more events" in era_text
    assert len(era_text.splitlines()) - 3 <= 25  # minus title, divergence, next rule


def test_terminal_chronicle_shows_every_era(run_result):
    buffer = io.StringIO()
    print_chronicle(run_result, Console(file=buffer, width=100, color_system=None))
    text = buffer.getvalue()
    for era in run_result.scenario.eras:
        assert era.title in text
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
