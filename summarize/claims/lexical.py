"""TF-IDF spaces for the claim index: word overlap that survives a save/load without pickle.

scikit-learn's ``TfidfVectorizer`` does the tokenising and weighting; only its vocabulary and
IDF are stored (JSON) beside the corpus matrix (``.npz``), and a vectorizer is rebuilt from
them on load. rank_bm25 was checked and scores one document at a time in Python, too slow to
score a query against 18k sentences in well under the 2 s budget of an article.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


@dataclass
class TfidfSpace:
    """A fitted vocabulary with IDF weights and the TF-IDF rows of the texts it was fitted on."""

    token_pattern: str
    vocabulary: dict[str, int]
    idf: np.ndarray
    matrix: sparse.csr_matrix

    def __post_init__(self) -> None:
        self._vectorizer = _vectorizer(self.token_pattern, self.vocabulary, self.idf) if self.vocabulary else None

    @classmethod
    def fit(cls, texts: Sequence[str], token_pattern: str) -> "TfidfSpace":
        """Fit on ``texts``; texts without a single word give an empty space, not an error."""
        vec = _vectorizer(token_pattern)
        try:
            matrix = vec.fit_transform(list(texts)).tocsr()
        except ValueError:  # empty vocabulary: no texts, or no words in them
            return cls(token_pattern, {}, np.zeros(0), sparse.csr_matrix((len(texts), 0)))
        vocabulary = {w: int(i) for w, i in sorted(vec.vocabulary_.items())}
        return cls(token_pattern, vocabulary, vec.idf_.astype(np.float64), matrix)

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """L2-normalised TF-IDF rows of new texts in this vocabulary (unknown words ignored)."""
        if self._vectorizer is None:
            return sparse.csr_matrix((len(texts), 0), dtype=np.float64)
        return self._vectorizer.transform(list(texts)).tocsr()

    def cosine(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), rows) cosine of each new text with every fitted row."""
        return np.asarray((self.transform(texts) @ self.matrix.T).todense())

    def weight(self, word: str) -> float:
        """The word's IDF; an unseen word weighs as the rarest seen word."""
        i = self.vocabulary.get(word)
        if i is not None:
            return float(self.idf[i])
        return float(self.idf.max()) if len(self.idf) else 1.0

    def save(self, folder: Path, name: str) -> dict[str, Any]:
        """Write the matrix to ``folder/name.npz``; return the JSON-able rest."""
        sparse.save_npz(folder / f"{name}.npz", self.matrix)
        return {"token_pattern": self.token_pattern, "vocabulary": self.vocabulary, "idf": self.idf.tolist()}

    @classmethod
    def load(cls, folder: Path, name: str, meta: dict[str, Any]) -> "TfidfSpace":
        matrix = sparse.load_npz(folder / f"{name}.npz").tocsr()
        return cls(meta["token_pattern"], meta["vocabulary"], np.array(meta["idf"], dtype=np.float64), matrix)


def _vectorizer(
    token_pattern: str, vocabulary: dict[str, int] | None = None, idf: np.ndarray | None = None
) -> TfidfVectorizer:
    vec = TfidfVectorizer(token_pattern=token_pattern, lowercase=True, sublinear_tf=True, vocabulary=vocabulary)
    if idf is not None:
        vec.idf_ = idf
    return vec
