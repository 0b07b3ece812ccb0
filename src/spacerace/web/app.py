"""The web application: ``create_app()`` builds it, each section is a router over library calls.

Sections (one module each): history (runs, a run's timeline, missions, people, bases,
agencies, event search: :mod:`~spacerace.web.history`), how likely (ensembles, comparisons,
starting and resuming one: :mod:`~spacerace.web.likely`), plan it (porkchops, asteroid
targets: :mod:`~spacerace.web.plan`), play (an agency in the player's chair:
:mod:`~spacerace.web.play`). Each is a router handed to :func:`add_section`, which also puts
its link in the navigation bar.

Everything is served from the installed packages: htmx from ``static/`` (its provenance in
``static/PROVENANCE.md``), plotly.js from the ``plotly`` wheel's bundled
``package_data/plotly.min.js``. The Content-Security-Policy lets a page load nothing but
this server's own files.

Errors: bad input of any kind (an unknown run, scenario, agency or body; a malformed,
oversized or path-like value) is a 4xx with one line, as JSON ``{"error": ...}`` for
``/api/`` paths and as a small page otherwise; never a traceback.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from spacerace.errors import InputError, StoreError
from spacerace.web.jobs import Ensembles, Workers
from spacerace.web.limits import (
    MAX_BODY_BYTES,
    MAX_QUERY_CHARS,
    SERVER_MEMORY_LIMIT,
    Busy,
    NotFound,
)
from spacerace.web.runs import RunSource

__all__ = ["add_section", "create_app", "plotly_js_path"]

HERE = Path(__file__).parent
LOG = logging.getLogger("spacerace.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Only this server's own files: a page that tried to fetch anything else would be blocked
(and the browser tests fail on the console error that says so). Inline styles are allowed:
plotly.js and htmx set them on elements."""


def plotly_js_path() -> Path:
    """The plotly.js bundled in the installed ``plotly`` wheel (never a CDN)."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise StoreError(f"{path} is missing: reinstall plotly (pip install 'spacerace[web]')")
    return path


def add_section(app: FastAPI, router, href: str, label: str) -> None:
    """Mount a section's router and put ``label`` -> ``href`` in the navigation bar."""
    app.include_router(router)
    app.state.nav.append((href, label))


def create_app(
    db_path: Path, runs_dir: Path | None = None, workers: int = 1, games_dir: Path | None = None
) -> FastAPI:
    """Build the application over a store file (created if missing) and a folder of runs.

    Args:
        db_path: The DuckDB store (``spacerace.store.db.Store``).
        runs_dir: A folder of run folders (``spacerace run --out``), or None.
        workers: Worker processes for the engine and the numerics.
        games_dir: Where played games are saved (default: ``games`` beside the store).
    """
    from spacerace.store.db import Store
    from spacerace.web import history, likely, plan, play

    anchor = Store(db_path, memory_limit=SERVER_MEMORY_LIMIT)  # creates the file if missing

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            yield
        finally:
            app.state.workers.shutdown()
            anchor.close()

    app = FastAPI(title="spacerace mission control", docs_url=None, redoc_url=None,
                  openapi_url=None, lifespan=lifespan)  # fmt: skip
    app.state.nav = []
    app.state.runs = RunSource(anchor, runs_dir)
    app.state.workers = Workers(workers)
    app.state.ensembles = Ensembles(app.state.runs.store, workers)
    app.state.summaries = likely.SummaryCache()
    app.state.games = play.Games(games_dir or Path(db_path).parent / "games")
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.globals["nav"] = app.state.nav
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    plotly_path = plotly_js_path()

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> FileResponse:
        return FileResponse(plotly_path, media_type="text/javascript",
                            headers={"Cache-Control": "max-age=86400"})  # fmt: skip

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        return render(request, "home.html", title="spacerace mission control")

    add_section(app, history.router, "/runs", "Histories")
    add_section(app, history.search_router, "/events", "Search events")
    add_section(app, likely.router, "/ensembles", "How likely")
    add_section(app, plan.router, "/plan/porkchop", "Porkchop")
    add_section(app, plan.asteroid_router, "/plan/asteroids", "Asteroids")
    add_section(app, play.router, "/play", "Play")
    _guard(app)
    return app


def _guard(app: FastAPI) -> None:
    """Bounded requests, security headers, and one line for every error."""
    app.add_middleware(_Bounds)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error_response(request, 404, str(exc))

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy):
        return error_response(request, 429, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        status = 404 if isinstance(exc, KeyError) else 400  # an unknown name: body, asteroid
        return error_response(request, status, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        return error_response(request, 503, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path"))
        return error_response(request, 422, f"{where or 'request'}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page {request.url.path[:80]}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception):  # a bug: logged in full, told in one line
        LOG.exception("error serving %s", request.url.path)
        return error_response(request, 500, f"internal error ({type(exc).__name__}); see the log")


_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class _Bounds:
    """ASGI middleware: bounded query and body, and the security headers on every response.

    A query past MAX_QUERY_CHARS gets a 414 and a Content-Length past MAX_BODY_BYTES a 413
    at once; a streamed (chunked) body is counted as the handler reads it and refused with
    a 413 through the same one-line error handler as every other error. Pure ASGI (not
    Starlette's BaseHTTPMiddleware, whose task group would wrap that refusal in an
    ExceptionGroup and turn it into a 500).
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *_HEADERS]}
            await send(message)

        refusal = _refusal(scope)
        if refusal is not None:
            status, line = refusal
            await JSONResponse({"error": line}, status_code=status)(scope, receive, sending)
            return
        seen = [0]

        async def counted():
            message = await receive()
            seen[0] += len(message.get("body", b""))
            if seen[0] > MAX_BODY_BYTES:
                raise StarletteHTTPException(413, f"request body over {MAX_BODY_BYTES} bytes")
            return message

        await self.app(scope, counted, sending)


def _refusal(scope) -> tuple[int, str] | None:
    if len(scope.get("query_string", b"")) > MAX_QUERY_CHARS:
        return 414, f"query longer than {MAX_QUERY_CHARS} characters"
    for name, value in scope.get("headers", []):
        if name == b"content-length" and (not value.isdigit() or int(value) > MAX_BODY_BYTES):
            return 413, f"request body over {MAX_BODY_BYTES} bytes"
    return None


async def form_of(request: Request) -> dict[str, str]:
    """A posted form (urlencoded) or JSON object as ``{name: value}`` strings.

    Raises:
        InputError: The body is neither, or a value is not a plain string or number.
    """
    import json
    from urllib.parse import parse_qsl

    body = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if kind == "application/json":
        try:
            data = json.loads(body or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"request body: not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise InputError("request body: expected a JSON object")
        bad = [
            k
            for k, v in data.items()
            if not isinstance(v, str | int | float) or isinstance(v, bool)
        ]
        if bad:
            raise InputError(f"request body: {bad[0]}: expected a string or a number")
        return {str(k): str(v) for k, v in data.items()}
    if kind in ("application/x-www-form-urlencoded", ""):
        try:
            return dict(
                parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body))
            )
        except (UnicodeDecodeError, ValueError):
            raise InputError(
                "request body: not a form (application/x-www-form-urlencoded)"
            ) from None
    raise InputError(f"request body: expected a form or JSON, got {kind[:60]!r}")


def wants_json(request: Request) -> bool:
    """Whether the caller reads JSON (``/api/`` paths, or an Accept without text/html)."""
    accept = request.headers.get("accept", "")
    return request.url.path.startswith("/api/") or ("json" in accept and "html" not in accept)


def error_response(request: Request, status: int, message: str) -> Response:
    """One line of error, as JSON or as a small page."""
    line = " ".join(str(message).split())
    if wants_json(request):
        return JSONResponse({"error": line}, status_code=status)
    if request.headers.get("hx-request"):
        return HTMLResponse(f'<p class="error">{_escape(line)}</p>', status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"title": f"{status}", "status": status, "message": line},
        status_code=status,
    )  # fmt: skip


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def render(request: Request, template: str, **context) -> HTMLResponse:
    """A page from a template, with the navigation bar."""
    return request.app.state.templates.TemplateResponse(request, template, context)
