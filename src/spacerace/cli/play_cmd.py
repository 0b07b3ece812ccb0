"""``spacerace play``: take the chair of one agency in the terminal, turn by turn.

A thin loop over :class:`spacerace.play.Game`: it prints the turn (the debrief, the
budget, the question and its explained choices), reads one line from stdin and hands it
on. Scriptable: answers piped on stdin are read line by line, and the end of the input
saves the game and ends it cleanly (status 0); Ctrl-C saves it and exits with 130.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from spacerace.cli.options import ScenarioOption, int_in, output_option, seed_option
from spacerace.errors import InputError, Interrupted

__all__ = ["play"]

HELP = (
    "answers: option numbers (fund: several, most important first, 0 for none, all; "
    "mission: one, 0 to wait; yes/no: 1 or 2) · d: as the built-in policy would · "
    "Enter: go on (a quarter without a question) · p: pending · b: budget · r: rivals · "
    "n [words]: news (n soviet, n launch, n 1970, n !: headlines) · q: save and quit · h: help"
)
HEADLINE = 50
"""Least weight of a debrief line told in full (``report.salience.TOLD``); lighter events
are counted."""


def play(
    scenario: ScenarioOption = "for-all-mankind",
    seed: Annotated[int | None, seed_option("Random seed (default 1);")] = None,
    agency: Annotated[
        str | None,
        typer.Option(
            "--agency",
            help="Agency to play (a key of the scenario, e.g. nasa, soviet, helios, dprk); "
            "default: the scenario's first.",
        ),
    ] = None,
    until: Annotated[
        int | None,
        typer.Option(
            "--until",
            help="Last year played (default: the scenario's last).",
            callback=int_in("--until", 1, 9999, "a calendar year"),
        ),
    ] = None,
    save: Annotated[
        Path | None,
        output_option(
            "--save",
            "Autosave here at each turn (a .jsonl decision log that `spacerace run "
            "--decisions` replays). Default: <scenario>-<agency>-seed<N>.jsonl here, or the "
            "--load file.",
            folder=False,
        ),
    ] = None,
    load: Annotated[
        Path | None,
        typer.Option("--load", metavar="FILE", help="Resume a saved game."),
    ] = None,
) -> None:
    """Play one agency against the engine, which plays the others by the same rules.

    Answers are read from stdin, one line a turn: option numbers, or d as the policy would.
    p pending, n news, r rivals, b budget, q save and quit, h help.
    The end of input saves and exits 0; Ctrl-C saves and exits 130 (docs/play.md).
    """
    state: dict = {}
    try:
        _play(scenario, seed, agency, until, save, load, state)
    except (KeyboardInterrupt, Exception) as exc:
        from spacerace.cli._interrupt import is_ctrl_c

        if not is_ctrl_c(exc):
            raise
        game = state.get("game")
        if game is None or game.save_path is None:
            raise Interrupted("no game was saved") from None
        game.autosave()
        raise Interrupted(f"the game is saved in {game.save_path} (turn {game.turns})") from None


def _play(scenario, seed, agency, until, save, load, state: dict) -> None:
    from spacerace.cli import render
    from spacerace.cli.outputs import check_file
    from spacerace.play import Game
    from spacerace.scenario.loader import load_scenario

    console = render.console()
    if load is not None:
        if seed is not None or agency is not None or until is not None:
            raise InputError("--load: the save gives the seed, agency and --until; drop them")
        check_file(save, "--save", (".jsonl",))
        chosen = None if scenario == "for-all-mankind" else load_scenario(scenario)
        with render.status(f"resuming {load}"):
            game = Game.load(load, scenario=chosen, save_path=save or load)
    else:
        chosen = load_scenario(scenario)
        key = agency or next(iter(chosen.agencies))
        path = save or Path(f"{chosen.name}-{key}-seed{seed or 1}.jsonl")
        check_file(path, "--save", (".jsonl",))
        if path.exists():
            raise InputError(f"--save {path}: exists; resume it with --load {path} or name another")
        with render.status(f"starting {chosen.name} as {key}"):
            game = Game(chosen, 1 if seed is None else seed, key, until_year=until, save_path=path)
    state["game"] = game
    console.print(
        f"spacerace play: {game.scenario.name}, seed {game.seed}, you are "
        f"{game.name_of(game.agency)}; saved each turn to {game.save_path}. h: help",
        markup=False,
        highlight=False,
    )
    _loop(game, console)


def _loop(game, console) -> None:
    from spacerace.play import parse_answer

    shown = -1
    while not game.over:
        turn = game.turn
        if turn.number != shown:
            _show_turn(game, console)
            shown = turn.number
        console.print("> ", end="", markup=False, highlight=False)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:  # end of input: saved at the last turn
            console.print(f"\nend of input: the game is saved in {game.save_path}", markup=False)
            return
        words = line.strip()
        command, _, rest = words.partition(" ")
        if not words and turn.question is not None:
            shown = -1  # Enter on a question: show it again
            continue
        try:
            if command in ("q", "quit"):
                game.autosave()
                console.print(f"saved in {game.save_path}; resume with --load", markup=False)
                return
            if _show(command, rest, game, console):
                continue
            if turn.question is None:
                game.advance()
            else:
                answer = game.advice() if command == "d" else parse_answer(turn.question, words)
                game.answer(answer)
        except InputError as exc:
            console.print(f"refused: {' '.join(str(exc).split())}", markup=False)
    _show_end(game, console)


def _show(command: str, rest: str, game, console) -> bool:
    """Print what a viewing command asks for; False if ``command`` is not one."""
    out = _say(console)
    if command in ("h", "help", "?"):
        out(HELP)
    elif command == "p":
        for line in game.pending():
            out(f"  · {line}")
    elif command == "b":
        _show_budget(game, out)
    elif command == "r":
        for rival in game.rivals():
            out(f"  {rival.name}: firsts {', '.join(rival.firsts) or 'none yet'}")
            for move in rival.moves:
                out(f"    {move.date} {move.text}")
    elif command == "n":
        for item in _news(game, rest)[-20:]:
            out(f"  {item.date} {item.text}")
    else:
        return False
    return True


def _news(game, rest: str):
    """The news a filter asks for: an agency key, a year, an event kind, ``!`` or words."""
    filters: dict = {}
    for word in rest.split():
        if word == "!":
            filters["min_weight"] = HEADLINE
        elif word in game.scenario.agencies or word == "world":
            filters["agency"] = word
        elif word.isdigit() and len(word) == 4:
            filters["year"] = int(word)
        elif any(item.kind.startswith(word) for item in game.news()):
            filters["kind"] = word
        else:
            filters["text"] = (filters.get("text", "") + " " + word).strip()
    return game.news(**filters)


def _say(console):
    def out(text: str) -> None:
        console.print(text, markup=False, highlight=False)

    return out


def _show_budget(game, out) -> None:
    b = game.budget()
    capital = f", capital {b.capital_musd:,.0f} M$" if b.capital_musd is not None else ""
    out(
        f"  {b.year}: budget {b.budget_musd:,.0f} M$, left {b.funds_musd:,.0f} M${capital}; "
        f"support {b.support:.2f}, prestige {b.prestige:.0f}, crew lost {b.crew_lost}"
    )
    out(f"  goals: {', '.join(b.goals) or 'none'}")
    for name, done, left in b.programs:
        out(f"  program {name}: {done:.0%} done, {left:,.0f} M$ to go")


def _show_turn(game, console) -> None:
    out = _say(console)
    turn = game.turn
    debrief = game.debrief()
    out(f"\n── turn {turn.number + 1} · {turn.date} " + "─" * 40)
    told = [item for item in debrief if item.weight >= HEADLINE or item.agency == game.agency]
    for item in told[-12:]:
        out(f"  {item.date} {item.text}")
    rest = len(debrief) - min(len(told), 12)
    if rest > 0:
        out(f"  ... and {rest} more events (n: news)")
    b = game.budget()
    out(
        f"  {game.name_of(game.agency)}: budget {b.budget_musd:,.0f} M$, left "
        f"{b.funds_musd:,.0f} M$, support {b.support:.2f}, prestige {b.prestige:.0f}"
    )
    if turn.question is None:
        out("  Nothing is asked of you this quarter. Enter to go on.")
        return
    out(f"\n{turn.prompt}")
    for choice in turn.choices:
        out(f"  {choice.number:>2}. {choice.label}: {'; '.join(choice.facts)}")
    if turn.question.kind == "next_mission":
        out("   0. wait (you will be asked again)")


def _show_end(game, console) -> None:
    out = _say(console)
    result = game.result()
    out(f"\n── the game is over: {game.date_of(game.turn.day)} " + "─" * 30)
    for m in sorted(result.milestones.values(), key=lambda m: (m.day, m.key)):
        if m.is_known or m.agency == game.agency:
            out(f"  {game.date_of(m.day)} {game.name_of(m.agency)}: {m.key.replace('_', ' ')}")
    until = f" --until {game.until_year}" if game.until_year else ""
    out(
        f"saved in {game.save_path}; replay it with: spacerace run --scenario "
        f"{game.scenario.name} --seed {game.seed}{until} --decisions {game.save_path}"
    )
