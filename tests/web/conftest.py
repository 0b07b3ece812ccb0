"""A small world for the web tests: a store and a folder of runs, all played here.

The store holds For All Mankind seeds 1-3 to 1982 (bases founded: Jamestown, Zvezda) as one
finished ensemble, and history seeds 0-1 to 1982 as an ensemble of 3 that was interrupted
(its seed 2 missing: the resume test plays it). The folder holds For All Mankind seed 1 to
1982 as ``spacerace run --out`` writes its data files. Short runs keep the suite quick.
"""

from __future__ import annotations

import json

import pytest

UNTIL = 1982
FAM_SEEDS = (1, 2, 3)
HISTORY_SEEDS = (0, 1)


def _play(scenario, planner, seed):
    from spacerace.sim.engine import run_timeline

    return run_timeline(scenario, seed, until_year=UNTIL, planner=planner)


@pytest.fixture(scope="session")
def played(scenarios, planners):
    """The runs the store and the folder hold, by (scenario, seed)."""
    out = {}
    for name, seeds in (("for-all-mankind", FAM_SEEDS), ("history", HISTORY_SEEDS)):
        for seed in seeds:
            out[name, seed] = _play(scenarios[name], planners[name], seed)
    return out


def _store_ensemble(store, scenario, results, n, status):
    from spacerace.ensemble.runner import scenario_source_text
    from spacerace.store.records import record_of

    h = scenario.content_hash()
    store.add_scenario(h, scenario.name, scenario_source_text(scenario))
    seeds = sorted(r.seed for r in results)
    eid = store.start_ensemble(
        scenario=scenario.name, scenario_hash=h, base_seed=seeds[0], n=n, backend="serial",
        workers=1,
    )  # fmt: skip
    store.write_runs([record_of(r) for r in results], eid)
    store.finish_ensemble(eid, status)
    return eid


@pytest.fixture(scope="session")
def web_files(tmp_path_factory, scenarios, played):
    """(store path, runs folder, {"fam": id, "history": id}) with the runs above."""
    from spacerace.report.html import run_info
    from spacerace.sim.facts import missions_jsonl
    from spacerace.store.db import Store

    root = tmp_path_factory.mktemp("web")
    db = root / "web.duckdb"
    with Store(db) as store:
        fam = [played["for-all-mankind", s] for s in FAM_SEEDS]
        hist = [played["history", s] for s in HISTORY_SEEDS]
        ids = {
            "fam": _store_ensemble(store, scenarios["for-all-mankind"], fam, 3, "done"),
            "history": _store_ensemble(store, scenarios["history"], hist, 3, "interrupted"),
        }
    result = played["for-all-mankind", 1]
    folder = root / "runs" / "fam1"
    folder.mkdir(parents=True)
    (folder / "events.jsonl").write_text(result.log.to_jsonl(result.start_jd_tdb))
    (folder / "bases.jsonl").write_text(
        "".join(json.dumps(r, sort_keys=True) + "\n" for r in result.base_metrics)
    )
    (folder / "run.json").write_text(json.dumps(run_info(result)))
    (folder / "missions.jsonl").write_text(missions_jsonl(result.mission_rows()))
    return db, root / "runs", ids


@pytest.fixture(scope="session")
def run_ids(played):
    from spacerace.store.records import run_id_of

    return {key: run_id_of(r.scenario.content_hash(), r.seed) for key, r in sorted(played.items())}


@pytest.fixture(scope="session")
def web_client(web_files, tmp_path_factory):
    """FastAPI's test client over a copy of the store (one app and worker pool for the suite)."""
    import shutil

    from fastapi.testclient import TestClient

    from spacerace.web.app import create_app

    db, runs, _ = web_files
    copy = tmp_path_factory.mktemp("app") / "web.duckdb"
    shutil.copy(db, copy)
    with TestClient(create_app(copy, runs, workers=1), raise_server_exceptions=False) as client:
        yield client, copy
