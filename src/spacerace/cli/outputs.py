"""Check where a command will write before it starts, and turn a failed write into one line.

``check_folder`` and ``check_file`` refuse, before any work, an output that cannot be
written: a file where a folder is expected (or the reverse), a missing or unwritable
parent, a wrong suffix, a name too long for the file system. ``writing`` turns an
``OSError`` met while writing (disk full, read-only, permission) into an
:class:`~spacerace.errors.InputError` naming the path and the system's reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable
from pathlib import Path

from spacerace.errors import InputError

__all__ = ["check_file", "check_folder", "writing"]

_NAME_MAX = 255
_PATH_MAX = 4096


def _check_length(path: Path, option: str) -> None:
    if "\0" in str(path):
        raise InputError(f"{option} {_short(path)!r}: a path cannot hold a NUL character")
    if len(os.fsencode(path)) >= _PATH_MAX:
        raise InputError(f"{option} {_short(path)}: path too long (at most {_PATH_MAX - 1} bytes)")
    for part in path.parts:
        if len(os.fsencode(part)) > _NAME_MAX:
            raise InputError(
                f"{option} {_short(path)}: a name in the path is too long "
                f"({len(os.fsencode(part))} bytes; at most {_NAME_MAX})"
            )


def _short(path: Path | str, limit: int = 120) -> str:
    text = str(path)
    return text if len(text) <= limit else text[: limit - 20] + "…" + text[-19:]


def _writable_folder(folder: Path, option: str, path: Path) -> None:
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"{option} {_short(path)}: folder {_short(folder)} is not writable")


def check_folder(path: Path | None, option: str = "--out") -> None:
    """Refuse an output folder that cannot be made or written into (None: no output).

    The folder may be missing (it is made, with missing parents); then the nearest
    existing ancestor must be a writable folder.
    """
    if path is None:
        return
    if str(path) == "":
        raise InputError(f"{option}: expected a folder name, got an empty string")
    _check_length(path, option)
    try:
        if path.exists():
            if not path.is_dir():
                raise InputError(f"{option} {_short(path)}: exists and is not a folder")
            _writable_folder(path, option, path)
            return
        ancestor = path.absolute().parent
        while not ancestor.exists():
            ancestor = ancestor.parent
    except OSError as exc:
        raise InputError(f"{option} {_short(path)}: {_reason(exc)}") from None
    if not ancestor.is_dir():
        raise InputError(f"{option} {_short(path)}: {_short(ancestor)} is a file, not a folder")
    _writable_folder(ancestor, option, path)


def check_file(path: Path | None, option: str, suffixes: Iterable[str]) -> None:
    """Refuse an output file with a wrong suffix, a missing or unwritable folder (None: none)."""
    if path is None:
        return
    suffixes = tuple(suffixes)
    if str(path) == "":
        raise InputError(f"{option}: expected a file name, got an empty string")
    if path.suffix.lower() not in suffixes:
        names = ", ".join(suffixes[:-1]) + (" or " if len(suffixes) > 1 else "") + suffixes[-1]
        raise InputError(f"{option} {_short(path)}: expected a {names} file name")
    _check_length(path, option)
    parent = path.absolute().parent
    try:
        if path.is_dir():
            raise InputError(f"{option} {_short(path)}: is a folder; give a file name")
        if not parent.exists():
            raise InputError(
                f"{option} {_short(path)}: folder {_short(path.parent)} does not exist"
            )
        if not parent.is_dir():
            raise InputError(f"{option} {_short(path)}: {_short(path.parent)} is not a folder")
    except OSError as exc:
        raise InputError(f"{option} {_short(path)}: {_reason(exc)}") from None
    _writable_folder(parent, option, path)


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return (exc.strerror or str(exc)).lower().rstrip(".")


@contextlib.contextmanager
def writing(option: str, path: Path):
    """Turn an ``OSError`` raised inside into one line naming ``path`` and the reason.

    The writers write each file atomically, so what was there before is still there.
    """
    try:
        yield
    except OSError as exc:
        name = exc.filename if isinstance(exc.filename, str) else ""
        where = f" {_short(name)}" if name and Path(name) != path else ""
        raise InputError(
            f"{option} {_short(path)}: cannot write{where} ({_reason(exc)}); "
            "nothing half-written is left"
        ) from None
