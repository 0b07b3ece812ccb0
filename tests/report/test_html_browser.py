"""chronicle.html in a real browser (Debian's chromium through pytest-playwright).

The page of one For All Mankind run, opened from a file: the first era's text comes before
the first figure, each figure sits inside an era, every anchor link resolves, typing in the
filter hides the events that do not match, and nothing is fetched. A missing chromium is a
failure, never a skip (``make test`` installs it).
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def page_file(tmp_path_factory, scenarios, planners):
    from spacerace.report.html import format_html
    from spacerace.sim.engine import run_timeline

    name = "for-all-mankind"
    result = run_timeline(scenarios[name], 1, until_year=1990, planner=planners[name])
    path = tmp_path_factory.mktemp("html") / "chronicle.html"
    path.write_text(format_html(result), encoding="utf-8")
    return path, len(result.log)


@pytest.fixture
def story(page, page_file):
    path, events = page_file
    fetched = []
    page.on(
        "request",
        lambda r: fetched.append(r.url) if not r.url.startswith(("file:", "data:")) else None,
    )  # noqa: E501
    page.goto(path.as_uri())
    yield page, events
    assert not fetched  # nothing from the network


def test_the_story_comes_before_the_figures(story):
    page, _ = story
    order = page.evaluate(
        """() => {
        const era = document.querySelector('section.era .summary');
        const fig = document.querySelector('figure');
        return era.compareDocumentPosition(fig) & Node.DOCUMENT_POSITION_FOLLOWING;
    }"""
    )
    assert order  # the first figure follows the first era's text
    outside = page.evaluate(
        "() => [...document.querySelectorAll('figure')].filter(f => !f.closest('section.era'))"
        ".length"
    )
    assert outside == 0
    per_era = page.evaluate(
        "() => [...document.querySelectorAll('section.era')].map(s => "
        "s.querySelectorAll('figure').length)"
    )
    assert all(n >= 1 for n in per_era), per_era


def test_every_anchor_link_resolves(story):
    page, _ = story
    missing = page.evaluate(
        """() => [...document.querySelectorAll('a[href^="#"]')]
            .map(a => a.getAttribute('href').slice(1))
            .filter(id => !document.getElementById(id))"""
    )
    links = page.evaluate(
        """() => ['person', 'mission', 'base', 'era'].map(k =>
            document.querySelectorAll(`a[href^="#${k}-"]`).length)"""
    )
    assert not missing, missing[:5]
    assert all(n > 0 for n in links), links  # people, missions, bases and eras are linked


def test_the_filter_hides_events_that_do_not_match(story):
    page, events = story
    items = page.locator("#all-events li")
    assert items.count() == events
    page.fill("#filter", "Jamestown")
    visible = page.locator("#all-events li:visible")
    shown = visible.count()
    assert 0 < shown < events
    assert all("jamestown" in t.lower() for t in visible.all_inner_texts())
    assert page.inner_text("#filter-count") == f"{shown} of {events} events"
    page.fill("#filter", "")
    assert page.locator("#all-events li:visible").count() == events


def test_a_number_opens_to_its_breakdown_which_adds_up(story):
    page, _ = story
    details = page.locator("details.why")
    assert details.count() > 20  # budgets, launches, incidents
    first = details.first
    assert not first.locator("table").is_visible()  # one click away, not in the way
    first.locator("summary").click()
    assert first.locator("table").is_visible()
    cells = first.locator("td.num").all_inner_texts()
    numbers = [float(c.replace(",", "").replace("−", "-").replace("+", "")) for c in cells]
    decimals = len(cells[-1].split(".")[1])
    assert sum(numbers[:-1]) == pytest.approx(numbers[-1], abs=0.5 * 10**-decimals * len(cells))


def test_a_first_is_told_by_both_sides_press(story):
    page, _ = story
    sides = page.evaluate(
        """() => [...document.querySelectorAll('li')].filter(li => li.querySelector(
            'blockquote.voice')).map(li => [...li.querySelectorAll('blockquote.voice')]
            .map(q => q.dataset.side + ':' + q.querySelector('cite').textContent))"""
    )
    assert ["own:Pravda", "rival:NASA news release"] in sides  # Leonov's first, 1969
