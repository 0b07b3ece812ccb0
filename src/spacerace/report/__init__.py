"""Rendering: plots and tables made from computed results."""
