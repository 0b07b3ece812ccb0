"""``python -m spacerace`` runs the command line (Ctrl-C handled first: see cli.entry)."""

from spacerace.cli.entry import main

if __name__ == "__main__":
    main()
