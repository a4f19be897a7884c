"""Evaluate the claim checker on the cases in ``eval/data/claims/cases.jsonl``.

Each case is an article (real text), its own small corpus and every claim the article makes with
the verdict a careful reader gives it. The cases have a tune part (``split == "dev"``) and a
report part (``"test"``, never tuned on); both are scored, separately, and each by kind
(hand-built, ``issue-table``, ``contrast``). Per part:

- extraction precision / recall: found claims vs expected ones, paired by overlapping offsets
  (on the ``contrast`` kind these are whole real IndoSum sentences);
- value accuracy: paired claims whose value and unit are right;
- verdict accuracy on the paired claims and end to end (a missed claim is wrong), per-verdict
  precision and recall, conflict precision and recall, the confusion matrix, the accuracy of
  answering ``unverified`` everywhere, and the verdicts given to claims nobody expected.

Every run is done twice: with each case's own corpus, and with 200 unrelated IndoSum articles
added to it. ``--archive-docs`` adds a run against a real archive (``claims_archive``).

    python -m summarize.evaluation.claims_eval            # eval/results/claims.json + claims.md
    python -m summarize.evaluation.claims_eval --archive-docs 1000   # + claims_archive1000.{json,md}
    python -m summarize.evaluation.claims_tune            # grid search on the tune part only
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Sequence

from summarize.claims.checker import ClaimChecker
from summarize.claims.extract import extract_claims
from summarize.claims.types import CheckResult, Claim
from summarize.encoders.base import Encoder, get_encoder
from summarize.evaluation.claims_metrics import MISSED, confusion, extraction_scores, ratio, verdict_scores
from summarize.evaluation.embed_cache import CachedEncoder
from summarize.evaluation.locations import REPO, cache_dir, gold_data, results_dir

CASES = gold_data("claims", "cases.jsonl")
RESULTS = results_dir() / "claims.json"
#: Unrelated articles added to every case's corpus in the second run (see ``distractor_docs``).
DISTRACTORS = 200
PARTS = {"dev": "tune", "test": "report"}
HAND = "hand-built"


def load_cases(path: Path | str | None = None) -> list[dict[str, Any]]:
    with open(path or CASES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def eval_encoder(encoder: str | Encoder) -> Encoder:
    """The encoder behind an on-disk cache of its own (``eval/cache/claims/``): cases share corpus
    articles, reruns re-embed nothing, and no other job's cache file is written."""
    enc = encoder if isinstance(encoder, Encoder) else get_encoder(encoder)
    return enc if isinstance(enc, CachedEncoder) else CachedEncoder(enc, cache_dir() / "claims")


def _expected_spans(case: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    """Offsets of each expected surface: its ``start`` if given, else its first unused occurrence."""
    spans, used = [], set()
    for exp in case["expected"]:
        start = exp.get("start")
        if start is None:
            start = case["article"].find(exp["surface"])
            while start in used:
                start = case["article"].find(exp["surface"], start + 1)
        if start < 0 or case["article"][start:start + len(exp["surface"])] != exp["surface"]:
            raise ValueError(f"case {case['id']}: surface {exp['surface']!r} not at its offset in the article")
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


def run_case(case: dict[str, Any], results: list[CheckResult]) -> dict[str, Any]:
    """One case's expected claims with what the checker said, and the claims nobody expected."""
    paired = _pair(case, results)
    pairs = [{
        "surface": exp["surface"],
        "expected": exp["verdict"],
        "predicted": hit.verdict if hit else MISSED,
        "value_ok": bool(hit and hit.claim.value == Decimal(str(exp["value"])) and hit.claim.unit == exp["unit"]),
        "found": hit.claim.surface if hit else None,
        "deciding": hit.deciding.sentence if hit and hit.deciding else None,
        "reason": getattr(hit, "reason", None) if hit else None,
    } for exp, hit in paired]
    extra = [{"surface": r.claim.surface, "verdict": r.verdict} for r in results if all(r is not hit for _, hit in paired)]
    return {"id": case["id"], "split": case["split"], "kind": case.get("kind", HAND),
            "n_found": len(results), "pairs": pairs, "extra": extra}


def score(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Every figure of one group of cases (see the module docstring)."""
    pairs = [p for r in rows for p in r["pairs"]]
    paired = [p for p in pairs if p["predicted"] != MISSED]
    found = sum(r["n_found"] for r in rows)
    matrix = confusion((p["expected"], p["predicted"]) for p in pairs)
    verdicts = verdict_scores(matrix)
    extraction = extraction_scores(found, len(pairs), len(paired))
    extra = [e["verdict"] for r in rows for e in r["extra"]]
    return {
        "cases": len(rows),
        "expected_claims": len(pairs),
        "found_claims": found,
        "extraction_precision": extraction["precision"],
        "extraction_recall": extraction["recall"],
        "value_accuracy": ratio(sum(p["value_ok"] for p in paired), len(paired)),
        "verdict_accuracy": verdicts.pop("accuracy"),
        "verdict_accuracy_end_to_end": verdicts.pop("accuracy_end_to_end"),
        **verdicts,
        "confusion": matrix,
        "unexpected_claims": {v: extra.count(v) for v in ("consistent", "conflict", "unverified")},
    }


def score_parts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """``dev`` (tune) and ``test`` (report), each with a ``by_kind`` breakdown, and ``all``."""
    out: dict[str, Any] = {}
    for split in PARTS:
        part = [r for r in rows if r["split"] == split]
        out[split] = score(part)
        kinds = sorted({r["kind"] for r in part})
        out[split]["by_kind"] = {k: score([r for r in part if r["kind"] == k]) for k in kinds}
    out["all"] = score(rows)
    return out


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


def build_checkers(cases: list[dict[str, Any]], encoder: Encoder, extra: list[dict[str, str]]) -> dict[str, ClaimChecker]:
    """One checker per case over its own corpus plus ``extra`` documents."""
    extract = functools.lru_cache(maxsize=None)(_extract)
    return {c["id"]: ClaimChecker(c["corpus"] + extra, encoder=encoder, extractor=extract) for c in cases}


def _extract(text: str, *, date: str | None = None) -> list[Claim]:
    return extract_claims(text, date=date)


def code_version() -> dict[str, Any]:
    """The commit the figures come from, and whether the claims code differed from it."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""
    dirty = git("status", "--porcelain", "--", "summarize/claims", "summarize/evaluation")
    return {"commit": git("rev-parse", "HEAD") or None, "claims_code_uncommitted_changes": bool(dirty)}


def evaluate(path: Path | str | None = None, encoder: str | Encoder = "e5-small", distractors: int = 0) -> dict[str, Any]:
    """Scores per part with the library's default settings; ``distractors`` unrelated IndoSum
    articles are added to every case's corpus."""
    cases = load_cases(path)
    enc = eval_encoder(encoder)
    checkers = build_checkers(cases, enc, distractor_docs(cases, distractors))
    rows = [run_case(c, checkers[c["id"]].check(c["article"], date=c.get("date"))) for c in cases]
    if isinstance(enc, CachedEncoder):
        enc.save()
    matcher = next(iter(checkers.values())).matcher if checkers else None
    out: dict[str, Any] = {
        "encoder": enc.name,
        "matcher": {"name": getattr(matcher, "name", type(matcher).__name__),
                    **{k: v for k, v in vars(matcher).items() if isinstance(v, (int, float, str, bool))}},
        "distractors": distractors,
        "parts": PARTS,
        "primary": "test.verdict_accuracy",
        **score_parts(rows),
    }
    # wrong verdicts of the tune part only: listing the report part's would invite tuning on it
    out["tune_errors"] = [dict(p, case=r["id"], kind=r["kind"]) for r in rows if r["split"] == "dev"
                          for p in r["pairs"] if p["expected"] != p["predicted"]]
    return out


def main(argv: Sequence[str] | None = None) -> int:
    from summarize.evaluation import claims_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=str(CASES))
    parser.add_argument("--encoder", default="e5-small")
    parser.add_argument("--distractors", type=int, default=DISTRACTORS,
                        help="unrelated IndoSum articles added to each corpus for the second run (0: skip)")
    parser.add_argument("--archive-docs", type=int, default=0,
                        help="also check IndoSum articles against an index of this many others (e.g. 1000)")
    parser.add_argument("--archive-queries", type=int, default=100, help="articles checked in the archive run")
    parser.add_argument("--out", default=str(RESULTS), help="JSON result; the Markdown report goes beside it")
    args = parser.parse_args(argv)
    command = "python -m summarize.evaluation.claims_eval" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:]))
    from summarize.evaluation.claims_extraction import evaluate_extraction

    result = {"command": command, "code": code_version(), **evaluate(args.cases, args.encoder)}
    result["extraction_sentences"] = evaluate_extraction(_extract)
    if args.distractors:
        noisy = evaluate(args.cases, args.encoder, args.distractors)
        result["with_distractors"] = {k: noisy[k] for k in ("distractors", "dev", "test", "all")}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(claims_report.render(result), encoding="utf-8")
    print(claims_report.summary_lines(result), file=sys.stderr)
    if args.archive_docs:
        from summarize.evaluation.claims_archive import archive_run

        run = {"command": command, "code": result["code"],
               **archive_run(args.archive_docs, args.archive_queries, eval_encoder(args.encoder))}
        stem = out.with_name(f"{out.stem}_archive{args.archive_docs}")
        stem.with_suffix(".json").write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        stem.with_suffix(".md").write_text(claims_report.render_archive(run), encoding="utf-8")
        print(f"archive run: {run['verdicts']} -> {stem}.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
