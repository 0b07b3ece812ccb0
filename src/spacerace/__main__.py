"""``python -m spacerace`` runs the command line."""

import sys

try:  # Ctrl-C while Typer, Click and Rich are imported: one line and 130, as main gives
    from spacerace.cli.app import main
except KeyboardInterrupt:
    print("spacerace: interrupted", file=sys.stderr)
    sys.exit(130)

if __name__ == "__main__":
    main()
