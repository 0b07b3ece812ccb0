"""The facts table of a run: one plain row per committed mission, for code to read.

The chronicle tells a run in prose; calibration and a web UI need the same facts as data.
:func:`mission_rows` turns the final world of a :class:`~spacerace.sim.result.RunResult` into
one JSON-ready dict per mission of ``World.missions`` (every mission an agency committed to,
scripted ones included), in the order they were committed. ``spacerace run --out`` writes
them as ``missions.jsonl`` and the store keeps them in its ``missions`` table; the fields are
documented in ``docs/engine.md`` ("The facts table").

Row fields (units in the names' sense of ``STYLE.md``):

- ``id`` (str): mission id in the run, ``"nasa-0007"`` (``"soviet-scripted-1969-06-26"``
  for a scripted one).
- ``name``, ``agency``, ``kind`` (str): display name, agency key, mission kind key
  (``world.mission_kinds.MISSION_KINDS``).
- ``vehicle``, ``crew_vehicle`` (str): vehicle keys of the cargo launches and of the crew's
  own last launch ("" if the crew rides ``vehicle`` or there is no crew).
- ``launch_date`` (str): ISO date (``YYYY-MM-DD``) of the departure, the first launch: the
  day that holds TDB Julian date ``start_jd_tdb + launch_day`` (the engine's one
  UTC ≈ TDB shortcut, ``astro.time``).
- ``launch_day`` (float): the departure, days since the scenario start (the engine's clock),
  rounded to 1e-6 day as the event log's ``day``.
- ``outcome`` (str): one of :data:`OUTCOMES`.
- ``failed_phase`` (str): the phase that failed (``"launch"``, a phase of the kind's row,
  ``"surface"``) or ``"scrubbed"``; "" if none failed.
- ``crew`` (list of str): names of the crew, empty if uncrewed.
- ``destination`` (str): the kind's body: ``"earth"`` (orbit), ``"moon"``, ``"mars"``,
  ``"asteroid"``.
- ``target`` (str): the asteroid's designation for a capture mission, else "".
- ``base`` (str): the base the mission founded, joined or served (or where a captured
  asteroid's water went), under its name at the time; "" if none.
- ``milestones`` (list of str): the firsts this mission earned (``World.milestones`` keys),
  in the order they were recorded; every first of the run is in exactly one row.

Pure: reads the result, changes nothing.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.world.mission_kinds import MISSION_KINDS

if TYPE_CHECKING:
    from spacerace.sim.result import RunResult
    from spacerace.world.mission import Mission

__all__ = ["FIELDS", "OUTCOMES", "mission_outcome", "mission_rows", "missions_jsonl"]

OUTCOMES = ("success", "failed", "crew_lost", "scrubbed", "in_flight", "planned")
"""What became of a mission by the run's end.

``success``: it flew every phase and came home. ``failed``: a launch or a phase failed and
the crew (if any) survived. ``crew_lost``: its crew died (a failed phase, or at the base
during the stay). ``scrubbed``: it never left (crewed flights were grounded on its day).
``in_flight``: it had left and not finished when the run ended. ``planned``: committed, its
departure not yet come when the run ended."""

FIELDS = (
    "id",
    "name",
    "agency",
    "kind",
    "vehicle",
    "crew_vehicle",
    "launch_date",
    "launch_day",
    "outcome",
    "failed_phase",
    "crew",
    "destination",
    "target",
    "base",
    "milestones",
)
"""The keys of a row, in the order the table documents them."""

_BY_STATUS = {
    "success": "success",
    "lost": "crew_lost",
    "flying": "in_flight",
    "planned": "planned",
}


def mission_outcome(mission: Mission) -> str:
    """One of :data:`OUTCOMES` from ``Mission.status`` and ``failed_phase`` (``sim.flights``)."""
    if mission.status == "failed":
        return "scrubbed" if mission.failed_phase == "scrubbed" else "failed"
    try:
        return _BY_STATUS[mission.status]
    except KeyError:
        raise ValueError(f"mission {mission.id}: unknown status {mission.status!r}") from None


def mission_rows(result: RunResult) -> list[dict]:
    """One row per committed mission of the run, in commit order (fields: module docstring).

    Example:
        >>> from spacerace.scenario.loader import load_scenario
        >>> from spacerace.sim.engine import run_timeline
        >>> rows = mission_rows(run_timeline(load_scenario("history"), 1, until_year=1969))
        >>> for r in rows[:2]:
        ...     print(r["id"], r["launch_date"], r["outcome"], r["milestones"])
        nasa-0001 1969-08-29 success ['crewed_lunar_landing']
        soviet-0001 1969-08-29 success []
    """
    missions = result.world.missions
    if not missions:
        return []
    start = result.start_jd_tdb
    dates = jd_tdb_to_iso([start + m.plan.depart_day for m in missions])
    return [
        {
            "id": m.id,
            "name": m.name,
            "agency": m.agency,
            "kind": m.kind,
            "vehicle": m.vehicle,
            "crew_vehicle": m.crew_vehicle,
            "launch_date": date,
            "launch_day": round(m.plan.depart_day, 6),
            "outcome": mission_outcome(m),
            "failed_phase": m.failed_phase,
            "crew": list(m.crew),
            "destination": MISSION_KINDS[m.kind].body,
            "target": m.plan.target,
            "base": m.base,
            "milestones": list(m.firsts),
        }
        for m, date in zip(missions, dates, strict=True)
    ]


def missions_jsonl(rows: list[dict]) -> str:
    """The text of ``missions.jsonl``: one row per line, keys sorted (same run, same bytes)."""
    return "".join(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n" for row in rows)


def person_rows(result: RunResult) -> list[dict]:
    """One row per person of the run's world, by name: who they are and where they ended.

    Fields: ``name``, ``agency`` (key), ``role`` (the trade the engine crews by), ``post``
    (the career role held at the end, ``catalog/careers.py``), ``born_year``, ``sex``,
    ``status`` at the end, ``flights`` (missions come back from), ``canon`` (a character of
    the series), ``real`` (a real person). ``spacerace run --out`` writes them as
    ``people.jsonl``; ``spacerace person`` reads them back.

    Example:
        >>> from spacerace.scenario.loader import load_scenario
        >>> from spacerace.sim.engine import run_timeline
        >>> rows = person_rows(run_timeline(load_scenario("for-all-mankind"), 1, until_year=1969))
        >>> [(r["post"], r["flights"] >= 2) for r in rows if r["name"] == "Edward Baldwin"]
        [('commander', True)]
    """
    return [
        {
            "name": p.name,
            "agency": p.agency,
            "role": p.role,
            "post": p.post,
            "born_year": p.born_year,
            "sex": p.sex,
            "status": p.status,
            "flights": p.flights,
            "canon": p.canon,
            "real": p.real,
        }
        for _, p in sorted(result.world.people.items())
    ]
