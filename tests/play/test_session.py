"""A game through the library: whole games, refusals, saves replayed and resumed.

Oracles: the built-in policy run (``run_timeline``) for a player who follows the advice;
``run_timeline(decisions=...)`` and ``spacerace run --decisions`` for a save's history.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from spacerace.errors import DecisionLogError, InputError
from spacerace.play import Game
from spacerace.play.save import read_log_lines
from spacerace.scenario.loader import load_scenario
from spacerace.sim.decision_log import parse_decision_log
from spacerace.sim.engine import make_planner, run_timeline

UNTIL = 1975


@pytest.fixture(scope="module")
def fam():
    return load_scenario("for-all-mankind")


@pytest.fixture(scope="module")
def planner(fam):
    return make_planner(fam, UNTIL)


def _events_sha(result) -> str:
    return hashlib.sha256(result.log.to_jsonl(result.start_jd_tdb).encode()).hexdigest()


def _varied(game, counts):
    """A player: the advice, but every 3rd mission question it waits, every 2nd funding
    question it funds in reverse order, and it picks the last candidates for a crew."""
    q = game.turn.question
    counts[q.kind] = counts.get(q.kind, 0) + 1
    advice = game.advice()
    if q.kind == "next_mission" and counts[q.kind] % 3 == 0:
        return None
    if q.kind == "fund" and counts[q.kind] % 2 == 0:
        return list(reversed(advice))
    if q.kind == "pick_crew":
        return list(q.options[-len(advice) :]) if advice else []
    return advice


def _play_out(game, choose) -> int:
    questions = 0
    while not game.over:
        if game.turn.question is None:
            game.advance()
        else:
            questions += 1
            game.answer(choose(game))
    return questions


@pytest.fixture(scope="module")
def varied_game(fam, planner, tmp_path_factory):
    save = tmp_path_factory.mktemp("varied") / "game.jsonl"
    game = Game(fam, 1, "nasa", until_year=UNTIL, save_path=save, planner=planner)
    counts: dict = {}
    questions = _play_out(game, lambda g: _varied(g, counts))
    return game, questions, save


def test_a_whole_game_to_1975_as_nasa(varied_game, fam, planner):
    game, questions, _ = varied_game
    result = game.result()
    assert game.turn.over and game.turn.question is None
    nasa = [d for d in result.decisions if d.question.agency == "nasa"]
    assert len(nasa) == questions == len(game.answers) > 20
    assert {d.source for d in nasa} == {"outside"}
    assert {d.source for d in result.decisions if d.question.agency != "nasa"} == {"policy"}
    assert game.turns > questions  # quarters without a question are turns too
    assert game.turn.date == f"{UNTIL + 1}-01-01"  # the run's end
    # the player's own choices made another history than the policies'
    policies = run_timeline(fam, 1, until_year=UNTIL, planner=planner)
    assert _events_sha(result) != _events_sha(policies)


def test_following_the_advice_plays_the_policies_history(fam, planner):
    """No hidden bonuses: the player's chair is the policy's, question for question."""
    game = Game(fam, 2, "nasa", until_year=1972, planner=planner)
    _play_out(game, lambda g: g.advice())
    oracle = run_timeline(fam, 2, until_year=1972, planner=planner)
    assert _events_sha(game.result()) == _events_sha(oracle)
    assert [d.answer for d in game.result().decisions] == [d.answer for d in oracle.decisions]


def test_a_saved_game_replays_to_the_same_history(varied_game, fam, planner):
    game, _, save = varied_game
    log = parse_decision_log(read_log_lines(save, "save"), str(save), fam, 1)
    again = run_timeline(fam, 1, until_year=UNTIL, planner=planner, decisions=log)
    assert again.left_log_at is None
    assert {d.source for d in again.decisions} == {"log"}
    assert _events_sha(again) == _events_sha(game.result())


def test_a_save_mid_game_replays_its_history_so_far(fam, planner, tmp_path):
    save = tmp_path / "mid.jsonl"
    game = Game(fam, 1, "nasa", until_year=UNTIL, save_path=save, planner=planner)
    counts: dict = {}
    while game.turn.date < "1971-01-01":
        if game.turn.question is None:
            game.advance()
        else:
            game.answer(_varied(game, counts))
    now = game.turn.day
    log = parse_decision_log(read_log_lines(save, "save"), str(save), fam, 1)
    again = run_timeline(fam, 1, until_year=UNTIL, planner=planner, decisions=log)
    before = [e for e in again.log if e.day < now]
    assert before == [e for e in game.result().log if e.day < now]
    assert len(before) > 50


def test_a_loaded_game_resumes_where_it_stood(fam, planner, tmp_path):
    save = tmp_path / "resume.jsonl"
    game = Game(fam, 1, "nasa", until_year=1971, save_path=save, planner=planner)
    counts: dict = {}
    for _ in range(15):
        if game.turn.question is None:
            game.advance()
        else:
            game.answer(_varied(game, counts))
    loaded = Game.load(save, planner=planner)
    assert loaded.turn == game.turn
    assert (loaded.turns, loaded.answers) == (game.turns, game.answers)
    assert loaded.from_day == game.from_day
    assert loaded.debrief() == game.debrief()
    both = [game, loaded]
    saved_counts = dict(counts)
    for g in both:
        counts.clear()
        counts.update(saved_counts)
        _play_out(g, lambda g: _varied(g, counts))
    assert _events_sha(loaded.result()) == _events_sha(game.result())
    assert save.read_text() == game.save_text()


def test_an_answer_not_among_the_options_is_refused_and_changes_nothing(fam, planner):
    game = Game(fam, 1, "nasa", until_year=1970, planner=planner)
    turn, answers = game.turn, list(game.answers)
    assert turn.question.kind == "next_mission"
    for bad, says in [
        (99, f"answer 99 is not among the {len(turn.choices)} options of next_mission"),
        ("1", "expected an option number or null"),
        (True, "expected an option number or null"),
    ]:
        with pytest.raises(InputError) as info:
            game.answer(bad)
        assert says in str(info.value) and "\n" not in str(info.value)
    with pytest.raises(InputError, match="a question is waiting: Which mission"):
        game.advance()
    assert game.turn == turn and game.answers == answers
    game.answer(None)
    while game.turn.question is not None:
        game.answer(game.advice())
    with pytest.raises(InputError, match="no question is waiting"):
        game.answer(None)


def test_a_crew_of_the_wrong_size_is_refused(fam, planner):
    game = Game(fam, 1, "nasa", until_year=1970, planner=planner)
    game.answer(3)  # the lunar landing: a crew of 3 next
    q = game.turn.question
    assert q.kind == "pick_crew"
    with pytest.raises(InputError, match="expected 3 names for the crew, got 1"):
        game.answer([q.options[0]])
    with pytest.raises(InputError, match='"Nobody" is not among the options of pick_crew'):
        game.answer(["Nobody", q.options[0], q.options[1]])


def test_an_unknown_agency_or_year_is_refused(fam, planner):
    with pytest.raises(InputError, match="unknown agency 'esa'; the scenario's agencies: dprk"):
        Game(fam, 1, "esa", planner=planner)
    with pytest.raises(InputError, match="until 2100: expected a year from 1969 to 2012"):
        Game(fam, 1, "nasa", until_year=2100, planner=planner)


def test_bad_saves_are_refused_with_file_and_line(fam, planner, varied_game, tmp_path):
    _, _, save = varied_game
    lines = save.read_text().splitlines(keepends=True)
    header = json.loads(lines[0])
    plain = dict(header)
    del plain["play"]
    (tmp_path / "plain.jsonl").write_text(json.dumps(plain) + "\n" + "".join(lines[1:]))
    with pytest.raises(DecisionLogError, match='plain.jsonl:1: no "play" entry'):
        Game.load(tmp_path / "plain.jsonl", planner=planner)
    # the player's first mission answer changed: the history leaves the save there
    edited = list(lines)
    first = next(
        i for i, t in enumerate(edited) if '"agency": "nasa"' in t and '"next_mission"' in t
    )
    record = json.loads(edited[first])
    record["answer"] = None if record["answer"] is not None else 0
    edited[first] = json.dumps(record, sort_keys=True) + "\n"
    (tmp_path / "edited.jsonl").write_text("".join(edited))
    with pytest.raises(DecisionLogError) as info:
        Game.load(tmp_path / "edited.jsonl", planner=planner)
    assert "edited.jsonl:" in str(info.value) and "leaves the save" in str(info.value)
    assert info.value.line > first + 1
    header["play"]["agency"] = "esa"
    (tmp_path / "agency.jsonl").write_text(json.dumps(header) + "\n" + "".join(lines[1:]))
    with pytest.raises(DecisionLogError, match='agency.jsonl:1: play: unknown agency "esa"'):
        Game.load(tmp_path / "agency.jsonl", planner=planner)
    with pytest.raises(InputError, match="--load nope.jsonl: no such file"):
        Game.load("nope.jsonl", planner=planner)


def test_each_turn_goes_on_from_the_last_one(fam, planner):
    """What a turn showed is the start of every later turn's history: the run halts at
    the question's instant, before other agencies act at that instant (oracle: the next
    turn's replay, made with one more answer)."""
    game = Game(fam, 1, "nasa", until_year=1971, planner=planner)
    counts: dict = {}
    while not game.over:
        before = game.result()
        if game.turn.question is None:
            game.advance()
        else:
            game.answer(_varied(game, counts))
        after = game.result()
        assert after.log.events[: len(before.log)] == before.log.events
        assert [d.to_json() for d in after.decisions[: len(before.decisions)]] == [
            d.to_json() for d in before.decisions
        ]
        assert game.events_seen == len(before.log)
