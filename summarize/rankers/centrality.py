"""LexRank-style centrality over sentence embeddings, blended with a position prior.

A pure graph ranker ignores that news is written lead-first and scores far below LEAD-3 on
IndoSum; the prior (weight ``position_weight``) keeps the graph's sense of "what the article is
about" while respecting the inverted pyramid.
"""
from __future__ import annotations

import numpy as np

from summarize.rankers.base import Document, Ranker


def centrality_scores(embeddings: np.ndarray, damping: float = 0.85, iters: int = 50) -> np.ndarray:
    """PageRank over the cosine-similarity graph (negative edges dropped, no self-loops)."""
    n = len(embeddings)
    if n == 0:
        return np.zeros(0)
    sim = np.clip(embeddings @ embeddings.T, 0.0, None).astype(np.float64)
    np.fill_diagonal(sim, 0.0)
    rows = sim.sum(axis=1, keepdims=True)
    trans = np.where(rows > 0, sim / np.where(rows > 0, rows, 1.0), 1.0 / n)
    rank = np.full(n, 1.0 / n)
    for _ in range(iters):
        rank = (1 - damping) / n + damping * (trans.T @ rank)
    # Min-max scaled: raw PageRank mass is nearly uniform (about 1/n each), so unscaled it would
    # never outweigh the position prior and the ranker would silently become LEAD.
    span = rank.max() - rank.min()
    return (rank - rank.min()) / span if span > 0 else np.ones(n)


def position_prior(n: int, half_life: float = 3.0) -> np.ndarray:
    """Exponential decay from the first sentence: 1.0, then halving every ``half_life`` sentences."""
    return 0.5 ** (np.arange(n, dtype=np.float64) / half_life)


class CentralityRanker(Ranker):
    name = "centrality"

    # Defaults chosen on 300 articles of hash fold 0 (eval/folds.py): weights 0.3/0.5/0.7 and
    # half-lives 2/3/5 gave R1 49.8-66.4, LEAD-3 67.6 on the same articles. It stays below LEAD-3,
    # as graph rankers do on IndoSum; it is the unsupervised baseline and the learned ranker's
    # fallback for encoders without a trained head.
    def __init__(self, position_weight: float = 0.7, half_life: float = 2.0) -> None:
        self.position_weight = position_weight
        self.half_life = half_life

    def score(self, doc: Document) -> np.ndarray:
        cent = centrality_scores(doc.embeddings)
        prior = position_prior(len(doc), self.half_life)
        return (1 - self.position_weight) * cent + self.position_weight * prior
