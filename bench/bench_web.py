"""Latency of the web pages on loopback with 1 and 20 concurrent clients, and the server's RSS.

Builds a store of full For All Mankind timelines (1969-2012, an ensemble of ``--runs``),
starts ``spacerace serve`` on it as a subprocess on a free 127.0.0.1 port, asks each main
page once (so the run is in the server's cache, as for anyone who opened it), then times
``--requests`` requests per page with 1 and with 20 clients (threads, one keep-alive
connection each). Then a play turn (``web.play``): each of 1, then ``--play-clients``
clients starts its own For All Mankind game as NASA to ``--play-until`` and plays it to the
end through the JSON API, answering as advised; a turn is the answer's POST (the replay in
the worker) and the GET of the turn's page. Prints Markdown tables for docs/benchmarks.md.

    PYTHONPATH=src python bench/bench_web.py            # a few minutes on 2 cores
    PYTHONPATH=src python bench/bench_web.py --play-only
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import numpy as np


def build_store(path: Path, n: int) -> tuple[str, str]:
    from spacerace.ensemble.runner import run_ensemble
    from spacerace.scenario.loader import load_scenario
    from spacerace.store.db import Store

    with Store(path) as store:
        done = run_ensemble(load_scenario("for-all-mankind"), n, store, backend="processes",
                            workers=2)  # fmt: skip
        (rid,) = store.query("SELECT run_id FROM runs ORDER BY n_events DESC LIMIT 1")[0]
    return rid, done.ensemble_id


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def get(conn: http.client.HTTPConnection, path: str) -> float:
    t0 = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - t0
    if response.status != 200:
        raise RuntimeError(f"{path}: {response.status} {body[:200]!r}")
    return elapsed


def timed(port: int, path: str, clients: int, requests: int) -> np.ndarray:
    per = max(1, requests // clients)
    times: list[float] = []
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start.wait()
        mine = [get(conn, path) for _ in range(per)]
        conn.close()
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return np.array(times) * 1000.0


def post_json(conn: http.client.HTTPConnection, path: str, body: dict) -> tuple[float, dict]:
    t0 = time.perf_counter()
    conn.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    response = conn.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - t0
    if response.status not in (200, 201):
        raise RuntimeError(f"{path}: {response.status} {data[:200]!r}")
    return elapsed, json.loads(data)


def play_games(port: int, clients: int, until: int) -> tuple[list[list[float]], float]:
    """Each client plays one game to the end; its turn times (s) in order, and the start's."""
    times: list[list[float]] = [[] for _ in range(clients)]
    starts: list[float] = []
    start = threading.Barrier(clients)

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        start.wait()
        body = {"scenario": "for-all-mankind", "agency": "nasa", "seed": k + 1, "until": until}
        took, view = post_json(conn, "/api/play", body)
        starts.append(took)
        game = view["id"]
        while not view["turn"]["over"]:
            asked = view["turn"]["question"] is not None
            t0 = time.perf_counter()
            body = {"turn": view["turn"]["number"], "advised": int(asked)}
            _, view = post_json(conn, f"/api/play/{game}/answer", body)
            get(conn, f"/play/{game}")
            times[k].append(time.perf_counter() - t0)
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, float(np.median(starts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=4, help="full timelines in the store")
    parser.add_argument("--requests", type=int, default=200, help="requests per page and load")
    parser.add_argument("--play-until", type=int, default=1980, help="last year of a game")
    parser.add_argument("--play-clients", type=int, default=4,
                        help="games played at once (at most web.limits.MAX_GAMES)")  # fmt: skip
    parser.add_argument("--play-only", action="store_true", help="time only the play turns")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_web_"))
    db = tmp / "bench.duckdb"
    t0 = time.perf_counter()
    if not args.play_only:
        rid, eid = build_store(db, args.runs)
        print(f"store: {args.runs} full for-all-mankind timelines in "
              f"{time.perf_counter() - t0:.1f} s")  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "spacerace", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), "/")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.2)
        plays = []
        for clients in (1, args.play_clients):
            turns, start_s = play_games(port, clients, args.play_until)
            every = np.concatenate([np.array(t) for t in turns]) * 1000
            late = np.concatenate([np.array(t[3 * len(t) // 4 :]) for t in turns]) * 1000
            plays.append((clients, len(turns[0]), every, late, start_s))
        rss_play = rss_mb(server.pid)
        if args.play_only:
            rows, first, rss_warm, rss_after, rid = [], {}, rss_play, rss_play, "-"
            workers = [rss_mb(p) for p in children(server.pid)]
            return
        q = urllib.parse.quote(rid, safe="")
        pages = {
            "history page (full run)": f"/runs/{q}",
            "timeline JSON": f"/api/runs/{q}/timeline",
            "event filter (htmx)": f"/runs/{q}/events?q=Jamestown",
            "agency page": f"/runs/{q}/agencies/nasa",
            "runs list": "/runs",
            "ensemble page": f"/ensembles/{urllib.parse.quote(eid, safe='')}",
        }
        warm = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        first = {name: get(warm, path) * 1000 for name, path in pages.items()}
        rss_warm = rss_mb(server.pid)
        rows = []
        for name, path in pages.items():
            for clients in (1, 20):
                n = args.requests if clients > 1 else args.requests // 4
                ms = timed(port, path, clients, n)
                rows.append((name, clients, len(ms), np.percentile(ms, 50), np.percentile(ms, 99)))
        rss_after = rss_mb(server.pid)
        workers = [rss_mb(p) for p in children(server.pid)]
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        report(args, rows, first, rid, rss_warm, rss_after, workers, plays, rss_play)


def report(args, rows, first, rid, rss_warm, rss_after, workers, plays, rss_play) -> None:
    """Print the tables."""
    given = " ".join(sys.argv[1:])
    print(f"\ncommand: PYTHONPATH=src python bench/bench_web.py {given}; {os.cpu_count()} "
          f"cores; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    if rows:
        print(f"run {rid}: first request of each page (cold cache) "
              + ", ".join(f"{k} {v:.0f} ms" for k, v in first.items()))  # fmt: skip
        print("\n| page | clients | requests | p50 ms | p99 ms |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for name, clients, n, p50, p99 in rows:
            print(f"| {name} | {clients} | {n} | {p50:.1f} | {p99:.1f} |")
    print(f"\nserver RSS: {rss_warm:.0f} MB after the first requests, {rss_after:.0f} MB "
          f"after all; worker processes: {len(workers)} ({sum(workers):.0f} MB)")  # fmt: skip
    print(f"\nplay: for-all-mankind as NASA, 1969-{args.play_until}, answered as advised; a "
          "turn = POST /api/play/{id}/answer + GET /play/{id}; server RSS after "
          f"{rss_play:.0f} MB")  # fmt: skip
    print("\n| play turn | clients | turns | p50 ms | p99 ms | last quarter p50 ms | start ms |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for clients, n, every, late, start_s in plays:
        print(f"| whole game | {clients} | {n} x {clients} | {np.percentile(every, 50):.0f} | "
              f"{np.percentile(every, 99):.0f} | {np.percentile(late, 50):.0f} | "
              f"{start_s * 1000:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
