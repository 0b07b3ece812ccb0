"""Replay a stored run: its scenario text parsed again, its seed played, its log checked.

``spacerace show`` and the web pages (a base's monthly rows are not stored, a replay gives
them) use it. A run made by another version of the engine replays differently; the answer
says so instead of showing another history.
"""

from __future__ import annotations

import hashlib

from spacerace import __version__
from spacerace.errors import ScenarioError

__all__ = ["replay_stored"]


def replay_stored(row: dict, source_text: str):
    """Replay a stored run; return ``(result, "")`` or ``(None, why it could not be)``.

    Args:
        row: The run as :meth:`spacerace.store.db.Store.get_run` returns it (``last_year``
            is the last simulated year, so a run cut short is replayed as far).
        source_text: The stored scenario TOML.
    """
    from spacerace.scenario.loader import parse_scenario
    from spacerace.sim.engine import run_timeline

    made_by = f"it was made by spacerace {row['version']}, this is {__version__}"
    if not source_text:
        return None, "the store does not hold its scenario's text"
    try:
        scenario = parse_scenario(source_text, f"{row['scenario']}.toml (stored)")
    except ScenarioError as exc:
        return None, f"its stored scenario no longer loads ({exc}); {made_by}"
    result = run_timeline(scenario, row["seed"], until_year=row.get("last_year"))
    digest = hashlib.sha256(result.log.to_jsonl(result.start_jd_tdb).encode()).hexdigest()
    if digest != row["events_sha256"]:
        return None, f"replaying it gives a different history ({made_by})"
    return result, ""
