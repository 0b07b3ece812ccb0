"""The HTML page parses, embeds the figures and escapes text; write_run writes every file."""

from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser

from spacerace.report.chronicle import chronicle_eras
from spacerace.report.html import base_figure_stem, format_html, write_run
from spacerace.world.event import Event

VOID = {"meta", "img", "br", "hr", "link", "input"}


class _Checker(HTMLParser):
    """Counts tags and checks that every opened element is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack, self.images, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs)["src"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def test_html_is_well_formed_and_embeds_the_figures(run_result):
    page = format_html(run_result)
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    eras = chronicle_eras(run_result)
    assert len(checker.images) == len(eras) + 4  # one per era, then the run's four
    assert all(src.startswith("data:image/png;base64,") for src in checker.images)
    for chapter in eras:
        assert escape(chapter.title) in page
    assert page.index('class="summary"') < page.index("<img")  # the story first
    assert "(scripted)" in page


def test_html_escapes_event_text(result_factory, run_result):
    hostile = Event(10.0, "discovery", "nasa", "<script>alert('x')</script> & more")
    page = format_html(result_factory(events=[hostile, *run_result.log]))
    assert "<script>alert" not in page and page.count("<script>") == 1  # the filter's own
    assert "&lt;script&gt;" in page


def test_write_run_writes_every_file(run_result, tmp_path):
    out = tmp_path / "run" / "seed-7"
    paths = write_run(run_result, out)
    assert set(paths) == {
        "events.jsonl",
        "chronicle.md",
        "chronicle.html",
        "budgets.png",
        "prestige.png",
        "people_in_space.png",
        "milestones.png",
        "bases.jsonl",
        "run.json",
        "decisions.jsonl",
        "missions.jsonl",
        "people.jsonl",
        *(f"{base_figure_stem(name)}.png" for name in run_result.world.bases),
    }
    empty = {"people.jsonl"} if not run_result.world.people else set()  # nobody in this world
    assert all(
        p.parent == out and (p.stat().st_size > 0 or not run_result.base_metrics or n in empty)
        for n, p in paths.items()
    )
    info = json.loads(paths["run.json"].read_text(encoding="utf-8"))
    assert info["start_jd_tdb"] == run_result.start_jd_tdb and info["seed"] == run_result.seed
    assert sorted(p.name for p in out.iterdir()) == sorted(paths)  # no temp files left
    lines = paths["events.jsonl"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(run_result.log)
    records = [json.loads(line) for line in lines]
    assert records[2]["date"] == "1969-06-26" and records[2]["scripted"] is True
    assert paths["chronicle.md"].read_text(encoding="utf-8").startswith("# For All Mankind")
    assert paths["budgets.png"].read_bytes().startswith(b"\x89PNG")


def test_write_run_replaces_files_in_place(run_result, tmp_path):
    write_run(run_result, tmp_path)
    (tmp_path / "chronicle.md").write_text("stale", encoding="utf-8")
    write_run(run_result, tmp_path)
    assert (tmp_path / "chronicle.md").read_text(encoding="utf-8") != "stale"
