"""Sentence-boundary precision/recall/F1 of ``split_sentences`` on the hand-checked gold set.

A boundary is the place where one sentence ends and the next begins, counted in non-whitespace
characters from the start of the document, so gold and prediction agree however whitespace was
written (the gold lists sentences as strings; the text may have NBSP or line breaks between them).
``intra`` figures leave out boundaries at line breaks, which any splitter gets for free.

    python -m summarize.evaluation.splitting               # dev and test figures
    python -m summarize.evaluation.splitting --errors dev  # also print every wrong boundary in the dev part
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarize.evaluation.locations import gold_data
from summarize.text import split_sentences

DEFAULT_GOLD = gold_data("sentence_gold.jsonl")


@dataclass(frozen=True)
class GoldDoc:
    """One gold document: its text, the sentences a reader marked, and its part (dev/test)."""

    id: str
    split: str
    text: str
    sentences: list[str]


def load_gold(path: Path | None = None) -> list[GoldDoc]:
    """Read the gold JSONL (one document per line)."""
    path = path or DEFAULT_GOLD
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            docs.append(GoldDoc(rec["id"], rec["split"], rec["text"], rec["sentences"]))
    return docs


def _nonspace_prefix(text: str) -> list[int]:
    """``out[i]`` = number of non-whitespace characters in ``text[:i]``."""
    out = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        out[i + 1] = out[i] + (not ch.isspace())
    return out


def gold_boundaries(doc: GoldDoc) -> set[int]:
    """Boundaries of the gold sentences; fails loudly if they do not spell out the text."""
    if "".join("".join(s.split()) for s in doc.sentences) != "".join(doc.text.split()):
        raise ValueError(f"gold {doc.id}: sentences do not cover the text exactly")
    out, pos = set(), 0
    for sent in doc.sentences[:-1]:
        pos += len("".join(sent.split()))
        out.add(pos)
    return out


def _line_break_boundaries(text: str, prefix: list[int]) -> set[int]:
    return {prefix[i] for i, ch in enumerate(text) if ch == "\n"}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(docs: list[GoldDoc], errors: list[str] | None = None) -> dict[str, Any]:
    """Micro-averaged boundary scores over ``docs``; appends readable mistakes to ``errors``."""
    tp = n_pred = n_gold = tp_i = n_pred_i = n_gold_i = 0
    for doc in docs:
        prefix = _nonspace_prefix(doc.text)
        gold = gold_boundaries(doc)
        sents = split_sentences(doc.text)
        pred = {prefix[s.end] for s in sents[:-1]}
        free = _line_break_boundaries(doc.text, prefix) & gold
        tp, n_pred, n_gold = tp + len(gold & pred), n_pred + len(pred), n_gold + len(gold)
        tp_i += len((gold & pred) - free)
        n_pred_i, n_gold_i = n_pred_i + len(pred - free), n_gold_i + len(gold - free)
        if errors is not None:
            errors.extend(_describe(doc, prefix, gold, pred))
    out: dict[str, Any] = _prf(tp, n_pred, n_gold)
    out.update({"n_boundaries": n_gold, "n_documents": len(docs)})
    intra = _prf(tp_i, n_pred_i, n_gold_i)
    out.update({f"{k}_intra": v for k, v in intra.items()})
    out["n_boundaries_intra"] = n_gold_i
    return out


def _describe(doc: GoldDoc, prefix: list[int], gold: set[int], pred: set[int]) -> list[str]:
    index = {n: i for i, n in reversed(list(enumerate(prefix)))}
    lines = []
    for b in sorted(gold ^ pred):
        i = index[b]
        kind = "missed" if b in gold else "spurious"
        lines.append(f"{doc.id} {kind}: ...{doc.text[max(0, i - 60):i]}||{doc.text[i:i + 40]}...")
    return lines


def evaluate(gold_path: Path | str | None = None) -> dict[str, Any]:
    """Scores for the harness. Top-level figures are the *test* part (the one never tuned on);
    ``dev`` and ``test`` hold both parts' full figures."""
    docs = load_gold(Path(gold_path) if gold_path else None)
    parts = {name: score([d for d in docs if d.split == name]) for name in ("dev", "test")}
    return {**parts["test"], "dev": parts["dev"], "test": parts["test"]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Sentence-boundary scores on the gold set")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--errors", choices=["dev", "test"], help="print a part's wrong boundaries")
    args = ap.parse_args(argv)
    docs = load_gold(args.gold)
    for name in ("dev", "test"):
        errors: list[str] = []
        res = score([d for d in docs if d.split == name], errors)
        print(
            f"{name}: P={res['precision']:.4f} R={res['recall']:.4f} F1={res['f1']:.4f} "
            f"(n_boundaries={res['n_boundaries']}, docs={res['n_documents']}); intra-paragraph "
            f"F1={res['f1_intra']:.4f} (n={res['n_boundaries_intra']})"
        )
        if args.errors == name:
            print("\n".join(errors))


if __name__ == "__main__":
    main()
