"""Two systems of one harness run compared head to head, on the per-article scores it kept.

    python -m eval.compare_systems --run eval/results/full.json ours-learned-ft ours-learned
    python -m eval.compare_systems --run eval/results/full.json --run-b eval/results/full_s13.json \
        ours-learned-ft ours-learned-ft

The report compares every system with LEAD-3; this answers "is A better than B" with the same
statistics (``summarize.evaluation.metrics.paired_test``: the mean per-article difference, its
bootstrap 95 % interval and a paired sign-flip p-value), per mode and ROUGE type. With ``--run-b``, B is read from another run of the same articles (one
system under two recipes, e.g. two fine-tuned encoders). Writes
``eval/results/compare_<A>_vs_<B>.json``, or with ``--run-b``
``compare_<A>_<run>_vs_<B>_<run-b>.json`` (the runs' names tell the recipes apart).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from summarize.evaluation.locations import results_dir
from summarize.evaluation.metrics import ROUGE_TYPES, paired_test

RESULTS = results_dir()


def _per_article(run: Path) -> dict:
    return json.loads(run.with_name(run.name.removesuffix(".json") + ".articles.json").read_text(encoding="utf-8"))


def compare(run: Path, a: str, b: str, resamples: int = 1000, run_b: Path | None = None) -> dict:
    articles = _per_article(run)
    other = articles if run_b is None else _per_article(run_b)
    if other["ids"] != articles["ids"]:
        raise SystemExit(f"{run} and {run_b} scored different articles; a paired test needs the same ones")
    out: dict = {"run": str(run), "a": a, "b": b, "n": len(articles["ids"]), "modes": {}}
    if run_b is not None:
        out["run_b"] = str(run_b)
    for mode, systems in articles.items():
        if mode == "ids":
            continue
        missing = [f"{a} ({run})"] if a not in systems else []
        missing += [f"{b} ({run_b or run})"] if b not in other.get(mode, {}) else []
        if missing:
            raise SystemExit(f"no per-article scores of {', '.join(missing)} in {mode} mode")
        out["modes"][mode] = {}
        for t in ROUGE_TYPES:
            test = paired_test(systems[a][t], other[mode][b][t], resamples)
            out["modes"][mode][t] = {"diff": round(100 * test.diff.mean, 2), "ci95": [round(100 * test.diff.low, 2),
                                     round(100 * test.diff.high, 2)], "p": round(test.p_value, 4)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, default=RESULTS / "full.json", help="a harness run's JSON (its .articles.json beside it)")
    ap.add_argument("--run-b", type=Path, help="read system B from this run of the same articles instead")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--resamples", type=int, default=1000)
    args = ap.parse_args(argv)
    record = {"command": "python -m eval.compare_systems " + " ".join(sys.argv[1:] if argv is None else argv),
              **compare(args.run, args.a, args.b, args.resamples, args.run_b)}
    if args.run_b is None:
        name = f"compare_{args.a}_vs_{args.b}.json"
    else:
        name = f"compare_{args.a}_{args.run.stem}_vs_{args.b}_{args.run_b.stem}.json"
    (RESULTS / name).write_text(json.dumps(record, indent=1))
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
