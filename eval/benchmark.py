"""Speed and memory of the default pipeline on raw IndoSum-length text.

    python -m eval.benchmark                 # 300 articles, default encoder and ranker
    python -m eval.benchmark --n 100 --ranker centrality
    python -m eval.benchmark --steps 100      # also: what batching and the candidate cut each buy

Prints and writes ``eval/results/benchmark.json``: model load time, articles/s and sentences/s of
``summarize_many`` (model load excluded), the time split between cleaning/splitting, embedding
and ranking+selection, peak RSS, and the cold start of the ``summarize`` command on one article
(a fresh process: imports, model load, one summary).
"""
from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.encoders.base import Encoder
from summarize.evaluation.indosum import load_articles
from summarize.summarizer import Summarizer
from summarize.text import article_sentences

RESULTS = Path(__file__).resolve().parent / "results"
EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "antara-2024-umkm-jakpreneur.txt"


class TimedEncoder(Encoder):
    """Wraps the real encoder and adds up the time spent in it and the sentences it embedded."""

    def __init__(self, base: Encoder) -> None:
        self.base, self.name = base, base.name
        self.seconds, self.sentences = 0.0, 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        start = time.perf_counter()
        out = self.base.encode(texts)
        self.seconds += time.perf_counter() - start
        self.sentences += len(texts)
        return out


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def cold_start(path: Path, repeats: int) -> list[float]:
    """Wall seconds of ``python -m summarize FILE -q`` in a fresh process (what a user waits)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarize", str(path), "-q"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def run(texts: list[str], encoder: str | None, ranker: str | None, repeats: int) -> dict:
    start = time.perf_counter()
    kwargs = {k: v for k, v in {"encoder": encoder, "ranker": ranker}.items() if v}
    summ = Summarizer(**kwargs)
    timed = TimedEncoder(summ.encoder)
    summ.encoder = timed
    summ.summarize(texts[0])  # first call loads the encoder's weights lazily: part of model load
    load_s = time.perf_counter() - start
    timed.seconds, timed.sentences = 0.0, 0

    start = time.perf_counter()
    split = [article_sentences(t) for t in texts]
    split_s = time.perf_counter() - start
    start = time.perf_counter()
    summaries = summ.summarize_many(texts, k=3)
    total_s = time.perf_counter() - start
    n_sent = sum(len(s) for s in split)
    result = {
        "articles": len(texts),
        "encoder": summ.encoder.name,
        "ranker": summaries[0].ranker,
        "max_candidates": summ.max_candidates,
        "model_load_s": round(load_s, 3),
        "summarize_many_s": round(total_s, 3),
        "articles_per_s": round(len(texts) / total_s, 2),
        "sentences_per_s": round(n_sent / total_s, 1),
        "sentences_in_articles": n_sent,
        "sentences_embedded": timed.sentences,
        "embed_s": round(timed.seconds, 3),
        "embedded_sentences_per_s": round(timed.sentences / timed.seconds, 1),
        "split_s": round(split_s, 3),
        "rank_select_s": round(total_s - timed.seconds - split_s, 3),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
        "python": platform.python_version(),
    }
    if repeats:
        times = cold_start(EXAMPLE, repeats)
        result["cold_start_cli_s"] = {"median": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times],
                                      "file": EXAMPLE.name}
    return result


def steps(texts: list[str]) -> list[dict]:
    """Articles/s with each throughput step added in turn, on the same raw articles: one
    article per call embedding every candidate sentence (up to ``MAX_CANDIDATES``), then
    batching sentences across articles, then embedding only what the learned head can rank."""
    from summarize.summarizer import MAX_CANDIDATES

    summ = Summarizer()
    summ.summarize(texts[0])  # load the weights outside the timings
    cut = summ.max_candidates
    rows = []
    for name, batched, limit in (("one article per call, all candidates", False, MAX_CANDIDATES),
                                 ("batched across articles, all candidates", True, MAX_CANDIDATES),
                                 (f"batched, first {cut} candidates (default)", True, cut)):
        summ.max_candidates = limit
        start = time.perf_counter()
        if batched:
            summ.summarize_many(texts, k=3)
        else:
            for text in texts:
                summ.summarize(text, k=3)
        seconds = time.perf_counter() - start
        rows.append({"step": name, "articles": len(texts), "seconds": round(seconds, 2),
                     "articles_per_s": round(len(texts) / seconds, 2)})
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="articles (the first N of IndoSum)")
    ap.add_argument("--encoder", default=None)
    ap.add_argument("--ranker", default=None)
    ap.add_argument("--cold-repeats", type=int, default=3, help="CLI cold starts to time (0: skip)")
    ap.add_argument("--steps", type=int, default=0, metavar="N",
                    help="also time each throughput step on N articles (default encoder and ranker)")
    args = ap.parse_args(argv)
    texts = [a.raw_text for a in load_articles(limit=max(args.n, args.steps))]
    result = run(texts[: args.n], args.encoder, args.ranker, args.cold_repeats)
    if args.steps:
        result["steps"] = steps(texts[: args.steps])
    for key, value in result.items():
        print(f"{key:26s} {value}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "benchmark.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
