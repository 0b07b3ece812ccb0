"""The engine: SimPy processes over a World, one concern each, writing an event log."""
