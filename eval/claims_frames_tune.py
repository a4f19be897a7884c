"""Design comparison for the claim checker's frames, on the claims **tune** part only
(``split == "dev"`` of ``eval/data/claims/cases.jsonl``; the report part is never read here).

Each variant is a way of building the checker (matcher and verdict options); every variant is
scored with each case's own corpus and with 200 unrelated IndoSum articles added, by the
harness's own scoring (``summarize.evaluation.claims_eval.score``).

    python -m eval.claims_frames_tune [--variants a,b] [--distractors 200]
        # writes eval/results/claims_frames_tune.json
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Sequence

from summarize.claims.checker import ClaimChecker
from summarize.evaluation.claims_eval import (
    CASES, build_checkers, code_version, distractor_docs, eval_encoder, load_cases, run_case, score,
)
from summarize.evaluation.embed_cache import CachedEncoder

OUT = Path(__file__).parent / "results" / "claims_frames_tune.json"
KEYS = ("verdict_accuracy", "conflict_precision", "conflict_recall", "verdict_accuracy_end_to_end",
        "extraction_precision", "extraction_recall", "confusion")


def _variants() -> dict[str, Callable[[ClaimChecker], None]]:
    """name -> how it changes a default checker (``frames`` is the shipped design)."""
    from summarize.claims.frame_match import SLOTS
    from summarize.claims.match import HybridMatcher
    from summarize.claims.verdict import CONFLICT_NEEDS

    def variant(slots: tuple[str, ...] = SLOTS, needs: tuple[str, ...] = CONFLICT_NEEDS, siblings: bool = True,
                **matcher: Any):
        def apply(checker: ClaimChecker) -> None:
            checker.matcher = HybridMatcher(slots=slots, **matcher)
            checker.conflict_needs = needs
            checker.siblings = siblings
        return apply

    without = lambda *names: tuple(s for s in SLOTS if s not in names)  # noqa: E731
    return {
        "frames": variant(),
        # the rule before frames: unit, counted noun and time filters only, any close disagreement
        "no_frames": variant(("unit", "counted", "time"), (), siblings=False),
        "frames_no_sibling_rule": variant(siblings=False),
        "frames_conflict_without_measure": variant(needs=()),
        "frames_no_measure_slot": variant(without("measure"), ()),
        "frames_no_entities": variant(without("entities")),
        "frames_no_places": variant(without("places")),
        "frames_no_kind": variant(without("kind")),
        "frames_conflict_needs_measure": variant(needs=("measure",)),
    }


def run(variants: Sequence[str], distractors: int, encoder: str = "e5-small") -> dict[str, Any]:
    every = load_cases(CASES)
    cases = [c for c in every if c["split"] == "dev"]
    enc = eval_encoder(encoder)
    table = _variants()
    out: dict[str, Any] = {}
    for n in sorted({0, distractors}):
        checkers = build_checkers(cases, enc, distractor_docs(every, n))
        for name in variants:
            for checker in checkers.values():
                table[name](checker)
            rows = [run_case(c, checkers[c["id"]].check(c["article"], date=c.get("date"))) for c in cases]
            scored = score(rows)
            out.setdefault(name, {})[f"distractors_{n}"] = {k: scored[k] for k in KEYS}
            out[name][f"distractors_{n}"]["errors"] = [
                dict(p, case=r["id"]) for r in rows for p in r["pairs"] if p["expected"] != p["predicted"]
            ] if name == variants[0] else None
            print(name, n, json.dumps({k: scored[k] for k in KEYS[:4]}), file=sys.stderr)
    if isinstance(enc, CachedEncoder):
        enc.save()
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="", help="comma-separated; default: all")
    parser.add_argument("--distractors", type=int, default=200)
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    names = [v for v in args.variants.split(",") if v] or list(_variants())
    result = {
        "command": "python -m eval.claims_frames_tune" + "".join(f" {a}" for a in (argv if argv is not None else sys.argv[1:])),
        "code": code_version(),
        "part": "tune (split == dev)",
        "variants": run(names, args.distractors),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
