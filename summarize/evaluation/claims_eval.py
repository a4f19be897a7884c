"""Evaluate the claim checker on the hand-checked cases in ``eval/data/claims/cases.jsonl``.

Each case is an article (a real excerpt), its own small corpus and every claim the article
makes with the verdict a careful reader gives it. Reported per split:

- extraction precision / recall: found claims vs expected ones, paired by overlapping offsets;
- value accuracy: paired claims whose value and unit are right;
- verdict accuracy on the paired claims (the checker's own job) and end to end, where an
  expected claim the parser missed counts as wrong ("missed" column of the confusion matrix).

Thresholds are tuned on the ``dev`` split only (``--tune``); ``test`` is for reporting.

    python -m summarize.evaluation.claims_eval                  # writes eval/results/claims.json
    python -m summarize.evaluation.claims_eval --tune           # grid search on dev (with 200 distractors)

Each run is reported twice: with each case's own small corpus, and with 200 unrelated IndoSum
articles added to it, closer to checking against a real archive.
"""
from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from summarize.claims.checker import ClaimChecker
from summarize.claims.extract import extract_claims
from summarize.claims.match import HybridMatcher
from summarize.claims.types import CheckResult, Claim
from summarize.claims.verdict import CONFLICT_MARGIN, CONFLICT_SIMILARITY, decide
from summarize.encoders.base import Encoder, get_encoder
from summarize.evaluation.locations import gold_data, results_dir

CASES = gold_data("claims", "cases.jsonl")
RESULTS = results_dir() / "claims.json"
VERDICTS = ("consistent", "conflict", "unverified")
#: Unrelated articles added to every case's corpus in the second run (see ``distractor_docs``).
DISTRACTORS = 200


class CachingEncoder(Encoder):
    """Remembers vectors by text: cases share corpus articles, and tuning re-queries them."""

    def __init__(self, inner: Encoder) -> None:
        self.inner, self.name, self._cache = inner, inner.name, {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            self._cache.update(zip(missing, self.inner.encode(missing)))
        dim = next(iter(self._cache.values())).shape[0] if self._cache else 1
        return np.array([self._cache[t] for t in texts], dtype=np.float32).reshape(len(texts), dim)


def load_cases(path: Path | str | None = None) -> list[dict[str, Any]]:
    with open(path or CASES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _expected_spans(case: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    """Offsets of each expected surface: its ``start`` if given, else its first unused occurrence."""
    spans, used = [], set()
    for exp in case["expected"]:
        start = exp.get("start")
        if start is None:
            start = case["article"].find(exp["surface"])
            while start in used:
                start = case["article"].find(exp["surface"], start + 1)
        if start < 0:
            raise ValueError(f"case {case['id']}: surface {exp['surface']!r} not in article")
        used.add(start)
        spans.append((start, start + len(exp["surface"]), exp))
    return spans


def _pair(case: dict[str, Any], results: list[CheckResult]) -> list[tuple[dict[str, Any], CheckResult | None]]:
    """Each expected claim with the found claim whose span overlaps it (greedy, text order)."""
    free = list(results)
    out = []
    for start, end, exp in _expected_spans(case):
        hit = next((r for r in free if r.claim.start < end and start < r.claim.end), None)
        if hit is not None:
            free.remove(hit)
        out.append((exp, hit))
    return out


def _score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    found = sum(r["n_found"] for r in rows)
    expected = sum(len(r["pairs"]) for r in rows)
    pairs = [p for r in rows for p in r["pairs"]]
    paired = [p for p in pairs if p["predicted"] != "missed"]
    confusion = Counter((p["expected"], p["predicted"]) for p in pairs)
    right = sum(p["expected"] == p["predicted"] for p in pairs)
    return {
        "cases": len(rows),
        "expected_claims": expected,
        "found_claims": found,
        "extraction_precision": round(len(paired) / found, 4) if found else 1.0,
        "extraction_recall": round(len(paired) / expected, 4) if expected else 1.0,
        "value_accuracy": round(sum(p["value_ok"] for p in paired) / len(paired), 4) if paired else None,
        "verdict_accuracy": round(right / len(paired), 4) if paired else None,
        "verdict_accuracy_end_to_end": round(right / expected, 4) if expected else None,
        "confusion": {e: {p: confusion[(e, p)] for p in (*VERDICTS, "missed")} for e in VERDICTS},
    }


def _run_case(case: dict[str, Any], results: list[CheckResult]) -> dict[str, Any]:
    paired = _pair(case, results)
    pairs = []
    for exp, hit in paired:
        pairs.append({
            "surface": exp["surface"],
            "expected": exp["verdict"],
            "predicted": hit.verdict if hit else "missed",
            "value_ok": bool(hit and hit.claim.value == Decimal(str(exp["value"])) and hit.claim.unit == exp["unit"]),
            "found": hit.claim.surface if hit else None,
            "deciding": hit.deciding.sentence if hit and hit.deciding else None,
        })
    extra = [r.claim.surface for r in results if all(r is not hit for _, hit in paired)]
    return {"id": case["id"], "split": case["split"], "n_found": len(results), "pairs": pairs, "extra": extra}


def distractor_docs(cases: list[dict[str, Any]], n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` IndoSum articles no case was built from, drawn with a fixed seed: added to every
    case's corpus they model checking against a large archive, where unrelated articles hold
    numbers of the same unit and, by chance, the same value."""
    if n <= 0:
        return []
    from summarize.evaluation.indosum import load_articles

    used = {src.split()[0].removeprefix("indosum:") for c in cases for src in c.get("sources", [])}
    pool = [a for a in load_articles() if a.id not in used]
    return [{"id": a.id, "text": a.raw_text} for a in random.Random(seed).sample(pool, n)]


def build_checkers(
    cases: list[dict[str, Any]], encoder: Encoder, extra: list[dict[str, str]]
) -> dict[str, ClaimChecker]:
    """One checker per case over its own corpus plus ``extra`` documents."""
    extract = functools.lru_cache(maxsize=None)(_extract)
    return {c["id"]: ClaimChecker(c["corpus"] + extra, encoder=encoder, extractor=extract) for c in cases}


def _extract(text: str, *, date: str | None = None) -> list[Claim]:
    return extract_claims(text, date=date)


def evaluate(
    path: Path | str | None = None, encoder: str | Encoder = "e5-small", distractors: int = 0
) -> dict[str, Any]:
    """Metrics per split (``dev``, ``test``, ``all``) with the library's default settings;
    ``distractors`` unrelated IndoSum articles are added to every case's corpus."""
    cases = load_cases(path)
    enc = CachingEncoder(get_encoder(encoder))
    checkers = build_checkers(cases, enc, distractor_docs(cases, distractors))
    rows = [_run_case(c, checkers[c["id"]].check(c["article"], date=c.get("date"))) for c in cases]
    matcher = HybridMatcher()
    out: dict[str, Any] = {
        "encoder": enc.name,
        "matcher": {"name": matcher.name, **vars(matcher)},
        "conflict_similarity": CONFLICT_SIMILARITY,
        "conflict_margin": CONFLICT_MARGIN,
        "distractors": distractors,
        "primary": "test.verdict_accuracy",
    }
    for split in ("dev", "test"):
        out[split] = _score([r for r in rows if r["split"] == split])
    out["all"] = _score(rows)
    out["errors"] = [dict(p, case=r["id"], split=r["split"]) for r in rows for p in r["pairs"] if p["expected"] != p["predicted"]]
    out["extra_claims"] = {r["id"]: r["extra"] for r in rows if r["extra"]}
    return out


def _redecide(results: list[CheckResult], bar: float, conflict: float, margin: float) -> list[CheckResult]:
    """The results as a stricter bar and another conflict rule would have given them."""
    out = []
    for r in results:
        evidence = [e for e in r.evidence if e.similarity >= bar]
        verdict, deciding = decide(evidence, conflict, margin)
        out.append(CheckResult(r.claim, verdict, evidence, deciding))
    return out


def tune(
    path: Path | str | None = None, encoder: str | Encoder = "e5-small", distractors: int = 0
) -> list[dict[str, Any]]:
    """Grid search on the dev split only, best first. Matching runs once per weight pair with
    no bar; bars and conflict rules are then applied to the evidence it found."""
    every = load_cases(path)  # distractors are drawn as in ``evaluate``: same sample, all cases' sources excluded
    cases = [c for c in every if c["split"] == "dev"]
    checkers = build_checkers(cases, CachingEncoder(get_encoder(encoder)), distractor_docs(every, distractors))
    grid = []
    weights = [(0.5, 0.5, 0.0), (0.4, 0.4, 0.2), (0.3, 0.4, 0.3), (0.3, 0.3, 0.4), (0.2, 0.4, 0.4), (0.4, 0.3, 0.3)]
    for w_emb, w_lex, w_doc in weights:
        for checker in checkers.values():
            checker.matcher = HybridMatcher(w_emb, w_lex, w_doc, min_similarity=0.0)
        found = {c["id"]: checkers[c["id"]].check(c["article"], date=c.get("date")) for c in cases}
        for bar, conflict, margin in itertools.product(
            np.arange(0.30, 0.61, 0.02), np.arange(0.5, 0.91, 0.04), (0.0, 0.06, 0.12)
        ):
            if conflict < bar:
                continue
            rows = [_run_case(c, _redecide(found[c["id"]], bar, conflict, margin)) for c in cases]
            grid.append({
                "weights": [w_emb, w_lex, w_doc], "min_similarity": round(float(bar), 2),
                "conflict_similarity": round(float(conflict), 2), "conflict_margin": margin,
                "dev_verdict_accuracy": _score(rows)["verdict_accuracy"],
            })
    grid.sort(key=lambda g: (-(g["dev_verdict_accuracy"] or 0), -g["min_similarity"], g["conflict_similarity"]))
    return grid


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=str(CASES))
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--distractors", type=int, default=DISTRACTORS,
                        help="unrelated IndoSum articles added to each corpus for the second run (0: skip)")
    parser.add_argument("--tune", action="store_true", help="grid search on the dev split; prints the top 15")
    parser.add_argument("--out", default=str(RESULTS))
    parser.add_argument("--errors", choices=("dev", "test", "all"),
                        help="also print the wrong verdicts of this split (own corpus run)")
    args = parser.parse_args(argv)
    if args.tune:
        for row in tune(args.cases, args.encoder, args.distractors)[:15]:
            print(json.dumps(row))
        return 0
    result = evaluate(args.cases, args.encoder)
    runs = {"own corpus": result}
    if args.distractors:
        noisy = evaluate(args.cases, args.encoder, args.distractors)
        result["with_distractors"] = {k: noisy[k] for k in ("distractors", "dev", "test", "all", "errors")}
        runs[f"+{args.distractors} distractors"] = noisy
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for e in result["errors"] if args.errors else []:
        if args.errors in ("all", e["split"]):
            print(f"error {e['case']}: {e['surface']!r} expected {e['expected']}, got {e['predicted']}"
                  f" (deciding: {e['deciding']!r})", file=sys.stderr)
    for name, run in runs.items():
        for split in ("dev", "test"):
            m = run[split]
            print(f"{name} {split}: verdict accuracy {m['verdict_accuracy']} (end to end "
                  f"{m['verdict_accuracy_end_to_end']}), extraction P {m['extraction_precision']} "
                  f"R {m['extraction_recall']}, {m['cases']} cases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
