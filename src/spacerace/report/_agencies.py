"""How the report names and colours agencies, the same in text, tables and figures."""

from __future__ import annotations

from spacerace.sim.result import RunResult
from spacerace.world.wording import agency_name_at

_COUNTRY_COLOURS = {"US": "#1f5fae", "SU": "#c62828", "private": "#ef8a17", "KP": "#6a3d9a"}
"""One colour per country: NASA blue, Soviet red, Helios orange, North Korea purple."""

_SPARE_COLOURS = ("#2e7d32", "#00838f", "#8d6e63", "#ad1457", "#546e7a", "#9e9d24")


def agency_keys(result: RunResult) -> list[str]:
    """Return every agency key of the run: the scenario's order, then any others sorted."""
    keys = list(result.scenario.agencies)
    seen = set(keys)
    extra = {k for k in result.world.agencies if k not in seen}
    extra |= {row["agency"] for row in result.metrics if row["agency"] not in seen}
    extra |= {e.agency for e in result.log if e.agency and e.agency not in seen}
    extra |= {m.agency for m in result.milestones.values() if m.agency not in seen}
    return keys + sorted(extra)


def agency_name(result: RunResult, key: str | None, day: float | None = None) -> str:
    """Return an agency's display name (the scenario's, else the world's, else the key).

    With ``day``, the name it had then: an agency whose state collapsed is called by its
    successor's name from that day on (``world.wording.agency_name_at``).
    """
    if key is None:
        return "the world"
    spec = result.scenario.agencies.get(key)
    agency = result.world.agencies.get(key)
    name = spec.name if spec is not None else agency.name if agency is not None else key
    if day is None or spec is None:
        return name
    return agency_name_at(result.log.events, key, day, name)


def agency_colours(result: RunResult) -> dict[str, str]:
    """Return a hex colour per agency key, stable for a scenario (by country, then spares)."""
    return colours_by_country({key: _country(result, key) for key in agency_keys(result)})


def colours_by_country(countries: dict[str, str]) -> dict[str, str]:
    """Return a hex colour per agency key from its country, in order; spares for the rest.

    Example:
        >>> colours_by_country({"nasa": "US", "esa": "EU"})
        {'nasa': '#1f5fae', 'esa': '#2e7d32'}
    """
    colours: dict[str, str] = {}
    used: set[str] = set()
    spare = iter(_SPARE_COLOURS * 4)
    for key, country in countries.items():
        colour = _COUNTRY_COLOURS.get(country, "")
        if not colour or colour in used:
            colour = next(spare)
        colours[key] = colour
        used.add(colour)
    return colours


def _country(result: RunResult, key: str) -> str:
    spec = result.scenario.agencies.get(key)
    if spec is not None:
        return spec.country
    agency = result.world.agencies.get(key)
    return agency.country if agency is not None else ""
