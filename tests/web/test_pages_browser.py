"""The pages in a real browser: Debian's chromium through pytest-playwright, on loopback.

``spacerace serve`` runs as a subprocess on a free 127.0.0.1 port (started by the fixture,
stopped by its pid). Every test fails on any browser console error or uncaught page error,
and on any request that leaves 127.0.0.1 (the browser cannot resolve other names either:
``--host-resolver-rules``). A missing chromium is a failure, never a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_files, tmp_path_factory):
    """``spacerace serve`` on a copy of the test store; its base URL."""
    db, runs, ids = web_files
    copy = tmp_path_factory.mktemp("served") / "web.duckdb"
    shutil.copy(db, copy)
    port = _free_port()
    log = (tmp_path_factory.mktemp("log") / "serve.log").open("w+")
    command = [sys.executable, "-m", "spacerace", "serve", "--db", str(copy), "--runs",
               str(runs), "--port", str(port), "--workers", "1"]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"spacerace serve did not start: {log.read()[-2000:]}")
            time.sleep(0.2)
        yield base, ids
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


@pytest.fixture(scope="module")
def shared_context(browser):
    """One browser context for the module: plotly.js (4.8 MB) is fetched and compiled once."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def watched(shared_context):
    """A page, failing the test on console errors and on requests leaving 127.0.0.1."""
    page = shared_context.new_page()
    errors, outside = [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def check(request):
        host = urllib.parse.urlsplit(request.url).hostname
        if request.url.startswith(("data:", "blob:", "about:")):
            return
        if host != "127.0.0.1":
            outside.append(request.url)

    page.on("request", check)
    page.set_default_timeout(30_000)
    yield page
    page.close()
    assert not errors, errors
    assert not outside, outside


def _rid(played_key, run_ids):
    return urllib.parse.quote(run_ids[played_key], safe="")


def test_a_history_timeline_zooms_and_tells_why(watched, server, run_ids, played):
    page = watched
    base, _ = server
    page.goto(f"{base}/runs/{_rid(('for-all-mankind', 1), run_ids)}")
    page.wait_for_selector("#timeline .scatterlayer .trace")
    lanes = page.locator("#timeline .scatterlayer .trace").count()
    assert lanes >= 4  # firsts, losses, bases, people, politics, missions
    firsts = page.locator("#timeline .scatterlayer .trace").first.locator(".point")
    box = firsts.first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#detail .event-detail")
    detail = page.inner_text("#detail")
    assert "Why:" in detail
    seq = int(page.get_attribute("#detail .event-detail", "id").removeprefix("event-"))
    event = played["for-all-mankind", 1].log.events[seq]
    assert event.text in detail and event.kind in ("milestone", "first_revealed", "discovery")
    page.check("#all-events")  # every event: the same lanes, more points
    page.wait_for_function(
        "() => Number(document.getElementById('timeline').dataset.shown) === "
        f"{len(played['for-all-mankind', 1].log)}"
    )


def test_typing_in_the_filter_narrows_the_events(watched, server, run_ids):
    page = watched
    base, _ = server
    page.goto(f"{base}/runs/{_rid(('for-all-mankind', 1), run_ids)}")
    page.wait_for_selector("#event-count")
    total = int(page.inner_text("#event-count").split()[0])
    page.fill("#q", "Jamestown")
    page.wait_for_function(
        f"() => !document.getElementById('event-count').textContent.startsWith('{total} ')"
    )
    shown = page.locator("#event-list li.event")
    assert 0 < shown.count() < total
    assert all("jamestown" in t.lower() for t in shown.all_inner_texts())


def test_agency_and_base_pages_draw_their_series(watched, server, run_ids, played):
    page = watched
    base, _ = server
    page.goto(f"{base}/runs/{_rid(('for-all-mankind', 1), run_ids)}/agencies/nasa")
    page.wait_for_selector("#agency-chart .scatterlayer .trace")
    name = sorted(played["for-all-mankind", 1].world.bases)[0]
    page.goto(f"{base}/runs/dir:fam1/bases/{urllib.parse.quote(name)}")
    for chart in ("#base-population", "#base-stocks", "#base-tension"):
        page.wait_for_selector(f"{chart} .scatterlayer .trace")
    assert page.locator("#base-events li").count() > 0


def test_an_ensemble_page_draws_shares_and_years(watched, server):
    page = watched
    base, ids = server
    page.goto(f"{base}/ensembles/{ids['fam']}")
    page.wait_for_selector("#shares-chart .barlayer .trace")
    page.wait_for_selector("#years-chart .boxlayer .trace")
    assert page.locator("#shares tr").count() > 7


def test_the_porkchop_hovers_and_clicks_to_a_transfer(watched, server):
    page = watched
    base, _ = server
    page.goto(f"{base}/plan/porkchop")
    page.wait_for_selector("#porkchop .contourlayer", timeout=60_000)
    assert page.locator("#windows tr").count() >= 2
    box = page.locator("#porkchop .nsewdrag").first.bounding_box()
    x, y = box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5
    page.mouse.move(x, y)
    page.wait_for_selector("#porkchop .hovertext")
    assert "C3" in page.text_content("#porkchop .hovertext")
    page.mouse.click(x, y)
    page.wait_for_function("() => document.getElementById('transfer').textContent.length > 0")
    assert page.inner_text("#transfer").startswith("Transfer: depart")


def test_an_ensemble_started_from_the_page_streams_its_progress(watched, server):
    page = watched
    base, _ = server
    page.goto(f"{base}/ensembles")
    page.select_option("#scenario", "history")
    page.fill("#n", "2")
    page.fill("#seed", "700")
    page.click("#start-button")
    page.wait_for_selector("#job progress")
    page.wait_for_selector("#job .done-link", timeout=90_000)
    assert "2 of 2 played" in page.inner_text("#job .state")
    page.click("#job .done-link")
    page.wait_for_selector("#shares-chart .barlayer .trace")
    assert "history: 2 timelines" in page.inner_text("h1")


def test_the_asteroid_ranking_links_a_capture_design(watched, server):
    page = watched
    base, _ = server
    page.goto(f"{base}/plan/asteroids")
    page.fill("input[name=top]", "2")
    page.fill("input[name=designs]", "2")
    page.select_option("select[name=to]", "earth-moon")
    page.click("#rank-button")
    page.wait_for_selector("#candidates tr:nth-child(2) a", timeout=90_000)
    page.click("#candidates tr:nth-child(2) a")
    page.wait_for_selector("#design")
    assert "km/s" in page.inner_text("#design")


def test_a_whole_short_game_is_played_by_clicking(watched, server):
    """For All Mankind as NASA to 1969: every turn answered on the page, to the end."""
    page = watched
    base, _ = server
    page.goto(f"{base}/play")
    page.select_option("#who", "for-all-mankind|nasa")
    page.fill("#seed", "1")
    page.fill("#until", "1969")
    page.click("#start-game")
    page.wait_for_selector("#turn-date", timeout=60_000)
    game_url = page.url
    asked, turns = set(), 0
    while not page.query_selector("#game-over"):
        turns += 1
        assert turns < 40, "the game did not end"
        number = page.get_attribute("#turn", "data-turn")
        assert page.query_selector("#pending li, #pending p")
        radios = page.query_selector_all("#turn-form input[type=radio]")
        if radios:  # a choice of one: the first option (a mission, yes)
            asked.add(page.inner_text("#prompt"))
            radios[0].check()
            page.click("#end-turn")
        elif page.query_selector("#answer"):  # a crew or programs: as the page proposes
            asked.add(page.inner_text("#prompt"))
            page.click("#as-advised" if turns % 2 else "#end-turn")
        else:
            page.click("#end-turn")  # a quarter without a question
        page.wait_for_function(
            "n => (document.getElementById('turn') || {dataset: {}}).dataset.turn > n",
            arg=int(number), timeout=60_000,
        )  # fmt: skip
    assert len(asked) >= 3 and turns > 5
    assert page.url == game_url
    before = page.inner_text("#news-count")
    page.fill("#news-text", "Soviet")
    page.wait_for_function("b => document.getElementById('news-count').innerText !== b", arg=before)
    assert int(page.inner_text("#news-count").split()[0]) < int(before.split()[0])
    with page.expect_download() as download:
        page.click("#download")
    with open(download.value.path(), encoding="utf-8") as f:
        header = json.loads(f.readline())
    assert header["scenario"] == "for-all-mankind" and header["play"]["agency"] == "nasa"
