"""Per-sentence features for the learned ranker, computed in numpy at training and run time alike.

The encoder's vectors say *what* a sentence is about; these few numbers say *where* it sits and
how it relates to the rest of the article — the cues a news lead carries (position, paragraph
starts, similarity to the opening and to the article as a whole). Both the training script and
``LearnedRanker`` call :func:`sentence_features`, so the two can never drift apart.
"""
from __future__ import annotations

import re

import numpy as np

from summarize.rankers.centrality import centrality_scores

FEATURE_NAMES: tuple[str, ...] = (
    "rel_position",
    "log_position",
    "is_first",
    "log_paragraph",
    "paragraph_start",
    "log_position_in_paragraph",
    "log_words",
    "log_doc_sentences",
    "centrality",
    "sim_doc_mean",
    "sim_first",
    "mean_sim_others",
    "log_numbers",
    "has_quote",
)

_NUMBER = re.compile(r"\d")
_QUOTE = re.compile("[\"\u201c\u201d]")


def _paragraph_layout(paragraphs: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Paragraph rank (0, 1, ... in order of appearance), first-in-paragraph flag, offset inside it."""
    rank = np.zeros(len(paragraphs))
    start = np.zeros(len(paragraphs))
    inner = np.zeros(len(paragraphs))
    current, seen, offset = None, -1, 0
    for i, p in enumerate(paragraphs):
        if p != current:
            current, seen, offset = p, seen + 1, 0
            start[i] = 1.0
        rank[i], inner[i] = seen, offset
        offset += 1
    return rank, start, inner


def sentence_features(sentences: list[str], paragraphs: list[int], embeddings: np.ndarray) -> np.ndarray:
    """An (n, len(FEATURE_NAMES)) float32 matrix; column order is ``FEATURE_NAMES``."""
    n = len(sentences)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)), dtype=np.float32)
    emb = np.asarray(embeddings, dtype=np.float64)
    pos = np.arange(n, dtype=np.float64)
    rank, start, inner = _paragraph_layout(list(paragraphs))
    words = np.array([len(s.split()) for s in sentences], dtype=np.float64)
    numbers = np.array([len(_NUMBER.findall(s)) for s in sentences], dtype=np.float64)
    quote = np.array([1.0 if _QUOTE.search(s) else 0.0 for s in sentences])
    mean = emb.mean(axis=0)
    mean /= max(float(np.linalg.norm(mean)), 1e-12)
    sim = emb @ emb.T
    others = (sim.sum(axis=1) - np.diag(sim)) / max(n - 1, 1)
    cols = [
        pos / max(n - 1, 1),
        np.log1p(pos),
        (pos == 0).astype(np.float64),
        np.log1p(rank),
        start,
        np.log1p(inner),
        np.log1p(words),
        np.full(n, np.log1p(n)),
        centrality_scores(emb) if n > 1 else np.ones(1),
        emb @ mean,
        sim[0],
        others,
        np.log1p(numbers),
        quote,
    ]
    return np.stack(cols, axis=1).astype(np.float32)
