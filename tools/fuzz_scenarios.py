"""Fuzz the scenario loader and the engine with mutants of the built-in scenario files.

Each case takes one built-in file and applies one or two mutations to its text (delete a
line, duplicate it, retype a value, empty a list, an out-of-range number, a huge string,
deep nesting, an unknown name, a date at the span's edge, swapped agencies or people, a
control character, a long dotted key, a scripted mission of another kind, an extreme
mechanic, ...). The mutant is loaded; a refusal must be one ``ScenarioError`` whose ``str()``
is one line starting with the file name. A mutant the loader accepts is played
(``run_timeline(scenario, 0, until_year=min(end, start + 8))``). Every case runs in a worker
process under a time limit; uncaught exceptions and hangs are counted by site.

    python tools/fuzz_scenarios.py --cases 10000 --jobs 2 [--seed 0] [--json out.json]

Exit status 1 when a crash, a hang or a malformed refusal was found.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import random
import re
import signal
import sys
import time
import traceback
from importlib import resources

BUILTINS = ("for-all-mankind", "history", "star-city")
LABEL = "fuzz.toml"
_KEYLINE = re.compile(r"^(\s*)([A-Za-z0-9_.\"-]+)(\s*=\s*)(.*)$")


class Hang(Exception):
    """The case ran past its time limit."""


def _texts() -> dict[str, str]:
    root = resources.files("spacerace.scenario.builtin")
    return {n: root.joinpath(f"{n}.toml").read_text("utf-8") for n in BUILTINS}


def _agencies(text: str) -> list[str]:
    return re.findall(r"^\[agencies\.([a-z0-9_]+)\]", text, re.M) or ["nasa"]


def _people(text: str) -> list[str]:
    return re.findall(r'^name = "([^"]+)"', text, re.M)


def _found(pattern: str, text: str, default: str) -> str:
    """The first group of ``pattern`` in the text, or ``default`` (an earlier mutation took it)."""
    match = re.search(pattern, text, re.M)
    return match.group(1) if match and re.match(r"^\d{4}", match.group(1)) else default


def _value_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if _KEYLINE.match(line)]


_ODD_VALUES = [
    '"x"', '""', "0", "-1", "1", "1.5", "-1e300", "1e308", "nan", "inf", "9223372036854775807",
    "true", "[]", '["x"]', "{}", "[1, 2]", "1969-01-01", "1969-01-01T00:00:00", "12:00:00",
    "2050-12-31", "1900-01-01", '"1969-02-30"', "0.0", "1e9", "-0.0",
]  # fmt: skip
_CONTROL = ["\\n", "\\t", "\\r", "\\u0000", "\\u001b[31m", "\\u2028"]


def mutate(rng: random.Random, name: str, text: str) -> tuple[str, str]:
    """Return (kind, mutant text) for one mutation of ``text``."""
    lines = text.splitlines()
    values = _value_lines(lines)
    i = rng.choice(values)
    indent, key, eq, value = _KEYLINE.match(lines[i]).groups()
    kind = rng.choice(list(_MUTATIONS))
    return kind, _MUTATIONS[kind](rng, text, lines, i, (indent, key, eq, value))


def _set(lines, i, parts, new):
    indent, key, eq, _ = parts
    return "\n".join([*lines[:i], f"{indent}{key}{eq}{new}", *lines[i + 1 :]]) + "\n"


def _m_delete(rng, text, lines, i, parts):
    return "\n".join(lines[:i] + lines[i + 1 :]) + "\n"


def _m_duplicate(rng, text, lines, i, parts):
    if rng.random() < 0.5:  # a whole [[people]] or [[scripted]] block twice
        heads = [j for j, line in enumerate(lines) if line.startswith("[[")]
        if heads:
            j = rng.choice(heads)
            end = next((k for k in range(j + 1, len(lines)) if lines[k].startswith("[")), None)
            block = lines[j : end or len(lines)]
            return "\n".join(lines + [""] + block) + "\n"
    return "\n".join(lines[: i + 1] + lines[i:]) + "\n"


def _m_retype(rng, text, lines, i, parts):
    return _set(lines, i, parts, rng.choice(_ODD_VALUES))


def _m_empty_list(rng, text, lines, i, parts):
    lists = [j for j in _value_lines(lines) if _KEYLINE.match(lines[j]).group(4).startswith("[")]
    j = rng.choice(lists or [i])
    return _set(lines, j, _KEYLINE.match(lines[j]).groups(), "[]")


def _m_number(rng, text, lines, i, parts):
    number = re.compile(r"^-?[0-9][0-9_.eE+-]*$")
    nums = [
        j
        for j in _value_lines(lines)
        if number.match(_KEYLINE.match(lines[j]).group(4).split("#")[0].strip())
    ]
    j = rng.choice(nums or [i])
    new = rng.choice(["0", "-1", "-1e9", "1e9", "1e300", "2050", "1849", "3000", "0.5", "10.01"])
    return _set(lines, j, _KEYLINE.match(lines[j]).groups(), new)


def _m_huge_string(rng, text, lines, i, parts):
    n = rng.choice([10_001, 100_000, 1_100_000])
    return _set(lines, i, parts, '"' + "x" * n + '"')


def _m_deep(rng, text, lines, i, parts):
    n = rng.choice([50, 200, 500, 1000])
    if rng.random() < 0.5:
        return _set(lines, i, parts, "[" * n + "]" * n)
    return _set(lines, i, parts, "{a = " * n + "1" + "}" * n)


def _m_unknown(rng, text, lines, i, parts):
    strs = [j for j in _value_lines(lines) if _KEYLINE.match(lines[j]).group(4).startswith('"')]
    j = rng.choice(strs or [i])
    new = rng.choice(['"nobody"', '"NASA2"', '"' + "q" * 1_000_000 + '"', '"Зонд"', '"a b"'])
    return _set(lines, j, _KEYLINE.match(lines[j]).groups(), new)


def _m_date(rng, text, lines, i, parts):
    dates = [
        j for j in _value_lines(lines) if re.match(r"^\d{4}-", _KEYLINE.match(lines[j]).group(4))
    ]
    start = _found(r"^start = (\S+)", text, "1969-01-01")
    end = _found(r"^end_year = (\d+)", text, "2003")
    y = int(start[:4])
    new = rng.choice([
        start, f"{end}-12-31", f"{end}-01-01", f"{y}-01-02", f"{y + 1}-01-01", f"{y + 8}-12-31",
        "1969-01-01", "1991-01-01", "2005-06-01", "1900-01-01", "2050-12-31", f"{y - 1}-12-31",
    ])  # fmt: skip
    j = rng.choice(dates or [i])
    return _set(lines, j, _KEYLINE.match(lines[j]).groups(), new)


def _m_swap(rng, text, lines, i, parts):
    agencies, people = _agencies(text), _people(text)
    cands = [
        j for j in _value_lines(lines) if _KEYLINE.match(lines[j]).group(2) in ("agency", "crew")
    ]
    j = rng.choice(cands or [i])
    p = _KEYLINE.match(lines[j]).groups()
    if p[1] == "crew" and people:
        crew = rng.sample(people, k=min(len(people), rng.choice([1, 2, 3])))
        return _set(lines, j, p, json.dumps(crew, ensure_ascii=False))
    return _set(lines, j, p, f'"{rng.choice(agencies)}"')


def _m_control(rng, text, lines, i, parts):
    strs = [j for j in _value_lines(lines) if _KEYLINE.match(lines[j]).group(4).startswith('"')]
    j = rng.choice(strs or [i])
    p = _KEYLINE.match(lines[j]).groups()
    v = p[3]
    cut = rng.randrange(1, max(2, v.rfind('"')))
    return _set(lines, j, p, v[:cut] + rng.choice(_CONTROL) + v[cut:])


def _m_long_key(rng, text, lines, i, parts):
    n = rng.choice([100, 2_000, 10_000])
    key = ".".join(["k"] * n) if rng.random() < 0.5 else "k" * (n * 4)
    return "\n".join([*lines[:i], f"{key} = 1", *lines[i:]]) + "\n"


def _m_vehicles(rng, text, lines, i, parts):
    cands = [j for j in _value_lines(lines) if _KEYLINE.match(lines[j]).group(2) == "vehicles"]
    j = rng.choice(cands or [i])
    new = rng.choice(["[]", '["saturn_v"]', '["r7"]', '["falcon_9"]', '["n1"]'])
    return _set(lines, j, _KEYLINE.match(lines[j]).groups(), new)


def _m_mission_kind(rng, text, lines, i, parts):
    from spacerace.world.mission import MISSION_TYPES

    cands = [j for j in _value_lines(lines) if _KEYLINE.match(lines[j]).group(2) == "mission"]
    if not cands:  # add a scripted mission at a random date
        agency = rng.choice(_agencies(text))
        start = _found(r"^start = (\S+)", text, "1969-01-01")
        y = int(start[:4]) + rng.randrange(0, 8)
        block = (
            f'\n[[scripted]]\ndate = {y}-{rng.randrange(1, 13):02d}-01\nkind = "mission"\n'
            f'agency = "{agency}"\nmission = "{rng.choice(MISSION_TYPES)}"\n'
        )
        return text + block
    j = rng.choice(cands)
    return _set(lines, j, _KEYLINE.match(lines[j]).groups(), f'"{rng.choice(MISSION_TYPES)}"')


def _m_mechanic(rng, text, lines, i, parts):
    from spacerace.world.mechanics import MECHANIC_ROWS

    row = rng.choice(MECHANIC_ROWS)
    value = rng.choice([0, -1, 1, 1e9, 1e-9, row.default * 10, row.default / 10, 0.5, 1.0, 2.0])
    return text + f"\n[mechanics.{row.group}]\n{row.name} = {value!r}\n"


def _m_empty_table(rng, text, lines, i, parts):
    heads = [j for j, line in enumerate(lines) if line.startswith("[")]
    j = rng.choice(heads)
    end = next((k for k in range(j + 1, len(lines)) if lines[k].startswith("[")), len(lines))
    return "\n".join(lines[: j + 1] + lines[end:]) + "\n"


def _m_many(rng, text, lines, i, parts):
    n = rng.choice([1_001, 5_000])
    agency = _agencies(text)[0]
    people = "".join(
        f'[[people]]\nname = "P{k}"\nagency = "{agency}"\nrole = "astronaut"\n'
        f'nationality = "US"\nborn_year = 1930\n'
        for k in range(n)
    )
    return text + "\n" + people


_MUTATIONS = {
    "delete": _m_delete,
    "duplicate": _m_duplicate,
    "retype": _m_retype,
    "empty_list": _m_empty_list,
    "out_of_range": _m_number,
    "huge_string": _m_huge_string,
    "deep_nesting": _m_deep,
    "unknown_name": _m_unknown,
    "date_edge": _m_date,
    "swap": _m_swap,
    "control_char": _m_control,
    "long_key": _m_long_key,
    "vehicles": _m_vehicles,
    "mission_kind": _m_mission_kind,
    "mechanic": _m_mechanic,
    "empty_table": _m_empty_table,
    "many_entries": _m_many,
}


def _alarm(signum, frame):
    raise Hang()


def _site(exc: BaseException) -> str:
    """Where an exception was raised: the deepest spacerace frame (SimPy chains the original)."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "spacerace" in f.filename] or frames
    f = ours[-1]
    short = f.filename.split("src/")[-1]
    return f"{type(exc).__name__} at {short}:{f.lineno} ({f.name})"


def make_case(n: int, seed: int) -> tuple[str, list[str], str]:
    """Return (built-in name, mutation kinds, mutant text) of case ``n``."""
    rng = random.Random(f"{seed}-{n}")
    name = rng.choice(BUILTINS)
    text = _texts()[name]
    kinds = []
    for _ in range(rng.choice([1, 1, 1, 2])):
        kind, text = mutate(rng, name, text)
        kinds.append(kind)
    return name, kinds, text


def run_case(args: tuple[int, int, float]) -> dict:
    """Make case ``n`` of seed ``seed``, load it, play it if accepted; return what happened."""
    n, seed, limit = args
    name, kinds, text = make_case(n, seed)
    out = {"n": n, "base": name, "kinds": kinds}
    from spacerace.errors import ScenarioError
    from spacerace.scenario.loader import parse_scenario
    from spacerace.sim.engine import run_timeline

    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    stage = "load"
    try:
        try:
            scenario = parse_scenario(text, LABEL)
        except ScenarioError as exc:
            message = str(exc)
            ok = "\n" not in message and message.startswith(LABEL) and len(message) < 2_000
            out.update(outcome="refused" if ok else "bad_message", message=message[:300])
            return out
        stage = "play"
        start = int(scenario.start[:4])
        run_timeline(scenario, 0, until_year=min(scenario.end_year, start + 8))
        out["outcome"] = "played"
    except Hang:
        out.update(outcome="hang", stage=stage)
    except BaseException as exc:  # noqa: BLE001 - finding these is the point
        out.update(outcome="crash", stage=stage, site=_site(exc), message=str(exc)[:200])
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the cases, print the counts by outcome, mutation and site; 1 if any went wrong."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=float, default=20.0, help="seconds per case")
    parser.add_argument("--json", help="write every non-refused case here")
    parser.add_argument("--write", type=int, metavar="N", help="write case N's text to stdout")
    args = parser.parse_args(argv)
    if args.write is not None:
        sys.stdout.write(make_case(args.write, args.seed)[2])
        return 0
    t0 = time.monotonic()
    results = []
    work = [(n, args.seed, args.limit) for n in range(args.cases)]
    with multiprocessing.get_context("fork").Pool(args.jobs, maxtasksperchild=200) as pool:
        for res in pool.imap_unordered(run_case, work, chunksize=4):
            results.append(res)
    outcomes = collections.Counter(r["outcome"] for r in results)
    by_kind: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for r in results:
        for k in r["kinds"]:
            by_kind[k][r["outcome"]] += 1
    sites = collections.Counter(
        (r["stage"], r.get("site", "hang")) for r in results if r["outcome"] in ("crash", "hang")
    )
    print(f"{len(results)} cases in {time.monotonic() - t0:.0f} s (seed {args.seed})")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print("by mutation:")
    for k in sorted(by_kind):
        print(f"  {k:14s} " + ", ".join(f"{o} {c}" for o, c in sorted(by_kind[k].items())))
    if sites:
        print(f"crash and hang sites ({len(sites)}):")
        for (stage, site), count in sites.most_common():
            example = next(
                r for r in results if r.get("site", "hang") == site and r.get("stage") == stage
            )
            print(f"  {count:4d}  {stage}: {site}  e.g. case {example['n']} {example['kinds']}")
    located = re.compile(re.escape(LABEL) + r":\d+: ")
    unlocated = [
        r for r in results if r["outcome"] == "refused" and not located.match(r["message"])
    ]
    print(f"refusals without a line number: {len(unlocated)}")
    for r in unlocated[:5]:
        print(f"  case {r['n']} {r['kinds']}: {r['message'][:120]!r}")
    bad = [r for r in results if r["outcome"] == "bad_message"]
    for r in bad[:10]:
        print(f"  bad message, case {r['n']} {r['kinds']}: {r['message'][:120]!r}")
    if args.json:
        keep = [r for r in results if r["outcome"] != "refused"]
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(sorted(keep, key=lambda r: r["n"]), f, indent=1)
    return 1 if outcomes["crash"] or outcomes["hang"] or outcomes["bad_message"] else 0


if __name__ == "__main__":
    sys.exit(main())
