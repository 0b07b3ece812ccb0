"""The chronicle: one timeline told era by era, as the series' time jumps.

``chronicle_eras`` is pure (a RunResult in, data out); ``format_markdown`` returns text;
``print_chronicle`` prints to a Rich console. Every line comes from the event log, the
firsts and the yearly metrics: nothing is written per scenario.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np

from spacerace.astro.time import jd_tdb_to_calendar, jd_tdb_to_iso
from spacerace.report import _prose
from spacerace.report._agencies import agency_colours, agency_keys, agency_name
from spacerace.report.base_story import base_stories, format_base_story, story_paragraph
from spacerace.report.explain import event_ids, last_budgets
from spacerace.report.salience import TOLD, weight_of
from spacerace.report.telling import (
    Fold,
    era_title,
    fold_events,
    fold_sentences,
    invented_namer,
    rank_told,
)
from spacerace.report.voices import voices_for
from spacerace.scenario.model import Era
from spacerace.sim.result import MetricRow, RunResult
from spacerace.world.event import Event
from spacerace.world.wording import join_names, subject_rest

__all__ = [
    "EraChronicle",
    "First",
    "chronicle_eras",
    "era_story",
    "format_markdown",
    "list_firsts",
    "namer",
    "print_chronicle",
]

TERMINAL_EVENT_LINES = 16
"""Most events told in full per era in the terminal (the heaviest; ``--all`` lists all)."""

TERMINAL_BARE_FOLDS = 3
"""Bare counts ("14 cargo landings") the terminal names per era; the rest are added up."""

TERMINAL_NAME_WIDTH = 20
"""Widest agency name column in the terminal, characters."""


@dataclass(frozen=True)
class First:
    """A milestone as the chronicle shows it.

    Attributes:
        key: Milestone key (``"crewed_lunar_landing"``).
        agency: Agency key that achieved it.
        day: Days since the scenario start.
        date: ISO calendar date.
        people: Who was there.
        scripted: True when the scenario forced it.
        secret: True when it was achieved in secret.
        official_agency: Who is officially first (the first the world was told of), "" if
            that is this first's own agency.
        official_people: Who was there on the official first.
        official_date: ISO date of the official first, "" if none.
        revealed_date: ISO date the world learned of a secret first, "" while still secret.
    """

    key: str
    agency: str
    day: float
    date: str
    people: tuple[str, ...] = ()
    scripted: bool = False
    secret: bool = False
    official_agency: str = ""
    official_people: tuple[str, ...] = ()
    official_date: str = ""
    revealed_date: str = ""

    @property
    def label(self) -> str:
        """Display name of the milestone."""
        return _prose.milestone_label(self.key)


@dataclass(frozen=True)
class EraChronicle:
    """One chapter of the chronicle.

    Attributes:
        era: The scenario's era (its key and years; its title is the scenario's canon, so
            the chronicle shows ``title`` instead).
        title: The era's title, written from what happened in it (``telling.era_title``).
        first_year: First calendar year told here (years between two eras belong to the
            later one: its time jump tells what happened meanwhile).
        last_year: Last calendar year told here.
        events: The events of those years, in log order.
        firsts: Firsts achieved in those years, by date.
        losses: ``crew_lost`` events of those years.
        metrics_year: Year of the metric rows below (the era's end, or the run's last).
        end_metrics: One metric row per agency at the era's end, in agency order.
        summary: The time-jump paragraph.
    """

    era: Era
    title: str
    first_year: int
    last_year: int
    events: tuple[Event, ...]
    firsts: tuple[First, ...]
    losses: tuple[Event, ...]
    metrics_year: int | None
    end_metrics: tuple[MetricRow, ...]
    summary: str

    @property
    def people_lost(self) -> int:
        """People lost in flight in the era."""
        return sum(_prose.lost_count(e) for e in self.losses)

    @property
    def budgets_musd(self) -> dict[str, float]:
        """Budget per agency at the era's end, million USD (then-year)."""
        return {row["agency"]: float(row["budget_musd"]) for row in self.end_metrics}


def list_firsts(result: RunResult) -> list[First]:
    """Return every first of the run, by date.

    The world's milestones, plus any first the log records that the world lacks;
    ``scripted`` comes from the milestone's event in the log.
    """
    scripted, from_log = set(), {}
    for e in result.log.of_kind("milestone"):
        key = e.data.get("milestone")
        if key and e.data.get("first", True):
            from_log.setdefault(key, e)
            if e.scripted:
                scripted.add(key)
    firsts = {
        key: First(
            key,
            m.agency,
            m.day,
            _date(result, m.day),
            tuple(m.people),
            key in scripted,
            m.secret,
            **_official(result, key),
        )
        for key, m in result.milestones.items()
    }
    for key, e in from_log.items():
        if key not in firsts:
            firsts[key] = First(
                str(key), e.agency or "", e.day, _date(result, e.day), tuple(e.actors), e.scripted
            )
    return sorted(firsts.values(), key=lambda f: (f.day, f.key))


def chronicle_eras(result: RunResult) -> list[EraChronicle]:
    """Split the run into the scenario's eras and tell each one.

    Every event lands in exactly one era: years before the first era go to the first,
    years between two eras to the later one, years after the last to the last. A scenario
    without eras is told as one era spanning the run.

    Args:
        result: The run.

    Returns:
        One ``EraChronicle`` per era, in time order.
    """
    eras = _eras(result)
    ends = [era.end_year for era in eras]
    events = list(result.log)
    years = _years(result, [e.day for e in events])
    firsts = list_firsts(result)
    first_years = _years(result, [f.day for f in firsts])
    per_era: list[list[Event]] = [[] for _ in eras]
    for event, year in zip(events, years, strict=True):
        per_era[_era_index(ends, year)].append(event)
    era_firsts: list[list[First]] = [[] for _ in eras]
    for first, year in zip(firsts, first_years, strict=True):
        era_firsts[_era_index(ends, year)].append(first)

    start_year = _years(result, [0.0])[0]
    short = namer(result)
    name_at = lambda key, day: agency_name(result, key, day)  # noqa: E731
    chapters, before = [], []
    for i, era in enumerate(eras):
        first_year = min(era.start_year, start_year) if i == 0 else ends[i - 1] + 1
        last_year = era.end_year
        if i == len(eras) - 1:
            last_year = max([last_year, result.scenario.end_year, *years])
        metrics_year, rows = _end_metrics(result, last_year)
        budgets = [(r["agency"], float(r["budget_musd"])) for r in rows if r["budget_musd"]]
        era_end = max((e.day for e in per_era[i]), default=0.0)
        name = lambda key, day=era_end: agency_name(result, key, day)  # noqa: E731 (at era's end)
        text = _prose.summary(
            min(last_year, metrics_year or last_year),
            era_firsts[i],
            before,
            budgets,
            per_era[i],
            name,
            focus=result.scenario.focus,
        )
        secrets = [_prose.secret_first_sentence(f, name) for f in era_firsts[i] if f.secret]
        text = short(" ".join([text, *secrets]))
        span = f"{first_year}–{last_year}"
        title = era_title(span, per_era[i], name_at)
        chapters.append(
            EraChronicle(
                era=era,
                title=short(title),
                first_year=first_year,
                last_year=last_year,
                events=tuple(per_era[i]),
                firsts=tuple(era_firsts[i]),
                losses=tuple(e for e in per_era[i] if e.kind == "crew_lost"),
                metrics_year=metrics_year,
                end_metrics=tuple(rows),
                summary=text,
            )
        )
        before += era_firsts[i]
    return chapters


def era_story(
    result: RunResult, chapter: EraChronicle, limit: int | None = None
) -> tuple[list[Event], list[Fold]]:
    """Return an era's events told in full and the folds that say the rest.

    Told: weight ``salience.TOLD`` or more, the heaviest ``limit`` when given (the
    scenario's ``focus`` agency first among equals), in log order. Every other event of the
    era is in exactly one fold ("12 astronauts retired", "NASA's budget rose ...").
    """
    told = rank_told(chapter.events, limit, result.scenario.focus)
    shown = {id(e) for e in told}
    rest = [e for e in chapter.events if id(e) not in shown]
    people = result.world.people

    def role_of(name: str) -> str:
        person = people.get(name)
        return person.role if person is not None else "person"

    return told, fold_events(rest, lambda key, day: agency_name(result, key, day), role_of)


def namer(result: RunResult):
    """Return text -> text writing the run's invented, numbered people ("Cosmonaut 10")."""
    names = {agency_name(result, key) for key in agency_keys(result)}
    names |= {str(e.data.get("successor")) for e in result.log.of_kind("state_collapse")}
    return invented_namer(result.world.people, sorted(names))


def format_markdown(result: RunResult) -> str:
    """Return the chronicle as Markdown.

    A title and the divergence; per era the summary, the events told in full (weight
    ``salience.TOLD`` or more), the rest folded into sentences, the firsts, the losses and
    the budgets at its end; then every first of the run in one table. Scripted events are
    marked "(scripted)".
    """
    name = lambda key: agency_name(result, key)  # noqa: E731
    short = namer(result)
    scenario = result.scenario
    out = [
        f"# {scenario.title}: an alternate history (seed {result.seed})",
        "",
        f"**Divergence:** {scenario.divergence or 'none (real history)'}",
        "",
        f"Scenario `{scenario.name}` ({scenario.content_hash()}), seed {result.seed}, "
        f"from {scenario.start}; {len(result.log)} events; told from the side of "
        f"{_prose.subject(name(scenario.focus))}.",
    ]
    for chapter in chronicle_eras(result):
        out += ["", f"## {chapter.title}", "", chapter.summary, "", "### Events", ""]
        told, folds = era_story(result, chapter)
        for e in told:
            out.append(f"- {short(_md_event(result, e))}")
            out += [f"  - *{short(v.line)}*" for v in voices_for(result, e)]
        if not told:
            out.append("- Nothing of note.")
        if folds:
            out += ["", short(fold_sentences(folds))]
        if chapter.firsts:
            out += ["", "### Firsts", "", "| First | Agency | Date | People |", "|---|---|---|---|"]
            out += [
                f"| {_cell(f.label + _marks(f))} | {_cell(name(f.agency))} | {f.date} | "
                f"{_cell(short(', '.join(f.people)))} |"
                for f in chapter.firsts
            ]
        out += ["", "### Losses", ""]
        out += [f"- {short(_md_loss(result, e))}" for e in chapter.losses] or ["- No crew lost."]
        if chapter.end_metrics:
            out += ["", f"### Budgets at the end of {chapter.metrics_year}", ""]
            out += _md_metrics_table(chapter, name)
    stories = base_stories(result.log.events, result.base_metrics, result.start_jd_tdb)
    if stories:
        out += ["", "## Bases", ""]
        for story in stories:
            out.append(format_base_story(story, result.start_jd_tdb, name))
    out += [
        "",
        "## Firsts",
        "",
        "| Milestone | Agency | Date | People | Note |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {_cell(f.label)} | {_cell(name(f.agency))} | {f.date} | "
        f"{_cell(short(', '.join(f.people)))}"
        f" | {_marks(f).strip()} |"
        for f in list_firsts(result)
    ]
    return "\n".join(out) + "\n"


def print_chronicle(result: RunResult, console, every_event: bool = False) -> None:
    """Print the chronicle to a Rich console.

    Per era: the title written from the run, at most ``TERMINAL_EVENT_LINES`` dated events
    told in full (the heaviest; firsts highlighted, losses in red), the rest folded into
    sentences, then the summary in a panel. With ``every_event`` every event of the log is
    listed, one line each, and nothing is folded (``spacerace run --all``).

    Args:
        result: The run.
        console: A ``rich.console.Console``.
        every_event: List every event instead of folding the routine ones.
    """
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.text import Text

    colours = agency_colours(result)
    scenario = result.scenario
    short = namer(result)
    side = _prose.subject(agency_name(result, scenario.focus))
    console.print(Text(f"{scenario.title} — seed {result.seed}, told by {side}", style="bold"))
    console.print(
        Text(f"Divergence: {scenario.divergence or 'none (real history)'}", style="italic")
    )
    ids = event_ids(result.log.events)
    for chapter in chronicle_eras(result):
        console.print(Rule(Text(chapter.title, style="bold cyan")))
        if every_event:
            shown, folds = list(chapter.events), []
        else:
            shown, folds = era_story(result, chapter, TERMINAL_EVENT_LINES)
        for e in shown:
            console.print(_terminal_line(result, e, colours, short, ids))
            for voice in voices_for(result, e):
                if voice.side != "own":  # the line above is its own news; the other side adds
                    console.print(Text("              " + short(voice.line), style="dim italic"))
        if not shown:
            console.print(Text("  nothing of note", style="dim"))
        if folds:
            text = fold_sentences(folds, bare_limit=TERMINAL_BARE_FOLDS)
            console.print(Text("  " + short(text), style="dim"))
        budgets = last_budgets(chapter.events)
        if budgets and not every_event:
            said = ", ".join(
                f"{agency_name(result, k, e.day)} #{ids[id(e)]}" for k, e in budgets.items()
            )
            console.print(Text(f"  explained (spacerace explain ID --run DIR): {said}", "dim"))
        span = f"{chapter.first_year}–{chapter.last_year}"
        console.print(Panel(chapter.summary, title=span, border_style="dim"))
    stories = base_stories(result.log.events, result.base_metrics, result.start_jd_tdb)
    if stories:
        console.print(Rule(Text("Bases", style="bold cyan")))
        for story in stories:
            body = short(story_paragraph(story, lambda k: agency_name(result, k)))
            console.print(Panel(body, title=story.name, border_style="dim"))


def _terminal_line(result: RunResult, e: Event, colours: dict[str, str], short=None, ids=None):
    from rich.text import Text

    short = short or namer(result)
    line = Text("  ")
    line.append(_date(result, e.day), style="dim")
    line.append("  ")
    width = max(len(agency_name(result, k)) for k in colours) if colours else 10
    width = min(width, TERMINAL_NAME_WIDTH)
    name = _short_name(result, e.agency, e.day)
    line.append(f"{name:<{width}.{width}}", style=colours.get(e.agency or "", ""))
    line.append(" ")
    rest = subject_rest(e.text, name) if len(name) <= width else None
    text = short(e.text if rest is None else rest)  # the column is the sentence's subject
    if e.kind == "milestone" and e.data.get("first", True):
        line.append("★ " + text, style="bold yellow")
    elif e.kind in ("crew_lost", "mission_failed", "death"):
        line.append("✝ " + text if e.kind == "crew_lost" else text, style="red")
    else:
        line.append(text)
    if e.scripted:
        line.append(" (scripted)", style="dim italic")
    if ids and e.breakdown is not None:
        line.append(f"  #{ids[id(e)]}", style="dim")  # spacerace explain ID --run DIR
    return line


def _short_name(result: RunResult, key: str | None, day: float | None = None) -> str:
    return "—" if key is None else agency_name(result, key, day)


def _md_event(result: RunResult, e: Event) -> str:
    """One dated line; the agency is said once (no "X: X founds ...")."""
    name = agency_name(result, e.agency, e.day) if e.agency else ""
    who = f"{name}: " if name and subject_rest(e.text, name) is None else ""
    text = f"**{_date(result, e.day)}** — {who}{e.text}"
    if e.kind == "milestone" and e.data.get("first", True):
        text += " **(first)**"
    if e.scripted:
        text += " *(scripted)*"
    if e.cause and weight_of(e) >= TOLD:
        text += f" — *{e.cause}*"
    return text


def _md_loss(result: RunResult, e: Event) -> str:
    names = f" ({join_names(e.actors)})" if e.actors else ""
    cause = f" — {e.cause}" if e.cause else ""
    lost = _prose.people_count(_prose.lost_count(e))
    who = agency_name(result, e.agency, e.day)
    return f"**{_date(result, e.day)}** — {who}: {lost} lost{names}" + (f": {e.text}{cause}")


def _md_metrics_table(chapter: EraChronicle, name) -> list[str]:
    rows = [
        "| Agency | Budget (million USD, then-year) | Support | Prestige | People in space "
        "| Lost in flight (total) | Bases |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in chapter.end_metrics:
        rows.append(
            f"| {_cell(name(r['agency']))} | {r['budget_musd']:,.0f} | {r['support']:.2f} | "
            f"{r['prestige']:.0f} | {r['people_in_space']} | {r['crew_lost']} | {r['bases']} |"
        )
    return rows


def _marks(first: First) -> str:
    return (" (scripted)" if first.scripted else "") + (" (secret)" if first.secret else "")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _official(result: RunResult, key: str) -> dict:
    """The official first and the reveal of a secret first, as ``First`` fields."""
    true = result.milestones[key]
    official = result.world.public_firsts.get(key)
    out: dict = {}
    if true.revealed_day is not None:
        out["revealed_date"] = _date(result, true.revealed_day)
    if official is not None and official is not true and official.agency != true.agency:
        out |= {
            "official_agency": official.agency,
            "official_people": tuple(official.people),
            "official_date": _date(result, official.day),
        }
    return out


def _date(result: RunResult, day: float) -> str:
    return jd_tdb_to_iso(result.start_jd_tdb + day)


def _years(result: RunResult, days: list[float]) -> list[int]:
    if not days:
        return []
    year, _, _, _ = jd_tdb_to_calendar(result.start_jd_tdb + np.asarray(days, dtype=float))
    return [int(y) for y in np.atleast_1d(year)]


def _eras(result: RunResult) -> list[Era]:
    if result.scenario.eras:
        return sorted(result.scenario.eras, key=lambda era: (era.start_year, era.end_year))
    start = _years(result, [0.0])[0]
    end = result.scenario.end_year
    return [Era("all", f"{start}–{end}: {result.scenario.title}", start, end)]


def _era_index(ends: list[int], year: int) -> int:
    return min(bisect_left(ends, year), len(ends) - 1)


def _end_metrics(result: RunResult, last_year: int) -> tuple[int | None, list[MetricRow]]:
    """Return the latest metric year <= last_year and each agency's latest row by then."""
    latest: dict[str, MetricRow] = {}
    for row in result.metrics:
        if row["year"] <= last_year and row["year"] >= latest.get(row["agency"], row)["year"]:
            latest[row["agency"]] = row
    if not latest:
        return None, []
    order = {key: i for i, key in enumerate(agency_keys(result))}
    rows = sorted(latest.values(), key=lambda r: order.get(r["agency"], len(order)))
    return max(r["year"] for r in rows), rows
