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
from spacerace.scenario.model import Era
from spacerace.sim.result import MetricRow, RunResult
from spacerace.world.event import Event
from spacerace.world.wording import join_names, plural, subject_rest

__all__ = [
    "EraChronicle",
    "First",
    "chronicle_eras",
    "event_weight",
    "format_markdown",
    "list_firsts",
    "print_chronicle",
    "select_events",
]

TERMINAL_EVENT_LINES = 16
"""Event lines shown per era in the terminal; with heading and summary about 25 lines."""

BUDGET_CHANGE_NOTABLE = 0.10
"""A budget change larger than this fraction of the previous budget is worth a line."""

TERMINAL_NAME_WIDTH = 20
"""Widest agency name column in the terminal, characters."""

_KEY_KINDS = (
    "milestone",
    "crew_lost",
    "state_collapse",
    "chief_designer",
    "defection",
    "purge",
    "politburo",
    "base_founded",
    "scripted_note",
    "agency_founded",
    "election",
    "leader",
    "program_completed",
    "station_retired",
    "treaty",
    "base_joined",
    "base_evacuated",
    "base_deaths",
    "base_merged",
    "base_command",
    "incident",
    "rationing",
    "mission_failed",
    "shock",
    "budget",
)
"""Kinds a concise chronicle keeps, most important first (the trimming order)."""

_ROUTINE_KINDS = (
    "stability",
    "surveillance",
    "support",
    "recruitment",
    "retirement",
    "resupply",
    "birth",
    "incident_over",
    "breakdown",
    "resupply_lost",
    "supply_refused",
    "evacuation_refused",
)


_ROUTINE_NOUNS = {
    "incident_over": "incident over",
    "resupply_lost": "lost resupply",
    "supply_refused": "refused supply",
    "evacuation_refused": "refused evacuation",
    "stability": "stability report",
    "support": "support change",
    "surveillance": "surveillance report",
}
"""Nouns that count a routine kind ("3 stability reports", not "3 stabilities")."""


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
        era: The scenario's era.
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
        text = " ".join([text, *secrets])
        chapters.append(
            EraChronicle(
                era=era,
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


def event_weight(event: Event) -> int:
    """Return how much an event matters to the chronicle.

    2: a concise chronicle keeps it (firsts, losses, bases, elections, budget changes over
    ``BUDGET_CHANGE_NOTABLE``, completed programs, scripted events); 1: the full chronicle
    lists it; 0: routine, counted but not listed (successful launches, support, hiring).
    """
    if event.kind == "budget":
        new, old = event.data.get("budget_musd"), event.data.get("previous_musd")
        if isinstance(new, int | float) and isinstance(old, int | float) and old:
            return 2 if abs(new - old) / abs(old) > BUDGET_CHANGE_NOTABLE else 0
        return 0
    if event.scripted:
        return 2
    if event.kind == "politburo":  # a refusal matters, a delay is listed, approval routine
        return {"refused": 2, "delayed": 1}.get(str(event.data.get("outcome")), 0)
    if event.kind == "milestone":
        return 2 if event.data.get("first", True) else 1
    if event.kind in _KEY_KINDS:
        return 2
    if event.kind == "launch":
        return 0 if event.data.get("success", True) else 1
    return 0 if event.kind in _ROUTINE_KINDS else 1


def select_events(
    events: tuple[Event, ...] | list[Event], limit: int, focus: str | None = None
) -> list[Event]:
    """Return at most ``limit`` key events (weight 2), in log order.

    When there are more, scripted events come first, then those of the ``focus`` agency
    (the scenario's: the side the story is told from) and of no agency, then the rest; each
    group by the importance of its kind.
    """
    key = [(i, e) for i, e in enumerate(events) if event_weight(e) == 2]
    if len(key) > limit:
        rank = {kind: r for r, kind in enumerate(_KEY_KINDS)}

        def order(pair: tuple[int, Event]) -> tuple[int, int]:
            e = pair[1]
            side = 0 if e.scripted else 1 if focus is None or e.agency in (focus, None) else 2
            return (side, rank.get(e.kind, 99))

        key = sorted(key, key=order)
        key = sorted(key[:limit])
    return [e for _, e in key]


def format_markdown(result: RunResult) -> str:
    """Return the chronicle as Markdown.

    A title and the divergence; per era the summary, the dated events (routine ones
    counted), the firsts, the losses and the budgets at its end; then every first of the
    run in one table. Scripted events are marked "(scripted)".
    """
    name = lambda key: agency_name(result, key)  # noqa: E731
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
        out += ["", f"## {chapter.era.title}", "", chapter.summary, "", "### Events", ""]
        listed = [e for e in chapter.events if event_weight(e) >= 1]
        out += [f"- {_md_event(result, e)}" for e in listed] or ["- Nothing of note."]
        routine = _routine_counts(chapter.events)
        if routine:
            out.append(f"- Also: {routine}.")
        if chapter.firsts:
            out += ["", "### Firsts", "", "| First | Agency | Date | People |", "|---|---|---|---|"]
            out += [
                f"| {_cell(f.label + _marks(f))} | {_cell(name(f.agency))} | {f.date} | "
                f"{_cell(', '.join(f.people))} |"
                for f in chapter.firsts
            ]
        out += ["", "### Losses", ""]
        out += [f"- {_md_loss(result, e)}" for e in chapter.losses] or ["- No crew lost."]
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
        f"| {_cell(f.label)} | {_cell(name(f.agency))} | {f.date} | {_cell(', '.join(f.people))}"
        f" | {_marks(f).strip()} |"
        for f in list_firsts(result)
    ]
    return "\n".join(out) + "\n"


def print_chronicle(result: RunResult, console) -> None:
    """Print a concise chronicle to a Rich console.

    Per era: a heading, at most ``TERMINAL_EVENT_LINES`` dated key events (firsts
    highlighted, losses in red, "… and N more events" when trimmed), the summary in a panel.

    Args:
        result: The run.
        console: A ``rich.console.Console``.
    """
    from rich.panel import Panel
    from rich.rule import Rule
    from rich.text import Text

    colours = agency_colours(result)
    scenario = result.scenario
    side = _prose.subject(agency_name(result, scenario.focus))
    console.print(Text(f"{scenario.title} — seed {result.seed}, told by {side}", style="bold"))
    console.print(
        Text(f"Divergence: {scenario.divergence or 'none (real history)'}", style="italic")
    )
    for chapter in chronicle_eras(result):
        console.print(Rule(Text(chapter.era.title, style="bold cyan")))
        shown = select_events(chapter.events, TERMINAL_EVENT_LINES, scenario.focus)
        for e in shown:
            console.print(_terminal_line(result, e, colours))
        if not shown:
            console.print(Text("  nothing of note", style="dim"))
        hidden = len(chapter.events) - len(shown)
        if hidden:
            console.print(Text(f"  … and {hidden} more events", style="dim"))
        span = f"{chapter.first_year}–{chapter.last_year}"
        console.print(Panel(chapter.summary, title=span, border_style="dim"))
    stories = base_stories(result.log.events, result.base_metrics, result.start_jd_tdb)
    if stories:
        console.print(Rule(Text("Bases", style="bold cyan")))
        for story in stories:
            body = story_paragraph(story, lambda k: agency_name(result, k))
            console.print(Panel(body, title=story.name, border_style="dim"))


def _terminal_line(result: RunResult, e: Event, colours: dict[str, str]):
    from rich.text import Text

    line = Text("  ")
    line.append(_date(result, e.day), style="dim")
    line.append("  ")
    width = max(len(agency_name(result, k)) for k in colours) if colours else 10
    width = min(width, TERMINAL_NAME_WIDTH)
    name = _short_name(result, e.agency, e.day)
    line.append(f"{name:<{width}.{width}}", style=colours.get(e.agency or "", ""))
    line.append(" ")
    rest = subject_rest(e.text, name) if len(name) <= width else None
    text = e.text if rest is None else rest  # the column is the sentence's subject
    if e.kind == "milestone" and e.data.get("first", True):
        line.append("★ " + text, style="bold yellow")
    elif e.kind in ("crew_lost", "mission_failed", "death"):
        line.append("✝ " + text if e.kind == "crew_lost" else text, style="red")
    else:
        line.append(text)
    if e.scripted:
        line.append(" (scripted)", style="dim italic")
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
    if e.cause and event_weight(e) == 2:
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


def _routine_counts(events) -> str:
    counts: dict[str, int] = {}
    for e in events:
        if event_weight(e) == 0:
            counts[e.kind] = counts.get(e.kind, 0) + 1
    return ", ".join(
        plural(n, _ROUTINE_NOUNS.get(k, k.replace("_", " "))) for k, n in sorted(counts.items())
    )


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
