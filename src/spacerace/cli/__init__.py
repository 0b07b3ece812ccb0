"""Command-line edge: Typer commands over library calls."""
