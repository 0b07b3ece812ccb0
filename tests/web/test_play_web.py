"""The Play section through FastAPI's test client, against the library's own game.

Oracles: ``spacerace.play.Game`` played here with the same typed answers (its turns, its
save text), and ``run_timeline(decisions=...)`` (what ``spacerace run --decisions`` plays)
of the downloaded save, as ``tests/play/test_session.py`` replays a save.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from spacerace.play import Game
from spacerace.play.answers import parse_answer
from spacerace.play.save import read_log_lines
from spacerace.scenario.loader import load_scenario
from spacerace.sim.decision_log import parse_decision_log

SCENARIO, SEED, AGENCY, UNTIL = "history", 1, "nasa", 1969


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """A test client over an empty store; its games folder."""
    from fastapi.testclient import TestClient

    from spacerace.web.app import create_app

    root = tmp_path_factory.mktemp("play")
    app = create_app(root / "web.duckdb", None, workers=1, games_dir=root / "games")
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c, root / "games"


@pytest.fixture(scope="module")
def history():
    return load_scenario(SCENARIO)


@pytest.fixture(scope="module")
def planner(history):
    from spacerace.sim.engine import make_planner

    return make_planner(history, UNTIL)


def _new(c, **extra):
    body = {"scenario": SCENARIO, "seed": SEED, "agency": AGENCY, "until": UNTIL, **extra}
    return c.post("/api/play", json=body)


def _typed(view, count: int) -> str | None:
    """A player's typed answer: the advice, but every 2nd question waits or picks the last
    option, so the game leaves the policies' history; None on a quarter without one."""
    turn = view["turn"]
    if turn["question"] is None:
        return None
    if count % 2 == 0 and turn["question"] in ("next_mission", "fund"):
        return "0"
    if count % 2 == 0 and turn["question"] == "pick_crew":
        n, size = len(turn["choices"]), int(turn["context"]["size"])
        return " ".join(str(k) for k in range(n - size + 1, n + 1))
    return view["advice_text"]


def _events_sha(result) -> str:
    return hashlib.sha256(result.log.to_jsonl(result.start_jd_tdb).encode()).hexdigest()


def test_a_new_game_shows_its_first_turn_as_the_library_does(client, history, planner):
    c, folder = client
    r = _new(c)
    assert r.status_code == 201
    view = r.json()
    game = Game(history, SEED, AGENCY, until_year=UNTIL, planner=planner)
    assert view["turn"] == json.loads(json.dumps(game.turn.to_json()))
    assert view["budget"] == json.loads(json.dumps(game.budget().to_json()))
    assert view["pending"] == game.pending()
    assert (folder / f"{view['id']}.jsonl").read_text() == game.save_text()
    page = c.get(f"/play/{view['id']}")
    assert page.status_code == 200
    assert game.turn.prompt in page.text
    for choice in game.turn.choices:
        assert choice.label in page.text and choice.facts[0] in page.text
    assert "Before you end the turn" in page.text and game.pending()[0] in page.text


def test_a_form_starts_a_game_and_redirects_to_it(client):
    c, folder = client
    r = c.post("/play", data={"who": f"{SCENARIO}|{AGENCY}", "seed": "2", "until": "1969"},
               follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    game_id = r.headers["location"].rsplit("/", 1)[1]
    assert (folder / f"{game_id}.jsonl").is_file()
    assert game_id in c.get("/play").text  # listed among the saved games


def test_a_turn_answered_is_the_librarys_next_turn(client, history, planner):
    c, _ = client
    view = _new(c).json()
    game = Game(history, SEED, AGENCY, until_year=UNTIL, planner=planner)
    r = c.post(f"/api/play/{view['id']}/answer", json={"turn": 0, "answer": "1"})
    assert r.status_code == 200
    game.answer(parse_answer(game.turn.question, "1"))
    after = r.json()
    assert after["turn"] == json.loads(json.dumps(game.turn.to_json()))
    assert after["debrief"] == [n.to_json() for n in game.debrief()]
    for _ in range(5):  # a few turns more, as advised, for some news
        asked = game.turn.question is not None
        after = c.post(f"/api/play/{view['id']}/answer",
                       json={"turn": game.turn.number, "advised": int(asked)}).json()  # fmt: skip
        game.answer(game.advice()) if asked else game.advance()
    assert after["debrief"] == [n.to_json() for n in game.debrief()]
    news = c.get(f"/api/play/{view['id']}/news", params={"agency": "soviet"}).json()
    assert news["count"] == len(game.news(agency="soviet")) > 0
    assert [n["index"] for n in news["news"]] == [n.index for n in game.news(agency="soviet")][::-1]
    page = c.get(f"/play/{view['id']}/news", params={"text": "soviet"})
    assert f"{len(game.news(text='soviet'))} item" in page.text


def test_a_bad_answer_is_refused_and_changes_nothing(client):
    c, folder = client
    view = _new(c).json()
    game_id, save = view["id"], folder / f"{view['id']}.jsonl"
    before = save.read_bytes()
    n = len(view["turn"]["choices"])
    for body in ({"turn": 0, "answer": str(n + 1)}, {"turn": 0, "answer": "banana"},
                 {"turn": 0}, {"turn": 0, "answer": "x" * 3000}):  # fmt: skip
        r = c.post(f"/api/play/{game_id}/answer", json=body)
        assert r.status_code == 400, body
        assert "\n" not in r.json()["error"] and "Traceback" not in r.text
    r = c.post(f"/api/play/{game_id}/answer", json={"turn": 5, "answer": "1"})
    assert r.status_code == 409
    assert save.read_bytes() == before
    assert c.get(f"/api/play/{game_id}").json() == {k: v for k, v in view.items()}


def test_the_downloaded_save_replays_to_the_games_history(client, history, planner):
    from spacerace.sim.engine import run_timeline

    c, folder = client
    view = _new(c).json()
    game_id = view["id"]
    game = Game(history, SEED, AGENCY, until_year=UNTIL, planner=planner)
    count = 0
    while not view["turn"]["over"]:
        text = _typed(view, count)
        count += text is not None
        body = {"turn": view["turn"]["number"]} | ({} if text is None else {"answer": text})
        r = c.post(f"/api/play/{game_id}/answer", json=body)
        assert r.status_code == 200, r.text
        view = r.json()
        if text is None:
            game.advance()
        else:
            game.answer(parse_answer(game.turn.question, text))
        assert view["turn"]["number"] == game.turn.number
    assert game.over and count > 4
    r = c.get(f"/play/{game_id}/save")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert r.text == game.save_text()
    copy = folder.parent / "downloaded.jsonl"
    copy.write_bytes(r.content)
    log = parse_decision_log(read_log_lines(copy, "save"), str(copy), history, SEED)
    again = run_timeline(history, SEED, until_year=UNTIL, planner=planner, decisions=log)
    assert again.left_log_at is None
    assert _events_sha(again) == _events_sha(game.result())
    policies = run_timeline(history, SEED, until_year=UNTIL, planner=planner)
    assert _events_sha(again) != _events_sha(policies)  # the player's answers mattered
    r = c.post(f"/api/play/{game_id}/answer", json={"turn": view["turn"]["number"]})
    assert r.status_code == 400  # over: nothing to go on to


def test_a_saved_game_resumes_from_its_file(client, history, planner):
    from spacerace.web import work

    c, folder = client
    view = _new(c).json()
    view = c.post(f"/api/play/{view['id']}/answer", json={"turn": 0, "advised": "1"}).json()
    work._GAMES.clear()  # this process's worker cache: play_resume must read the save
    resumed = work.play_resume(view["id"], str(folder / f"{view['id']}.jsonl"))
    resumed.pop("news")
    assert {k: v for k, v in resumed.items() if k != "step_ms"} == {
        k: v for k, v in view.items() if k not in ("id", "step_ms")
    }
    c.app.state.games._seats.pop(view["id"])  # the server put it aside
    again = c.get(f"/api/play/{view['id']}")
    assert again.status_code == 200 and again.json()["turn"] == view["turn"]
    later = c.post(f"/api/play/{view['id']}/answer",
                   json={"turn": 1, "advised": "1"}).json()  # fmt: skip
    c.app.state.games._seats.pop(view["id"])  # resumed again: at its new turn, not a kept answer
    assert c.get(f"/api/play/{view['id']}").json()["turn"] == later["turn"] != view["turn"]


@pytest.mark.parametrize(
    "path",
    [
        "/play/g000000000000",
        "/api/play/g000000000000",
        "/play/g000000000000/save",
        "/api/play/g000000000000/news",
        "/play/..%2F..%2Fweb.duckdb",
        "/api/play/..%2Fgames%2Fx",
        "/play/g0000000000001",
        "/api/play/G00000000000A",
    ],
)
def test_unknown_or_path_like_game_ids_are_404(client, path):
    c, _ = client
    r = c.get(path)
    assert r.status_code == 404
    if path.startswith("/api/"):
        assert "game" in r.json()["error"]


def test_unknown_ids_to_answer_are_404(client):
    c, _ = client
    r = c.post("/api/play/..%2F..%2Fetc/answer", json={"turn": 0, "answer": "1"})
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"scenario": "../scenarios/history.toml"}, 404),
        ({"scenario": "no-such-scenario"}, 404),
        ({"agency": "esa"}, 404),
        ({"seed": "-1"}, 400),
        ({"seed": "one"}, 400),
        ({"until": "1900"}, 400),
    ],
)
def test_a_bad_new_game_is_refused_and_saves_nothing(client, body, status):
    c, folder = client
    before = sorted(folder.glob("*"))
    r = _new(c, **body)
    assert r.status_code == status
    assert "\n" not in r.json()["error"]
    assert sorted(folder.glob("*")) == before


def test_games_past_the_bound_are_refused_with_429(client, monkeypatch):
    from spacerace.web import play

    c, folder = client
    c.app.state.games._seats.clear()  # put every game aside (their saves stay)
    monkeypatch.setattr(play, "MAX_GAMES", 2)
    first = _new(c).json()["id"]
    assert _new(c).status_code == 201
    before = sorted(folder.glob("*"))
    r = _new(c)
    assert r.status_code == 429
    assert "games are already being played" in r.json()["error"]
    assert sorted(folder.glob("*")) == before
    monkeypatch.setattr(play, "GAME_IDLE_S", 0.0)  # the least recently played is put aside
    assert _new(c).status_code == 201
    assert c.app.state.games.held(first) is None and (folder / f"{first}.jsonl").is_file()
