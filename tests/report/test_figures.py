"""Figures render to PNG without pyplot; one line per agency, in the same colours."""

from __future__ import annotations

import io

import pytest

from spacerace.report._agencies import agency_colours
from spacerace.report.figures import FIGURES

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("stem", sorted(FIGURES))
def test_figure_renders_to_png(run_result, stem):
    fig = FIGURES[stem](run_result)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60)
    data = buffer.getvalue()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 10_000  # a drawn figure, not an empty canvas


@pytest.mark.parametrize("stem", ["budgets", "prestige", "people_in_space"])
def test_metric_figures_have_one_line_per_agency_in_its_colour(run_result, stem):
    from matplotlib.colors import to_hex

    ax = FIGURES[stem](run_result).axes[0]
    colours = agency_colours(run_result)
    names = {"NASA": "nasa", "Soviet space program": "soviet", "Helios Aerospace": "helios"}
    lines = {line.get_label(): to_hex(line.get_color()) for line in ax.get_lines()}
    assert lines == {name: colours[key] for name, key in names.items()}
    assert "million USD" in FIGURES["budgets"](run_result).axes[0].get_ylabel()


def test_colours_are_distinct_per_agency(run_result):
    colours = agency_colours(run_result)
    assert len(set(colours.values())) == len(colours) == 3


def test_figures_survive_an_empty_run(result_factory):
    result = result_factory(events=[], milestones={}, metrics=[])
    for plot in FIGURES.values():
        plot(result).savefig(io.BytesIO(), format="png", dpi=40)
