"""The HTML report of one run, and the folder of files a run leaves behind.

``format_html`` returns one self-contained page (figures inlined as base64 PNG, all text
escaped); ``write_run`` writes the event log, the chronicle in Markdown and HTML, and the
figures. Every file is written to a temporary name and moved into place with
``os.replace``, so an interrupted run never leaves a half-written file; files a previous
run left in the folder that this run does not write are removed (only names a run folder
holds: nothing else in the folder is touched).
"""

from __future__ import annotations

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
from spacerace.report.chronicle import EraChronicle, chronicle_eras, format_markdown, list_firsts
from spacerace.report.explain import breakdown_details, last_budgets
from spacerace.report.figures import FIGURES, plot_era
from spacerace.report.story_page import WHOLE_RUN, format_story_page
from spacerace.sim.decision_log import format_decision_log
from spacerace.sim.facts import missions_jsonl, person_rows
from spacerace.sim.result import RunResult
from spacerace.world.event import Event

__all__ = ["base_figure_stem", "decisions_jsonl", "format_html", "run_info", "write_run"]

RUN_FILES = (
    "events.jsonl",
    "bases.jsonl",
    "run.json",
    "decisions.jsonl",
    "missions.jsonl",
    "people.jsonl",
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

ERA_FIGURE_DPI = 80
"""Resolution of the era figures inside chronicle.html, dots per inch."""

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
figure { margin: 0; } figure img { max-width: 100%; }
figcaption { color: #666; font-size: 0.85rem; }
.figures { display: grid; gap: 0.8rem; margin: 1rem 0; }
.figures.two { grid-template-columns: 1fr 1fr; }
.folds { color: #444; } .cause { color: #777; font-size: 0.9rem; }
nav.contents ul { columns: 2; } [hidden] { display: none !important; }
blockquote.voice { margin: 0.2rem 0 0.2rem 1.5rem; color: #444; font-style: italic; }
blockquote.voice cite { font-style: normal; font-weight: bold; }
details.why { display: inline-block; font-size: 0.85rem; color: #555; }
details.why summary { cursor: pointer; } details.why table { margin: 0.2rem 0; }
details.why tr.total td { font-weight: bold; }
#filter { width: 24rem; max-width: 100%; font: inherit; padding: 0.2rem 0.4rem; }
"""


def format_html(result: RunResult) -> str:
    """Return the report as one self-contained HTML page.

    The story first, era by era (``report.story_page``): per era its summary, the events
    told in full, the folded rest, its figures (the run's figures over the era's years, the
    figures of the bases founded in it), its firsts, losses and budgets; then the bases,
    people and missions that the text links to, and every event under a filter box. Text
    is escaped; the page fetches nothing.

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
    ``people.jsonl`` (one row per person: role, career post, status, ``sim.facts``),
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
        "people.jsonl": missions_jsonl(person_rows(result)).encode(),
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
    firsts = _firsts_table(result, list_firsts(result), note=True)
    tables = lambda chapter: _era_tables(result, chapter)  # noqa: E731
    return format_story_page(result, _CSS, _era_figures(result, pngs), tables, firsts)


def _era_figures(result: RunResult, pngs: dict[str, bytes]) -> dict[str, list[tuple[str, bytes]]]:
    """Each era's figures: its years at a glance, then the figure of each base founded in it.

    The base figures come from ``pngs`` (drawn once for the run folder), and so do the
    whole-run figures shown after the last era (key ``story_page.WHOLE_RUN``).
    """
    chapters = chronicle_eras(result)
    out: dict[str, list[tuple[str, bytes]]] = {c.era.key: [] for c in chapters}
    for chapter in chapters:
        fig = plot_era(result, chapter.first_year, chapter.last_year)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=ERA_FIGURE_DPI)
        out[chapter.era.key].append(("the era at a glance", buffer.getvalue()))
    founded = {str(e.data.get("base")): e.day for e in result.log.of_kind("base_founded")}
    for name in sorted(result.world.bases):
        day = founded.get(name)
        era = next(
            (c for c in chapters if day is not None and any(e.day == day for e in c.events)),
            chapters[-1],
        )
        stem = base_figure_stem(name)
        out[era.era.key].append((f"{name}, month by month", pngs[stem]))
    out[WHOLE_RUN] = [(stem, pngs[stem]) for stem in FIGURES]
    return out


def _era_tables(result: RunResult, chapter: EraChronicle) -> str:
    """An era's firsts, losses and end-of-era metrics, after its story and figures."""
    colours = agency_colours(result)
    parts = []
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
    return "\n".join(parts)


def _event_li(result: RunResult, e: Event, colours: dict[str, str]) -> str:
    date = jd_tdb_to_iso(result.start_jd_tdb + e.day)
    cls = "loss" if e.kind in ("crew_lost", "mission_failed", "death") else ""
    colour = colours.get(e.agency or "", "#444")
    who = (
        f'<span style="color:{colour}">{escape(agency_name(result, e.agency, e.day))}</span>: '
        if e.agency
        else ""
    )
    text = f'<span class="{cls}">{escape(e.text)}</span>' if cls else escape(e.text)
    cause = f' <span class="cause">— {escape(e.cause)}</span>' if e.cause else ""
    why = "" if e.breakdown is None else " " + breakdown_details(e.breakdown)
    return f'<li><span class="date">{date}</span> {who}{text}{cause}{why}</li>'


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
    budgets = last_budgets(chapter.events)
    upto = [e for e in result.log if e.day <= chapter.events[-1].day] if chapter.events else []
    prestige = last_budgets(upto, "prestige")  # the last told by the era's end
    for r in chapter.end_metrics:
        budget = f"{r['budget_musd']:,.0f}"
        if r["agency"] in budgets:  # the appropriation behind it, one click away
            b = budgets[r["agency"]].breakdown
            budget = breakdown_details(b, f"{budget}") if b is not None else budget
        points = f"{r['prestige']:.0f}"
        told = prestige.get(r["agency"])
        if told is not None and told.breakdown is not None:  # what the points are made of
            points = breakdown_details(told.breakdown, points)
        nums = (
            budget,
            f"{r['support']:.2f}",
            points,
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
