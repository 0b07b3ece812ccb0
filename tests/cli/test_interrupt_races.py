"""Ctrl-C at any moment: status 130 and one line, never death by signal or a segfault.

The races of issue 16 (tools/sigint_probe.py measures them over many runs): a SIGINT inside
an import or Numba's loader, an interrupt that left ``exec``'d string code (CPython then
kills itself with SIGINT at exit), a Ctrl-C after the command is over.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import spacerace
from spacerace.cli import entry

SRC = str(Path(spacerace.__file__).parents[1])
ENV = dict(os.environ, PYTHONPATH=SRC)


def _python(code: str, tmp_path: Path, timeout_s: float = 30) -> subprocess.CompletedProcess:
    """Run ``code`` as ``python -m`` runs spacerace (``-c`` exits by another path)."""
    (tmp_path / "probe_entry.py").write_text(textwrap.dedent(code))
    return subprocess.run(
        [sys.executable, "-m", "probe_entry"],
        capture_output=True,
        text=True,
        env=dict(ENV, PYTHONPATH=os.pathsep.join([SRC, str(tmp_path)])),
        timeout=timeout_s,
    )


def test_imports_and_numba_frames_defer_a_ctrl_c():
    def frame_in(module_name):
        scope = {"__name__": module_name, "sys": sys}
        exec("def here():\n    return sys._getframe()\n", scope)
        return scope["here"]()

    assert entry._deferring(frame_in("importlib._bootstrap"))
    assert entry._deferring(frame_in("numba.core.dispatcher"))
    assert entry._deferring(frame_in("llvmlite.binding.executionengine"))
    assert not entry._deferring(frame_in("spacerace.sim.engine"))
    assert not entry._deferring(frame_in("numbat"))  # a name that only starts alike
    assert not entry._deferring(None)


def test_a_ctrl_c_inside_numba_code_waits_until_it_is_left(tmp_path):
    """The section (a stand-in for Numba's loader) runs to its end; the interrupt follows."""
    done = _python(
        """
        import os, signal, sys, time
        from spacerace.cli import entry
        entry.install()
        scope = {"__name__": "numba.core.stand_in", "os": os, "signal": signal, "time": time}
        exec(
            "def section():\\n"
            "    os.kill(os.getpid(), signal.SIGINT)\\n"
            "    end = time.monotonic() + 0.3\\n"
            "    while time.monotonic() < end:\\n"
            "        pass\\n"
            "    finished.append('whole')\\n",
            scope,
        )
        finished = scope["finished"] = []
        try:
            scope["section"]()
            time.sleep(5)
            print("not interrupted")
        except KeyboardInterrupt:
            # the section's own last line tells whether it ran to its end; a print after it
            # could itself be cut by the deferred interrupt (it was, once, on a loaded machine)
            print(*finished, "interrupted after it")
        """,
        tmp_path,
    )
    assert (done.returncode, done.stdout) == (0, "whole interrupted after it\n")


def test_an_interrupt_out_of_exec_string_code_still_exits_130(tmp_path):
    """Before the entry point's exit, CPython's unhandled-interrupt flag made this -2."""
    done = _python(
        """
        import spacerace.cli.app as app
        from spacerace.cli import entry

        def command(argv=None):
            try:
                code = "import os, signal, time\\nos.kill(os.getpid(), signal.SIGINT)"
                exec(code + "\\ntime.sleep(5)")
            except KeyboardInterrupt:
                app._interrupted("nothing was written")

        app.main = command
        entry.main()
        """,
        tmp_path,
    )
    assert done.returncode == 130
    assert done.stderr == "spacerace: interrupted: nothing was written\n"


def test_an_error_a_ctrl_c_caused_is_that_ctrl_c(cli, monkeypatch):
    """A RuntimeError raised from the KeyboardInterrupt (as class creation does) is one line."""
    import spacerace.sim.engine

    def stopped(*args, **kwargs):
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on 'Field' instance") from exc

    monkeypatch.setattr(spacerace.sim.engine, "run_timeline", stopped)
    assert cli(["run", "--until", "1970"]) == (
        130,
        "",
        "spacerace: interrupted: nothing was written\n",
    )


def test_a_ctrl_c_after_the_command_is_ignored(tmp_path):
    """Finalization puts SIGINT's default action back; the entry point ignores it first."""
    done = _python(
        """
        import atexit, os, signal
        import spacerace.cli.app as app
        from spacerace.cli import entry

        app.main = lambda argv=None: None
        atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))
        entry.main()
        """,
        tmp_path,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_sigint_at_several_moments_of_a_real_run(tmp_path):
    """Imports, Numba's cache, the engine: every moment gives 130 and one line."""
    moments_s = (0.3, 0.55, 0.8, 1.1)
    procs = []
    for moment_s in moments_s:
        proc = subprocess.Popen(
            [sys.executable, "-m", "spacerace", "run", "--seed", "2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=ENV,
            cwd=tmp_path,
        )
        procs.append((moment_s, time.monotonic(), proc))
    for moment_s, started, proc in procs:
        time.sleep(max(0.0, started + moment_s - time.monotonic()))
        proc.send_signal(signal.SIGINT)
    for moment_s, _, proc in procs:
        _, err = proc.communicate(timeout=60)
        lines = err.decode().splitlines()
        assert proc.returncode == 130, (moment_s, proc.returncode, lines[-3:])
        assert len(lines) == 1 and lines[0].startswith("spacerace: interrupted"), lines
