"""How likely: stored ensembles' answers, two side by side, and ensembles started from the page.

The numbers are the library's: ``ensemble.summary.summary_from_store`` (first-shares with
95 % Wilson intervals, years), ``ensemble.compare.compare_summaries`` (differences with 95 %
Newcombe intervals), ``rows_from_store`` for the year distributions. An ensemble started or
resumed here plays through ``ensemble.runner.run_ensemble`` in worker processes
(:class:`~spacerace.web.jobs.Ensembles`); its progress comes as Server-Sent Events.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections import OrderedDict

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, StreamingResponse

from spacerace.errors import InputError
from spacerace.web.app import form_of, render
from spacerace.web.limits import MAX_ENSEMBLE_RUNS, NotFound
from spacerace.web.runs import check_id

__all__ = ["router"]

router = APIRouter()

MAX_SEED = 2**63 - 1
"""Seeds are stored as signed 64-bit integers."""

PROGRESS_PERIOD_S = 0.5
"""How often the progress stream sends the job's state, seconds."""


def builtin_names() -> list[str]:
    """The built-in scenarios a page may start (never a file path)."""
    from spacerace.scenario.loader import list_builtin

    return [name for name, _ in list_builtin()]


def _stored_ensembles(store) -> list[dict]:
    rows = store.query(
        "SELECT e.ensemble_id, e.scenario, e.scenario_hash, e.base_seed, e.n, e.status, "
        "e.created_at, (SELECT count(*) FROM runs r WHERE r.scenario_hash = e.scenario_hash "
        "AND r.seed BETWEEN e.base_seed AND e.base_seed + e.n - 1) AS stored "
        "FROM ensembles e ORDER BY e.created_at DESC, e.ensemble_id LIMIT 200"
    )
    names = ("ensemble_id", "scenario", "scenario_hash", "base_seed", "n", "status", "created_at")
    return [dict(zip((*names, "stored"), r, strict=True)) for r in rows]


@router.get("/ensembles", response_class=HTMLResponse)
def ensembles_page(request: Request):
    """Stored ensembles (resume the unfinished), this server's jobs, start one, compare two."""
    with request.app.state.runs.store() as store:
        stored = _stored_ensembles(store)
    return render(
        request,
        "ensembles.html",
        title="How likely",
        stored=stored,
        jobs=request.app.state.ensembles.all(),
        scenarios=builtin_names(),
        max_runs=MAX_ENSEMBLE_RUNS,
    )


SUMMARY_CACHE_SIZE = 16
"""Ensemble summaries kept, each under its runs' identity (ensemble, version, runs stored)."""


class SummaryCache:
    """Summaries, first rows and colours of ensembles, kept until runs are added to them."""

    def __init__(self) -> None:
        self._items: OrderedDict[tuple, tuple[dict, list, dict]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> tuple[dict, list, dict] | None:
        """The answers kept under ``key``, or None."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: tuple, answers: tuple[dict, list, dict]) -> None:
        """Keep ``answers`` under ``key``, forgetting the oldest past the cache's size."""
        with self._lock:
            self._items[key] = answers
            while len(self._items) > SUMMARY_CACHE_SIZE:
                self._items.popitem(last=False)


def _summary(request: Request, store, ref: str) -> tuple[object, dict]:
    """An ensemble and its summary."""
    return _answers(request, store, ref)[:2]


def _answers(request: Request, store, ref: str) -> tuple[object, dict, list, dict]:
    from spacerace.ensemble.compare import find_ensemble
    from spacerace.ensemble.summary import rows_from_store, summary_from_store

    try:
        found = find_ensemble(store, check_id(ref, "ensemble"))
    except InputError as exc:
        if str(exc).startswith("no ensemble"):
            raise NotFound(str(exc)) from None
        raise
    ((stored,),) = store.query(
        "SELECT count(*) FROM runs WHERE scenario_hash = ? AND version = ? "
        "AND seed BETWEEN ? AND ?",
        [found.scenario_hash, found.version, found.seeds.start, found.seeds.stop - 1],
    )
    key = (found.ensemble_id, found.version, int(stored))
    kept = request.app.state.summaries.get(key)
    if kept is not None:
        return (found, *kept)
    summary = summary_from_store(store, found.scenario_hash, found.version, found.seeds)
    firsts = rows_from_store(store, found.scenario_hash, found.version, found.seeds).firsts
    colours = _colours(store, found.scenario_hash, summary["agencies"])
    request.app.state.summaries.put(key, (summary, firsts, colours))
    return found, summary, firsts, colours


def _colours(store, scenario_hash: str, agencies: list[str]) -> dict[str, str]:
    """The agencies' colours as the run pages and the report draw them (``nobody`` grey)."""
    from spacerace.errors import StoreError
    from spacerace.web.runs import scenario_colours

    try:
        text = store.scenario_source(scenario_hash)
    except StoreError:
        text = ""
    return {**scenario_colours(text, agencies), "nobody": "#9e9e9e"}


@router.get("/api/ensembles/{ref}")
def ensemble_json(request: Request, ref: str):
    """An ensemble's summary (``spacerace ensemble --json``'s ``summary``)."""
    with request.app.state.runs.store() as store:
        found, summary = _summary(request, store, ref)
    return {"ensemble_id": found.ensemble_id, "summary": summary}


@router.get("/ensembles/{ref}", response_class=HTMLResponse)
def ensemble_page(request: Request, ref: str, align: str = ""):
    """Who is first and when: shares with intervals, and each first's year distribution.

    With ``align``, a milestone: the years are counted from that first in each run
    (``ensemble.aligned.aligned_first_years``), over the runs that reached it.
    """
    from spacerace.ensemble.aligned import aligned_first_years
    from spacerace.ensemble.summary import MILESTONES

    if align and align not in MILESTONES:
        raise InputError(f"align: expected one of {', '.join(MILESTONES)}, got {align[:40]!r}")
    with request.app.state.runs.store() as store:
        found, summary, firsts, colours = _answers(request, store, ref)
    if align:
        years, aligned_runs = aligned_first_years(firsts, align)
    else:
        years, aligned_runs = {}, summary["runs"]
        for _, milestone, agency, year in firsts:
            years.setdefault(milestone, {}).setdefault(agency, []).append(year)
    chart = {
        "colours": colours,
        "milestones": summary["milestones"],
        "years": years,
        "runs": summary["runs"],
        "align": align,
        "aligned_runs": aligned_runs,
    }
    text = json.dumps(chart).replace("</", "<\\/")  # never closes the script element
    return render(
        request,
        "ensemble.html",
        title=f"{summary['scenario']}: {summary['runs']} timelines",
        ref=found,
        s=summary,
        chart=text,
        scenarios=builtin_names(),
        milestones=MILESTONES,
        align=align,
        aligned_runs=aligned_runs,
    )


@router.get("/api/compare")
def compare_json(request: Request, a: str, b: str):
    """Two ensembles side by side (``spacerace compare --json``)."""
    return _compare(request, a, b)


def _compare(request: Request, a: str, b: str) -> dict:
    from spacerace.ensemble.compare import compare_summaries

    with request.app.state.runs.store() as store:
        (ref_a, sum_a), (ref_b, sum_b) = _summary(request, store, a), _summary(request, store, b)
    result = compare_summaries(sum_a, sum_b)
    result["a"]["ensemble_id"], result["b"]["ensemble_id"] = ref_a.ensemble_id, ref_b.ensemble_id
    return result


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, a: str = "", b: str = ""):
    """Two scenarios (their latest ensembles) or two ensembles side by side."""
    if not a or not b:
        with request.app.state.runs.store() as store:
            stored = _stored_ensembles(store)
        return render(request, "compare.html", title="Compare", cmp=None, stored=stored, a=a, b=b)
    cmp = _compare(request, a, b)
    return render(request, "compare.html", title="Compare", cmp=cmp, stored=[], a=a, b=b)


def _int_field(form: dict[str, str], name: str, lo: int, hi: int, default: int) -> int:
    raw = form.get(name, "").strip() or str(default)
    try:
        value = int(raw)
    except ValueError:
        raise InputError(f"{name}: expected a whole number, got {raw[:30]!r}") from None
    if not lo <= value <= hi:
        raise InputError(f"{name}: expected {lo} to {hi:,}, got {value:,}")
    return value


def _started(request: Request, job) -> HTMLResponse | RedirectResponse:
    if request.headers.get("hx-request"):
        return render(request, "_job.html", job=job)
    return RedirectResponse(f"/jobs/{job.job_id}", status_code=303)


@router.post("/ensembles")
async def start_ensemble(request: Request):
    """Start an ensemble of a built-in scenario: form fields ``scenario``, ``n``, ``seed``."""
    from spacerace.scenario.loader import load_scenario

    form = await form_of(request)
    name = form.get("scenario", "")
    names = builtin_names()
    if name not in names:
        raise NotFound(f"scenario {name[:60]!r}: not a built-in scenario ({', '.join(names)})")
    n = _int_field(form, "n", 1, MAX_ENSEMBLE_RUNS, 20)
    seed = _int_field(form, "seed", 0, MAX_SEED - n + 1, 0)
    job = request.app.state.ensembles.start(load_scenario(name), n, seed)
    return _started(request, job)


@router.post("/ensembles/{ref}/resume")
def resume_ensemble(request: Request, ref: str):
    """Play the seeds an ensemble in the store still lacks (its scenario from the stored text)."""
    from spacerace.scenario.loader import parse_scenario

    check_id(ref, "ensemble")
    with request.app.state.runs.store() as store:
        rows = store.query(
            "SELECT scenario, scenario_hash, base_seed, n FROM ensembles WHERE ensemble_id = ?",
            [ref],
        )
        if not rows:
            raise NotFound(f"no ensemble {ref!r} in the store")
        name, scenario_hash, base, n = rows[0]
        text = store.scenario_source(scenario_hash)
    scenario = parse_scenario(text, f"{name}.toml (stored)")
    if scenario.content_hash() != scenario_hash:
        raise InputError(
            f"ensemble {ref}: its stored scenario reads differently in this version of "
            "spacerace; start a new ensemble instead"
        )
    job = request.app.state.ensembles.start(scenario, int(n), int(base))
    return _started(request, job)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str):
    """An ensemble job's progress (updated by the event stream)."""
    job = request.app.state.ensembles.get(check_id(job_id, "job"))
    return render(request, "job.html", title=f"Ensemble {job.job_id}", job=job)


@router.get("/api/jobs/{job_id}")
def job_json(request: Request, job_id: str):
    """An ensemble job's state."""
    return request.app.state.ensembles.get(check_id(job_id, "job")).state()


@router.get("/jobs/{job_id}/events")
async def job_events(request: Request, job_id: str):
    """Server-Sent Events: ``progress`` with the job's state until it ends, then ``done``."""
    job = request.app.state.ensembles.get(check_id(job_id, "job"))

    async def stream():
        while True:
            state = job.state()
            final = state["status"] in ("done", "failed")
            yield f"event: {'done' if final else 'progress'}\ndata: {json.dumps(state)}\n\n"
            if final or await request.is_disconnected():
                return
            await asyncio.sleep(PROGRESS_PERIOD_S)

    headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)
