"""``spacerace serve``: the web mission control on this machine (``spacerace.web``).

FastAPI, uvicorn and the pages are imported inside the command (fast ``--help``); a missing
``web`` extra is one line naming the fix. The server binds 127.0.0.1 unless ``--host`` says
otherwise, and then says on stderr that others can reach it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import DbOption, int_in
from spacerace.errors import InputError

__all__ = ["serve"]

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve(
    db: DbOption = None,
    port: Annotated[
        int,
        typer.Option("--port", help="TCP port, 1 to 65535.", callback=int_in("--port", 1, 65535)),
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. Default 127.0.0.1: this machine only. Any other "
            "address lets other machines in (there is no login); the server says so.",
        ),
    ] = "127.0.0.1",
    runs: Annotated[
        Path | None,
        typer.Option(
            "--runs",
            help="A folder of run folders (each written by `spacerace run --out`) to show "
            "beside the store's runs.",
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Worker processes for ensembles, porkchops, asteroid designs and play turns, "
            "1 to 64.",
            callback=int_in("--workers", 1, 64),
        ),
    ] = 1,
) -> None:
    """Serve the web mission control: histories, ensembles, porkchops, asteroids, play.

    Open the address it prints in a browser. Everything is served from the installed
    packages; nothing is fetched from the network.
    """
    try:
        import uvicorn

        from spacerace.web.app import create_app
    except ImportError as exc:
        raise InputError(
            f"spacerace serve needs the web extra ({exc.name} is missing): "
            "pip install 'spacerace[web]'"
        ) from None
    from spacerace.store.db import default_path

    if runs is not None and not runs.is_dir():
        raise InputError(
            f"--runs {runs}: not a folder (write run folders with `spacerace run --out`)"
        )
    if host not in LOOPBACK:
        print(
            f"spacerace: warning: listening on {host}: other machines can reach this server, "
            "which has no login",
            file=sys.stderr,
        )
    path = db if db is not None else default_path()
    if db is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    app = create_app(path, runs, workers)
    shown = f"[{host}]" if ":" in host else host
    print(f"spacerace mission control on http://{shown}:{port}/ (store {path}); Ctrl-C stops it",
          file=sys.stderr, flush=True)  # fmt: skip
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
