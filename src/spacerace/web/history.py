"""A history: runs, one run's timeline, its missions, people, bases and agencies, event search.

Every page is a view over a :class:`~spacerace.web.runs.RunData` (the store's rows or a run
folder's files); an event is always shown with its cause (the words and numbers that decided
it, as the engine recorded them) and its data (each number by name: the breakdown). How much
an event weighs on the timeline is the report's salience (``report.salience.weight_of``).
"""

from __future__ import annotations

import json
from collections import Counter

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from spacerace.web.app import render
from spacerace.web.limits import SEARCH_RESULTS, NotFound
from spacerace.web.runs import RunData, check_id

__all__ = ["LANES", "router", "search_router"]

router = APIRouter()
search_router = APIRouter()

LANES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Firsts", ("milestone", "first_revealed", "discovery", "asteroid_delivered")),
    ("Losses", ("crew_lost", "base_deaths", "death", "mission_failed", "resupply_lost")),
    (
        "Bases",
        (
            "base_founded",
            "base_joined",
            "base_command",
            "base_merged",
            "rationing",
            "base_evacuated",
            "evacuation_refused",
            "incident",
            "incident_over",
            "breakdown",
            "supply_refused",
            "site_seized",
            "armed_standoff",
            "armed_clash",
            "rescue",
        ),
    ),  # fmt: skip
    (
        "People",
        ("recruitment", "retirement", "injury", "chief_designer", "defection", "purge", "birth"),
    ),
    (
        "Politics & money",
        (
            "budget",
            "election",
            "support",
            "politburo",
            "leader",
            "shock",
            "stability",
            "state_collapse",
            "treaty",
            "program_started",
            "program_completed",
            "goal_abandoned",
            "program_abandoned",
            "technology_transfer",
            "company_books",
            "company_bankrupt",
            "surveillance",
            "launch_sold",
            "grounded",
            "station_launched",
            "station_retired",
            "vehicle_retired",
            "scripted_note",
        ),
    ),  # fmt: skip
)
"""The timeline's lanes, top to bottom, and the event kinds drawn in each (missions get their
own lane from the facts table; a kind in no row is drawn under "Other")."""

_LANE_OF = {kind: lane for lane, kinds in LANES for kind in kinds}
TIMELINE_MIN_WEIGHT = 40
"""Salience below which an event is left off the timeline unless all are asked for (the
routine launches, retirements and budgets: a full run has about 2,000 events)."""

PAGE_EVENTS = 100
"""Events per page of a run's event list."""


def event_of(e: dict):
    """An event row back as the ``world.event.Event`` the report's functions take."""
    from spacerace.world.event import Event

    return Event(
        e["day"], e["kind"], e["agency"], e["text"], e["cause"], tuple(e["actors"]), e["data"],
        e["scripted"],
    )  # fmt: skip


def _run(request: Request, run_id: str) -> RunData:
    return request.app.state.runs.get(run_id)


@router.get("/runs", response_class=HTMLResponse)
def runs_page(request: Request, scenario: str = "", limit: int = 200):
    """The stored runs, the most recent first, and the run folders."""
    limit = max(1, min(limit, 1000))
    with request.app.state.runs.store() as store:
        stored = store.runs(limit=limit, scenario=scenario or None)
    return render(
        request,
        "runs.html",
        title="Histories",
        stored=stored,
        folders=request.app.state.runs.folders(),
        scenario=scenario,
    )


@router.get("/runs/{run_id}", response_class=HTMLResponse)
def run_page(request: Request, run_id: str):
    """A run's history: the timeline, its eras, firsts, losses, bases, agencies, all events.

    Rendered once per run and kept with it (a stored run never changes).
    """
    run = _run(request, run_id)
    if "history" not in run.pages:
        run.pages["history"] = _history_html(request, run)
    return HTMLResponse(run.pages["history"])


def _history_html(request: Request, run: RunData) -> str:
    firsts = [e for e in run.events if _is_first(e)]
    losses = [e for e in run.events if e["kind"] in ("crew_lost", "base_deaths", "death")]
    kinds = Counter(e["kind"] for e in run.events)
    outcomes = Counter(m["outcome"] for m in run.missions)
    return request.app.state.templates.get_template("run.html").render(
        request=request,
        title=f"{run.scenario} seed {run.seed}",
        run=run,
        firsts=firsts,
        losses=losses,
        kinds=sorted(kinds.items()),
        outcomes=sorted(outcomes.items()),
        eras=_era_rows(run),
        page_events=PAGE_EVENTS,
    )


def _is_first(e: dict) -> bool:
    return e["kind"] == "milestone" and bool(e["data"].get("first"))


def _lost(e: dict) -> int:
    """People an event says were lost in flight (``crew_lost``'s ``count``)."""
    return int(e["data"].get("count", 1)) if e["kind"] == "crew_lost" else 0


def _era_rows(run: RunData) -> list[dict]:
    rows = []
    for title, first, last in run.eras:
        inside = [e for e in run.events if first <= int(e["date"][:4]) <= last]
        rows.append(
            {
                "title": title,
                "span": f"{first}-{last}",
                "events": len(inside),
                "firsts": sum(1 for e in inside if _is_first(e)),
                "lost": sum(_lost(e) for e in inside),
            }
        )
    return rows


@router.get("/api/runs/{run_id}/timeline")
def timeline(request: Request, run_id: str, all_events: bool = False):
    """The run's timeline for plotly: one trace per lane, the eras as bands (kept per run)."""
    run = _run(request, run_id)
    key = f"timeline-{all_events}"
    if key not in run.pages:
        run.pages[key] = json.dumps(_timeline(run, all_events)).encode()
    return Response(run.pages[key], media_type="application/json")


def _timeline(run: RunData, all_events: bool) -> dict:
    from spacerace.report.salience import weight_of

    floor = 0 if all_events else TIMELINE_MIN_WEIGHT
    lanes: dict[str, dict] = {}
    for e in run.events:
        weight = weight_of(event_of(e))
        if weight < floor:
            continue
        lane = lanes.setdefault(
            _LANE_OF.get(e["kind"], "Other"),
            {"x": [], "text": [], "seq": [], "colour": [], "size": []},
        )
        lane["x"].append(e["date"])
        lane["text"].append(f"{e['date']} {e['text']}")
        lane["seq"].append(e["seq"])
        lane["colour"].append(run.colours.get(e["agency"], "#777777"))
        lane["size"].append(6 + weight // 10)
    missions = {
        "x": [m["launch_date"] for m in run.missions],
        "text": [
            f"{m['launch_date']} {m['name']} ({m['kind']}): {m['outcome']}" for m in run.missions
        ],
        "id": [m["id"] for m in run.missions],
        "colour": [run.colours.get(m["agency"], "#777777") for m in run.missions],
        "symbol": [_SYMBOLS.get(m["outcome"], "circle") for m in run.missions],
    }
    order = [name for name, _ in LANES] + ["Other"]
    return {
        "run_id": run.run_id,
        "lanes": [{"name": name, **lanes[name]} for name in order if name in lanes],
        "missions": missions,
        "eras": [
            {"title": t, "start": f"{a}-01-01", "end": f"{b + 1}-01-01"} for t, a, b in run.eras
        ],
        "shown": sum(len(v["x"]) for v in lanes.values()),
        "total": len(run.events),
    }


_SYMBOLS = {"success": "circle", "failed": "x", "crew_lost": "x", "scrubbed": "circle-open",
            "in_flight": "triangle-right", "planned": "circle-open"}  # fmt: skip


def filter_events(
    events, q: str = "", kind: str = "", agency: str = "", person: str = "", base: str = ""
) -> list[dict]:
    """Events whose text, cause or actors hold ``q`` (any case), of a kind, agency, person, base.

    Example:
        >>> rows = [{"text": "Apollo 11 lands", "cause": "", "actors": [], "kind": "milestone",
        ...          "agency": "nasa", "data": {}}]
        >>> len(filter_events(rows, q="apollo")), len(filter_events(rows, kind="launch"))
        (1, 0)
    """
    q = q.strip().lower()
    out = []
    for e in events:
        if kind and e["kind"] != kind:
            continue
        if agency and e["agency"] != agency:
            continue
        if person and person not in e["actors"]:
            continue
        if base and e["data"].get("base") != base and e["data"].get("merged") != base:
            continue
        if q and q not in (e["text"] + " " + e["cause"] + " " + " ".join(e["actors"])).lower():
            continue
        out.append(e)
    return out


@router.get("/runs/{run_id}/events", response_class=HTMLResponse)
def run_events(
    request: Request,
    run_id: str,
    q: str = "",
    kind: str = "",
    agency: str = "",
    offset: int = 0,
):
    """A page of a run's events, filtered (the list htmx swaps in as you type)."""
    run = _run(request, run_id)
    found = filter_events(run.events, q, kind, agency)
    offset = max(0, min(offset, len(found)))
    return render(
        request,
        "_events.html",
        run=run,
        events=found[offset : offset + PAGE_EVENTS],
        total=len(found),
        offset=offset,
        more=offset + PAGE_EVENTS < len(found),
        next_url=_next_url(request, offset + PAGE_EVENTS),
    )


def _next_url(request: Request, offset: int) -> str:
    params = dict(request.query_params)
    params["offset"] = str(offset)
    from urllib.parse import urlencode

    return f"{request.url.path}?{urlencode(params)}"


@router.get("/runs/{run_id}/events/{seq}", response_class=HTMLResponse)
def event_detail(request: Request, run_id: str, seq: int):
    """One event with its cause and its numbers (the timeline's click)."""
    run = _run(request, run_id)
    if not 0 <= seq < len(run.events):
        raise NotFound(f"run {run.run_id} has no event {seq} (it has {len(run.events)})")
    return render(request, "_event_detail.html", run=run, e=run.events[seq])


@router.get("/runs/{run_id}/missions/{mission_id}", response_class=HTMLResponse)
def mission_page(request: Request, run_id: str, mission_id: str):
    """A mission: its row of the facts table, its crew, and the events that name it."""
    run = _run(request, run_id)
    mission = run.mission(check_id(mission_id, "mission"))
    told = [
        e for e in run.events if e["agency"] == mission["agency"] and mission["name"] in e["text"]
    ]
    return render(request, "mission.html", title=mission["name"], run=run, m=mission, events=told)


@router.get("/runs/{run_id}/people/{name}", response_class=HTMLResponse)
def person_page(request: Request, run_id: str, name: str):
    """A person: the missions they flew and every event that names them."""
    run = _run(request, run_id)
    run.check_person(check_id(name, "person"))
    flown = [m for m in run.missions if name in m["crew"]]
    told = filter_events(run.events, person=name)
    return render(
        request, "person.html", title=name, run=run, name=name, missions=flown, events=told
    )


@router.get("/runs/{run_id}/agencies/{key}", response_class=HTMLResponse)
def agency_page(request: Request, run_id: str, key: str):
    """An agency: budget, prestige and support by year, its firsts, programs and missions."""
    run = _run(request, run_id)
    run.check_agency(check_id(key, "agency"))
    mine = filter_events(run.events, agency=key)
    programs = [e for e in mine if e["kind"] in ("program_started", "program_completed")]
    firsts = [e for e in mine if e["kind"] == "milestone" and e["data"].get("first")]
    return render(
        request,
        "agency.html",
        title=run.agency_name(key),
        run=run,
        key=key,
        programs=programs,
        firsts=firsts,
        missions=[m for m in run.missions if m["agency"] == key],
        events=len(mine),
    )


@router.get("/api/runs/{run_id}/agencies/{key}")
def agency_series(request: Request, run_id: str, key: str):
    """An agency's yearly metrics (the store's), or its budgets from the log (a folder)."""
    run = _run(request, run_id)
    run.check_agency(check_id(key, "agency"))
    rows = [m for m in run.metrics if m["agency"] == key]
    if rows:
        series = {c: [m[c] for m in rows] for c in ("budget_musd", "prestige", "support")}
        return {"source": "metrics", "year": [m["year"] for m in rows], **series}
    budgets = [e for e in run.events if e["kind"] == "budget" and e["agency"] == key]
    return {
        "source": "budget events",
        "year": [int(e["date"][:4]) for e in budgets],
        "budget_musd": [e["data"].get("budget_musd") for e in budgets],
    }


@router.get("/runs/{run_id}/bases/{name}", response_class=HTMLResponse)
async def base_page(request: Request, run_id: str, name: str):
    """A base: its story, population by employer, stocks and tension over time."""
    from spacerace.report.base_story import base_stories, story_paragraph

    run = await run_in_threadpool(_run, request, run_id)
    run.check_base(check_id(name, "base"))
    rows, start, reason = await _base_rows(request, run)
    events = [event_of(e) for e in run.events]
    story = next(s for s in base_stories(events, rows, start) if s.name == name) if rows else None
    told = filter_events(run.events, base=name)
    return render(
        request,
        "base_story.html",
        title=name,
        run=run,
        name=name,
        story=story_paragraph(story, run.agency_name) if story else "",
        reason=reason,
        events=told,
    )


@router.get("/api/runs/{run_id}/bases/{name}")
async def base_series(request: Request, run_id: str, name: str):
    """A base's monthly rows as series: population by employer, stocks, tension, reserve."""
    from spacerace.astro.time import jd_tdb_to_iso

    run = await run_in_threadpool(_run, request, run_id)
    run.check_base(check_id(name, "base"))
    rows, start, reason = await _base_rows(request, run)
    mine = [r for r in rows if r["base"] == name]
    dates = [d[:10] for d in jd_tdb_to_iso([start + r["day"] for r in mine])] if mine else []
    employers = sorted({k for r in mine for k in r["employers"]})
    stocks = ("oxygen_kg", "water_kg", "food_kg", "spares_kg")
    return {
        "base": name,
        "reason": reason,
        "date": dates,
        "population": {
            run.agency_name(k): [r["employers"].get(k, 0) for r in mine] for k in employers
        },
        "stocks_kg": {s: [r.get(s) for r in mine] for s in stocks},
        "tension": [r["tension"] for r in mine],
        "reserve_days": [r["reserve_days"] for r in mine],
    }


async def _base_rows(request: Request, run: RunData) -> tuple[list[dict], float, str]:
    """A folder's base rows; for a stored run, a replay in a worker process gives them."""
    if run.base_rows is not None:
        return list(run.base_rows), run.start_jd_tdb, ""
    from spacerace.web.work import replay_base_rows

    row = {k: v for k, v in run.stored.items() if k != "source_text"}
    answer = await request.app.state.workers.run(
        replay_base_rows, row, run.stored.get("source_text", ""), key=(run.run_id,)
    )
    return answer["rows"], answer["start_jd_tdb"], answer["reason"]


@search_router.get("/events", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", kind: str = "", scenario: str = ""):
    """Search every stored event by words, kind and scenario (htmx swaps the results)."""
    found, more = _search(request, q, kind, scenario) if (q or kind) else ([], False)
    template = "_search_results.html" if request.headers.get("hx-request") else "search.html"
    return render(
        request, template, title="Search events", q=q, kind=kind, scenario=scenario,
        found=found, more=more, limit=SEARCH_RESULTS,
    )  # fmt: skip


def _search(request: Request, q: str, kind: str, scenario: str) -> tuple[list[dict], bool]:
    where, params = ["true"], []
    if q.strip():
        like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = ("text", "cause", "actors")
        where.append("(" + " OR ".join(f"e.{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")")
        params += [like] * len(columns)
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    if scenario:
        where.append("r.scenario = ?")
        params.append(scenario)
    with request.app.state.runs.store() as store:
        rows = store.query(
            "SELECT e.run_id, r.scenario, r.seed, e.seq, e.date, e.kind, e.agency, e.text, "
            "e.cause FROM events e JOIN runs r ON r.run_id = e.run_id "
            f"WHERE {' AND '.join(where)} ORDER BY r.scenario, r.seed, e.run_id, e.seq LIMIT ?",
            [*params, SEARCH_RESULTS + 1],
        )
    names = ("run_id", "scenario", "seed", "seq", "date", "kind", "agency", "text", "cause")
    found = [dict(zip(names, r, strict=True)) for r in rows]
    return found[:SEARCH_RESULTS], len(found) > SEARCH_RESULTS
