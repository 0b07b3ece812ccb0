"""Plan it: a porkchop explorer and the asteroid capture ranking, computed in worker processes.

The porkchop is ``planning.porkchop`` (the batch Lambert solver of ``astro.porkchop`` over
the departure x time-of-flight grid, DE421 states); the ranking ``mining.rank_candidates``
and one object's design ``mining.candidate_for``, priced as ``spacerace asteroids`` prices
them (``report.plan_json.prices_of``). The inputs are checked here, before any work is queued.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from spacerace.errors import InputError
from spacerace.web.app import render
from spacerace.web.limits import MAX_PORKCHOP_POINTS, MAX_RANK_DESIGNS, MAX_RANK_TOP, NotFound
from spacerace.web.runs import check_id

__all__ = ["asteroid_router", "router"]

router = APIRouter()
asteroid_router = APIRouter()

PLANETS = ("mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune")
"""Bodies the explorer offers (the catalog's planets with DE421 states)."""

PORKCHOP_DEFAULTS = {
    "origin": "earth",
    "target": "mars",
    "depart_from": "2005-06-01",
    "depart_to": "2005-11-01",
    "tof_min": "100",
    "tof_max": "450",
    "step": "2",
    "tof_step": "4",
    "by": "c3",
}
"""The page's first porkchop: the 2005 Earth-Mars window (Mars Reconnaissance Orbiter's)."""


@router.get("/plan/porkchop", response_class=HTMLResponse)
def porkchop_page(request: Request):
    """The explorer: pick bodies and ranges; the heatmap and windows come from the API."""
    values = {k: request.query_params.get(k, v) for k, v in PORKCHOP_DEFAULTS.items()}
    return render(
        request, "porkchop.html", title="Porkchop explorer", v=values, planets=PLANETS,
        max_points=MAX_PORKCHOP_POINTS,
    )  # fmt: skip


def _number(value: str, name: str, lo: float, hi: float) -> float:
    try:
        x = float(value)
    except ValueError:
        raise InputError(f"{name}: expected a number, got {value[:30]!r}") from None
    if not lo <= x <= hi:  # also refuses NaN
        raise InputError(f"{name}: expected {lo:g} to {hi:g}, got {x:g}")
    return x


def _body(name: str, what: str) -> str:
    from spacerace.catalog.bodies import get_body

    key = name.strip().lower()
    if key not in PLANETS:
        get_body(key)  # an unknown name: UnknownBodyError lists the known ones (404)
        raise InputError(
            f"{what} {name[:30]!r}: the explorer takes a planet ({', '.join(PLANETS)})"
        )
    return key


@router.get("/api/porkchop")
async def porkchop_json(
    request: Request,
    origin: str = "earth",
    target: str = "mars",
    depart_from: str = "2005-06-01",
    depart_to: str = "2005-11-01",
    tof_min: str = "100",
    tof_max: str = "450",
    step: str = "2",
    tof_step: str = "4",
    by: str = "c3",
):
    """A porkchop grid (C3, total delta-v, arrival v-infinity) and its best windows."""
    from spacerace.astro.time import iso_to_jd_tdb
    from spacerace.web.work import porkchop_grid

    a, b = _body(origin, "origin"), _body(target, "target")
    if a == b:
        raise InputError(f"origin and target are both {a}")
    if by not in ("c3", "dv", "vinf_arrive"):
        raise InputError(f"by: expected c3, dv or vinf_arrive, got {by[:20]!r}")
    first, last = iso_to_jd_tdb(depart_from), iso_to_jd_tdb(depart_to)
    if last <= first:
        raise InputError(f"departures: {depart_to} is not after {depart_from}")
    lo, hi = _number(tof_min, "tof_min", 1, 20_000), _number(tof_max, "tof_max", 1, 20_000)
    if hi <= lo:
        raise InputError(f"times of flight: {hi:g} is not above {lo:g} days")
    d_step, t_step = _number(step, "step", 0.1, 3650), _number(tof_step, "tof_step", 0.1, 3650)
    points = (int((last - first) / d_step) + 1) * (int((hi - lo) / t_step) + 1)
    if points > MAX_PORKCHOP_POINTS:
        raise InputError(
            f"the grid would have {points:,} points, more than the page's {MAX_PORKCHOP_POINTS:,}: "
            "use larger steps or narrower ranges"
        )
    return await request.app.state.workers.run(
        porkchop_grid, a, b, (first, last), (lo, hi), d_step, t_step, by
    )


def _asteroid_args(request: Request) -> dict:
    from spacerace.web.likely import builtin_names

    q = request.query_params
    scenario = q.get("scenario", "for-all-mankind")
    if scenario not in builtin_names():
        raise NotFound(f"scenario {scenario[:60]!r}: not a built-in scenario")
    return {
        "year": int(_number(q.get("year", "2003"), "year", 1900, 2038)),
        "to": q.get("to", "mars-orbit")[:40],
        "scenario": scenario,
        "launcher": q.get("launcher", "saturn_v")[:40],
        "coarse": q.get("grid", "coarse") != "default",
    }


@asteroid_router.get("/plan/asteroids", response_class=HTMLResponse)
def asteroids_page(request: Request):
    """The ranking form; the table is computed on demand (htmx) in a worker."""
    from spacerace.web.likely import builtin_names

    return render(
        request, "asteroids.html", title="Asteroid targets", q=dict(request.query_params),
        scenarios=builtin_names(), max_top=MAX_RANK_TOP, max_designs=MAX_RANK_DESIGNS,
    )  # fmt: skip


async def _ranking(request: Request) -> dict:
    from spacerace.web.work import rank_asteroids

    args = _asteroid_args(request)
    q = request.query_params
    top = int(_number(q.get("top", "10"), "top", 1, MAX_RANK_TOP))
    designs = int(_number(q.get("designs", "20"), "designs", 1, MAX_RANK_DESIGNS))
    return await request.app.state.workers.run(
        rank_asteroids, args["year"], args["to"], top, max(top, designs), args["scenario"],
        args["launcher"], args["coarse"],
    )  # fmt: skip


@asteroid_router.get("/api/asteroids")
async def asteroids_json(request: Request):
    """The ranking (``spacerace asteroids --json``), computed in a worker process."""
    return await _ranking(request)


@asteroid_router.get("/plan/asteroids/ranking", response_class=HTMLResponse)
async def asteroids_table(request: Request):
    """The ranking as the table htmx swaps into the page."""
    ranking = await _ranking(request)
    return render(request, "_asteroid_table.html", r=ranking, q=dict(request.query_params))


@asteroid_router.get("/plan/asteroids/{name}", response_class=HTMLResponse)
async def asteroid_page(request: Request, name: str):
    """One object's capture design: orbit, size, composition, dates, delta-v, economics."""
    c = await _design(request, name)
    return render(request, "asteroid.html", title=c["label"], c=c)


@asteroid_router.get("/api/asteroids/{name}")
async def asteroid_json(request: Request, name: str):
    """One object's capture design (``spacerace asteroid NAME --json``)."""
    return await _design(request, name)


async def _design(request: Request, name: str) -> dict:
    from spacerace.web.work import asteroid_design

    args = _asteroid_args(request)
    return await request.app.state.workers.run(
        asteroid_design, check_id(name, "asteroid"), args["year"], args["to"], args["scenario"],
        args["launcher"], args["coarse"],
    )  # fmt: skip
