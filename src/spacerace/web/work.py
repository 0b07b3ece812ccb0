"""What the web server's worker processes run: library calls, JSON-ready answers out.

Each function is a top-level function of plain arguments (picklable for a ``spawn`` pool)
and returns plain data; the server process never runs the engine, a Lambert grid or a
capture design itself. An :class:`~spacerace.errors.InputError` raised here crosses the
process boundary and becomes a 4xx line in the server.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from pathlib import Path

__all__ = [
    "asteroid_design",
    "play_resume",
    "play_start",
    "play_turn",
    "porkchop_grid",
    "rank_asteroids",
    "replay_base_rows",
]


def _round(values, digits: int) -> list:
    """A 2-D array as nested lists, NaN and infinities as None, rounded."""
    return [
        [None if not math.isfinite(v) else round(float(v), digits) for v in row] for row in values
    ]


def porkchop_grid(
    origin: str,
    target: str,
    depart_jd_tdb: tuple[float, float],
    tof_days: tuple[float, float] | None,
    depart_step_days: float,
    tof_step_days: float,
    by: str,
) -> dict:
    """A porkchop (``planning.porkchop``) as arrays for a heatmap, with its best windows.

    Returns:
        ``depart`` (ISO dates, D), ``tof_days`` (T), ``c3_km2_s2``, ``dv_total_km_s`` and
        ``vinf_arrive_km_s`` as T x D lists (None where the solver did not converge),
        ``windows`` (``report.plan_json.format_transfer`` each) and the grid's facts.
    """
    from spacerace import planning
    from spacerace.astro.time import jd_tdb_to_iso
    from spacerace.report.plan_json import format_transfer

    result = planning.porkchop(
        origin,
        target,
        depart_jd_tdb,
        tof_days,
        depart_step_days=depart_step_days,
        tof_step_days=tof_step_days,
        by=by,
    )
    grid = result.grid
    return {
        "origin": grid.origin,
        "target": grid.target,
        "ephemeris": "DE421",
        "depart": [d[:10] for d in jd_tdb_to_iso(grid.depart_jd_tdb)],
        "tof_days": [round(float(t), 3) for t in grid.tof_days],
        "c3_km2_s2": _round(grid.c3_km2_s2.T, 2),
        "dv_total_km_s": _round(grid.dv_total_km_s.T, 3),
        "vinf_arrive_km_s": _round(grid.vinf_arrive_km_s.T, 3),
        "converged_share": round(float(grid.converged.mean()), 4),
        "synodic_period_days": round(result.synodic_days, 1),
        "windows_inside_range": result.windows_inside,
        "windows": [format_transfer(p) for p in result.windows],
        "by": by,
    }


def rank_asteroids(
    year: int, to: str, top: int, designs: int, scenario: str, launcher: str, coarse: bool
) -> dict:
    """The capture ranking of ``spacerace asteroids`` (``mining.rank_candidates``), as JSON.

    ``coarse`` searches dates on ``SearchGrid(step_days=10, tof_step_days=20)`` (about five
    times faster, the engine's grid) instead of the default 5-day grid.
    """
    from spacerace.mining import rank_candidates
    from spacerace.mining.capture import SearchGrid
    from spacerace.report.plan_json import candidate_json, prices_of

    world = prices_of(scenario, launcher, to)
    grid = SearchGrid(step_days=10.0, tof_step_days=20.0) if coarse else None
    found = rank_candidates(
        year, to, top, n_design=designs, architecture=world.arch, grid=grid, market=world.market
    )
    return {
        "year": year,
        "destination": to,
        "dollar_year": world.arch.dollar_year,
        "launcher": world.arch.launcher,
        "prices": world.prices(),
        **world.json(),
        "grid": "coarse (10-day steps)" if coarse else "default (5-day steps)",
        "paying": [c.label for c in found if c.pays],
        "candidates": [candidate_json(c) for c in found],
    }


def asteroid_design(
    name: str, year: int, to: str, scenario: str, launcher: str, coarse: bool
) -> dict:
    """One object's capture design (``mining.candidate_for``) with its composition, as JSON."""
    from spacerace.catalog.asteroid_classes import load_class_groups
    from spacerace.mining import candidate_for
    from spacerace.mining.capture import SearchGrid
    from spacerace.report.plan_json import candidate_json, prices_of

    world = prices_of(scenario, launcher, to)
    grid = SearchGrid(step_days=10.0, tof_step_days=20.0) if coarse else None
    found = candidate_for(name, year, to, architecture=world.arch, grid=grid, market=world.market)
    group = load_class_groups()[found.group]
    return {
        **candidate_json(found),
        **world.json(),
        "prices": world.prices(),
        "composition": {
            "analog": group.analog,
            "metal_frac": group.metal_frac,
            "water_frac": group.water_frac,
            "volatiles_frac": group.volatiles_frac,
            "pgm_ppm": group.pgm_ppm,
        },
        "year": year,
        "grid": "coarse (10-day steps)" if coarse else "default (5-day steps)",
    }


def replay_base_rows(row: dict, source_text: str) -> dict:
    """Replay a stored run (``ensemble.replay.replay_stored``) for its monthly base rows.

    Returns:
        ``{"rows": [...], "start_jd_tdb": float, "reason": ""}``, or no rows and the reason
        the run could not be replayed (another engine version, a scenario that no longer loads).
    """
    from spacerace.ensemble.replay import replay_stored

    result, reason = replay_stored(row, source_text)
    if result is None:
        return {"rows": [], "start_jd_tdb": 0.0, "reason": reason}
    return {"rows": result.base_metrics, "start_jd_tdb": result.start_jd_tdb, "reason": ""}


# Play (``spacerace.web.play``): the games this worker process holds.

GAMES_PER_WORKER = 8
"""Games a worker process keeps between turns (``web.limits.MAX_GAMES``: each is one run's
state, a few MB). A game not kept here, or kept at another turn, is resumed from its save
(``Game.load``: one more replay)."""

_GAMES: OrderedDict[str, object] = OrderedDict()
_PLANNERS: OrderedDict[tuple, object] = OrderedDict()


def _planner(scenario, until_year):
    """The mission planner of (scenario, last year), made once per worker (about 1 s)."""
    from spacerace.sim.engine import make_planner

    key = (scenario.content_hash(), until_year)
    if key not in _PLANNERS:
        _PLANNERS[key] = make_planner(scenario, until_year)
        while len(_PLANNERS) > GAMES_PER_WORKER:
            _PLANNERS.popitem(last=False)
    return _PLANNERS[key]


def _keep(game_id: str, game) -> None:
    _GAMES[game_id] = game
    _GAMES.move_to_end(game_id)
    while len(_GAMES) > GAMES_PER_WORKER:
        _GAMES.popitem(last=False)


def play_start(game_id: str, path: str, scenario: str, seed: int, agency: str, until: int | None):
    """A new game of a built-in scenario, autosaved to ``path``; its view (:func:`play_view`)."""
    from spacerace.play import Game
    from spacerace.scenario.loader import load_scenario

    loaded = load_scenario(scenario)
    game = Game(loaded, seed, agency, until_year=until, save_path=Path(path),
                planner=_planner(loaded, until))  # fmt: skip
    _keep(game_id, game)
    return play_view(game)


def _game_at(game_id: str, path: str, turns: int | None):
    """The game ``game_id`` at turn ``turns`` (None: as saved), from this worker or its save."""
    import json

    from spacerace.play import Game
    from spacerace.play.save import read_log_lines
    from spacerace.scenario.loader import load_scenario

    game = _GAMES.get(game_id)
    if game is not None and (turns is None or game.turns == turns):
        _GAMES.move_to_end(game_id)
        return game
    first = next(iter(read_log_lines(Path(path), "the save")), "{}")
    try:
        header = json.loads(first)
        scenario = load_scenario(str(header["scenario"]))
        until = header["play"]["until_year"]
    except (json.JSONDecodeError, KeyError, TypeError):
        scenario, until = None, None
    planner = _planner(scenario, until) if scenario is not None else None
    game = Game.load(path, scenario=scenario, planner=planner)
    if turns is not None and game.turns != turns:
        from spacerace.errors import InputError

        raise InputError(f"the save is at turn {game.turns}, not {turns}: reload the page")
    _keep(game_id, game)
    return game


def play_resume(game_id: str, path: str):
    """A saved game resumed where it stood; its view."""
    return play_view(_game_at(game_id, path, None))


def play_turn(game_id: str, path: str, turns: int, answer: str | None, advised: bool):
    """Play one turn: answer the waiting question and go on to the next; its view.

    ``answer`` is the text a player types (``play.answers.parse_answer``); ``advised``
    answers as the built-in policy would (the terminal's ``d``); with neither, a turn that
    asked nothing goes on a quarter. A bad answer raises InputError and changes nothing.
    """
    from spacerace.errors import InputError
    from spacerace.play.answers import parse_answer

    game = _game_at(game_id, path, turns)
    question = game.turn.question
    if question is None:
        if answer or advised:
            raise InputError("no question is waiting: go on to the next turn")
        game.advance()
    elif advised:
        game.answer(game.advice())
    elif answer is None:
        raise InputError(f"a question is waiting: {game.turn.prompt}")
    else:
        game.answer(parse_answer(question, answer))
    return play_view(game)


def advice_text(turn, advice) -> str:
    """What a player types to answer as the built-in policy advises (``parse_answer``'s form)."""
    if turn.question is None:
        return ""
    if advice is None:
        return "0"
    values = advice if isinstance(advice, list) else [advice]
    number = {repr(c.value): c.number for c in turn.choices}
    if isinstance(advice, list) and not advice:
        return "0" if turn.question.kind == "fund" else ""
    return " ".join(str(number.get(repr(v), "?")) for v in values)


def play_view(game) -> dict:
    """What the player sees now, JSON-ready.

    The turn with its explained choices, the advice, the budget (M$ of the year), the rivals
    as known, what is pending, the debrief and the news so far, the engine's time (ms).
    """
    turn = game.turn
    advice = game.advice() if turn.question is not None else None
    return {
        "scenario": game.scenario.name,
        "seed": game.seed,
        "agency": game.agency,
        "agency_name": game.name_of(game.agency),
        "agencies": {k: game.name_of(k) for k in game.scenario.agencies},
        "until_year": game.until_year,
        "turn": turn.to_json(),
        "advice": advice,
        "advice_text": advice_text(turn, advice),
        "budget": game.budget().to_json(),
        "rivals": [r.to_json() for r in game.rivals()],
        "pending": game.pending(),
        "debrief": [n.to_json() for n in game.debrief()],
        "news": [n.to_json() for n in game.news()],
        "step_ms": round(game.last_step_s * 1000, 1),
    }
