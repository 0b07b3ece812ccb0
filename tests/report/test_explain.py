"""Every number explained (report/explain.py, Event.breakdown): parts that add up.

Oracles: the number each event states in its own data (``data[of]``: the budget it sets, the
odds its launch was drawn at, the tension at its base), which the engine recorded apart from
the breakdown; and, for launches, the reliability-growth curve (world.launch_growth)
recomputed at the flight and real record the breakdown's labels name. Over the 50 seeds of
each built-in scenario of tests/report/conftest.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from spacerace.report.explain import breakdown_details, format_breakdown
from spacerace.world.event import Breakdown
from tests.report.conftest import SCENARIOS

ROUNDED = {"budget_musd": 0.05, "odds": 5e-7, "tension": 5e-4, "prestige": 5e-3}
"""How far ``data[of]`` may be from the exact total: the digits the engine rounds it to."""

_FLIGHT = re.compile(r"launcher flight (\d+) on the growth curve")
_RECORD = re.compile(r"its real record, (\d+) failures? in (\d+) \(x ([0-9.]+) the curve\)")


def _explained(result):
    return [e for e in result.log if e.breakdown is not None]


@pytest.mark.parametrize("name", SCENARIOS)
def test_the_parts_add_up_to_the_number_the_event_gives(runs, name):
    kinds, faults = set(), []
    for result in runs[name]:
        for e in _explained(result):
            b = e.breakdown
            kinds.add(e.kind)
            total = sum(amount for _, amount in b.terms)
            terms_rounding = 5e-7 * len(b.terms)  # each term is kept to 6 decimals
            if abs(total - float(e.data[b.of])) > ROUNDED[b.of] + terms_rounding + 1e-9:
                faults.append((result.seed, e.kind, e.text, b.terms, e.data[b.of]))
    assert not faults, faults[:3]
    assert {"budget", "launch", "prestige"} <= kinds  # every scenario has them


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_launch_and_state_budget_carries_its_breakdown(runs, name):
    for result in runs[name]:
        for e in result.log.of_kind("launch"):
            assert e.breakdown is not None and e.breakdown.of == "odds", e.text
        for e in result.log.of_kind("budget"):
            state = result.world.agencies[e.agency].company is None
            assert (e.breakdown is not None) == state, e.text


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_prestige_tally_is_the_years_metric(runs, name):
    for result in runs[name][:10]:
        rows = {(r["year"], r["agency"]): r["prestige"] for r in result.metrics}
        for e in result.log.of_kind("prestige"):
            year = int(e.text.rsplit("end of ", 1)[1][:4])
            assert rows[year, e.agency] == e.data["prestige"], e.text
            assert e.breakdown.terms[0] == ("at the start", 0.0)


def test_launch_odds_are_the_growth_curve_at_the_flight_they_name(runs):
    # oracle: the curve recomputed from the flight and the record the labels name, and the
    # flight number counted from the run's own launches of that vehicle (its real flights,
    # then one per launch event before it)
    from spacerace.world.launch_growth import class_failure, expected_failures
    from spacerace.world.mechanics import Mechanics

    m = Mechanics.with_overrides().missions
    curve = (m.launch_first_failure, m.launch_growth_n0, m.launch_growth_slope)
    checked = 0
    for result in runs["for-all-mankind"][:10]:
        flown: dict[str, int] = {}
        for e in result.log.of_kind("launch"):
            (base, odds), (step, change) = e.breakdown.terms
            flight = int(_FLIGHT.search(base).group(1))
            failures, real, scale = _RECORD.search(step).groups()
            failures, real = int(failures), int(real)
            v = e.data["vehicle"]
            assert flight == real + flown.get(v, 0) + 1, (e.text, flight, real, flown.get(v))
            flown[v] = flown.get(v, 0) + 1
            q = class_failure(flight - 1, *curve)
            expected = (failures + 1) / (expected_failures(real, *curve) + 1)
            assert odds == pytest.approx(1 - q, abs=1e-6)
            assert float(scale) == pytest.approx(expected, abs=0.005)
            assert odds + change == pytest.approx(max(0.0, 1 - expected * q), abs=1e-6)
            checked += 1
    assert checked > 1000


def test_a_budget_breaks_down_base_first_then_support(runs):
    for result in runs["history"][:5]:
        fell = {e.agency: e.day for e in result.log.of_kind("state_collapse")}
        for e in result.log.of_kind("budget"):
            labels = [label for label, _ in e.breakdown.terms]
            assert "support 1.00" in labels[0] and labels[1].startswith("support ")
            if e.agency not in fell:  # a successor state gets a base of its own
                assert e.breakdown.terms[0][1] == pytest.approx(
                    result.world.agencies[e.agency].base_budget_musd, abs=1e-6
                )


class _Details(HTMLParser):
    """Collects each ``details.why``: its rows' numbers, the total row last."""

    def __init__(self):
        super().__init__()
        self.tables: list[list[tuple[str, str]]] = []
        self._row: str | None = None
        self._cell = ""
        self._in = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details" and attrs.get("class") == "why":
            self.tables.append([])
            self._in = True
        elif tag == "tr" and self._in:
            self._row = attrs.get("class", "")
        elif tag == "td" and self._in and attrs.get("class") == "num":
            self._cell = ""

    def handle_data(self, data):
        self._cell += data

    def handle_endtag(self, tag):
        if tag == "td" and self._in and self._row is not None:
            self._last = self._cell
            self._cell = ""
        elif tag == "tr" and self._in and self._row is not None:
            self.tables[-1].append((self._row, self._last))
            self._row = None
        elif tag == "details":
            self._in = False


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("−", "-").replace("+", ""))


def test_each_details_element_adds_up_as_shown(runs):
    from spacerace.report.html import format_html

    result = runs["for-all-mankind"][0]
    parser = _Details()
    parser.feed(format_html(result))
    assert len(parser.tables) >= 50
    for rows in parser.tables:
        kinds = [k for k, _ in rows]
        assert kinds[0] == "base" and kinds[-1] == "total" and set(kinds[1:-1]) <= {"modifier"}
        parts = sum(_number(n) for _, n in rows[:-1])
        half = 0.5 * 10.0 ** -len(rows[-1][1].split(".")[1])  # half the last digit shown
        assert parts == pytest.approx(_number(rows[-1][1]), abs=half * len(rows)), rows


def test_the_text_and_html_show_base_modifiers_total_in_that_order():
    b = Breakdown.from_stages("budget_musd", "X's budget, M$", ("base", 1000.0), [("a", 900.0)])
    lines = format_breakdown(b)
    assert [line.split()[0] for line in lines[1:]] == ["base", "a", "="]
    html = breakdown_details(b)
    assert html.index("base") < html.index(">a<") < html.index("= total")
    assert "1,000.0" in html and "−100.0" in html and "900.0" in html
