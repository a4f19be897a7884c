"""Word statistics of the archive, kept in memory, and the TF-IDF cosines built from them.

The in-memory corpus index fits scikit-learn's ``TfidfVectorizer`` (sublinear tf, smoothed IDF,
L2 norm) on all stored sentences and on all stored articles. An archive that grows cannot refit
on every add, so it keeps each sentence's and article's word counts and every term's document
frequency, and computes the same weights at query time from the current frequencies: the
cosines equal the fitted vectorizer's for the same stored texts (tested against it).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Mapping, NamedTuple, Sequence

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


class Packed(NamedTuple):
    ids: np.ndarray  # term ids of all bags, one after the other
    weights: np.ndarray  # their normalised weights
    seg: np.ndarray  # which bag each entry belongs to
    n: int  # number of bags


class TfidfView:
    """IDF for one space (sentences or articles) at the moment of a query."""

    def __init__(self, df: np.ndarray, n_texts: int) -> None:
        self.df = df
        # scikit-learn's smoothed IDF: as if one extra text held every term once.
        self.idf = np.log((1.0 + n_texts) / (1.0 + df)) + 1.0
        seen = self.idf[df > 0]
        self._max_idf = float(seen.max()) if len(seen) else 1.0

    def pack(self, bags: Sequence[WordCounts]) -> "Packed":
        """Stored bags as one flat array of L2-normalised sublinear TF-IDF weights (every term of
        a stored bag has df >= 1), to score many of them against a query at once."""
        ids = np.concatenate([b.ids for b in bags]) if bags else np.zeros(0, dtype=np.int32)
        counts = np.concatenate([b.counts for b in bags]) if bags else np.zeros(0, dtype=np.int32)
        seg = np.repeat(np.arange(len(bags)), [len(b.ids) for b in bags])
        w = (1.0 + np.log(counts.astype(np.float64))) * self.idf[ids]
        norms = np.sqrt(np.bincount(seg, w * w, minlength=len(bags)))
        return Packed(ids, w / np.where(norms > 0, norms, 1.0)[seg], seg, len(bags))

    def query(self, counts: Mapping[str, int], ids: Mapping[str, int]) -> dict[int, float]:
        """A query's normalised weights, over the words this space has seen (df > 0)."""
        raw = {}
        for word, n in counts.items():
            t = ids.get(word)
            if t is not None and t < len(self.df) and self.df[t] > 0:
                raw[t] = (1.0 + np.log(n)) * self.idf[t]
        norm = np.sqrt(sum(v * v for v in raw.values()))
        return {t: v / norm for t, v in raw.items()} if norm > 0 else {}

    def cosines(self, query: Mapping[int, float], packed: "Packed") -> np.ndarray:
        """Cosine of the query with every packed bag."""
        dense = np.zeros(len(self.idf))
        if query:
            dense[list(query)] = list(query.values())
        return np.bincount(packed.seg, dense[packed.ids] * packed.weights, minlength=packed.n)

    def weight(self, t: int | None) -> float:
        """The term's IDF; an unseen term weighs as the rarest seen one (1.0 when none is)."""
        if t is None or t >= len(self.df) or self.df[t] <= 0:
            return self._max_idf
        return float(self.idf[t])
