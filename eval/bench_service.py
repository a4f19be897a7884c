"""Load benchmark of ``summarize serve``: concurrent clients sending a mix of requests over HTTP.

    python -m eval.bench_service [--clients 8] [--requests 50] [--archive-articles 300]
                                 # writes eval/results/service_bench.json

An archive is built from the first ``--archive-articles`` IndoSum articles (the shipped e5-small
encoder), then ``summarize serve --archive`` runs in a subprocess on a free 127.0.0.1 port.
Each client sends ``--requests`` requests, the kind drawn with a seeded generator from MIX:
summaries and checks of later IndoSum articles (never in the archive), article lookups, adds of
new articles, stats and health. Latency is client-side wall time per request (connection reused).
The baseline is one client sending the same kind of mix alone, in the same run, so the figure
that matters is how much waiting eight clients add (the service runs model calls one at a time).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import numpy as np
from tqdm import tqdm

from summarize.archive import Archive
from summarize.evaluation.indosum import load_articles
from summarize.service.launch import serve_process

RESULTS = Path(__file__).parent / "results" / "service_bench.json"
KEY_ENV = "BENCH_SERVICE_KEY"
KEY = "bench-service-key-0123456789"
#: Request kinds and their shares of the load.
MIX = {"summarize": 0.35, "check": 0.30, "get": 0.10, "add": 0.10, "stats": 0.05, "health": 0.10}
TIMEOUT_S = 300.0


def _request(http: httpx.Client, kind: str, rng: random.Random, pools: dict, tag: str) -> httpx.Response:
    if kind == "summarize":
        return http.post("/v1/summarize", json={"text": rng.choice(pools["queries"])})
    if kind == "check":
        return http.post("/v1/check", json={"text": rng.choice(pools["queries"])})
    if kind == "get":
        return http.get(f"/v1/articles/{rng.choice(pools['ids'])}")
    if kind == "add":
        return http.post("/v1/articles", json={"id": f"bench-{tag}", "text": rng.choice(pools["new"])},
                         headers={"X-API-Key": KEY})
    return http.get("/v1/stats" if kind == "stats" else "/health")


def _client(base: str, client: int, n: int, pools: dict, seed: int) -> list[tuple[str, float, int]]:
    rng = random.Random(seed * 1000 + client)
    kinds, weights = list(MIX), list(MIX.values())
    out = []
    with httpx.Client(base_url=base, timeout=TIMEOUT_S) as http:
        for i in range(n):
            kind = rng.choices(kinds, weights)[0]
            start = time.perf_counter()
            try:
                status = _request(http, kind, rng, pools, f"{seed}-{client}-{i}").status_code
            except httpx.HTTPError:
                status = -1
            out.append((kind, time.perf_counter() - start, status))
    return out


def _summary(records: list[tuple[str, float, int]], wall_s: float, clients: int) -> dict:
    def stats(rows: list[tuple[str, float, int]]) -> dict:
        ms = np.array([r[1] for r in rows]) * 1000
        return {"n": len(rows), "p50_ms": round(float(np.percentile(ms, 50)), 1),
                "p95_ms": round(float(np.percentile(ms, 95)), 1),
                "errors": sum(1 for r in rows if not 200 <= r[2] < 300)}

    by_kind = {k: stats([r for r in records if r[0] == k]) for k in MIX if any(r[0] == k for r in records)}
    return {"clients": clients, "requests": len(records), **stats(records), "wall_s": round(wall_s, 1),
            "throughput_rps": round(len(records) / wall_s, 2), "by_kind": by_kind}


def _run(base: str, clients: int, n: int, pools: dict, seed: int) -> dict:
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        parts = list(pool.map(lambda c: _client(base, c, n, pools, seed), range(clients)))
    return _summary([r for part in parts for r in part], time.perf_counter() - start, clients)


def bench(clients: int, requests: int, archive_articles: int) -> dict:
    articles = load_articles(limit=archive_articles + 200)
    stored, queries, new = articles[:archive_articles], articles[archive_articles:archive_articles + 100], articles[-100:]
    pools = {"ids": [a.id for a in stored], "queries": [a.raw_text for a in queries], "new": [a.raw_text for a in new]}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        start = time.perf_counter()
        with Archive(db, encoder="e5-small") as archive:
            for a in tqdm(stored, desc="archive", unit="article"):
                archive.add(a.id, a.raw_text)
        build_s = time.perf_counter() - start
        args = ["--archive", str(db), "--api-key-env", KEY_ENV]
        with serve_process(args, Path(tmp) / "serve.log", env={KEY_ENV: KEY}) as (base, _):
            _run(base, 1, 3, pools, seed=0)  # warm-up: first requests pay lazy imports
            alone = _run(base, 1, requests, pools, seed=1)
            load = _run(base, clients, requests, pools, seed=2)
    return {
        "command": "python -m eval.bench_service " + " ".join(sys.argv[1:]),
        # Other work on the machine shares the cores: its load average says how much.
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "loadavg_1m_before": round(load_before[0], 1), "loadavg_1m_after": round(os.getloadavg()[0], 1)},
        "archive_articles": archive_articles,
        "archive_build_s": round(build_s, 1),
        "mix": MIX,
        "load": load,
        "alone": alone,
        "p50_ratio_load_vs_alone": round(load["p50_ms"] / alone["p50_ms"], 2),
        "p95_ratio_load_vs_alone": round(load["p95_ms"] / alone["p95_ms"], 2),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--requests", type=int, default=50, help="requests per client")
    p.add_argument("--archive-articles", type=int, default=300)
    p.add_argument("--out", type=Path, default=RESULTS)
    args = p.parse_args(argv)
    result = bench(args.clients, args.requests, args.archive_articles)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: result[k] for k in ("load", "alone", "p50_ratio_load_vs_alone")}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
