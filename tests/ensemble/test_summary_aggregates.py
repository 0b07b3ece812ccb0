"""The store's SQL aggregates give the same summary, byte for byte, as the rows they sum up."""

import json
import random

import pytest

from spacerace.ensemble.summary import (
    StreamedAggregates,
    rows_from_records,
    rows_from_store,
    summarize,
    summarize_aggregates,
    summary_from_store,
)


def _dump(summary):
    return json.dumps(summary, sort_keys=True)


@pytest.mark.parametrize(
    ("name", "n", "until"),
    [("history", 40, 1995), ("for-all-mankind", 40, 1995), ("star-city", 30, 1995)],
)
def test_store_aggregates_give_the_same_summary(scenarios, tmp_path, name, n, until):
    from spacerace.sim.engine import run_timeline
    from spacerace.store.db import Store
    from spacerace.store.records import record_of

    scenario = scenarios[name]
    records = [record_of(run_timeline(scenario, s, until_year=until), 0.0) for s in range(n)]
    head = records[0].run
    with Store(tmp_path / "x.duckdb") as store:
        store.write_runs(records)
        rows = summarize(rows_from_store(store, head["scenario_hash"], head["version"]))
        agg = summary_from_store(store, head["scenario_hash"], head["version"])
        part = range(3, n - 5)
        rows_part = rows_from_store(store, head["scenario_hash"], head["version"], part)
        agg_part = summary_from_store(store, head["scenario_hash"], head["version"], part)
        none = summary_from_store(
            store, head["scenario_hash"], head["version"], range(10**6, 10**6 + 2)
        )
        rows_none = rows_from_store(
            store, head["scenario_hash"], head["version"], range(10**6, 10**6 + 2)
        )
    assert _dump(agg) == _dump(rows)
    # as an ensemble streams them: chunks in completion order, not by seed
    chunks = [records[i : i + 3] for i in range(0, n, 3)]
    random.Random(n).shuffle(chunks)
    stream = StreamedAggregates()
    for chunk in chunks:
        stream.add(chunk)
    assert stream.runs == n
    assert _dump(summarize_aggregates(stream.aggregates())) == _dump(agg)
    assert _dump(agg) == _dump(summarize(rows_from_records(records)))
    assert _dump(agg_part) == _dump(summarize(rows_part))
    assert _dump(none) == _dump(summarize(rows_none))
    assert any(f["runs"] for m in agg["milestones"] for f in m["first"] if f["agency"] != "nobody")


def test_a_stream_of_nothing_is_the_summary_of_no_runs(tmp_path):
    from spacerace.store.db import Store

    with Store(tmp_path / "x.duckdb") as store:
        empty = summary_from_store(store, "feedfacefeedface", "0.1.0")
    assert _dump(summarize_aggregates(StreamedAggregates().aggregates())) == _dump(
        {**empty, "scenario_hash": "", "version": ""}
    )


def test_a_stream_refuses_runs_of_another_scenario(scenarios):
    from spacerace.sim.engine import run_timeline
    from spacerace.store.records import record_of

    a, b = (
        record_of(run_timeline(scenarios[k], 0, until_year=1972), 0.0)
        for k in ("history", "star-city")
    )
    stream = StreamedAggregates()
    stream.add([a])
    with pytest.raises(ValueError, match="more than one scenario"):
        stream.add([b])
