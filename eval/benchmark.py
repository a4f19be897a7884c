"""Speed and memory of the default pipeline on raw IndoSum-length text.

    python -m eval.benchmark                 # 300 articles, default encoder and ranker
    python -m eval.benchmark --n 100 --ranker centrality
    python -m eval.benchmark --steps 100      # also: what batching and the candidate cut each buy
    python -m eval.benchmark --cold-only      # only the start-up figures → eval/results/benchmark_cold.json

Prints and writes ``eval/results/benchmark.json``: model load time, articles/s and sentences/s of
``summarize_many`` (model load excluded), the time split between cleaning/splitting, embedding
and ranking+selection, peak RSS, and the start-up costs a user waits for, each the median of
``--cold-repeats`` fresh processes run in turn (so machine load hits all three alike): the bare
interpreter (``python -c pass``, the baseline), ``import summarize``, and the ``summarize``
command on one article (imports, model load, one summary).
"""
from __future__ import annotations

import argparse
import json
import os
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


#: Fresh-process start-up measurements: name → command line.
COLD = {
    "python_start_s": [sys.executable, "-c", "pass"],
    "import_summarize_s": [sys.executable, "-c", "import summarize"],
    "cli_one_article_s": [sys.executable, "-m", "summarize", str(EXAMPLE), "-q"],
}


def cold_start(repeats: int) -> dict:
    """Wall seconds of each ``COLD`` command in a fresh process, interleaved; medians and runs,
    and each as a multiple of the bare interpreter's start in the same run."""
    times: dict[str, list[float]] = {name: [] for name in COLD}
    for _ in range(repeats):
        for name, command in COLD.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    out: dict = {"repeats": repeats, "file": EXAMPLE.name, "load_average_1min_before": round(os.getloadavg()[0], 1)}
    for name, runs in times.items():
        out[name] = {"median": round(statistics.median(runs), 3), "runs": [round(t, 3) for t in runs]}
    base = statistics.median(times["python_start_s"])
    out["import_vs_python_start"] = round(statistics.median(times["import_summarize_s"]) / base, 1)
    out["cli_vs_python_start"] = round(statistics.median(times["cli_one_article_s"]) / base, 1)
    out["load_average_1min_after"] = round(os.getloadavg()[0], 1)  # a shared machine: other jobs' load
    return out


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
        result["cold_start"] = cold_start(repeats)
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
    ap.add_argument("--cold-repeats", type=int, default=5, help="fresh processes per start-up figure (0: skip)")
    ap.add_argument("--cold-only", action="store_true", help="only the start-up figures (benchmark_cold.json)")
    ap.add_argument("--steps", type=int, default=0, metavar="N",
                    help="also time each throughput step on N articles (default encoder and ranker)")
    args = ap.parse_args(argv)
    if args.cold_only:
        _write("benchmark_cold.json", {"cold_start": cold_start(args.cold_repeats), "python": platform.python_version()})
        return
    texts = [a.raw_text for a in load_articles(limit=max(args.n, args.steps))]
    result = run(texts[: args.n], args.encoder, args.ranker, args.cold_repeats)
    if args.steps:
        result["steps"] = steps(texts[: args.steps])
    _write("benchmark.json", result)


def _write(name: str, result: dict) -> None:
    for key, value in result.items():
        print(f"{key:26s} {value}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / name).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
