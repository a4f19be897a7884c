"""Grid search of the matcher's similarity bar and the conflict rule (similarity, margin, and the
bar of a conflict framed on measure, name and place) on the claims **tune** part
(``split == "dev"`` in ``eval/data/claims/cases.jsonl``) only; the report part is never read here.

    python -m summarize.evaluation.claims_tune [--distractors 200] [--out eval/results/claims_tune.json]
        # prints the top 15 settings; --out keeps the top 50 and those at the shipped bars

Matching runs once with no bar; bars and conflict rules are then applied to the evidence it
found. The matcher and verdict modules are imported here only, so the report (``claims_eval``)
keeps working whatever those modules become.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from summarize.claims.types import CheckResult
from summarize.encoders.base import Encoder
from summarize.evaluation.claims_eval import (
    CASES, build_checkers, code_version, distractor_docs, eval_encoder, load_cases, run_case, score,
)

def _redecide(results: list[CheckResult], bar: float, conflict: float, margin: float, framed: float) -> list[CheckResult]:
    """The results as a stricter bar and another conflict rule would have given them."""
    from summarize.claims.verdict import CONFLICT_NEEDS, decide

    out = []
    for r in results:
        evidence = [e for e in r.evidence if e.similarity >= bar]
        verdict, deciding = decide(evidence, conflict, margin, CONFLICT_NEEDS, max(framed, bar), r.claim.quantity)
        out.append(CheckResult(r.claim, verdict, evidence, deciding))
    return out


def tune(path: Path | str | None = None, encoder: str | Encoder = "e5-small", distractors: int = 0) -> list[dict[str, Any]]:
    """Every setting's tune-part verdict accuracy, best first."""
    from summarize.claims.match import HybridMatcher

    every = load_cases(path)  # distractors are drawn as in ``evaluate``: same sample, all cases' sources excluded
    cases = [c for c in every if c["split"] == "dev"]
    checkers = build_checkers(cases, eval_encoder(encoder), distractor_docs(every, distractors))
    for checker in checkers.values():
        checker.matcher = HybridMatcher(min_similarity=0.0)
    found = {c["id"]: checkers[c["id"]].check(c["article"], date=c.get("date")) for c in cases}
    grid = []
    for bar, conflict, margin, framed in itertools.product(
        np.arange(0.30, 0.61, 0.02), np.arange(0.5, 0.91, 0.04), (0.0, 0.06, 0.12), (0.44, 0.5, 0.55, 0.6, 1.0)
    ):
        if conflict < bar:
            continue
        rows = [run_case(c, _redecide(found[c["id"]], bar, conflict, margin, framed)) for c in cases]
        scores = score(rows)
        grid.append({
            "min_similarity": round(float(bar), 2), "conflict_similarity": round(float(conflict), 2),
            "conflict_margin": margin, "framed_similarity": framed, "dev_verdict_accuracy": scores["verdict_accuracy"],
            "dev_conflict_precision": scores["conflict_precision"], "dev_conflict_recall": scores["conflict_recall"],
        })
    grid.sort(key=lambda g: (-(g["dev_verdict_accuracy"] or 0), -g["min_similarity"], g["conflict_similarity"], g["framed_similarity"]))
    return grid


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=str(CASES))
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--distractors", type=int, default=0, help="unrelated IndoSum articles added to each corpus")
    parser.add_argument("--out", help="also write the best 50 settings and those at the shipped bars to this JSON file")
    args = parser.parse_args(argv)
    grid = tune(args.cases, args.encoder, args.distractors)
    for row in grid[:15]:
        print(json.dumps(row))
    if args.out:
        command = "python -m summarize.evaluation.claims_tune" + "".join(
            f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
        from summarize.claims.match import MIN_SIMILARITY
        from summarize.claims.verdict import CONFLICT_SIMILARITY

        shipped = [g for g in grid if g["min_similarity"] == MIN_SIMILARITY and g["conflict_similarity"] == CONFLICT_SIMILARITY]
        result = {"command": command, "code": code_version(), "part": "tune (split == dev)", "settings": len(grid),
                  "top": grid[:50], "at_shipped_bars": shipped}
        Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
