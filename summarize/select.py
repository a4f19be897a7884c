"""Selection: from per-sentence scores to the chosen indices, under a length rule, without
redundancy (MMR, as KeyBERT keeps it: a tiny module of its own).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Length:
    """How long the summary may be: exactly one of ``k`` sentences, a ``ratio`` of the article's
    sentences, a ``max_words`` budget (never exceeded), or ``target_words``: sentences are taken
    in rank order while that brings the total closer to the target, so the sentence count
    adapts to how long the article's best sentences are (``Summarizer(adaptive=True)`` sets it
    from what the learned ranker saw in training)."""

    k: int | None = 3
    ratio: float | None = None
    max_words: int | None = None
    target_words: float | None = None

    def __post_init__(self) -> None:
        for name in ("k", "max_words"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        for name in ("ratio", "target_words"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise TypeError(f"{name} must be a number, not {type(value).__name__}")
        given = [v is not None for v in (self.k, self.ratio, self.max_words, self.target_words)]
        if sum(given) != 1:
            raise ValueError("give exactly one of k, ratio, max_words or target_words")
        if self.k is not None and self.k < 1:
            raise ValueError("k must be at least 1")
        if self.ratio is not None and not 0 < self.ratio <= 1:  # also refuses nan
            raise ValueError("ratio must be in (0, 1]")
        if self.max_words is not None and self.max_words < 1:
            raise ValueError("max_words must be at least 1")
        if self.target_words is not None and not 0 < self.target_words < math.inf:
            raise ValueError("target_words must be positive")

    @classmethod
    def of(cls, k: int | None = None, ratio: float | None = None, max_words: int | None = None) -> "Length":
        """Default to k=3 when the caller gave nothing."""
        if k is None and ratio is None and max_words is None:
            k = 3
        return cls(k=k, ratio=ratio, max_words=max_words)

    def sentence_cap(self, n: int) -> int:
        if self.k is not None:
            return min(self.k, n)
        if self.ratio is not None:
            return min(n, max(1, math.ceil(self.ratio * n)))
        return n


def mmr_select(
    scores: np.ndarray,
    embeddings: np.ndarray,
    length: Length,
    word_counts: list[int],
    diversity: float = 0.3,
    n_total: int | None = None,
) -> list[int]:
    """Greedy Maximal Marginal Relevance; returns indices in article order.

    ``diversity`` is MMR's (1 - lambda): 0 picks purely by score, 1 purely against redundancy.
    Scores are min-max scaled first so ``diversity`` means the same for every ranker. Under a
    ``max_words`` budget a sentence that does not fit is skipped, but the first pick is always
    kept so a budget smaller than every sentence still yields a summary. Under ``target_words``
    selection stops at the first pick that would leave the total further from the target than it
    is. ``n_total`` is the
    article's sentence count when only its first ``len(scores)`` sentences are candidates, so a
    ``ratio`` means a share of the whole article.
    """
    n = len(scores)
    if n == 0:
        return []
    cap = min(n, length.sentence_cap(n_total or n))
    s = np.asarray(scores, dtype=np.float64)
    span = s.max() - s.min()
    rel = (s - s.min()) / span if span > 0 else np.ones(n)
    sim = embeddings @ embeddings.T if diversity > 0 else None
    chosen: list[int] = []
    words = 0
    candidates = set(range(n))
    while candidates and len(chosen) < cap:
        best, best_val = -1, -math.inf
        for i in sorted(candidates):  # sorted: ties go to the earlier sentence, deterministically
            redundancy = float(sim[i, chosen].max()) if chosen and sim is not None else 0.0
            val = (1 - diversity) * rel[i] - diversity * redundancy
            if val > best_val:
                best, best_val = i, val
        candidates.discard(best)
        target = length.target_words
        if target is not None and chosen and abs(words + word_counts[best] - target) > abs(words - target):
            break
        if length.max_words is not None and chosen and words + word_counts[best] > length.max_words:
            continue
        chosen.append(best)
        words += word_counts[best]
    return sorted(chosen)
