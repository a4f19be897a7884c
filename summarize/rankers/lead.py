"""LEAD: news puts its key facts first, so the first sentences are the baseline to beat."""
from __future__ import annotations

import numpy as np

from summarize.rankers.base import Document, Ranker


class LeadRanker(Ranker):
    name = "lead"

    def score(self, doc: Document) -> np.ndarray:
        n = len(doc)
        return (n - np.arange(n, dtype=np.float64)) / max(n, 1)
