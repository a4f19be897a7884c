"""Benchmark: build a claim index over 1,000 IndoSum articles, then time checking articles.

    python -m eval.bench_claims [--docs 1000] [--queries 20]   # writes eval/results/claims_bench.json

The corpus is the first ``--docs`` articles of the IndoSum file (detokenized running text); the
queries are the next ``--queries`` articles, so none is checked against itself. Check time is
wall time of ``ClaimChecker.check`` per article: claim extraction, embedding the article's
claim sentences (reported apart: it does not depend on the corpus size), and matching
against the whole index.
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
from summarize.encoders.base import Encoder
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


def bench(n_docs: int = 1000, n_queries: int = 20, encoder: str = "e5-small") -> dict:
    articles = load_articles(limit=n_docs + n_queries)
    corpus = [{"id": a.id, "text": a.raw_text} for a in articles[:n_docs]]
    queries = [a.raw_text for a in articles[n_docs:]]

    start = time.perf_counter()
    checker = ClaimChecker(corpus, encoder=encoder, progress=True)
    build_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        checker.save(tmp)
        save_s = time.perf_counter() - start
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
        start = time.perf_counter()
        checker = ClaimChecker.load(tmp, encoder=encoder)
        load_s = time.perf_counter() - start

    checker.check(queries[0])  # warm-up: first call loads the parser tables and the encoder
    checker.encoder = timed = TimedEncoder(checker.encoder)
    times, verdicts = [], []
    for text in queries:
        start = time.perf_counter()
        results = checker.check(text)
        times.append(time.perf_counter() - start)
        verdicts += [r.verdict for r in results]
    index = checker.index
    return {
        "corpus_docs": len(index.doc_ids),
        "skipped_docs": len(checker.skipped),
        "indexed_claims": len(index.claims),
        "indexed_sentences": len(index.sentences),
        "encoder": checker.encoder.name,
        "build_s": round(build_s, 2),
        "save_s": round(save_s, 2),
        "load_s": round(load_s, 2),
        "index_bytes": size,
        "queries": len(times),
        "claims_checked": len(verdicts),
        "check_s_mean": round(statistics.mean(times), 3),
        "check_s_max": round(max(times), 3),
        # embedding the article's own claim sentences, the rest is extraction and matching
        "check_embed_s_mean": round(timed.seconds / len(times), 3),
        "check_other_s_mean": round((sum(times) - timed.seconds) / len(times), 3),
        "load_average_1min_at_end": round(os.getloadavg()[0], 2),
        "verdicts": {v: verdicts.count(v) for v in ("consistent", "conflict", "unverified")},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args(argv)
    result = bench(args.docs, args.queries, args.encoder)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
