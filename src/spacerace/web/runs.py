"""The runs the web pages show: from the store, or from folders that ``spacerace run --out`` wrote.

A :class:`RunData` holds what the history pages present of one run: its events (with their
dates, causes and numbers), the facts table of its missions, its yearly metrics, its eras and
its agencies' names. :class:`RunSource` finds runs by id and keeps the last few in memory (a
stored run never changes: its id is its scenario content, seed and version).

Ids: a stored run is named by its run id (or a unique prefix, as ``spacerace show`` takes
it); a run folder under ``--runs DIR`` by ``dir:NAME``, NAME a direct subfolder. An id is
checked against :data:`~spacerace.web.limits.ID_PATTERN` before anything is looked up, so a
path-like id (``../x``) never reaches the file system or the store.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from spacerace.errors import InputError, ScenarioError, StoreError
from spacerace.web.limits import ID_PATTERN, MAX_ID_CHARS, RUN_CACHE_SIZE, NotFound

__all__ = ["RunData", "RunSource", "check_id"]

FOLDER_PREFIX = "dir:"


def check_id(value: str, what: str) -> str:
    """Return ``value`` if it is a plain id; else raise NotFound naming ``what``.

    Example:
        >>> check_id("c95d40fcda287b2b-1-0.1.0", "run")
        'c95d40fcda287b2b-1-0.1.0'
    """
    if len(value) > MAX_ID_CHARS or not ID_PATTERN.fullmatch(value) or ".." in value:
        raise NotFound(f"no {what} {value[:60]!r}: not an id")
    return value


@dataclass(frozen=True)
class RunData:
    """One run as the pages show it.

    Attributes:
        run_id: The id the pages use (``dir:NAME`` for a folder).
        source: ``"store"`` or ``"folder"``.
        scenario: Scenario name.
        scenario_hash: Scenario content hash.
        seed: The seed.
        version: spacerace version that played it ("" for a folder).
        events: The event log as ``events.jsonl`` rows (``date``, ``day``, ``kind``,
            ``agency``, ``text``, ``cause``, ``actors``, ``data``, ``scripted``) plus ``seq``.
        missions: The facts table (``sim.facts``), rows in commit order.
        metrics: Yearly rows per agency (``sim.result.MetricRow``); empty for a folder.
        agencies: Agency key -> display name, in the scenario's order.
        colours: Agency key -> hex colour (by country, as the report's figures).
        eras: ``(title, first year, last year)`` of the scenario's eras.
        start_jd_tdb: Day 0 of the run's clock, TDB Julian date (0.0 if unknown).
        base_rows: Monthly base rows (``sim.result.BaseRow``) when the source has them
            (a folder's ``bases.jsonl``); None for a stored run (a replay gives them).
        stored: The store's run row (``Store.get_run``), for a stored run.
    """

    run_id: str
    source: str
    scenario: str
    scenario_hash: str
    seed: int
    version: str
    events: tuple[dict, ...]
    missions: tuple[dict, ...]
    metrics: tuple[dict, ...]
    agencies: dict[str, str]
    colours: dict[str, str]
    eras: tuple[tuple[str, int, int], ...]
    start_jd_tdb: float = 0.0
    base_rows: tuple[dict, ...] | None = None
    stored: dict = field(default_factory=dict, repr=False)

    @cached_property
    def people(self) -> list[str]:
        """Everyone named in the log or a crew, sorted."""
        names = {a for e in self.events for a in e["actors"]}
        names |= {c for m in self.missions for c in m["crew"]}
        return sorted(names)

    @cached_property
    def bases(self) -> list[str]:
        """Every base the log names, in order of first mention."""
        seen: dict[str, None] = {}
        for e in self.events:
            name = e["data"].get("base")
            if isinstance(name, str) and name and e["kind"].startswith("base_"):
                seen.setdefault(name, None)
        return list(seen)

    @cached_property
    def _people_set(self) -> frozenset[str]:
        return frozenset(self.people)

    @cached_property
    def pages(self) -> dict:
        """Rendered pages and JSON of this run, by key (a stored run never changes)."""
        return {}

    @property
    def years(self) -> tuple[int, int]:
        """First and last year of the log."""
        if not self.events:
            return (0, 0)
        return (int(self.events[0]["date"][:4]), int(self.events[-1]["date"][:4]))

    def agency_name(self, key: str | None) -> str:
        """Display name of an agency key ("the world" for None)."""
        return "the world" if key is None else self.agencies.get(key, key)

    def mission(self, mission_id: str) -> dict:
        """One mission's row; NotFound if the run has none with that id."""
        for row in self.missions:
            if row["id"] == mission_id:
                return row
        raise NotFound(f"run {self.run_id} has no mission {mission_id[:60]!r}")

    def check_person(self, name: str) -> str:
        """``name`` if the run knows that person; else NotFound."""
        if name not in self._people_set:
            raise NotFound(f"run {self.run_id} names no person {name[:60]!r}")
        return name

    def check_base(self, name: str) -> str:
        """``name`` if the run has that base; else NotFound listing them."""
        if name not in self.bases:
            known = ", ".join(self.bases) or "none"
            raise NotFound(f"run {self.run_id} has no base {name[:60]!r} (bases: {known})")
        return name

    def check_agency(self, key: str) -> str:
        """``key`` if the run has that agency; else NotFound listing them."""
        if key not in self.agencies:
            known = ", ".join(self.agencies)
            raise NotFound(f"run {self.run_id} has no agency {key[:60]!r} (agencies: {known})")
        return key


class RunSource:
    """Runs by id from a store file and a folder of run folders, the last few kept in memory.

    Args:
        anchor: The server's open store (``spacerace.store.db.Store``); each request reads
            through a cursor of it.
        runs_dir: A folder whose subfolders were written by ``spacerace run --out``, or None.
    """

    def __init__(self, anchor, runs_dir: Path | None = None):
        self._anchor = anchor
        self.db_path = anchor.path
        self.runs_dir = runs_dir
        self._cache: OrderedDict[str, RunData] = OrderedDict()
        self._lock = threading.Lock()

    def store(self):
        """A connection to the store for this thread (a context manager: close it)."""
        return self._anchor.cursor()

    def folders(self) -> list[dict]:
        """The run folders under ``runs_dir``: ``{"run_id", "scenario", "seed"}``, by name."""
        if self.runs_dir is None or not self.runs_dir.is_dir():
            return []
        found = []
        for path in sorted(self.runs_dir.iterdir()):
            info = path / "run.json"
            if not (path.is_dir() and info.is_file() and ID_PATTERN.fullmatch(path.name)):
                continue
            try:
                head = json.loads(info.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                continue
            if isinstance(head, dict):
                found.append(
                    {
                        "run_id": FOLDER_PREFIX + path.name,
                        "scenario": str(head.get("scenario", "")),
                        "seed": head.get("seed", ""),
                    }
                )
        return found

    def get(self, run_id: str) -> RunData:
        """The run with this id (a stored run's unique prefix is enough).

        Raises:
            NotFound: No such run, or the id is not an id.
            InputError: The id is ambiguous, or the folder's files do not parse.
            StoreError: The store cannot be read.
        """
        check_id(run_id, "run")
        with self._lock:
            cached = self._cache.get(run_id)
            if cached is not None:
                self._cache.move_to_end(run_id)
                return cached
        if run_id.startswith(FOLDER_PREFIX):
            data = self._from_folder(run_id.removeprefix(FOLDER_PREFIX))
        else:
            data = self._from_store(run_id)
        with self._lock:
            self._cache[run_id] = data
            if data.run_id != run_id:
                self._cache[data.run_id] = data
            while len(self._cache) > RUN_CACHE_SIZE:
                self._cache.popitem(last=False)
        return data

    def _from_store(self, run_id: str) -> RunData:
        with self.store() as store:
            try:
                row = store.get_run(run_id)
            except InputError as exc:
                if str(exc).startswith("no run"):
                    raise NotFound(f"no run {run_id!r} in the store") from None
                raise
            rid = row["run_id"]
            events = store.events(rid)
            missions = store.missions(rid)
            metrics = store.query(
                "SELECT year, agency, budget_musd, prestige, support, people_in_space, "
                "crew_lost, flyers, bases FROM metrics WHERE run_id = ? ORDER BY year, agency",
                [rid],
            )
            try:
                source_text = store.scenario_source(row["scenario_hash"])
            except StoreError:
                source_text = ""
        names = ("year", "agency", "budget_musd", "prestige", "support", "people_in_space")
        names += ("crew_lost", "flyers", "bases")
        scenario = _parse(source_text, row["scenario"])
        rows = tuple(
            {
                "seq": e["seq"],
                "date": e["date"],
                "day": e["day"],
                "kind": e["kind"],
                "agency": e["agency"],
                "text": e["text"],
                "cause": e["cause"] or "",
                "actors": json.loads(e["actors"]),
                "data": json.loads(e["data"]),
                "scripted": bool(e["scripted"]),
            }
            for e in events
        )
        metric_rows = tuple(dict(zip(names, m, strict=True)) for m in metrics)
        agencies = _agency_names(scenario, rows, metric_rows)
        return RunData(
            run_id=rid,
            source="store",
            scenario=row["scenario"],
            scenario_hash=row["scenario_hash"],
            seed=int(row["seed"]),
            version=row["version"],
            events=rows,
            missions=tuple(missions),
            metrics=metric_rows,
            agencies=agencies,
            colours=_colours(scenario, agencies),
            eras=_eras(scenario),
            start_jd_tdb=scenario.start_jd_tdb if scenario is not None else 0.0,
            stored={**row, "source_text": source_text},
        )

    def _from_folder(self, name: str) -> RunData:
        from spacerace.astro.time import jd_tdb_to_iso
        from spacerace.report.run_files import read_run_folder
        from spacerace.scenario.loader import list_builtin, load_scenario

        if self.runs_dir is None:
            raise NotFound(f"no run folder {name!r}: the server was started without --runs")
        folder = self.runs_dir / name
        if (
            not (folder / "run.json").is_file()
            or folder.resolve().parent != self.runs_dir.resolve()
        ):
            raise NotFound(f"no run folder {name!r} in {self.runs_dir}")
        run = read_run_folder(folder)
        start = float(run.info["start_jd_tdb"])
        dates = jd_tdb_to_iso([start + e.day for e in run.events]) if run.events else []
        events = tuple(
            {"seq": i, **e.to_dict(start, date)}
            for i, (e, date) in enumerate(zip(run.events, dates, strict=True))
        )
        missions = _folder_missions(folder / "missions.jsonl")
        scenario_name = str(run.info.get("scenario", ""))
        scenario = None
        if scenario_name in {n for n, _ in list_builtin()}:
            built = load_scenario(scenario_name)
            if built.content_hash() == run.info.get("scenario_hash"):
                scenario = built
        agencies = {**_agency_names(scenario, events, ()), **run.info.get("agencies", {})}
        return RunData(
            run_id=FOLDER_PREFIX + name,
            source="folder",
            scenario=scenario_name,
            scenario_hash=str(run.info.get("scenario_hash", "")),
            seed=int(run.info.get("seed", 0)),
            version="",
            events=events,
            missions=missions,
            metrics=(),
            agencies=agencies,
            colours=_colours(scenario, agencies),
            eras=_eras(scenario),
            start_jd_tdb=start,
            base_rows=tuple(run.rows),
        )


def scenario_colours(source_text: str, agencies: list[str]) -> dict[str, str]:
    """Agency colours from a stored scenario's text (by country; spares if it does not load)."""
    return _colours(_parse(source_text, "stored"), dict.fromkeys(agencies, ""))


def _parse(source_text: str, name: str):
    """The stored scenario, or None if its text is missing or no longer loads."""
    if not source_text:
        return None
    from spacerace.scenario.loader import parse_scenario

    try:
        return parse_scenario(source_text, f"{name}.toml (stored)")
    except ScenarioError:
        return None


def _agency_names(scenario, events, metrics) -> dict[str, str]:
    names = {k: spec.name for k, spec in scenario.agencies.items()} if scenario else {}
    others = {e["agency"] for e in events if e["agency"]} | {m["agency"] for m in metrics}
    return {**names, **{k: k for k in sorted(others - set(names))}}


def _colours(scenario, agencies: dict[str, str]) -> dict[str, str]:
    """Colours as the report's figures give them (``report._agencies.colours_by_country``)."""
    from spacerace.report._agencies import colours_by_country

    specs = scenario.agencies if scenario is not None else {}
    return colours_by_country({k: specs[k].country if k in specs else "" for k in agencies})


def _eras(scenario) -> tuple[tuple[str, int, int], ...]:
    if scenario is None:
        return ()
    return tuple((e.title, e.start_year, e.end_year) for e in scenario.eras)


def _folder_missions(path: Path) -> tuple[dict, ...]:
    from spacerace.report.run_files import json_objects

    if not path.is_file():
        return ()
    with path.open(encoding="utf-8") as f:
        return tuple(row for _, row in json_objects(f, str(path), ("id",)))
