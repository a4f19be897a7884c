"""The MMR redundancy weight a learned head runs with, chosen on its own held-out articles.

MMR reads redundancy from the encoder's cosine similarities, so the same weight means different
things on different encoders: general-purpose vectors put any two sentences of an article close
together (mean cosine 0.72 for e5-small), while vectors fine-tuned for ranking spread them apart
(0.29) and a penalty tuned for the former starts overruling the ranker. So each head picks its own
weight when it is trained, from what only training can see: every member scores the articles it
kept aside for early stopping at each weight of ``GRID``. The largest weight whose pooled ROUGE-1
lies within one standard error of the best is kept: the larger weight guards against
near-duplicate sentences (re-posted paragraphs) that readers dislike and ROUGE does not punish,
so it wins whenever the data cannot tell the two apart.
"""
from __future__ import annotations

from typing import Protocol, Sequence

import numpy as np

from summarize.evaluation.ranker_targets import rouge1_f
from summarize.rankers.learned import Head
from summarize.select import Length, mmr_select

#: The weights a head may choose from (0 ranks by score alone).
GRID = (0.0, 0.1, 0.2, 0.3)


class _Held(Protocol):
    """What scoring a held-out article needs (``train_ranker.Example`` has it)."""

    emb: np.ndarray
    feats: np.ndarray
    sentences: list[str]
    reference: str


def held_out_r1(member: Head, held: Sequence[_Held]) -> np.ndarray:
    """ROUGE-1 F1 of one member's 3-sentence picks (``member``: a one-member head), shape
    (len(GRID), len(held))."""
    out = np.zeros((len(GRID), len(held)))
    for j, ex in enumerate(held):
        emb = np.asarray(ex.emb, dtype=np.float64)
        logits = member.logits(emb, ex.feats)
        words = [len(s.split()) for s in ex.sentences]
        for g, weight in enumerate(GRID):
            chosen = mmr_select(logits, emb, Length(k=3), words, weight)
            out[g, j] = rouge1_f(ex.reference, "\n".join(ex.sentences[i] for i in chosen))
    return out


def choose_diversity(scores: np.ndarray) -> float:
    """The weight to run with, from per-article ROUGE-1 at every ``GRID`` weight (shape
    (len(GRID), n)): the largest within one standard error of the best (paired per article)."""
    if scores.shape[1] < 2:
        raise ValueError("choosing a diversity needs at least two held-out articles")
    best = int(np.argmax(scores.mean(axis=1)))
    for g in range(len(GRID) - 1, best, -1):
        diff = scores[g] - scores[best]
        if diff.mean() >= -diff.std(ddof=1) / np.sqrt(len(diff)):
            return GRID[g]
    return GRID[best]
