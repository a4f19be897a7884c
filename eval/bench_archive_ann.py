"""Which approximate-nearest-neighbour library the archive keeps: usearch vs hnswlib, same data.

    nice python -m eval.bench_archive_ann     # writes eval/results/archive_ann.json and .md

Two vector sets of IndoSum's masked claim sentences, each grown to ``--size`` vectors the way the
scale benchmark grows the archive (copies moved by Gaussian noise, sigma 0.02 per dimension):
``e5``, real e5-small vectors of the first 1,536 sorted unique sentences (as many as could be
embedded on this shared machine; the cache is eval/cache/archive-bench), and ``wordhash``, the
scale benchmark's stand-in encoder over all of them. Queries are 300 stored vectors with fresh
noise. Every library runs in its own process (clean RSS), single-threaded, with the same graph
parameters (M=16, ef_construction=128, ef_search=128); recall@64 is against exact cosine top-64.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.encoders.base import get_encoder, l2_normalize

RESULTS = Path(__file__).parent / "results"
CONFIGS = ("usearch-i8", "usearch-f32", "hnswlib-f32")
K, N_QUERIES, M, EF = 64, 300, 16, 128
N_E5 = 1536


def _rss() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_one(config: str, data_path: str, queries_path: str) -> dict:
    """Build, query and save one index in this process; recall is computed by the parent."""
    data, queries = np.load(data_path), np.load(queries_path)
    keys = np.arange(len(data), dtype=np.uint64)
    before = _rss()
    start = time.perf_counter()
    if config.startswith("usearch"):
        from usearch.index import Index

        index = Index(ndim=data.shape[1], metric="cos", dtype=config.split("-")[1], connectivity=M,
                      expansion_add=EF, expansion_search=EF)
        index.add(keys, data, threads=1)
        build_s = time.perf_counter() - start
        start = time.perf_counter()
        found = index.search(queries, K, threads=1).keys
    else:
        import hnswlib

        index = hnswlib.Index(space="cosine", dim=data.shape[1])
        index.init_index(max_elements=len(data), M=M, ef_construction=EF, random_seed=0)
        index.set_num_threads(1)
        index.add_items(data, keys)
        build_s = time.perf_counter() - start
        index.set_ef(EF)
        start = time.perf_counter()
        found, _ = index.knn_query(queries, k=K)
    query_ms = 1000 * (time.perf_counter() - start) / len(queries)
    memory = _rss() - before
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "index.bin")
        index.save(path) if config.startswith("usearch") else index.save_index(path)
        size = os.path.getsize(path)
    return {"build_s": round(build_s, 2), "query_ms": round(query_ms, 3), "rss_growth_mib": round(memory / 2**20, 1),
            "file_mib": round(size / 2**20, 1), "found": np.asarray(found, dtype=np.int64).tolist()}


def _grow(base: np.ndarray, size: int, rng: np.random.Generator) -> np.ndarray:
    reps = -(-size // len(base))
    grown = np.concatenate([base] + [base + rng.normal(0, 0.02, base.shape).astype(np.float32) for _ in range(reps - 1)])
    return l2_normalize(grown[:size])


def _sentences() -> list[str]:
    from summarize.claims.statements import article_statements
    from summarize.evaluation.indosum import load_articles

    return sorted({s.masked for a in load_articles() for s in article_statements(a.raw_text)})


def datasets(size: int) -> dict[str, np.ndarray]:
    from eval.bench_archive import WordHashEncoder
    from summarize.evaluation.embed_cache import CachedEncoder
    from summarize.evaluation.locations import cache_dir

    sentences = _sentences()
    e5 = CachedEncoder(get_encoder("e5-small"), cache_dir=cache_dir() / "archive-bench")
    real = e5.encode(sentences[:N_E5])
    e5.save()
    rng = np.random.default_rng(0)
    return {"e5": _grow(real, size, rng), "wordhash": _grow(WordHashEncoder().encode(sentences), size, rng)}


def bench(size: int, workdir: Path) -> dict:
    out: dict = {}
    rng = np.random.default_rng(1)
    for name, data in datasets(size).items():
        picks = rng.choice(len(data), N_QUERIES, replace=False)
        queries = l2_normalize(data[picks] + rng.normal(0, 0.02, (N_QUERIES, data.shape[1])).astype(np.float32))
        exact = np.argsort(-(queries @ data.T), axis=1, kind="stable")[:, :K]
        np.save(workdir / "data.npy", data)
        np.save(workdir / "queries.npy", queries)
        out[name] = {"vectors": len(data), "dim": int(data.shape[1])}
        for config in CONFIGS:
            cmd = [sys.executable, "-m", "eval.bench_archive_ann", "--one", config,
                   str(workdir / "data.npy"), str(workdir / "queries.npy")]
            done = subprocess.run(cmd, cwd=Path(__file__).parents[1], capture_output=True, text=True, check=True)
            r = json.loads(done.stdout)
            found = np.array(r.pop("found"))
            r["recall_at_64"] = round(float(np.mean([len(set(f) & set(e)) / K for f, e in zip(found, exact)])), 4)
            out[name][config] = r
            print(name, config, r, file=sys.stderr, flush=True)
    return {"command": "nice python -m eval.bench_archive_ann" + "".join(f" {a}" for a in sys.argv[1:]),
            "k": K, "queries": N_QUERIES, "M": M, "ef": EF, "results": out, "kept": "usearch-i8",
            "load_average_1min_at_end": round(os.getloadavg()[0], 2),
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}}


def report(r: dict) -> str:
    lines = [f"# ANN libraries for the archive\n\n`{r['command']}`; k={r['k']}, {r['queries']} queries, "
             f"M={r['M']}, ef={r['ef']}, one thread. Kept: **{r['kept']}**.\n",
             "| vectors | library | build s | query ms | recall@64 | RSS growth MiB | file MiB |", "|---|---|---|---|---|---|---|"]
    for name, res in r["results"].items():
        for config in CONFIGS:
            x = res[config]
            lines.append(f"| {name} ({res['vectors']:,}) | {config} | {x['build_s']} | {x['query_ms']} | "
                         f"{x['recall_at_64']} | {x['rss_growth_mib']} | {x['file_mib']} |")
    lines.append(f"\nLoad average at the end: {r['load_average_1min_at_end']} on {r['machine']['cpus']} CPUs (shared machine).")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=30_000, help="vectors per set (default 30,000)")
    parser.add_argument("--out", default=str(RESULTS / "archive_ann.json"))
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(*args.one)))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-ann-") as tmp:
        result = bench(args.size, Path(tmp))
    out = Path(args.out)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(report(result), encoding="utf-8")
    print(report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
