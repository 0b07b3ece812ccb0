"""The web app's pages and JSON through FastAPI's test client (no socket, no browser).

Oracles: the store's own rows read by SQL or ``Store`` methods, and the library calls the
pages present (``summary_from_store``, ``compare_summaries``, ``planning.porkchop``,
``rank_candidates``, ``run_timeline``), called here directly and compared with what the
server sent.
"""

from __future__ import annotations

import json
import urllib.parse

import pytest


@pytest.fixture(scope="module")
def web(web_client, web_files):
    client, copy = web_client
    return client, copy, web_files[2]


def q(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def test_the_runs_page_lists_stored_runs_and_run_folders(web, run_ids):
    client, _, _ = web
    page = client.get("/runs")
    assert page.status_code == 200
    for rid in run_ids.values():
        assert rid in page.text
    assert "dir:fam1" in page.text


def test_the_timeline_shows_the_weighty_events_or_all_of_them(web, run_ids, played):
    from spacerace.report.salience import weight_of

    client, _, _ = web
    rid = run_ids["for-all-mankind", 1]
    log = played["for-all-mankind", 1].log.events
    some = client.get(f"/api/runs/{rid}/timeline").json()
    every = client.get(f"/api/runs/{rid}/timeline?all_events=true").json()
    assert every["shown"] == every["total"] == len(log)
    assert some["shown"] == sum(1 for e in log if weight_of(e) >= 40) < len(log)
    lanes = {lane["name"]: lane for lane in every["lanes"]}
    firsts = [e for e in log if e.kind == "milestone"]
    assert len(firsts) <= len(lanes["Firsts"]["x"])
    assert len(every["missions"]["id"]) == len(played["for-all-mankind", 1].mission_rows())
    assert [e["title"] for e in every["eras"]][:1] == [
        played["for-all-mankind", 1].scenario.eras[0].title
    ]


def test_the_history_page_names_its_firsts_bases_and_agencies(web, run_ids, played):
    from html import escape

    client, _, _ = web
    result = played["for-all-mankind", 1]
    page = client.get(f"/runs/{run_ids['for-all-mankind', 1]}")
    assert page.status_code == 200
    firsts = [e for e in result.log if e.kind == "milestone" and e.data.get("first")]
    assert firsts
    for e in firsts:
        assert escape(e.text) in page.text
    for base in sorted(result.world.bases):
        assert f"/bases/{q(base)}" in page.text
    for spec in result.scenario.agencies.values():
        assert spec.name in page.text


def test_an_event_shows_its_cause_and_every_number(web, run_ids, played):
    from html import escape

    client, _, _ = web
    log = played["for-all-mankind", 1].log.events
    seq = next(i for i, e in enumerate(log) if e.kind == "budget")
    detail = client.get(f"/runs/{run_ids['for-all-mankind', 1]}/events/{seq}")
    assert detail.status_code == 200
    assert escape(log[seq].cause) in detail.text
    for key, value in log[seq].data.items():
        assert f'<th>{key}</th><td class="num">{value}</td>' in detail.text


def test_filtering_a_runs_events_keeps_exactly_the_matching_ones(web, run_ids, web_files):
    from spacerace.store.db import Store

    client, _, _ = web
    rid = run_ids["for-all-mankind", 1]
    with Store(web_files[0], read_only=True) as store:
        stored = store.events(rid)
    want = [e for e in stored if "jamestown" in (e["text"] + e["cause"]).lower()]
    page = client.get(f"/runs/{rid}/events?q=Jamestown", headers={"HX-Request": "true"})
    assert f"{len(want)} event" in page.text
    kind = client.get(f"/runs/{rid}/events?kind=retirement")
    retired = sum(1 for e in stored if e["kind"] == "retirement")
    assert f">{retired} event" in kind.text


def test_mission_and_person_pages_come_from_the_facts_table(web, run_ids, played):
    client, _, _ = web
    rid = run_ids["for-all-mankind", 1]
    rows = played["for-all-mankind", 1].mission_rows()
    crewed = next(r for r in rows if r["crew"])
    page = client.get(f"/runs/{rid}/missions/{q(crewed['id'])}")
    assert page.status_code == 200 and crewed["name"] in page.text
    person = crewed["crew"][0]
    flown = [r for r in rows if person in r["crew"]]
    page = client.get(f"/runs/{rid}/people/{q(person)}")
    assert page.status_code == 200
    assert f"Missions flown ({len(flown)})" in page.text
    for r in flown:
        assert f"/missions/{q(r['id'])}" in page.text


def test_an_agencys_series_are_the_stored_metrics(web, run_ids, web_files):
    from spacerace.store.db import Store

    client, _, _ = web
    rid = run_ids["for-all-mankind", 1]
    with Store(web_files[0], read_only=True) as store:
        rows = store.query(
            "SELECT year, budget_musd, prestige FROM metrics WHERE run_id = ? AND agency = 'nasa' "
            "ORDER BY year",
            [rid],
        )
    series = client.get(f"/api/runs/{rid}/agencies/nasa").json()
    assert series["year"] == [r[0] for r in rows]
    assert series["budget_musd"] == [r[1] for r in rows]
    assert series["prestige"] == [r[2] for r in rows]
    assert client.get(f"/runs/{rid}/agencies/nasa").status_code == 200


def test_a_folder_base_page_plots_its_bases_jsonl(web, played):
    client, _, _ = web
    result = played["for-all-mankind", 1]
    name = sorted(result.world.bases)[0]
    mine = [r for r in result.base_metrics if r["base"] == name]
    series = client.get(f"/api/runs/dir:fam1/bases/{q(name)}").json()
    assert len(series["date"]) == len(mine)
    total = [sum(v[i] for v in series["population"].values()) for i in range(len(mine))]
    assert total == [sum(r["employers"].values()) for r in mine]
    assert series["tension"] == [r["tension"] for r in mine]
    assert client.get(f"/runs/dir:fam1/bases/{q(name)}").status_code == 200


def test_a_stored_base_page_replays_the_run_in_a_worker(web, run_ids, played):
    client, _, _ = web
    result = played["for-all-mankind", 2]
    name = sorted(result.world.bases)[-1]
    mine = [r for r in result.base_metrics if r["base"] == name]
    rid = run_ids["for-all-mankind", 2]
    series = client.get(f"/api/runs/{rid}/bases/{q(name)}").json()
    assert series["reason"] == ""
    assert series["reserve_days"] == [r["reserve_days"] for r in mine]
    assert series["stocks_kg"]["water_kg"] == [r["water_kg"] for r in mine]


def test_searching_all_events_matches_sql_over_the_store(web, web_files):
    from spacerace.store.db import Store

    client, _, _ = web
    with Store(web_files[0], read_only=True) as store:
        (n,) = store.query("SELECT count(*) FROM events WHERE kind = 'crew_lost'")[0]
        rows = store.query("SELECT text, cause, actors FROM events")
    page = client.get("/events?kind=crew_lost", headers={"HX-Request": "true"})
    assert f"{n} event" in page.text
    for word in ("Jamestown", "50%", "o_o"):  # % and _ are matched as themselves
        want = sum(1 for r in rows if any(word.lower() in (x or "").lower() for x in r))
        found = client.get(f"/events?q={q(word)}", headers={"HX-Request": "true"})
        more = "+" if want > 200 else ""
        assert f'id="result-count">{min(want, 200)}{more}' in found.text, (word, want)


def test_an_ensemble_page_shows_the_librarys_summary(web, web_files):
    from spacerace.ensemble.compare import find_ensemble
    from spacerace.ensemble.summary import summary_from_store
    from spacerace.store.db import Store

    client, _, ids = web
    with Store(web_files[0], read_only=True) as store:
        ref = find_ensemble(store, ids["fam"])
        want = summary_from_store(store, ref.scenario_hash, ref.version, ref.seeds)
    got = client.get(f"/api/ensembles/{ids['fam']}").json()["summary"]
    assert got == json.loads(json.dumps(want))
    page = client.get(f"/ensembles/{ids['fam']}")
    assert page.status_code == 200
    lunar = want["milestones"][0]["first"]
    for entry in lunar:
        assert f"{100 * entry['ci95'][0]:.1f}-{100 * entry['ci95'][1]:.1f} %" in page.text


def test_two_scenarios_side_by_side_are_compare_summaries(web, web_files):
    from spacerace.ensemble.compare import compare_summaries, find_ensemble
    from spacerace.ensemble.summary import summary_from_store
    from spacerace.store.db import Store

    client, _, ids = web
    with Store(web_files[0], read_only=True) as store:
        refs = [find_ensemble(store, ids[k]) for k in ("fam", "history")]
        sums = [summary_from_store(store, r.scenario_hash, r.version, r.seeds) for r in refs]
    want = compare_summaries(*sums)
    got = client.get(f"/api/compare?a={ids['fam']}&b={ids['history']}").json()
    assert got["milestones"] == json.loads(json.dumps(want["milestones"]))
    assert client.get("/compare?a=for-all-mankind&b=history").status_code == 200


def _follow(client, job_id: str) -> list[dict]:
    states = []
    with client.stream("GET", f"/jobs/{job_id}/events") as stream:
        event = None
        for line in stream.iter_lines():
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: "):
                states.append({"event": event, **json.loads(line.removeprefix("data: "))})
    return states


def test_resuming_an_interrupted_ensemble_plays_only_its_missing_seed(web):
    from spacerace import __version__

    client, _, ids = web
    started = client.post(f"/ensembles/{ids['history']}/resume", headers={"HX-Request": "true"})
    assert started.status_code == 200, started.text
    # while it plays, a second ensemble is refused (at most MAX_ENSEMBLES = 1 at once)
    form = {"scenario": "history", "n": "2", "seed": "500"}
    again = client.post("/ensembles", data=form, headers={"Accept": "application/json"})
    assert again.status_code == 429 and "still running" in again.json()["error"]
    job_id = started.text.split('id="job-')[1].split('"')[0]
    states = _follow(client, job_id)
    assert states[-1]["event"] == "done" and states[-1]["status"] == "done", states[-1]
    assert (states[-1]["stored_before"], states[-1]["todo"], states[-1]["played"]) == (2, 1, 1)
    assert all(s["event"] == "progress" for s in states[:-1])
    with client.app.state.runs.store() as store:
        status = store.query("SELECT status FROM ensembles WHERE ensemble_id = ?", [ids["history"]])
        seeds = store.existing_seeds(ids["history"].split("-")[0], __version__)
    assert status == [("done",)]
    assert seeds == {0, 1, 2}
    assert client.get(f"/api/jobs/{job_id}").json()["status"] == "done"


def test_the_porkchop_api_sends_the_librarys_grid(web):
    from spacerace import planning
    from spacerace.astro.time import iso_to_jd_tdb

    client, _, _ = web
    got = client.get(
        "/api/porkchop?origin=earth&target=mars&depart_from=2005-07-01&depart_to=2005-09-01"
        "&tof_min=150&tof_max=300&step=4&tof_step=10"
    ).json()
    want = planning.porkchop(
        "earth", "mars", (iso_to_jd_tdb("2005-07-01"), iso_to_jd_tdb("2005-09-01")), (150, 300),
        depart_step_days=4, tof_step_days=10,
    )  # fmt: skip
    grid = want.grid
    assert len(got["depart"]) == grid.depart_jd_tdb.size
    assert got["tof_days"] == [float(t) for t in grid.tof_days]
    i, j = 5, 7
    assert got["c3_km2_s2"][j][i] == pytest.approx(grid.c3_km2_s2[i, j], abs=0.005)
    assert got["dv_total_km_s"][j][i] == pytest.approx(grid.dv_total_km_s[i, j], abs=5e-4)
    assert got["windows"][0]["c3_km2_s2"] == pytest.approx(want.windows[0].c3_km2_s2, abs=1e-3)
    assert client.get("/plan/porkchop").status_code == 200


def test_the_asteroid_ranking_is_rank_candidates(web):
    from spacerace.mining import rank_candidates
    from spacerace.mining.capture import SearchGrid
    from spacerace.report.plan_json import prices_of

    client, _, _ = web
    got = client.get("/api/asteroids?year=2003&to=earth-moon&top=2&designs=3").json()
    world = prices_of("for-all-mankind", "saturn_v", "earth-moon")
    coarse = SearchGrid(step_days=10.0, tof_step_days=20.0)  # the page's default grid
    want = rank_candidates(
        2003, "earth-moon", 2, n_design=3, architecture=world.arch, grid=coarse,
        market=world.market,
    )  # fmt: skip
    assert [c["designation"] for c in got["candidates"]] == [c.designation for c in want]
    assert got["candidates"][0]["profit_musd"] == pytest.approx(want[0].profit_musd, abs=0.05)
    table = client.get("/plan/asteroids/ranking?year=2003&to=earth-moon&top=2&designs=3")
    assert want[0].label in table.text
    name = want[0].designation
    one = client.get(f"/plan/asteroids/{q(name)}?year=2003&to=earth-moon")
    assert one.status_code == 200 and want[0].label in one.text


def test_runs_aligned_on_a_first_count_years_from_it(web, played):
    from spacerace.store.records import record_of

    client, _, ids = web
    page = client.get(f"/ensembles/{ids['fam']}?align=crewed_lunar_landing")
    assert page.status_code == 200
    data = json.loads(page.text.split('id="chart-data">')[1].split("</script>")[0])
    years = {}  # seed -> milestone -> year, from each run's own milestone rows
    for (name, seed), result in played.items():
        if name == "for-all-mankind":
            years[seed] = {m["milestone"]: m["year"] for m in record_of(result).milestones}
    want = sorted(
        y["lunar_base"] - y["crewed_lunar_landing"] for y in years.values() if "lunar_base" in y
    )
    got = sorted(y for per_agency in data["years"]["lunar_base"].values() for y in per_agency)
    assert want and got == want
    assert data["aligned_runs"] == len(years)
    bad = client.get(
        f"/ensembles/{ids['fam']}?align=nonsense", headers={"Accept": "application/json"}
    )
    assert bad.status_code == 400 and "align" in bad.json()["error"]
