"""``spacerace serve`` as a command: its address, the warning for another host, bad options."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def _free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _serve(tmp_path, *options):
    command = [sys.executable, "-m", "spacerace", "serve", "--db", str(tmp_path / "s.duckdb"),
               *options]  # fmt: skip
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


def _first_line(process) -> str:
    line = process.stderr.readline()
    assert line, "the server said nothing"
    return line


def _stop(process) -> None:
    os.kill(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    process.stderr.close()


def _get(url: str) -> int:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                return r.status
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_binds_loopback_only_by_default(tmp_path):
    port = _free_port()
    process = _serve(tmp_path, "--port", str(port))
    try:
        line = _first_line(process)
        assert f"on http://127.0.0.1:{port}/" in line and "warning" not in line
        assert _get(f"http://127.0.0.1:{port}/") == 200
        with socket.socket() as other, pytest.raises(OSError):  # 127.0.0.2: still loopback
            other.settimeout(2)
            other.connect(("127.0.0.2", port))
    finally:
        _stop(process)


def test_another_host_is_served_with_a_warning(tmp_path):
    port = _free_port("127.0.0.2")
    process = _serve(tmp_path, "--port", str(port), "--host", "127.0.0.2")
    try:
        line = _first_line(process)
        assert line.startswith("spacerace: warning: listening on 127.0.0.2: other machines")
        assert _get(f"http://127.0.0.2:{port}/") == 200
    finally:
        _stop(process)


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--runs", "/no/such/folder"], "--runs /no/such/folder: not a folder"),
        (["--port", "0"], "--port"),
        (["--port", "70000"], "--port"),
        (["--workers", "0"], "--workers"),
    ],
)
def test_bad_serve_options_are_one_line_and_status_2(tmp_path, options, words):
    done = subprocess.run(
        [sys.executable, "-m", "spacerace", "serve", "--db", str(tmp_path / "s.duckdb"), *options],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in done.stderr
