"""Real-world data from package files, each with its source in ``data/PROVENANCE.md``."""
