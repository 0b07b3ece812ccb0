"""Package data files: bodies.csv and their provenance (PROVENANCE.md)."""
