"""Claim extraction on whole real sentences drawn at random from IndoSum
(``eval/data/claims/extraction_sentences.jsonl``, labelled by hand).

Unlike the verdict cases, these sentences were not chosen for holding claims: many hold only
dates, clock times, names with digits or ordinals, which must not come out as claims. A found
claim counts as right when its span overlaps a labelled one; spans labelled ``optional`` (ages
in parentheses, game scores: no agreed convention) count neither way.
"""
from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

from summarize.claims.parse.words import NUMBER_WORDS
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


def evaluate_extraction(extract: Callable[[str], list[Any]], path: Path | str | None = None,
                        parts: tuple[str, ...] = ("dev", "test")) -> dict[str, Any]:
    """Extraction precision and recall per part (``dev`` = tune, ``test`` = report); ``parts``
    limits the run to some parts (tuning reads ``("dev",)`` only)."""
    with open(path or SENTENCES, encoding="utf-8") as f:
        rows = [row for line in f if line.strip() and (row := json.loads(line))["split"] in parts]
    scored = [score_sentence(r, [(c.start, c.end, c.surface) for c in extract(r["text"])]) for r in rows]
    out: dict[str, Any] = {}
    for split in parts:
        part = [s for s in scored if s["split"] == split]
        found, expected, paired = (sum(s[k] for s in part) for k in ("found", "expected", "paired"))
        out[split] = {"sentences": len(part), "expected_claims": expected, "found_claims": found,
                      **extraction_scores(found, expected, paired)}
    # the tune part's mistakes only, as for the verdicts
    out["tune_mistakes"] = [{"id": s["id"], "missed": s["missed"], "false": s["false"]}
                            for s in scored if s["split"] == "dev" and (s["missed"] or s["false"])]
    return out


_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(sorted(NUMBER_WORDS)) + r"|\w+belas|puluh|ratus|ribu|juta|miliar|triliun)\b",
                          re.IGNORECASE)


def _quoted_articles(prefix: str) -> set[str]:
    """IndoSum article ids that the claims data files already quote (never sampled again),
    leaving out this draw's own rows (ids starting with ``prefix``) so a draw can be rerun."""
    seen: set[str] = set()
    for path in SENTENCES.parent.glob("*.jsonl"):
        lines = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join(x for x in lines if f'"id": "{prefix}' not in x)
        seen.update(re.findall(r"indosum:([\w-]+)", text))
        seen.update(re.findall(r'"article": "([\w-]+)"', text))
    return seen


def sample_sentences(per_part: int, plain: int, seed: int, prefix: str) -> list[dict[str, Any]]:
    """Unlabelled rows to label by hand: per part, ``per_part`` whole sentences holding a digit
    or a number word and ``plain`` holding neither, one sentence per article, from articles no
    claims data file quotes yet. The part comes from the same article hash as the verdict cases,
    so no article feeds both parts. Runs from a checkout only (it reads ``eval/``)."""
    from summarize.evaluation.indosum import load_articles

    part_of = importlib.import_module("eval.build_contrast_cases").part_of

    rng = random.Random(seed)
    quoted = _quoted_articles(prefix)
    articles = [a for a in load_articles() if a.id not in quoted]
    rng.shuffle(articles)
    want = {(p, n): per_part if n else plain for p in ("dev", "test") for n in (True, False)}
    rows: list[dict[str, Any]] = []
    for art in articles:
        i = rng.randrange(len(art.sentences))
        text = art.sentences[i]
        key = (part_of(art.id), bool(re.search(r"\d", text) or _NUMBER_WORD.search(text)))
        if want[key] > 0:
            want[key] -= 1
            rows.append({"id": f"{prefix}{len(rows):03d}", "split": key[0],
                         "source": f"indosum:{art.id} sentence {i}", "text": text,
                         "claims": [], "optional": [], "note": ""})
    return rows


def main(argv: list[str] | None = None) -> int:
    """Score the extractor on the set (``--part``), or ``--sample`` rows to label by hand."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=["dev", "test", "both"], default="dev",
                    help="which part to score: dev (tune, the default), test (report) or both")
    ap.add_argument("--out", help="also write the scores as JSON to this file")
    ap.add_argument("--sample", type=int, metavar="N",
                    help="instead of scoring, print N new sentences with a digit or number word per part")
    ap.add_argument("--plain", type=int, default=0, help="with --sample: sentences with neither, per part")
    ap.add_argument("--seed", type=int, default=14, help="with --sample: the draw's seed")
    ap.add_argument("--prefix", default="ext-c", help="with --sample: the new rows' id prefix")
    args = ap.parse_args(argv)
    if args.sample:
        for row in sample_sentences(args.sample, args.plain, args.seed, args.prefix):
            print(json.dumps(row, ensure_ascii=False))
        return 0
    from summarize.claims.extract import extract_claims

    parts = ("dev", "test") if args.part == "both" else (args.part,)
    command = " ".join(["python -m summarize.evaluation.claims_extraction", *(sys.argv[1:] if argv is None else argv)])
    result = {"command": command,
              "commit": _commit(), **evaluate_extraction(extract_claims, parts=parts)}
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


def _commit() -> str | None:
    """The checkout's commit and whether the extraction code or set differs from it."""
    root = Path(__file__).resolve().parents[2]
    paths = ["summarize/claims/parse", "summarize/claims/extract.py", "summarize/text", str(SENTENCES)]
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", *paths], cwd=root,
                               capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return head.stdout.strip() + (" + uncommitted extraction changes" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    raise SystemExit(main())
