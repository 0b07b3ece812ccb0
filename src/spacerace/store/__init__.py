"""Persistence: DuckDB runs, events, milestones and metrics; the only package importing duckdb."""
