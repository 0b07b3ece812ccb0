"""The facts table (``sim.facts``): one row per committed mission, checked against the run's
own event log (the oracle: the flights wrote both), its firsts and its calendar."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from spacerace.sim.calendar import Calendar
from spacerace.sim.facts import FIELDS, OUTCOMES, mission_outcome, mission_rows, missions_jsonl
from spacerace.world.mission import Mission, MissionPlan
from spacerace.world.mission_kinds import MISSION_KINDS


@pytest.fixture(scope="module")
def runs(ensembles, scenarios, planners):
    """40 seeds each of history and for-all-mankind (the shared calibration runs), two
    seeds of star-city (seed 2 has deaths at a base that are not a mission's crew) and the
    first of four for-all-mankind runs whose Jamestown is cut off after 1980 and refuses to
    evacuate in which a visiting crew dies at the base (a surface loss: since Mars founders
    are stocked to their first cargo, the shared runs may hold none)."""
    from spacerace.sim.engine import run_timeline

    from .test_bases import _cut

    star = [run_timeline(scenarios["star-city"], s, planner=planners["star-city"]) for s in (0, 2)]
    for seed in range(4):  # the first with a crew lost at the base (seed 0 since 2026-12-03)
        cut = _cut(scenarios["for-all-mankind"], planners["for-all-mankind"], seed, False)
        if any(r["failed_phase"] == "surface" for r in cut.mission_rows()):
            break
    return [*ensembles["history"], *ensembles["for-all-mankind"], *star, cut]


def _by_name(rows: list[dict]) -> dict[str, dict]:
    names = Counter(r["name"] for r in rows)
    assert max(names.values()) == 1, names.most_common(3)  # events name missions by name
    return {r["name"]: r for r in rows}


def _mission_of(by_name: dict[str, dict], text: str, suffixes: tuple[str, ...]) -> dict:
    """The row whose name the event's text tells (``"<name> fails during landing."``)."""
    found = [r for n, r in by_name.items() if any(text.startswith(n + s) for s in suffixes)]
    assert len(found) == 1, (text, [r["name"] for r in found])
    return found[0]


def _check_run(result) -> Counter:
    rows = mission_rows(result)
    assert [r["id"] for r in rows] == [m.id for m in result.world.missions]
    assert len({r["id"] for r in rows}) == len(rows)
    by_name = _by_name(rows)
    seen: Counter = Counter()
    failed_events: Counter = Counter()
    lost_events: Counter = Counter()
    succeeded: Counter = Counter()
    for e in result.log:
        if e.kind == "mission_failed":
            row = _mission_of(by_name, e.text, (" is scrubbed.", " is lost at launch.", " fails "))
            assert row["agency"] == e.agency and row["failed_phase"] == e.data["phase"], e.text
            want = {"scrubbed"} if e.data["phase"] == "scrubbed" else {"failed", "crew_lost"}
            assert row["outcome"] in want, (e.text, row["outcome"])
            failed_events[row["id"]] += 1
        elif e.kind == "crew_lost":
            row = _mission_of(by_name, e.text.removeprefix("The crew of "), (" is lost: ",))
            assert row["outcome"] == "crew_lost" and tuple(row["crew"]) == e.actors, e.text
            lost_events[row["id"]] += 1
        elif e.kind == "mission_success":
            row = _mission_of(by_name, e.text, (" returns safely.",))
            assert row["outcome"] == "success" and row["kind"] == e.data["mission_kind"]
            succeeded[row["id"]] += 1
    for row in rows:
        outcome, rid = row["outcome"], row["id"]
        seen[(outcome, row["failed_phase"] == "surface")] += 1
        surface = row["failed_phase"] == "surface"
        assert failed_events[rid] == (
            outcome in ("failed", "scrubbed") or (outcome == "crew_lost" and not surface)
        ), row
        assert lost_events[rid] == (outcome == "crew_lost" and not surface), row
        assert succeeded[rid] == (outcome == "success"), row
        assert (row["failed_phase"] == "") == (outcome in ("success", "in_flight", "planned"))
        if surface:  # the crew died at the base during the stay: the base's deaths name them
            deaths = [
                e for e in result.log.of_kind("base_deaths")
                if set(row["crew"]) <= set(e.actors) and e.day >= row["launch_day"]
            ]  # fmt: skip
            assert row["crew"] and deaths and row["base"], row
    return seen


def test_every_outcome_agrees_with_the_event_log(runs):
    seen: Counter = Counter()
    for result in runs:
        seen += _check_run(result)
    # the checks above met every outcome, a surface loss included
    assert {o for o, _ in seen} == set(OUTCOMES), seen
    assert seen[("crew_lost", True)] >= 1, seen


def test_every_first_is_in_exactly_one_row_the_one_that_earned_it(runs):
    for result in runs:
        rows = mission_rows(result)
        earned = Counter(m for r in rows for m in r["milestones"])
        assert earned == Counter(list(result.world.milestones)), (result.scenario.name, result.seed)
        by_name = _by_name(rows)
        for e in result.log.of_kind("milestone"):
            if not e.data["first"]:
                continue
            name = e.cause.split(": ")[0]  # "Apollo 11: TLI ..." names the mission
            row = by_name[name]
            first = result.world.milestones[e.data["milestone"]]
            assert e.data["milestone"] in row["milestones"]
            # a first names its crew, or for a woman's first the women of it (sim.landings)
            assert row["agency"] == first.agency
            assert set(first.people) <= set(row["crew"])
            assert bool(first.people) == bool(row["crew"])  # uncrewed: an asteroid capture
            assert row["launch_day"] <= first.day + 1e-9


def test_launch_dates_are_the_calendars_and_the_first_launch(runs):
    for result in runs:
        cal = Calendar(result.start_jd_tdb)
        rows = mission_rows(result)
        first_launch = {}
        for e in result.log.of_kind("launch"):
            for row in rows:
                if " launch 1 of " in e.text and f" for {row['name']} " in e.text + " ":
                    first_launch.setdefault(row["id"], e)
        for row in rows:
            day0 = cal.day_of_iso(row["launch_date"])
            assert day0 <= row["launch_day"] + 1e-6 < day0 + 1.0 + 1e-6, row
            launch = first_launch.get(row["id"])
            if row["outcome"] in ("planned", "scrubbed"):
                assert launch is None, row
            else:
                assert launch is not None and abs(launch.day - row["launch_day"]) < 1e-5, row
                assert launch.data["vehicle"] == row["vehicle"]


def test_destination_target_and_base_follow_the_kind_and_the_log(runs):
    for result in runs:
        rows = mission_rows(result)
        delivered = {  # the base is the one its water went to: none if it brought no water
            (e.agency, e.data["target"], e.data["base"] if e.data["water_kg"] > 0 else "")
            for e in result.log.of_kind("asteroid_delivered")
        }
        for row in rows:
            assert set(row) == set(FIELDS)
            assert row["destination"] == MISSION_KINDS[row["kind"]].body
            assert bool(row["target"]) == (row["destination"] == "asteroid"), row
            if row["base"]:
                assert row["base"] in result.world.bases and row["destination"] != "earth"
            if row["destination"] == "asteroid" and row["outcome"] == "success":
                assert (row["agency"], row["target"], row["base"]) in delivered, row
        founded = {(e.agency, e.data["base"]) for e in result.log.of_kind("base_founded")}
        assert founded <= {(r["agency"], r["base"]) for r in rows}
    assert any(r["base"] for result in runs for r in mission_rows(result))


def test_rows_are_json_and_missions_jsonl_holds_them_in_order(runs):
    rows = mission_rows(runs[0])
    text = missions_jsonl(rows)
    assert [json.loads(line) for line in text.splitlines()] == rows
    assert text.splitlines()[0] == json.dumps(rows[0], sort_keys=True, ensure_ascii=False)
    assert runs[0].mission_rows() == rows
    assert missions_jsonl([]) == ""


def _mission(status: str, failed_phase: str = "") -> Mission:
    plan = MissionPlan(0.0, 0.0, 1, 0.0, 0.0, 0.0, 0.0, 0.0)
    return Mission("x-0001", "x", "earth_orbit", "X 1", "v", (), plan, status, "", failed_phase)


@pytest.mark.parametrize(
    "status, phase, outcome",
    [
        ("success", "", "success"),
        ("failed", "launch", "failed"),
        ("failed", "scrubbed", "scrubbed"),
        ("lost", "transfer", "crew_lost"),
        ("lost", "surface", "crew_lost"),
        ("flying", "", "in_flight"),
        ("planned", "", "planned"),
    ],
)
def test_outcome_of_each_status(status, phase, outcome):
    assert mission_outcome(_mission(status, phase)) == outcome


def test_an_unknown_status_is_refused():
    with pytest.raises(ValueError, match="unknown status 'exploded'"):
        mission_outcome(_mission("exploded"))
