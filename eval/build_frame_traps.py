"""Build the frame-trap cases: one sentence checked against one other, both written for this set.

    python -m eval.build_frame_traps          # writes eval/data/claims/frame_traps.jsonl
    python -m summarize.evaluation.claims_eval --cases eval/data/claims/frame_traps.jsonl \
        --distractors 0 --out eval/results/claims_frame_traps.json

``cases.jsonl`` holds real text, and in it a figure of another region, quarter, basis or subgroup
rarely sits beside the checked one. Statistics releases and disaster reports are full of them:
"penduduk miskin perkotaan" and "perdesaan", inflation "(yoy)" and "(mtm)", "kuartal I" and
"kuartal II", Bandung and Jawa Barat. Each case here is a pair of sentences in the style of
ANTARA and BPS releases, written by hand (``CONSTRUCTED`` in every note), with the verdict a
careful reader gives: ``trap`` pairs are two quantities (``unverified``), ``same`` pairs state
one quantity in other words (``conflict`` when the values differ, ``consistent`` when they agree),
so that a rule which only refuses loses its recall here.

In every round the ``dev`` part (tune) holds the pairs the rules were written from and the
``test`` part (report) was written after the rules and scored once. Rounds one and two (periods,
bases, places, alternatives, owners) are in ``eval.frame_trap_pairs``; round three (local
governments, ballot numbers, commodities, budgets) in ``eval.frame_trap_pairs_places``; round
four (kinds of value, ordinals, everyday pairs) in ``eval.frame_trap_pairs_kinds``; round five
(cumulative and relative times, elections, age bands, per-capita figures, means) in
``eval.frame_trap_pairs_times``. The figures
are realistic, not sourced: the cases test reading, not facts. ``expected`` is filled from the
parser (each sentence must yield exactly one claim) with the verdict given here.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.frame_trap_pairs import PAIRS
from eval.frame_trap_pairs_kinds import PAIRS as KIND_PAIRS
from eval.frame_trap_pairs_places import PAIRS as PLACE_PAIRS
from eval.frame_trap_pairs_times import BAND_VERDICTS
from eval.frame_trap_pairs_times import PAIRS as TIME_PAIRS
from summarize.claims.extract import extract_claims

OUT = Path(__file__).resolve().parent / "data" / "claims" / "frame_traps.jsonl"


def case(pid: str, split: str, verdict: str, article: str, other: str, kind: str = "frame-trap",
         extra: dict[str, str] | None = None) -> dict:
    """One pair as a case. ``extra`` gives the verdicts of the article's other figures (an age
    band's own "17 hingga 30 tahun"); the one figure left takes the pair's ``verdict``."""
    extra = extra or {}
    claims = extract_claims(article)
    checked = [c for c in claims if c.surface not in extra]
    if len(checked) != 1 or len(claims) != 1 + len(extra) or not extract_claims(other):
        raise SystemExit(f"{pid}: the article must state one claim besides {sorted(extra)}, the other sentence one or more")
    return {
        "id": f"trap-{pid}", "split": split, "kind": kind,
        "note": f"CONSTRUCTED pair in the style of ANTARA/BPS releases; expected {verdict}.",
        "sources": ["constructed"], "article": article, "corpus": [{"id": f"{pid}-other", "text": other}],
        "expected": [{"surface": c.surface, "start": c.start, "value": str(c.value), "unit": c.unit,
                      "noun": c.noun, "verdict": extra.get(c.surface, verdict)} for c in claims],
    }


def all_cases() -> list[dict]:
    """Every round's cases, each round with its own kind so the report shows it apart."""
    rounds = [("frame-trap", PAIRS), ("frame-trap-places", PLACE_PAIRS), ("frame-trap-kinds", KIND_PAIRS),
              ("frame-trap-times", TIME_PAIRS)]
    ids = [p[0] for _, pairs in rounds for p in pairs]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate case ids")
    return [case(*p, kind=kind, extra=BAND_VERDICTS.get(p[0])) for kind, pairs in rounds for p in pairs]


def main() -> int:
    cases = all_cases()
    OUT.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    print(f"{len(cases)} cases -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
