"""Word statistics of the archive, kept in memory, and the TF-IDF cosines built from them.

The in-memory corpus index fits scikit-learn's ``TfidfVectorizer`` (sublinear tf, smoothed IDF,
L2 norm) on all stored sentences and on all stored articles. An archive that grows cannot refit
on every add, so it keeps each sentence's and article's word counts and every term's document
frequency, and computes the same weights at query time from the current frequencies: the
cosines equal the fitted vectorizer's for the same stored texts (tested against it).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping

import numpy as np

from summarize.archive.storage import WordCounts


class TermStats:
    """Word -> term id, and per term the number of stored sentences / articles holding it."""

    def __init__(self, rows: Iterable[tuple[int, str, int, int]] = ()) -> None:
        rows = list(rows)
        self.ids: dict[str, int] = {w: i for i, w, _, _ in rows}
        size = max((r[0] for r in rows), default=0) + 1
        self.sdf = np.zeros(size, dtype=np.int64)
        self.ddf = np.zeros(size, dtype=np.int64)
        for i, _, s, d in rows:
            self.sdf[i], self.ddf[i] = s, d

    def _grow(self, size: int) -> None:
        if size > len(self.sdf):
            extra = max(size, 2 * len(self.sdf)) - len(self.sdf)
            self.sdf = np.concatenate([self.sdf, np.zeros(extra, dtype=np.int64)])
            self.ddf = np.concatenate([self.ddf, np.zeros(extra, dtype=np.int64)])

    def learn(self, new: Mapping[str, int]) -> None:
        self.ids.update(new)
        if new:
            self._grow(max(new.values()) + 1)

    def apply(self, sentence_df: Mapping[int, int], document_df: Mapping[int, int]) -> None:
        for t, n in sentence_df.items():
            self.sdf[t] += n
        for t, n in document_df.items():
            self.ddf[t] += n

    def encode(self, counts: Mapping[str, int], pending: Mapping[str, int]) -> WordCounts:
        """``counts`` as term ids, looked up here or in ``pending`` (ids not yet committed)."""
        pairs = sorted((self.ids[w] if w in self.ids else pending[w], n) for w, n in counts.items())
        return WordCounts(np.array([p[0] for p in pairs], dtype=np.int32), np.array([p[1] for p in pairs], dtype=np.int32))


def df_delta(bags: Iterable[WordCounts], sign: int = 1) -> Counter[int]:
    """How many of ``bags`` hold each term (times ``sign``)."""
    out: Counter[int] = Counter()
    for bag in bags:
        for t in bag.ids.tolist():
            out[t] += sign
    return out


class TfidfView:
    """IDF for one space (sentences or articles) at the moment of a query."""

    def __init__(self, df: np.ndarray, n_texts: int) -> None:
        self.df = df
        # scikit-learn's smoothed IDF: as if one extra text held every term once.
        self.idf = np.log((1.0 + n_texts) / (1.0 + df)) + 1.0

    def weights(self, bag: WordCounts) -> np.ndarray:
        """L2-normalised sublinear TF-IDF of a stored bag (every term of it has df >= 1)."""
        w = (1.0 + np.log(bag.counts.astype(np.float64))) * self.idf[bag.ids]
        norm = np.sqrt(w @ w)
        return w / norm if norm > 0 else w

    def query(self, counts: Mapping[str, int], ids: Mapping[str, int]) -> dict[int, float]:
        """A query's normalised weights, over the words this space has seen (df > 0)."""
        raw = {}
        for word, n in counts.items():
            t = ids.get(word)
            if t is not None and t < len(self.df) and self.df[t] > 0:
                raw[t] = (1.0 + np.log(n)) * self.idf[t]
        norm = np.sqrt(sum(v * v for v in raw.values()))
        return {t: v / norm for t, v in raw.items()} if norm > 0 else {}

    def cosine(self, query: Mapping[int, float], bag: WordCounts) -> float:
        if not query or not len(bag.ids):
            return 0.0
        q = np.array([query.get(t, 0.0) for t in bag.ids.tolist()])
        return float(q @ self.weights(bag))

    def max_idf(self) -> float:
        """The IDF of the rarest seen term (what an unseen word weighs); 1.0 when none."""
        seen = self.df[self.df > 0]
        return float(self.idf[self.df > 0].max()) if len(seen) else 1.0

    def weight(self, t: int | None) -> float:
        if t is None or t >= len(self.df) or self.df[t] <= 0:
            return self.max_idf()
        return float(self.idf[t])
