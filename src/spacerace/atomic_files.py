"""Write files whole or not at all: a temporary file in the same folder, then ``os.replace``.

A foundation module (it imports nothing of spacerace), so every layer that writes files —
``report``, ``ensemble``, the ``cli`` — writes them the same way.

A full disk, a read-only folder or Ctrl-C while writing leaves the previous file (or none)
in place, never half of a new one; the temporary file is removed.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["FILE_MODE", "save_figure", "write_atomic", "write_all_atomic"]

FILE_MODE = 0o644
"""Permissions of the files written (owner writes, everyone reads)."""


def _temporary(path: Path, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, FILE_MODE)  # mkstemp makes 0600; a report is for reading
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in its folder; return the path."""
    path = Path(path)
    tmp = _temporary(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_all_atomic(folder: Path, files: Mapping[str, bytes]) -> dict[str, Path]:
    """Write every file of ``files`` (name -> bytes) into ``folder``, each atomically.

    All temporary files are written first and only then moved into place, so a failure
    while writing (a full disk) leaves the folder as it was.
    """
    temps: dict[str, str] = {}
    try:
        for name, data in files.items():
            temps[name] = _temporary(folder / name, data)
        for name, tmp in list(temps.items()):
            os.replace(tmp, folder / name)
            del temps[name]
    finally:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
    return {name: folder / name for name in files}


def figure_bytes(fig, fmt: str = "png", **savefig) -> bytes:
    """A Matplotlib figure saved to memory in ``fmt`` (png, svg or pdf)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format=fmt, **savefig)
    return buffer.getvalue()


def save_figure(fig, path: str | Path, **savefig) -> Path:
    """Save a figure to ``path`` atomically, in the format its suffix names (default png)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".") or "png"
    return write_atomic(path, figure_bytes(fig, fmt, **savefig))
