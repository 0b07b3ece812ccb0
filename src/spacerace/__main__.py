"""``python -m spacerace`` runs the command line."""

from spacerace.cli.app import main

if __name__ == "__main__":
    main()
