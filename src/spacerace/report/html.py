"""The HTML report of one run, and the folder of files a run leaves behind.

``format_html`` returns one self-contained page (figures inlined as base64 PNG, all text
escaped); ``write_run`` writes the event log, the chronicle in Markdown and HTML, and the
figures. Every file is written to a temporary name and moved into place with
``os.replace``, so an interrupted run never leaves a half-written file; files a previous
run left in the folder that this run does not write are removed (only names a run folder
holds: nothing else in the folder is touched).
"""

from __future__ import annotations

import base64
import io
import json
import re
from html import escape
from pathlib import Path

import numpy as np

from spacerace.astro.time import jd_tdb_to_iso
from spacerace.atomic_files import write_all_atomic
from spacerace.report._agencies import agency_colours, agency_keys, agency_name
from spacerace.report.base_figures import plot_base
from spacerace.report.base_story import base_stories, story_lines, story_paragraph
from spacerace.report.chronicle import (
    EraChronicle,
    chronicle_eras,
    format_markdown,
    list_firsts,
)
from spacerace.report.figures import FIGURES
from spacerace.sim.decision_log import format_decision_log
from spacerace.sim.facts import missions_jsonl
from spacerace.sim.result import RunResult
from spacerace.world.event import Event

__all__ = ["base_figure_stem", "decisions_jsonl", "format_html", "run_info", "write_run"]

RUN_FILES = (
    "events.jsonl",
    "bases.jsonl",
    "run.json",
    "decisions.jsonl",
    "missions.jsonl",
    "chronicle.md",
    "chronicle.html",
    *(f"{stem}.png" for stem in FIGURES),
)
"""The files every run folder holds; base figures add ``base_<name>.png``."""

_RUN_FILE = re.compile(
    r"\.?(?P<name>" + "|".join(re.escape(n) for n in RUN_FILES) + r"|base_\w+\.png)"
    r"(?P<temp>\.\w+\.tmp)?"
)

FIGURE_DPI = 110
"""Resolution of the figure PNGs, dots per inch."""

_CSS = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
       padding: 0 1rem; color: #222; }
h1 { margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #ccc; margin-top: 2.5rem; }
.meta, .date { color: #666; } .date { font-variant-numeric: tabular-nums; }
.summary { background: #f4f4f0; border-left: 4px solid #999; padding: 0.6rem 1rem; }
ul.events { list-style: none; padding-left: 0; } ul.events li { margin: 0.15rem 0; }
.first { font-weight: bold; color: #8a6d00; } .loss { color: #b71c1c; }
.scripted { font-style: italic; color: #777; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #ddd; padding: 0.2rem 0.6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5rem 0; } figure img { max-width: 100%; }
"""


def format_html(result: RunResult) -> str:
    """Return the report as one self-contained HTML page.

    The figures first, then per era the summary, the dated events, the firsts, the losses
    and the budgets at its end, then every first of the run. Text is escaped.

    Args:
        result: The run.
    """
    return _page(result, _render_pngs(result))


def write_run(result: RunResult, out_dir: str | Path) -> dict[str, Path]:
    """Write a run's files into ``out_dir`` (created if missing) and return them by name.

    Writes ``events.jsonl`` (one JSON object per event), ``bases.jsonl`` (one row per base
    and month, ``sim.result.BaseRow``), ``run.json`` (scenario, seed, day 0, agency names:
    what ``spacerace base`` needs to read the folder back), ``decisions.jsonl`` (every
    question and answer, ``sim.decision_log``: ``spacerace run --decisions`` replays it),
    ``missions.jsonl`` (the facts table: one row per committed mission, ``sim.facts``),
    ``chronicle.md``, ``chronicle.html`` and one PNG per figure (``budgets.png``,
    ``prestige.png``, ``people_in_space.png``, ``milestones.png``, ``base_<name>.png`` per
    base), each atomically.

    Args:
        result: The run.
        out_dir: Folder to write into.

    Returns:
        Paths written, keyed by file name.
    """
    out = Path(out_dir)
    pngs = _render_pngs(result)
    files = {
        "events.jsonl": result.log.to_jsonl(result.start_jd_tdb).encode(),
        "bases.jsonl": "".join(
            json.dumps(row, sort_keys=True) + "\n" for row in result.base_metrics
        ).encode(),
        "run.json": (json.dumps(run_info(result), sort_keys=True, indent=1) + "\n").encode(),
        "decisions.jsonl": decisions_jsonl(result).encode(),
        "missions.jsonl": missions_jsonl(result.mission_rows()).encode(),
        "chronicle.md": format_markdown(result).encode(),
        "chronicle.html": _page(result, pngs).encode(),
        **{f"{stem}.png": data for stem, data in pngs.items()},
    }
    out.mkdir(parents=True, exist_ok=True)
    written = write_all_atomic(out, files)
    _remove_stale(out, set(files))
    return written


def _remove_stale(out: Path, keep: set[str]) -> None:
    """Remove run files (and stray temporary files) of an earlier run that are not in ``keep``."""
    for path in out.iterdir():
        match = _RUN_FILE.fullmatch(path.name)
        if match is None or not path.is_file() or path.is_symlink():
            continue
        is_temp = match["temp"] is not None or path.name.startswith(".")
        if is_temp or path.name not in keep:
            path.unlink(missing_ok=True)


def decisions_jsonl(result: RunResult) -> str:
    """The text of a run's ``decisions.jsonl``, each decision dated by its day."""
    days = np.array([d.question.day for d in result.decisions], dtype=float)
    dates = jd_tdb_to_iso(result.start_jd_tdb + days) if len(days) else []
    return format_decision_log(result.scenario, result.seed, result.decisions, dates)


def run_info(result: RunResult) -> dict:
    """What a run folder says about its run: scenario, seed, day 0 and agency names."""
    return {
        "scenario": result.scenario.name,
        "scenario_hash": result.scenario.content_hash(),
        "seed": result.seed,
        "start_jd_tdb": result.start_jd_tdb,
        "agencies": {k: agency_name(result, k) for k in agency_keys(result)},
        "bases": sorted(result.world.bases),
    }


def base_figure_stem(name: str) -> str:
    """File stem of a base's figure (``base_happy_valley``)."""
    return "base_" + "".join(c if c.isalnum() else "_" for c in name.lower())


def _render_pngs(result: RunResult) -> dict[str, bytes]:
    figures = {stem: (lambda plot=plot: plot(result)) for stem, plot in FIGURES.items()}
    colours = agency_colours(result)
    for name in sorted(result.world.bases):
        figures[base_figure_stem(name)] = lambda name=name: plot_base(
            result.base_metrics,
            name,
            result.start_jd_tdb,
            colours,
            lambda k: agency_name(result, k),
        )
    pngs = {}
    for stem, draw in figures.items():
        buffer = io.BytesIO()
        draw().savefig(buffer, format="png", dpi=FIGURE_DPI)
        pngs[stem] = buffer.getvalue()
    return pngs


def _page(result: RunResult, pngs: dict[str, bytes]) -> str:
    scenario = result.scenario
    title = f"{scenario.title}: an alternate history (seed {result.seed})"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">Scenario <code>{escape(scenario.name)}</code> '
        f"({escape(scenario.content_hash())}), seed {result.seed}, from "
        f"{escape(scenario.start)}; {len(result.log)} events.</p>",
        f"<p><strong>Divergence:</strong> {escape(scenario.divergence or 'none (real history)')}"
        "</p>",
    ]
    for stem, data in pngs.items():
        alt = escape(stem.replace("_", " "))
        parts.append(
            f'<figure><img alt="{alt}" src="data:image/png;base64,'
            f'{base64.b64encode(data).decode("ascii")}"></figure>'
        )
    parts += [_era_html(result, chapter) for chapter in chronicle_eras(result)]
    parts += _bases_html(result)
    parts += ["<h2>Firsts</h2>", _firsts_table(result, list_firsts(result), note=True)]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _bases_html(result: RunResult) -> list[str]:
    stories = base_stories(result.log.events, result.base_metrics, result.start_jd_tdb)
    if not stories:
        return []
    parts = ["<h2>Bases</h2>"]
    for story in stories:
        paragraph = story_paragraph(story, lambda k: agency_name(result, k))
        parts.append(f"<h3>{escape(story.name)}</h3><p>{escape(paragraph)}</p>")
        lines = story_lines(story, result.start_jd_tdb)
        parts.append(
            '<ul class="events">' + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>"
        )
    return parts


def _era_html(result: RunResult, chapter: EraChronicle) -> str:
    colours = agency_colours(result)
    parts = [
        f"<section><h2>{escape(chapter.title)}</h2>",
        f'<p class="summary">{escape(chapter.summary)}</p>',
        "<h3>Events</h3>",
        '<ul class="events">',
    ]
    listed = [e for e in chapter.events if event_weight(e) >= 1]
    parts += [_event_li(result, e, colours) for e in listed]
    routine = len(chapter.events) - len(listed)
    if routine:
        parts.append(f'<li class="meta">… and {routine} routine events (see events.jsonl)</li>')
    parts.append("</ul>")
    if chapter.firsts:
        parts += ["<h3>Firsts</h3>", _firsts_table(result, chapter.firsts, note=True)]
    parts.append("<h3>Losses</h3>")
    if chapter.losses:
        parts.append('<ul class="events">')
        parts += [_event_li(result, e, colours) for e in chapter.losses]
        parts.append("</ul>")
    else:
        parts.append("<p>No crew lost.</p>")
    if chapter.end_metrics:
        parts += [f"<h3>At the end of {chapter.metrics_year}</h3>", _metrics_table(result, chapter)]
    parts.append("</section>")
    return "\n".join(parts)


def _event_li(result: RunResult, e: Event, colours: dict[str, str]) -> str:
    date = jd_tdb_to_iso(result.start_jd_tdb + e.day)
    cls = ""
    if e.kind == "milestone" and e.data.get("first", True):
        cls = "first"
    elif e.kind in ("crew_lost", "mission_failed", "death"):
        cls = "loss"
    colour = colours.get(e.agency or "", "#444")
    who = (
        f'<span style="color:{colour}">{escape(agency_name(result, e.agency))}</span>: '
        if e.agency
        else ""
    )
    mark = ' <span class="scripted">(scripted)</span>' if e.scripted else ""
    tip = f' title="{escape(e.cause)}"' if e.cause else ""
    text = f'<span class="{cls}">{escape(e.text)}</span>' if cls else escape(e.text)
    return f'<li{tip}><span class="date">{date}</span> {who}{text}{mark}</li>'


def _firsts_table(result: RunResult, firsts, note: bool) -> str:
    rows = ["<table><tr><th>Milestone</th><th>Agency</th><th>Date</th><th>People</th>"]
    rows[0] += "<th>Note</th></tr>" if note else "</tr>"
    for f in firsts:
        marks = " ".join(m for m, on in (("(scripted)", f.scripted), ("(secret)", f.secret)) if on)
        cells = [f.label, agency_name(result, f.agency), f.date, ", ".join(f.people)]
        cells += [marks] if note else []
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    return "\n".join(rows) + "</table>"


def _metrics_table(result: RunResult, chapter: EraChronicle) -> str:
    rows = [
        "<table><tr><th>Agency</th><th>Budget (million USD, then-year)</th><th>Support</th>"
        "<th>Prestige</th><th>People in space</th><th>Lost in flight (total)</th>"
        "<th>Bases</th></tr>"
    ]
    for r in chapter.end_metrics:
        nums = (
            f"{r['budget_musd']:,.0f}",
            f"{r['support']:.2f}",
            f"{r['prestige']:.0f}",
            str(r["people_in_space"]),
            str(r["crew_lost"]),
            str(r["bases"]),
        )
        rows.append(
            f"<tr><td>{escape(agency_name(result, r['agency']))}</td>"
            + "".join(f'<td class="num">{n}</td>' for n in nums)
            + "</tr>"
        )
    return "\n".join(rows) + "</table>"
