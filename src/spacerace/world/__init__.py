"""The domain model: plain data, no clock, no I/O. The engine (``sim``) changes it."""
