"""chronicle.html as a story: era by era, text first, each era's figures inside it.

``format_story_page`` returns the page from a run and the PNGs drawn for it: per era its
summary, the events told in full and the folded rest, then its figures (the run's figures
drawn over the era's years, and the figure of each base founded in it). People, missions
and bases named in an event link to their own sections (``#person-…``, ``#mission-…``,
``#base-…``); every event is listed at the end under a filter box (inline JavaScript, no
file fetched). Text is escaped; nothing is read from the network.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from html import escape

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.catalog.careers import load_roles
from spacerace.report._agencies import agency_colours, agency_name
from spacerace.report.base_story import base_stories, story_lines, story_paragraph
from spacerace.report.chronicle import EraChronicle, chronicle_eras, era_story, namer
from spacerace.report.explain import breakdown_details
from spacerace.report.telling import fold_sentences
from spacerace.report.voices import voices_for
from spacerace.sim.facts import mission_rows
from spacerace.sim.result import RunResult
from spacerace.world.event import Event

__all__ = ["WHOLE_RUN", "anchor", "format_story_page"]

EraFigures = dict[str, list[tuple[str, bytes]]]
"""Era key -> (figure caption, PNG) drawn for that era, in order; ``WHOLE_RUN`` for the
figures over every year, shown after the last era."""

WHOLE_RUN = "whole-run"
"""Key of the figures drawn over the whole run (budgets, prestige... of the run folder)."""

_FILTER_JS = """
(function () {
  var box = document.getElementById("filter");
  var items = document.querySelectorAll("#all-events li");
  var count = document.getElementById("filter-count");
  function apply() {
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (li) {
      var text = li.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) >= 0; });
      li.hidden = !hit;
      if (hit) { shown += 1; }
    });
    count.textContent = shown + " of " + items.length + " events";
  }
  box.addEventListener("input", apply);
  apply();
})();
"""
"""The filter over all events: every word typed must be in an event's line to show it."""


def anchor(kind: str, name: str) -> str:
    """Return the id of a section (``person``, ``mission``, ``base``, ``era``).

    Example:
        >>> anchor("person", "Charles M. Duke Jr."), anchor("base", "Happy Valley")
        ('person-charles-m-duke-jr', 'base-happy-valley')
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return f"{kind}-{slug or 'x'}"


def format_story_page(
    result: RunResult,
    css: str,
    era_figures: EraFigures,
    tables: Callable[[EraChronicle], str],
    firsts: str = "",
) -> str:
    """Return chronicle.html: the eras as a story, then bases, people, missions and events.

    Args:
        result: The run.
        css: The page's style sheet.
        era_figures: PNGs per era key, shown inside their era after its text.
        tables: Era -> its firsts, losses and metrics tables (HTML).
        firsts: The table of every first of the run (HTML), after the missions.
    """
    scenario = result.scenario
    short = namer(result)
    links = _Linker(result, short)
    chapters = chronicle_eras(result)
    title = f"{scenario.title}: an alternate history (seed {result.seed})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{css}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">Scenario <code>{escape(scenario.name)}</code> '
        f"({escape(scenario.content_hash())}), seed {result.seed}, from "
        f"{escape(scenario.start)}; {len(result.log)} events.</p>",
        f"<p><strong>Divergence:</strong> {escape(scenario.divergence or 'none (real history)')}"
        "</p>",
        _contents(chapters),
    ]
    for chapter in chapters:
        parts.append(_era_section(result, chapter, links, era_figures, tables(chapter)))
    parts.append(_whole_run_section(chapters, era_figures.get(WHOLE_RUN, [])))
    parts += _bases_section(result, links, short)
    parts += _people_section(result, links, short)
    parts += _missions_section(result, links, short)
    parts += [f'<section id="firsts"><h2>Firsts</h2>{firsts}</section>'] if firsts else []
    parts += _all_events_section(result, links)
    parts.append(f"<script>{_FILTER_JS}</script></body></html>")
    return "\n".join(parts) + "\n"


def _contents(chapters: Sequence[EraChronicle]) -> str:
    items = [
        f'<li><a href="#{anchor("era", c.era.key)}">{escape(c.title)}</a></li>' for c in chapters
    ]
    items += [
        f'<li><a href="#{key}">{label}</a></li>'
        for key, label in (
            ("bases", "Bases"),
            ("people", "People"),
            ("missions", "Missions"),
            ("all-events", "Every event (with a filter)"),
        )
    ]
    return '<nav class="contents"><ul>' + "".join(items) + "</ul></nav>"


def _era_section(result, chapter, links, era_figures: EraFigures, tables: str) -> str:
    told, folds = era_story(result, chapter)
    parts = [
        f'<section class="era" id="{anchor("era", chapter.era.key)}">',
        f"<h2>{escape(chapter.title)}</h2>",
        f'<p class="summary">{links.text(chapter.summary)}</p>',
        '<ul class="events story">',
        *[links.event_li(e) for e in told],
        "</ul>",
    ]
    if folds:
        parts.append(f'<p class="folds">{links.text(fold_sentences(folds))}</p>')
    span = f"{chapter.first_year}–{chapter.last_year}"
    parts += [_figures(era_figures.get(chapter.era.key, []), span), tables, "</section>"]
    return "\n".join(parts)


def _whole_run_section(chapters: Sequence[EraChronicle], figures) -> str:
    if not figures:
        return ""
    span = f"{chapters[0].first_year}–{chapters[-1].last_year}"
    return (
        f'<section class="era" id="{anchor("era", WHOLE_RUN)}"><h2>{span}: the whole run</h2>'
        "<p>The run's figures over every era (the files of the run folder).</p>"
        + _figures(figures, span, wide=False)
        + "</section>"
    )


def _figures(figures, span: str, wide: bool = True) -> str:
    if not figures:
        return ""
    parts = [f'<div class="figures{"" if wide else " two"}">']
    for caption, data in figures:
        alt = escape(f"{caption.replace('_', ' ')}, {span}")
        parts.append(
            f'<figure><img alt="{alt}" src="data:image/png;base64,'
            f'{base64.b64encode(data).decode("ascii")}"><figcaption>{alt}</figcaption></figure>'
        )
    return "".join(parts) + "</div>"


def _bases_section(result, links, short) -> list[str]:
    stories = base_stories(result.log.events, result.base_metrics, result.start_jd_tdb)
    parts = ['<section id="bases"><h2>Bases</h2>']
    if not stories:
        parts.append("<p>No base was founded.</p>")
    for story in stories:
        paragraph = short(story_paragraph(story, lambda k: agency_name(result, k)))
        parts.append(
            f'<h3 id="{anchor("base", story.name)}">{escape(story.name)}</h3>'
            f"<p>{links.text(paragraph)}</p>"
        )
        lines = story_lines(story, result.start_jd_tdb)
        parts.append(
            '<ul class="events">'
            + "".join(f"<li>{links.text(short(line))}</li>" for line in lines)
            + "</ul>"
        )
    parts.append("</section>")
    return parts


def _people_section(result, links, short) -> list[str]:
    parts = ['<section id="people"><h2>People</h2>']
    titles = {key: spec.title for key, spec in load_roles().items()}
    for name in links.people_order:
        person = result.world.people.get(name)
        events = links.events_of[name]
        steps = [e for e in events if e.kind == "career"]
        first = str(steps[0].data.get("previous", "")) if steps else ""
        role = first or (person.post if person is not None else "")
        career = titles.get(role, role) + "".join(
            f" → {titles.get(str(e.data.get('role')), '')} "
            f"({jd_tdb_to_iso(result.start_jd_tdb + e.day)[:4]})"
            for e in steps
        )
        who = [career, agency_name(result, person.agency)] if person is not None else []
        parts.append(
            f'<div class="person" id="{anchor("person", short(name))}">'
            f"<h3>{escape(short(name))}</h3>"
            + (f'<p class="meta">{escape(", ".join(who))}</p>' if who else "")
            + '<ul class="events">'
            + "".join(links.event_li(e, link_self=name) for e in events)
            + "</ul></div>"
        )
    parts.append("</section>")
    return parts


def _missions_section(result, links, short) -> list[str]:
    parts = [
        '<section id="missions"><h2>Missions</h2>',
        "<table><tr><th>Mission</th><th>Agency</th><th>Kind</th><th>Launch</th>"
        "<th>Outcome</th><th>Crew</th></tr>",
    ]
    for row in links.missions:
        crew = ", ".join(links.person(short(p), p) for p in row["crew"])
        phase = f" ({row['failed_phase']})" if row["failed_phase"] else ""
        parts.append(
            f'<tr id="{anchor("mission", row["name"])}"><td>{escape(row["name"])}</td>'
            f"<td>{escape(agency_name(result, row['agency']))}</td>"
            f"<td>{escape(row['kind'].replace('_', ' '))}</td>"
            f"<td>{escape(row['launch_date'] or '')}</td>"
            f"<td>{escape(row['outcome'] + phase)}</td><td>{crew}</td></tr>"
        )
    parts += ["</table>", "</section>"]
    return parts


def _all_events_section(result, links) -> list[str]:
    return [
        '<section id="all-events"><h2>Every event</h2>',
        '<p><label>Filter: <input id="filter" type="search" placeholder="a name, a base, a '
        'year, a word"></label> <span id="filter-count" class="meta"></span></p>',
        '<ul class="events">',
        *[links.event_li(e) for e in result.log],
        "</ul></section>",
    ]


class _Linker:
    """Writes event lines and text with links to the people, missions and bases named."""

    def __init__(self, result: RunResult, short: Callable[[str], str]):
        self.result, self.short = result, short
        self.colours = agency_colours(result)
        self.events_of: dict[str, list[Event]] = {}
        for e in result.log:
            for name in e.actors:
                self.events_of.setdefault(name, []).append(e)
        self.people_order = sorted(self.events_of, key=lambda n: short(n))
        self.missions = [r for r in mission_rows(result) if r["name"]]
        self.bases = sorted(result.world.bases)
        shown = {short(n): n for n in self.events_of}
        targets = {escape(s): ("person", s) for s in shown}
        targets |= {escape(r["name"]): ("mission", r["name"]) for r in self.missions}
        targets |= {escape(b): ("base", b) for b in self.bases}
        self.targets = targets
        words = sorted(targets, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")
            if words
            else None
        )

    def person(self, shown: str, name: str) -> str:
        if name not in self.events_of:
            return escape(shown)
        return f'<a href="#{anchor("person", shown)}">{escape(shown)}</a>'

    def text(self, text: str, skip: str = "") -> str:
        """Escaped text with every person, mission and base it names linked (once each)."""
        html = escape(text)
        if self.pattern is None:
            return html
        done: set[str] = {escape(skip)} if skip else set()

        def link(match: re.Match) -> str:
            word = match.group(0)
            if word in done:
                return word
            done.add(word)
            kind, name = self.targets[word]
            return f'<a href="#{anchor(kind, name)}">{word}</a>'

        return self.pattern.sub(link, html)

    def event_li(self, e: Event, link_self: str = "") -> str:
        date = jd_tdb_to_iso(self.result.start_jd_tdb + e.day)
        cls = ""
        if e.kind == "milestone" and e.data.get("first", True):
            cls = "first"
        elif e.kind in ("crew_lost", "mission_failed", "death"):
            cls = "loss"
        colour = self.colours.get(e.agency or "", "#444")
        who = (
            f'<span style="color:{colour}">'
            f"{escape(agency_name(self.result, e.agency, e.day))}</span>: "
            if e.agency
            else ""
        )
        mark = ' <span class="scripted">(scripted)</span>' if e.scripted else ""
        text = self.text(self.short(e.text), skip=self.short(link_self) if link_self else "")
        text = f'<span class="{cls}">{text}</span>' if cls else text
        cause = f' <span class="cause">— {escape(self.short(e.cause))}</span>' if e.cause else ""
        why = "" if e.breakdown is None else " " + breakdown_details(e.breakdown)
        said = "".join(
            f'<blockquote class="voice" data-side="{v.side}">'
            f"<cite>{escape(v.outlet)}</cite>, {v.date}: {self.text(self.short(v.text))}"
            "</blockquote>"
            for v in voices_for(self.result, e)
        )
        return (
            f'<li data-kind="{escape(e.kind)}"><span class="date">{date}</span> '
            f"{who}{text}{mark}{cause}{why}{said}</li>"
        )
