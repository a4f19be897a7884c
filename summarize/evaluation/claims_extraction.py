"""Claim extraction on whole real sentences drawn at random from IndoSum
(``eval/data/claims/extraction_sentences.jsonl``, labelled by hand).

Unlike the verdict cases, these sentences were not chosen for holding claims: many hold only
dates, clock times, names with digits or ordinals, which must not come out as claims. A found
claim counts as right when its span overlaps a labelled one; spans labelled ``optional`` (ages
in parentheses, game scores: no agreed convention) count neither way.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from summarize.evaluation.claims_metrics import extraction_scores
from summarize.evaluation.locations import gold_data

SENTENCES = gold_data("claims", "extraction_sentences.jsonl")


def _overlaps(start: int, end: int, spans: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((s for s in spans if s["start"] < end and start < s["start"] + len(s["surface"])), None)


def score_sentence(row: dict[str, Any], found: list[tuple[int, int, str]]) -> dict[str, Any]:
    """``found`` = ``(start, end, surface)`` of the extracted claims."""
    gold = list(row["claims"])
    free = list(gold)
    counted, false = 0, []
    for start, end, surface in found:
        hit = _overlaps(start, end, free)
        if hit is not None:
            free.remove(hit)
            counted += 1
        elif _overlaps(start, end, gold) is None and _overlaps(start, end, row.get("optional", [])) is None:
            false.append(surface)
            counted += 1
        elif _overlaps(start, end, gold) is not None:
            false.append(surface)  # a second claim inside one labelled span
            counted += 1
    return {"id": row["id"], "split": row["split"], "expected": len(gold), "found": counted,
            "paired": len(gold) - len(free), "missed": [s["surface"] for s in free], "false": false}


def evaluate_extraction(extract: Callable[[str], list[Any]], path: Path | str | None = None) -> dict[str, Any]:
    """Extraction precision and recall per part (``dev`` = tune, ``test`` = report)."""
    with open(path or SENTENCES, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    scored = [score_sentence(r, [(c.start, c.end, c.surface) for c in extract(r["text"])]) for r in rows]
    out: dict[str, Any] = {}
    for split in ("dev", "test"):
        part = [s for s in scored if s["split"] == split]
        found, expected, paired = (sum(s[k] for s in part) for k in ("found", "expected", "paired"))
        out[split] = {"sentences": len(part), "expected_claims": expected, "found_claims": found,
                      **extraction_scores(found, expected, paired)}
    # the tune part's mistakes only, as for the verdicts
    out["tune_mistakes"] = [{"id": s["id"], "missed": s["missed"], "false": s["false"]}
                            for s in scored if s["split"] == "dev" and (s["missed"] or s["false"])]
    return out
