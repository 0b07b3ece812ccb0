"""The embedded DuckDB store of runs: the only module of spacerace that imports duckdb.

One file holds scenarios (their TOML text, so a run can be replayed), runs, events,
milestones, yearly metrics, missions (the facts table, ``sim.facts``) and ensembles
(:mod:`spacerace.store.schema`).

Transactions: :meth:`Store.write_runs` writes a batch of runs in one transaction, so a run is
in the file whole (its row, every event, milestone, metric and mission) or not at all; a process
killed mid-write leaves the file readable with the batches committed before it (DuckDB
replays its write-ahead log on the next open).

Older stores: a store written before a table of :data:`~spacerace.store.schema.ADDED_TABLES`
existed gets it when opened for writing (its data untouched); opened read-only, the table
reads as empty (:meth:`Store.missions` gives ``[]``, the export writes it with no rows).

Concurrency: DuckDB lets one process at a time open a file for writing. All writes go through
the process that owns the :class:`Store` (an ensemble's parent process: workers return
:class:`~spacerace.store.records.RunRecord` and never open the file). Another process opening
the same file meanwhile gets a :class:`~spacerace.errors.StoreError` saying the file is in use
and by which process. Several :class:`Store` objects in one process share DuckDB's database
instance and may write one after another.

Example:
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp, Store(pathlib.Path(tmp) / "s.duckdb") as db:
    ...     db.runs()
    []
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from spacerace import __version__
from spacerace.errors import InputError, StoreError
from spacerace.store.records import RunRecord, facts_row
from spacerace.store.schema import ADDED_TABLES, TABLES, create_statements

__all__ = ["Store", "default_path"]

DEFAULT_NAME = "spacerace.duckdb"
_CHILDREN = ("events", "milestones", "metrics", "missions", "event_breakdowns")
WRITER_MEMORY_LIMIT = "16MB"
"""DuckDB's buffer pool in a process that writes the store (an ensemble's parent).

DuckDB keeps the blocks it wrote cached up to its memory limit, 80 % of the machine's memory
by default, so an ensemble's parent process grew with every run it stored: 149 MB peak for
200 timelines of for-all-mankind, 284 MB for 2,000 (2 workers). With a limit DuckDB evicts
written blocks (they are in the file); the runs committed since the last checkpoint stay in
the pool until the write-ahead log reaches :data:`WRITER_CHECKPOINT`. Measured writing
copies of real runs 10 a transaction (issue 16, docs/benchmarks.md "Ensemble"), peak RSS
from 200 to 2,000 runs: 32 MB pool, 16 MB checkpoints: +11.5 MB; 16 MB and 4 MB: +2.9 MB
(and +4.6 MB more to 8,000); 12 MB and 2 MB fails to store at 2,000 runs. Queries over many
runs (a summary, the plots) need more: a writer's queries run at DuckDB's default
(``Store._cap``), as every reader's (``runs``, ``export``, ``compare``)."""

WRITER_CHECKPOINT = "4MB"
"""DuckDB's checkpoint threshold in a writer: the write-ahead log's size that moves the runs
committed since the last checkpoint from memory into the file (DuckDB's default: 16 MB)."""

_NUMPY_DTYPE = {"INTEGER": np.int64, "BIGINT": np.int64, "DOUBLE": np.float64, "BOOLEAN": bool}


def default_path() -> Path:
    """Return the default database file: ``spacerace.duckdb`` in the user's data folder.

    The folder is platformdirs' ``user_data_dir("spacerace")`` (on Linux
    ``$XDG_DATA_HOME/spacerace``, by default ``~/.local/share/spacerace``); it is created by
    :class:`Store`, not here.
    """
    import platformdirs

    return Path(platformdirs.user_data_dir("spacerace", appauthor=False)) / DEFAULT_NAME


class Store:
    """A DuckDB file of runs; use as a context manager or call :meth:`close`.

    Args:
        path: The database file (created with its tables if missing; its folder must exist).
            None: :func:`default_path`, its folder created unless ``read_only``.
        read_only: Open without writing (several readers may share the file); the file must
            exist. In a process that already has the file open for writing, that connection's
            database is shared instead.
        memory_limit: DuckDB's buffer pool for queries when opened for writing (None:
            DuckDB's default, 80 % of the machine's memory); runs are stored at
            :data:`WRITER_MEMORY_LIMIT` whatever it is (``_cap``). A server answering many
            readers at once bounds it (``spacerace.web`` sets its own).

    Raises:
        StoreError: The file is in use by another process, is not a DuckDB database, is a
            folder, or (read_only) does not exist.
    """

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        memory_limit: str | None = None,
    ):
        if memory_limit is not None and not re.fullmatch(r"\d+(KB|MB|GB)", memory_limit):
            raise StoreError(f"memory_limit: expected e.g. 256MB, got {memory_limit!r}")
        self._query_limit = memory_limit
        if path is None:
            path = default_path()
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(path)
        self.read_only = read_only
        self._capped = False  # DuckDB's limits are the writer's (see _cap)
        self._limits_fixed = False  # a cursor's are its Store's (see cursor)
        self._con = _connect(self.path, read_only)
        try:
            with self._reading():
                if read_only:
                    _check_schema(self._con, self.path)
                else:
                    if memory_limit is not None:
                        self._con.execute(f"SET memory_limit = '{memory_limit}'")
                    for statement in create_statements():
                        self._con.execute(statement)
        except BaseException:
            self._con.close()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def cursor(self) -> Store:
        """Another Store on this open database, for use in another thread.

        DuckDB connections are not shared between threads; a cursor is their way to share
        one database: no schema work, the same buffer pool. Close it when done (the file
        stays open while this Store is).
        """
        other = object.__new__(Store)
        other.path, other.read_only = self.path, self.read_only
        # DuckDB's limits belong to the database: a cursor leaves them as its Store set them
        other._query_limit, other._capped, other._limits_fixed = self._query_limit, False, True
        with self._reading():
            other._con = self._con.cursor()
        return other

    def close(self) -> None:
        """Close the connection (the file stays locked until every Store on it is closed)."""
        with contextlib.suppress(duckdb.Error):  # a damaged file: the error was told already
            self._con.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """Turn a DuckDB error met inside into one StoreError line: the file, what to do."""
        try:
            yield
        except duckdb.Error as exc:
            raise StoreError(_explain(self.path, str(exc))) from None
        except RuntimeError as exc:
            _reraise_interrupt(exc)
            raise

    def _cap(self, capped: bool) -> None:
        """Put the writer's limits in place (storing runs) or DuckDB's defaults (queries).

        Runs are stored with the buffer pool at :data:`WRITER_MEMORY_LIMIT` and checkpoints
        at :data:`WRITER_CHECKPOINT`, so that an ensemble's parent stays flat in memory; a
        query over many runs (a summary's joins and windows, the plots' rows) needs more,
        and gets DuckDB's default (80 % of the machine's memory) back. Lowering the limit
        evicts the blocks cached by the queries before.
        """
        if self.read_only or self._limits_fixed or capped == self._capped:
            return
        with self._reading():
            if capped:
                self._con.execute(f"SET memory_limit = '{WRITER_MEMORY_LIMIT}'")
                self._con.execute(f"SET checkpoint_threshold = '{WRITER_CHECKPOINT}'")
            else:
                if self._query_limit is None:
                    self._con.execute("RESET memory_limit")
                else:
                    self._con.execute(f"SET memory_limit = '{self._query_limit}'")
                self._con.execute("RESET checkpoint_threshold")
        self._capped = capped

    # -- writing -------------------------------------------------------------------------

    def add_scenario(self, scenario_hash: str, name: str, source_text: str) -> None:
        """Keep a scenario's TOML text under its content hash; a known hash is left as is."""
        with self._reading():
            self._con.execute(
                "INSERT OR IGNORE INTO scenarios VALUES (?, ?, ?, ?)",
                [scenario_hash, name, source_text, _utc_now()],
            )

    def write_runs(self, records: list[RunRecord], ensemble_id: str | None = None) -> int:
        """Store runs in one transaction; return how many were new.

        A run whose ``run_id`` is already stored (or repeated in ``records``) is skipped, so
        writing the same records twice is a no-op: the stored run, its ``ensemble_id`` and
        ``stored_at`` stay those of the first write. On any error nothing of the batch is
        written (runs stored before are kept).

        Args:
            records: Runs from :func:`~spacerace.store.records.record_of`.
            ensemble_id: The ensemble they belong to, if any.

        Raises:
            StoreError: A record is inconsistent (event count) or has a metric the schema
                lacks, or DuckDB refused the batch.
        """
        fresh = _unique(records)
        if not fresh:
            return 0
        for record in fresh:
            _check_record(record)
        self._cap(True)
        con = self._con
        # Bulk insert: each table's batch becomes one dict of NumPy columns, registered as a
        # view and copied with INSERT ... SELECT. Measured on 135,485 events into an
        # in-memory table (2 cores, DuckDB 2.0): executemany 3,300 rows/s, multi-row VALUES
        # 9,100 rows/s, UNNEST of list parameters 120,000 rows/s, NumPy columns 1,000,000
        # rows/s including building the arrays (pyarrow and pandas are not dependencies).
        # Whole runs into a file: bench/bench_store.py (docs/benchmarks.md, "Store").
        con.begin()
        try:
            ids = _columns([r.run for r in fresh], {"run_id": "VARCHAR"})
            con.register("_batch_ids", ids)
            stored = {row[0] for row in con.execute(_STORED_SQL).fetchall()}
            con.unregister("_batch_ids")
            new = [r for r in fresh if r.run["run_id"] not in stored]
            now = _utc_now()
            rows = {
                "runs": [{**r.run, "ensemble_id": ensemble_id, "status": "ok"} for r in new],
                **{table: [row for r in new for row in getattr(r, table)] for table in _CHILDREN},
            }
            for table, table_rows in rows.items():
                self._insert(table, table_rows, stored_at=now)
            con.commit()
        except duckdb.Error as exc:
            _rollback(con)
            raise StoreError(
                f"{self.path}: could not store {len(fresh)} runs ({_short(str(exc))}); none of "
                "them was written, runs stored before are kept"
            ) from exc
        except BaseException as exc:
            _rollback(con)
            _reraise_interrupt(exc)
            raise
        return len(new)

    def _insert(self, table: str, rows: list[dict], **constant: Any) -> None:
        if not rows:
            return
        types = {c: t.split()[0] for c, t in TABLES[table].items() if c not in constant}
        self._con.register("_batch", _columns(rows, types))
        values = ", ".join("?" if c in constant else c for c in TABLES[table])
        params = [constant[c] for c in TABLES[table] if c in constant]
        self._con.execute(f"INSERT INTO {table} SELECT {values} FROM _batch", params)
        self._con.unregister("_batch")

    def start_ensemble(
        self,
        *,
        scenario: str,
        scenario_hash: str,
        base_seed: int,
        n: int,
        backend: str,
        workers: int,
        ensemble_id: str | None = None,
    ) -> str:
        """Record that an ensemble starts (or resumes) and return its id.

        The default id, ``{scenario_hash}-{base_seed}-{n}-{version}``, is the same whenever the same
        ensemble is asked for again, so a resumed ensemble keeps its row: status goes back to
        ``running``, backend and workers are updated, ``created_at`` stays.
        """
        ensemble_id = ensemble_id or f"{scenario_hash}-{base_seed}-{n}-{__version__}"
        with self._reading():
            self._con.execute(
                "INSERT INTO ensembles VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 'running') "
                "ON CONFLICT (ensemble_id) DO UPDATE SET backend = excluded.backend, "
                "workers = excluded.workers, finished_at = NULL, status = 'running'",
                [ensemble_id, scenario, scenario_hash, base_seed, n, backend, workers, _utc_now()],
            )
        return ensemble_id

    def finish_ensemble(self, ensemble_id: str, status: str = "done") -> None:
        """Mark an ensemble finished now, with ``status`` (e.g. ``done``, ``interrupted``)."""
        with self._reading():
            found = self._con.execute(
                "UPDATE ensembles SET finished_at = ?, status = ? WHERE ensemble_id = ? "
                "RETURNING ensemble_id",
                [_utc_now(), status, ensemble_id],
            ).fetchall()
        if not found:
            raise StoreError(f"{self.path}: no ensemble {ensemble_id!r}; nothing was changed")

    # -- reading -------------------------------------------------------------------------

    def existing_seeds(self, scenario_hash: str, version: str) -> set[int]:
        """Seeds already stored for a scenario content and spacerace version (for resume)."""
        rows = self.query(
            "SELECT seed FROM runs WHERE scenario_hash = ? AND version = ?",
            [scenario_hash, version],
        )
        return {seed for (seed,) in rows}

    def runs(self, limit: int = 50, scenario: str | None = None) -> list[dict]:
        """The most recently stored runs first (then by scenario, seed), as dicts."""
        where, params = ("WHERE scenario = ?", [scenario]) if scenario else ("", [])
        return self._dicts(
            f"SELECT * FROM runs {where} ORDER BY stored_at DESC, scenario, seed, run_id LIMIT ?",
            [*params, limit],
        )

    def get_run(self, run_id: str) -> dict:
        """One run by id or unique id prefix, with ``last_year`` (its last metrics year).

        Raises:
            InputError: No run, or several runs, start with ``run_id``.
        """
        pattern = run_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        found = self._dicts(
            "SELECT r.*, (SELECT max(year) FROM metrics m WHERE m.run_id = r.run_id) "
            "AS last_year FROM runs r WHERE r.run_id LIKE ? ESCAPE '\\' ORDER BY r.run_id "
            "LIMIT 6",
            [pattern],
        )
        exact = [row for row in found if row["run_id"] == run_id]
        # ``hash-seed`` names that seed's run, not also seeds 10-19 (``-`` sorts first)
        whole = [row for row in found if row["run_id"].startswith(run_id + "-")]
        if exact or len(whole) == 1 or len(found) == 1:
            return (exact or whole or found)[0]
        if not found:
            raise InputError(f"no run {run_id!r} in {self.path} (`spacerace runs` lists them)")
        names = ", ".join(row["run_id"] for row in found[:5])
        more = ", ..." if len(found) > 5 else ""
        raise InputError(f"run {run_id!r} is ambiguous in {self.path}: {names}{more}")

    def events(self, run_id: str) -> list[dict]:
        """A stored run's events in log order."""
        return self._dicts("SELECT * FROM events WHERE run_id = ? ORDER BY seq", [run_id])

    def breakdowns(self, run_id: str) -> dict[int, str]:
        """A stored run's event breakdowns: the event's ``seq`` -> its JSON object text.

        Empty for a run stored before the store kept them.
        """
        if not self._has_table("event_breakdowns"):  # an older store opened read-only
            return {}
        rows = self._dicts(
            "SELECT seq, breakdown FROM event_breakdowns WHERE run_id = ? ORDER BY seq", [run_id]
        )
        return {int(row["seq"]): row["breakdown"] for row in rows}

    def missions(self, run_id: str) -> list[dict]:
        """A stored run's facts table, rows as ``missions.jsonl`` has them, in commit order.

        Empty for a run stored before the store had a ``missions`` table.
        """
        if not self._has_table("missions"):  # an older store opened read-only
            return []
        rows = self._dicts("SELECT * FROM missions WHERE run_id = ? ORDER BY seq", [run_id])
        return [facts_row(row) for row in rows]

    def scenario_source(self, scenario_hash: str) -> str:
        """The TOML text of a stored scenario.

        Raises:
            StoreError: The store has no scenario with that hash.
        """
        rows = self.query(
            "SELECT source_text FROM scenarios WHERE scenario_hash = ?", [scenario_hash]
        )
        row = rows[0] if rows else None
        if row is None:
            raise StoreError(f"{self.path}: no scenario text stored for hash {scenario_hash}")
        return row[0]

    def query(self, sql: str, params: list | dict | None = None) -> list[tuple]:
        """Run a read query (``?`` or ``$name`` parameters) and return its rows.

        Raises:
            StoreError: DuckDB failed: the file is damaged, or was written by another version.
        """
        self._cap(False)
        with self._reading():
            return self._con.execute(sql, params or []).fetchall()

    def export_parquet(self, out_dir: str | Path) -> list[Path]:
        """Write every table to ``out_dir/<table>.parquet`` (folder created); return the files.

        Rows are sorted by each table's leading columns, so the same store gives the same
        files. Each file is written under a temporary name and then renamed.
        """
        self._cap(False)
        out = Path(out_dir)
        if out.exists() and not out.is_dir():
            raise InputError(f"--out {out}: exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for table, cols in TABLES.items():
            final = out / f"{table}.parquet"
            partial = final.with_suffix(".parquet.partial")
            order = ", ".join(list(cols)[:3])
            literal = "'" + str(partial).replace("'", "''") + "'"
            select = f"SELECT * FROM {table} ORDER BY {order}"
            if table in ADDED_TABLES and not self._has_table(table):  # older store, read-only
                typed = ", ".join(f"CAST(NULL AS {t.split()[0]}) AS {c}" for c, t in cols.items())
                select = f"SELECT {typed} WHERE false"  # its columns, no rows
            try:
                with self._reading():
                    self._con.execute(f"COPY ({select}) TO {literal} (FORMAT PARQUET)")
                partial.replace(final)
            except (StoreError, OSError) as exc:
                partial.unlink(missing_ok=True)
                if isinstance(exc, StoreError) and str(partial) not in str(exc):
                    raise
                reason = exc.strerror if isinstance(exc, OSError) else str(exc)
                raise InputError(
                    f"--out {out}: cannot write {final.name} ({reason}); "
                    f"{len(written)} of {len(TABLES)} tables were exported, the store is unchanged"
                ) from None
            written.append(final)
        return written

    def _has_table(self, table: str) -> bool:
        found = self.query("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [table])
        return bool(found[0][0])

    def _dicts(self, sql: str, params: list) -> list[dict]:
        self._cap(False)
        with self._reading():
            cursor = self._con.execute(sql, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


_STORED_SQL = "SELECT run_id FROM runs WHERE run_id IN (SELECT run_id FROM _batch_ids)"


def _connect(path: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    if path.is_dir():
        raise StoreError(f"{path} is a folder; expected a database file (e.g. {DEFAULT_NAME})")
    if read_only and not path.exists():
        raise StoreError(f"no database at {path}: nothing has been stored there yet")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.ConnectionException:
        if not read_only:
            raise StoreError(
                f"{path} is open read-only in this process; close that Store before writing"
            ) from None
        # this process has it open for writing: share that
        con = duckdb.connect(str(path))
    except duckdb.Error as exc:  # in use, not DuckDB, damaged, another DuckDB's format
        raise StoreError(_explain(path, str(exc))) from None
    # DuckDB's progress bar off: it draws itself on stdout for any query over 2 s (a summary
    # over thousands of runs, a commit that checkpoints), which broke `ensemble --json`
    con.execute("SET enable_progress_bar = false")
    return con


_DAMAGE = (
    "corrupt",
    "checksum",
    "could not read enough bytes",
    "internal error",
    "serialization error",
    "fatal error",
    "invalidated",
    "failed to read",
    "not a valid duckdb database",
)
"""What DuckDB says of a damaged file (a checksum, a short read, a block it cannot parse)."""

_FOREIGN = ("catalog error", "binder error", "conversion error", "version")
"""What DuckDB says of a file that is a database but not one this version of spacerace wrote."""


def _explain(path: Path, message: str) -> str:
    """One line for a DuckDB error on ``path``: what is wrong, and what to do."""
    lowered = message.lower()
    named = message.replace(f'file "{path}"', f'"{path}"').replace(f'"{path}"', "the file")
    detail = _short(named.replace(str(path), "the file"))
    if "not a valid DuckDB database" in message:
        return f"{path} is not a DuckDB database (or is damaged); nothing was read or changed"
    if re.search(r"\block\b", lowered):  # not "block"
        pid = re.search(r"PID (\d+)", message)
        who = f"process {pid.group(1)}" if pid else "another process"
        return (
            f"{path} is in use by {who}: DuckDB lets one process write a file at a time; "
            "wait for it to finish or pass another --db (nothing was read or changed)"
        )
    if any(word in lowered for word in _DAMAGE):
        return (
            f"{path}: damaged ({detail}); restore it from a copy, or delete it and run the "
            "ensemble again (nothing was changed)"
        )
    if any(word in lowered for word in _FOREIGN):
        return (
            f"{path}: not a store this spacerace ({__version__}) can read ({detail}); use the "
            "version that wrote it, or pass another --db"
        )
    return f"{path}: DuckDB failed ({detail}); nothing was changed"


def _short(message: str, limit: int = 160) -> str:
    """DuckDB's message on one line, without its ``IO Error:`` kind, at most ``limit`` chars."""
    text = " ".join(message.split())
    text = re.sub(r"^[A-Za-z ]*(Error|Exception): ", "", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    names = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    missing = sorted(set(TABLES) - names - ADDED_TABLES)  # an older store lacks those
    if missing:
        raise StoreError(f"{path} is not a spacerace store (no table {', '.join(missing)})")
    found = set(con.execute("SELECT table_name, column_name FROM duckdb_columns()").fetchall())
    lacking = [
        f"{t}.{c}" for t, cols in TABLES.items() if t in names for c in cols if (t, c) not in found
    ]
    if lacking:
        raise StoreError(
            f"{path}: written by another version of spacerace (no column "
            f"{', '.join(lacking[:3])}{', ...' if len(lacking) > 3 else ''}); read it with that "
            "version, or pass another --db"
        )


def _unique(records: list[RunRecord]) -> list[RunRecord]:
    seen: dict[str, RunRecord] = {}
    for record in records:
        seen.setdefault(record.run["run_id"], record)
    return list(seen.values())


def _check_record(record: RunRecord) -> None:
    run = record.run
    if len(record.events) != run["n_events"]:
        raise StoreError(
            f"run {run['run_id']}: {len(record.events)} events but n_events is "
            f"{run['n_events']}; nothing of this batch was written"
        )
    for table in _CHILDREN:
        rows = getattr(record, table)
        extra = set(rows[0]) - set(TABLES[table]) if rows else set()
        if extra:
            raise StoreError(
                f"run {run['run_id']}: {table} column(s) {', '.join(sorted(extra))} have no "
                "place in the store (add them to spacerace/store/schema.py); nothing written"
            )


def _columns(rows: list[dict], types: dict[str, str]) -> dict[str, np.ndarray]:
    """Rows → one NumPy array per column: typed where DuckDB would otherwise guess."""
    out = {}
    for col, kind in types.items():
        values = [row[col] for row in rows]
        dtype = _NUMPY_DTYPE.get(kind)
        if dtype is None or any(v is None for v in values):
            out[col] = np.array(values, dtype=object)
        else:
            out[col] = np.array(values, dtype=dtype)
    return out


def _reraise_interrupt(exc: BaseException) -> None:
    """Raise KeyboardInterrupt again for DuckDB's ``RuntimeError: Query interrupted``.

    DuckDB answers Ctrl-C during a query with that error; the caller should stop as for a
    Ctrl-C anywhere else.
    """
    if type(exc) is RuntimeError and "interrupted" in str(exc).lower():
        raise KeyboardInterrupt from None


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.TransactionException):  # a failed COMMIT has rolled back
        con.rollback()


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
