"""Benchmark: build a claim index over 1,000 IndoSum articles, then time checking articles.

    python -m eval.bench_claims [--docs 1000] [--queries 20] [--baseline-docs 10]
                                                   # writes eval/results/claims_bench.json

The corpus is the first ``--docs`` articles of the IndoSum file (detokenized running text); the
queries are the next ``--queries`` articles, so none is checked against itself. Check time is
wall time of ``ClaimChecker.check`` per article: claim extraction, embedding the article's
claim sentences (reported apart: it does not depend on the corpus size), and matching
against the whole index. The same queries are then timed against an index of only
``--baseline-docs`` articles: the ratio between the two is the cost of the large index on the
same machine at the same load (issue 12's target is < 2 s per article against 1,000).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.claims.checker import ClaimChecker
from summarize.encoders.base import Encoder, get_encoder
from summarize.evaluation.claims_eval import code_version, eval_encoder
from summarize.evaluation.indosum import load_articles

RESULTS = Path(__file__).parent / "results" / "claims_bench.json"


class TimedEncoder(Encoder):
    """Passes through to ``inner`` and adds up the seconds spent embedding."""

    def __init__(self, inner: Encoder) -> None:
        self.inner, self.name, self.seconds = inner, inner.name, 0.0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        start = time.perf_counter()
        try:
            return self.inner.encode(texts)
        finally:
            self.seconds += time.perf_counter() - start


def _timed_checks(checker: ClaimChecker, queries: list[str]) -> tuple[list[float], float, list[str]]:
    """Seconds per ``check``, seconds of it spent embedding, and every verdict."""
    checker.check(queries[0])  # warm-up: first call loads the parser tables and the encoder
    inner = checker.encoder
    checker.encoder = timed = TimedEncoder(inner)
    times, verdicts = [], []
    try:
        for text in queries:
            start = time.perf_counter()
            results = checker.check(text)
            times.append(time.perf_counter() - start)
            verdicts += [r.verdict for r in results]
    finally:
        checker.encoder = inner
    return times, timed.seconds, verdicts


def _save_and_load(checker: ClaimChecker, encoder: Encoder) -> tuple[ClaimChecker, dict]:
    """The checker reloaded from disk, with the seconds and bytes it took (when it can be saved)."""
    if not hasattr(checker, "save"):
        return checker, {}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        checker.save(tmp)
        save_s = time.perf_counter() - start
        size = sum(f.stat().st_size for f in Path(tmp).rglob("*") if f.is_file())
        start = time.perf_counter()
        loaded = ClaimChecker.load(tmp, encoder=encoder)
        load_s = time.perf_counter() - start
    return loaded, {"save_s": round(save_s, 2), "load_s": round(load_s, 2), "index_bytes": size}


def bench(n_docs: int = 1000, n_queries: int = 20, encoder: str = "e5-small", baseline_docs: int = 10,
          cached_index: bool = False) -> dict:
    """Check time against ``n_docs`` articles, and against ``baseline_docs`` in the same run: the
    ratio is what the large index costs, whatever the machine's load. ``cached_index`` builds the
    index from the evaluation's embedding cache (then ``build_s`` is not a build time); the
    checked articles are always embedded afresh."""
    articles = load_articles(limit=n_docs + n_queries)
    corpus = [{"id": a.id, "text": a.raw_text} for a in articles[:n_docs]]
    queries = [a.raw_text for a in articles[n_docs:]]
    enc = get_encoder(encoder)

    start = time.perf_counter()
    checker = ClaimChecker(corpus, encoder=eval_encoder(enc) if cached_index else enc, progress=True)
    build_s = time.perf_counter() - start
    checker, stored = _save_and_load(checker, enc)
    checker.encoder = enc
    times, embed_s, verdicts = _timed_checks(checker, queries)
    small = ClaimChecker(corpus[:baseline_docs], encoder=enc)
    base_times, _, _ = _timed_checks(small, queries)
    store = getattr(checker, "store", None) or getattr(checker, "index", None)
    return {
        "command": "python -m eval.bench_claims" + "".join(f" {a}" for a in sys.argv[1:]),
        "code": code_version(),
        "corpus_docs": len(store) if store is not None and hasattr(store, "__len__") else n_docs,
        "skipped_docs": len(checker.skipped),
        "encoder": enc.name,
        "build_s": round(build_s, 2),
        "index_embeddings_from_cache": cached_index,
        **stored,
        "queries": len(times),
        "claims_checked": len(verdicts),
        "check_s_mean": round(statistics.mean(times), 3),
        "check_s_max": round(max(times), 3),
        # embedding the article's own claim sentences, the rest is extraction and matching
        "check_embed_s_mean": round(embed_s / len(times), 3),
        "check_other_s_mean": round((sum(times) - embed_s) / len(times), 3),
        "baseline_docs": baseline_docs,
        "baseline_check_s_mean": round(statistics.mean(base_times), 3),
        "check_s_ratio_to_baseline": round(statistics.mean(times) / statistics.mean(base_times), 2),
        "target_check_s": 2.0,
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "verdicts": {v: verdicts.count(v) for v in ("consistent", "conflict", "unverified")},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--baseline-docs", type=int, default=10, help="the small index timed in the same run")
    parser.add_argument("--cached-index", action="store_true",
                        help="embed the index from the claims evaluation's cache (checked articles are never cached)")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    result = bench(args.docs, args.queries, args.encoder, args.baseline_docs, args.cached_index)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
