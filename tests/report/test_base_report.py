"""The bases in the report: the story, the Markdown section and the figure."""

import pytest

from spacerace.report.base_figures import plot_base
from spacerace.report.base_story import base_stories
from spacerace.report.chronicle import format_markdown
from spacerace.report.html import format_html


@pytest.fixture(scope="module")
def result(scenarios, planners):
    from spacerace.sim.engine import run_timeline

    return run_timeline(scenarios["for-all-mankind"], 3, planner=planners["for-all-mankind"])


def test_stories_follow_the_log_and_rows(result):
    stories = {
        s.name: s for s in base_stories(result.log.events, result.base_metrics, result.start_jd_tdb)
    }
    assert set(stories) == set(result.world.bases)
    for name, story in stories.items():
        rows = [r for r in result.base_metrics if r["base"] == name]
        assert story.peak_population == max(r["population"] for r in rows)
        assert story.end_population == rows[-1]["employers"]
        assert story.events[0].kind == "base_founded"


def test_markdown_tells_each_base(result):
    md = format_markdown(result)
    assert "## Bases" in md
    for name in result.world.bases:
        assert f"### {name}" in md


def test_base_figure_has_three_panels_with_data(result):
    fig = plot_base(result.base_metrics, "Jamestown", result.start_jd_tdb)
    axes = fig.get_axes()
    assert len(axes) == 4  # three panels and the stocks' twin axis
    assert axes[0].collections  # the residents' stack
    assert axes[2].lines and max(axes[2].lines[0].get_ydata()) <= 1.0


def test_html_embeds_one_figure_per_base(result):
    page = format_html(result)
    assert "<h2>Bases</h2>" in page
    for name in result.world.bases:
        assert f'alt="{name}, month by month, ' in page  # inside the era that founded it
