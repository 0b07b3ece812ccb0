"""Scenarios: TOML files validated into a :class:`~spacerace.scenario.model.Scenario`."""
