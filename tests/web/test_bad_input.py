"""Bad input at the web server: a 4xx with one line, never a 500 or a traceback, nothing stored
changed. Each case names what it sends; the store's row counts are compared before and after."""

from __future__ import annotations

import pytest

from spacerace.web.limits import MAX_BODY_BYTES, MAX_QUERY_CHARS


@pytest.fixture(scope="module")
def web(web_client, run_ids):
    return web_client[0], run_ids["for-all-mankind", 1]


def _counts(client) -> tuple:
    with client.app.state.runs.store() as store:
        return tuple(
            store.query(f"SELECT count(*) FROM {t}")[0][0]
            for t in ("runs", "events", "ensembles", "scenarios")
        )


RID = "{rid}"
HUGE = b"x" * (MAX_BODY_BYTES + 1)
JSON = {"content-type": "application/json"}
FORM = {"content-type": "application/x-www-form-urlencoded"}
XML = {"content-type": "text/xml"}
CASES = [
    ("GET", "/runs/nope", None, 404, "no run"),
    ("GET", "/api/runs/nope/timeline", None, 404, "no run"),
    ("GET", "/runs/..%2F..%2Fetc%2Fpasswd", None, 404, "no page"),
    ("GET", "/runs/dir:..", None, 404, "not an id"),
    ("GET", "/runs/dir:missing", None, 404, "no run folder"),
    ("GET", "/runs/dir:..%5C..%5Cx", None, 404, "not an id"),
    ("GET", "/runs/a..b", None, 404, "not an id"),
    ("GET", "/runs/%2Fetc%2Fpasswd/events", None, 404, "no page"),
    ("GET", f"/runs/{RID}/agencies/esa", None, 404, "no agency"),
    ("GET", f"/api/runs/{RID}/agencies/..%2F..", None, 404, "no page"),
    ("GET", f"/runs/{RID}/bases/Atlantis", None, 404, "no base"),
    ("GET", f"/runs/{RID}/people/Nobody%20At%20All", None, 404, "no person"),
    ("GET", f"/runs/{RID}/missions/nasa-9999", None, 404, "no mission"),
    ("GET", f"/runs/{RID}/events/999999", None, 404, "no event"),
    ("GET", f"/runs/{RID}/events/abc", None, 422, "seq"),
    ("GET", "/ensembles/no-such-ensemble", None, 404, "no ensemble"),
    ("GET", "/api/compare?a=nope&b=history", None, 404, "no ensemble"),
    ("GET", "/jobs/e999", None, 404, "no ensemble job"),
    ("GET", "/api/porkchop?origin=pluto", None, 400, "takes a planet"),
    ("GET", "/api/porkchop?origin=vulcan", None, 404, "vulcan"),
    ("GET", "/api/porkchop?depart_from=2005-13-40", None, 400, "date"),
    ("GET", "/api/porkchop?tof_min=nan", None, 400, "tof_min"),
    ("GET", "/api/porkchop?step=0.1&tof_step=0.1", None, 400, "points"),
    ("GET", "/api/porkchop?origin=mars&target=mars", None, 400, "both mars"),
    ("GET", "/api/asteroids?year=1700", None, 400, "year"),
    ("GET", "/api/asteroids?top=5000", None, 400, "top"),
    ("GET", "/api/asteroids?scenario=..%2Fsecret", None, 404, "scenario"),
    ("GET", "/api/asteroids/NoSuchRock?year=2003", None, 404, "NoSuchRock"),
    ("GET", "/nowhere", None, 404, "no page"),
    ("POST", "/ensembles", {"json": {"scenario": "../../etc/passwd", "n": 2}}, 404, "built-in"),
    ("POST", "/ensembles", {"json": {"scenario": "history", "n": 0}}, 400, "n: expected 1"),
    ("POST", "/ensembles", {"json": {"scenario": "history", "n": "lots"}}, 400, "whole number"),
    ("POST", "/ensembles", {"json": {"scenario": "history", "n": [1]}}, 400, "string or a number"),
    ("POST", "/ensembles", {"json": ["not", "an", "object"]}, 400, "JSON object"),
    ("POST", "/ensembles", {"content": b"{not json", "headers": JSON}, 400, "not JSON"),
    ("POST", "/ensembles", {"content": b"\xff\xfe", "headers": FORM}, 400, "not a form"),
    ("POST", "/ensembles", {"content": b"<x/>", "headers": XML}, 400, "form or JSON"),
    ("POST", "/ensembles", {"content": HUGE, "headers": JSON}, 413, "request body over"),
    ("POST", "/ensembles/nope/resume", None, 404, "no ensemble"),
    ("GET", "/events?q=" + "a" * (MAX_QUERY_CHARS + 1), None, 414, "query longer"),
]  # fmt: skip


@pytest.mark.parametrize(("method", "url", "send", "status", "words"), CASES)
def test_bad_input_gets_one_line_and_changes_nothing(web, method, url, send, status, words):
    client, rid = web
    before = _counts(client)
    send = dict(send or {})
    headers = {"Accept": "application/json", **send.pop("headers", {})}
    response = client.request(method, url.replace(RID, rid), headers=headers, **send)
    assert response.status_code == status, response.text[:300]
    message = response.json()["error"]
    assert "\n" not in message and "Traceback" not in message
    assert words.lower() in message.lower(), message
    assert _counts(client) == before


def test_a_bad_page_request_gets_a_page_with_the_line(web):
    client, _ = web
    page = client.get("/runs/nope")
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert '<p class="error" id="error">no run &#39;nope&#39; in the store</p>' in page.text


def test_a_streamed_body_past_the_bound_is_refused(web):
    client, _ = web

    def chunks():
        for _ in range(MAX_BODY_BYTES // 1000 + 2):
            yield b"x" * 1000

    before = _counts(client)
    response = client.post(
        "/ensembles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert _counts(client) == before
