"""Play: one agency in the player's chair, the others played by the engine (``spacerace.play``).

A game is a :class:`spacerace.play.Game` living in a worker process (``web.work.play_*``):
each turn replays the history to the player's next question or the next quarter (0.3-0.4 s
late in a long game), so it never runs on the event loop. The server holds, per game, the
last view the worker sent (the turn with its explained choices, the budget, the rivals as
known, what is pending, the debrief, the news) and the save's place on disk; the news log is
filtered here from that view (``play.news.filter_news``), without the engine.

Saves: ``<data dir>/games/<id>.jsonl`` (the data dir is the store file's folder), written by
the game's own autosave at each turn; the save is the decision log ``spacerace run
--decisions`` replays (``play.save``). The id is the server's (``g`` and 12 hex digits),
never a path a client gives; anything else is a 404. Only built-in scenarios start a game.

Bounds: at most :data:`~spacerace.web.limits.MAX_GAMES` games in memory (a new or resumed
game past it is a 429, unless one is over or idle for ``GAME_IDLE_S``: it is put aside, its
save kept); one turn of a game in flight at a time (a second is a 409); an answer not among
the options is a 400 with one line, and the game and its save are as they were.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse

from spacerace.errors import InputError
from spacerace.play.news import NewsItem, filter_news
from spacerace.web import work
from spacerace.web.app import form_of, render, wants_json
from spacerace.web.likely import builtin_names
from spacerace.web.limits import GAME_IDLE_S, MAX_GAMES, MAX_SAVED_GAMES_LISTED, Busy, NotFound

__all__ = ["Games", "router"]

router = APIRouter()

GAME_ID = re.compile(r"g[0-9a-f]{12}")
"""A game's id as the server makes it (``secrets.token_hex(6)``): nothing else names a file."""

NEWS_SHOWN = 300
"""Most news items one page of the log shows (the filter narrows; the count says how many)."""

MAX_SEED = 2**63 - 1
"""Seeds are signed 64-bit integers (the store's)."""


@dataclass
class Seat:
    """One game the server holds: its id, its save and the last view its worker sent."""

    game_id: str
    path: Path
    view: dict
    used: float = field(default_factory=time.monotonic)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @property
    def turns(self) -> int:
        """Turns played."""
        return int(self.view["turn"]["number"])

    @property
    def over(self) -> bool:
        """True once the game reached its last day."""
        return bool(self.view["turn"]["over"])


class Games:
    """The games in memory (at most ``MAX_GAMES``) and the saves folder.

    Args:
        folder: Where saves are written (created if missing).
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._seats: OrderedDict[str, Seat] = OrderedDict()
        self._reserved = 0  # places taken by games being started or resumed
        self._lock = threading.Lock()

    def path_of(self, game_id: str) -> Path:
        """The save of ``game_id``; NotFound for anything but a server-made id."""
        if not GAME_ID.fullmatch(game_id):
            raise NotFound(f"no game {game_id[:60]!r}: not a game id")
        return self.folder / f"{game_id}.jsonl"

    def held(self, game_id: str) -> Seat | None:
        """The game in memory, or None."""
        with self._lock:
            return self._seats.get(game_id)

    def reserve(self) -> None:
        """Take a place for a game being started or resumed.

        :meth:`hold` fills it, :meth:`release` gives it back. Raises Busy when
        ``MAX_GAMES`` places are taken and no game held is over or idle.
        """
        with self._lock:
            if len(self._seats) + self._reserved < MAX_GAMES:
                self._reserved += 1
                return
            now = time.monotonic()
            for game_id, seat in self._seats.items():  # least recently used first
                if not seat.lock.locked() and (seat.over or now - seat.used > GAME_IDLE_S):
                    del self._seats[game_id]  # put aside: its save stays on disk
                    self._reserved += 1
                    return
        raise Busy(
            f"{MAX_GAMES} games are already being played (at most {MAX_GAMES} at once); "
            f"try again when one ends or has been idle {GAME_IDLE_S / 60:.0f} minutes"
        )

    def release(self) -> None:
        """Give back a place :meth:`reserve` took, for a game that did not start."""
        with self._lock:
            self._reserved -= 1

    def hold(self, seat: Seat) -> Seat:
        """Keep ``seat`` in memory in the place reserved for it; the seat held under its id."""
        with self._lock:
            self._reserved -= 1
            held = self._seats.setdefault(seat.game_id, seat)
            self._seats.move_to_end(seat.game_id)
            return held

    def new_id(self) -> str:
        """A fresh game id (no save of that name exists)."""
        while True:
            game_id = "g" + secrets.token_hex(6)
            if not (self.folder / f"{game_id}.jsonl").exists() and self.held(game_id) is None:
                return game_id

    def saved(self) -> list[dict]:
        """Saved games, most recent first: id, scenario, seed, agency, turn, last year."""
        if not self.folder.is_dir():
            return []
        files = [p for p in self.folder.glob("g*.jsonl") if GAME_ID.fullmatch(p.stem)]
        files.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        out = []
        for p in files[:MAX_SAVED_GAMES_LISTED]:
            header = _header(p)
            play = header.get("play") if isinstance(header.get("play"), dict) else {}
            out.append({
                "id": p.stem,
                "scenario": str(header.get("scenario", "?")),
                "seed": header.get("seed", "?"),
                "agency": str(play.get("agency", "?")),
                "turn": play.get("turn", "?"),
                "until_year": play.get("until_year"),
                "held": self.held(p.stem) is not None,
            })  # fmt: skip
        return out


def _header(path: Path) -> dict:
    """A save's first line as JSON ({} if it is not one); reads at most 64 KB."""
    try:
        with path.open("rb") as f:
            header = json.loads(f.readline(65_536) or b"{}")
    except (OSError, json.JSONDecodeError, UnicodeDecodeError):
        return {}
    return header if isinstance(header, dict) else {}


def games_of(request: Request) -> Games:
    """The application's games."""
    return request.app.state.games


async def _seat(request: Request, game_id: str) -> Seat:
    """The game ``game_id``: held in memory, else resumed from its save (NotFound if none)."""
    games = games_of(request)
    path = games.path_of(game_id)
    seat = games.held(game_id)
    if seat is not None:
        return seat
    if not path.is_file():
        raise NotFound(f"no game {game_id!r}")
    games.reserve()
    try:
        view = await request.app.state.workers.run(
            work.play_resume, game_id, str(path), cache=False, bounded=False
        )
    except BaseException:
        games.release()
        raise
    return games.hold(Seat(game_id, path, view))  # or the one another request resumed


def _int(form: dict, name: str, low: int, high: int, default: int | None = None) -> int | None:
    text = form.get(name, "").strip()
    if not text:
        if default is None and name != "until":
            raise InputError(f"{name}: missing")
        return default
    if not re.fullmatch(r"-?[0-9]{1,19}", text) or not low <= int(text) <= high:
        raise InputError(f"{name}: expected a whole number from {low} to {high}, got {text[:40]!r}")
    return int(text)


def _scenario_facts() -> list[dict]:
    """Built-in scenarios with their agencies and span, for the new-game form."""
    from spacerace.scenario.loader import load_scenario

    out = []
    for name in builtin_names():
        s = load_scenario(name)
        agencies = [(k, a.name) for k, a in s.agencies.items()]
        out.append({"name": name, "first": int(s.start[:4]), "last": s.end_year,
                    "agencies": agencies})  # fmt: skip
    return out


_FACTS: list[dict] = []


def scenario_facts() -> list[dict]:
    """:func:`_scenario_facts`, read once."""
    if not _FACTS:
        _FACTS.extend(_scenario_facts())
    return _FACTS


@router.get("/play", response_class=HTMLResponse)
def play_page(request: Request):
    """Start a game (built-in scenario, seed, agency, last year) or resume a saved one."""
    return render(request, "play.html", title="Play", scenarios=scenario_facts(),
                  saved=games_of(request).saved(), max_games=MAX_GAMES)  # fmt: skip


@router.get("/api/play")
def saved_games(request: Request):
    """Saved games as JSON (most recent first)."""
    return {"games": games_of(request).saved(), "max_games": MAX_GAMES}


@router.post("/play")
@router.post("/api/play")
async def new_game(request: Request):
    """A new game: form or JSON ``scenario``, ``agency``, ``seed``, ``until`` (a year, optional).

    Redirects to the game's page (JSON: its id and first view).
    """
    form = await form_of(request)
    if "who" in form:  # the page's one select: "scenario|agency"
        form["scenario"], _, form["agency"] = form["who"].partition("|")
    scenario = form.get("scenario", "")
    facts = {f["name"]: f for f in scenario_facts()}
    if scenario not in facts:
        raise NotFound(
            f"unknown scenario {scenario[:60]!r}; a game starts from a built-in one: "
            + ", ".join(sorted(facts))
        )
    fact = facts[scenario]
    agency = form.get("agency", "")
    if agency not in dict(fact["agencies"]):
        known = ", ".join(k for k, _ in fact["agencies"])
        raise NotFound(f"unknown agency {agency[:60]!r} in {scenario}; its agencies: {known}")
    seed = _int(form, "seed", 0, MAX_SEED)
    until = _int(form, "until", fact["first"], fact["last"])
    games = games_of(request)
    games.reserve()
    try:
        game_id = games.new_id()
        path = games.path_of(game_id)
        games.folder.mkdir(parents=True, exist_ok=True)
        view = await request.app.state.workers.run(
            work.play_start, game_id, str(path), scenario, seed, agency, until,
            cache=False, bounded=False,
        )  # fmt: skip
    except BaseException:
        games.release()
        raise
    games.hold(Seat(game_id, path, view))
    if wants_json(request):
        return JSONResponse({"id": game_id, **_public(view)}, status_code=201)
    return RedirectResponse(f"/play/{game_id}", status_code=303)


def _public(view: dict) -> dict:
    return {k: v for k, v in view.items() if k != "news"}


@router.get("/play/{game_id}", response_class=HTMLResponse)
async def game_page(request: Request, game_id: str):
    """A turn: the question with its options explained, budget, rivals, pending, news.

    Also the debrief since the last turn; the news log filters with htmx (``/news``).
    """
    seat = await _seat(request, game_id)
    view = seat.view
    return render(
        request, "game.html", title=f"Play: {view['agency_name']} in {view['scenario']}",
        game_id=game_id, v=view, turn=view["turn"], news=_news(view, {})[:NEWS_SHOWN],
        news_count=len(view["news"]), kinds=sorted({n["kind"] for n in view["news"]}),
        shown=NEWS_SHOWN,
    )  # fmt: skip


@router.get("/api/play/{game_id}")
async def game_json(request: Request, game_id: str):
    """The game's current view as JSON (without the news: ``/api/play/{id}/news``)."""
    seat = await _seat(request, game_id)
    return {"id": game_id, **_public(seat.view)}


def _news(view: dict, query) -> list[dict]:
    """The view's news filtered (``play.news.filter_news``), newest first.

    The query's ``agency``, ``kind``, ``text``, ``year`` and ``min_weight`` are the filters.
    """
    year = query.get("year", "").strip()
    weight = query.get("min_weight", "").strip()
    for name, value in (("year", year), ("min_weight", weight)):
        if value and not re.fullmatch(r"[0-9]{1,4}", value):
            raise InputError(f"{name}: expected a whole number, got {value[:20]!r}")
    items = [NewsItem(**n) for n in view["news"]]
    found = filter_news(
        items,
        agency=query.get("agency", "")[:60],
        kind=query.get("kind", "")[:60],
        text=query.get("text", "")[:200],
        year=int(year) if year else None,
        min_weight=int(weight) if weight else 0,
    )
    return [n.to_json() for n in reversed(found)]


@router.get("/play/{game_id}/news", response_class=HTMLResponse)
async def news_fragment(request: Request, game_id: str):
    """The news log filtered (the page's htmx filter)."""
    seat = await _seat(request, game_id)
    found = _news(seat.view, request.query_params)
    return render(request, "_news.html", news=found[:NEWS_SHOWN], count=len(found),
                  shown=NEWS_SHOWN, v=seat.view)  # fmt: skip


@router.get("/api/play/{game_id}/news")
async def news_json(request: Request, game_id: str):
    """The news log filtered, as JSON (newest first)."""
    seat = await _seat(request, game_id)
    found = _news(seat.view, request.query_params)
    return {"count": len(found), "news": found[:NEWS_SHOWN]}


@router.post("/play/{game_id}/answer")
@router.post("/api/play/{game_id}/answer")
async def answer(request: Request, game_id: str):
    """Answer the waiting question and play on to the next turn.

    Form or JSON: ``turn`` (the turn answered, as the page showed it), and ``answer`` (the
    text a player types: ``2``, ``3 1``, ``y``; ``play.answers.parse_answer``) or
    ``advised=1`` (as the built-in policy would). A turn without a question goes on with
    neither. Redirects to the next turn (JSON: its view).
    """
    form = await form_of(request)
    seat = await _seat(request, game_id)
    turn = _int(form, "turn", 0, 10**6)
    text = form.get("answer")
    advised = form.get("advised", "") in ("1", "true", "yes")
    if text is not None and len(text) > 2_000:
        raise InputError("answer: longer than 2,000 characters")
    if seat.lock.locked():
        return _conflict(request, "a turn of this game is being played; wait for it")
    async with seat.lock:
        if turn != seat.turns:
            return _conflict(
                request, f"turn {turn} was already played; the game is at turn {seat.turns}"
            )
        view = await request.app.state.workers.run(
            work.play_turn, game_id, str(seat.path), seat.turns, text, advised,
            cache=False, bounded=False,
        )  # fmt: skip
        seat.view, seat.used = view, time.monotonic()
    if wants_json(request):
        return {"id": game_id, **_public(view)}
    return RedirectResponse(f"/play/{game_id}", status_code=303)


def _conflict(request: Request, line: str):
    from spacerace.web.app import error_response

    return error_response(request, 409, line)


@router.get("/play/{game_id}/save")
async def download(request: Request, game_id: str):
    """The save (the decision log ``spacerace run --decisions`` replays) as a download."""
    seat = await _seat(request, game_id)
    view = seat.view
    name = f"spacerace-{view['scenario']}-seed{view['seed']}-{view['agency']}-{game_id}.jsonl"
    return FileResponse(seat.path, media_type="application/x-ndjson", filename=name)
