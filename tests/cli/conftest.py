"""A runner for the command line in-process: exit status, stdout and stderr."""

import pytest

from spacerace.cli.app import main


@pytest.fixture
def cli(capsys):
    """Run ``spacerace ARGV``; return (exit status, stdout, stderr)."""

    def run(argv):
        with pytest.raises(SystemExit) as info:
            main(argv)
            raise SystemExit(0)
        out, err = capsys.readouterr()
        return info.value.code or 0, out, err

    return run
