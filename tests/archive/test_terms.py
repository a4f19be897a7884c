"""The archive's TF-IDF from word statistics equals scikit-learn's fitted vectorizer (the
in-memory index's), which is what makes the two stores' similarities the same."""
from __future__ import annotations

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from summarize.archive.prepared import sentence_words
from summarize.archive.terms import TermStats, TfidfView, df_delta

TEXTS = [
    "Realisasi komitmen P#DN di Pemprov DKI Jakarta mencapai # persen.",
    "Jumlah pelaku UMKM peserta Jakpreneur sebanyak # peserta peserta.",
    "Harga cabai rawit di pasar induk naik # persen.",
    "Inflasi Jakarta pada Mei # mencapai # persen, kata BPS Jakarta.",
]
QUERIES = ["Realisasi P#DN Jakarta mencapai # persen", "harga cabai naik # persen di Jakarta", "kata yang belum pernah"]


def test_cosines_equal_scikit_learns() -> None:
    vec = TfidfVectorizer(token_pattern=r"[^\W\d_]{2,}", lowercase=True, sublinear_tf=True)
    expected = (vec.fit_transform(TEXTS) @ vec.transform(QUERIES).T).toarray().T

    words = sorted({w for t in TEXTS for w in sentence_words(t)})
    terms = TermStats()
    terms.learn({w: i + 1 for i, w in enumerate(words)})
    bags = [terms.encode(sentence_words(t), {}) for t in TEXTS]
    terms.apply(df_delta(bags), {})
    view = TfidfView(terms.sdf, len(TEXTS))
    packed = view.pack(bags)
    got = np.array([view.cosines(view.query(sentence_words(q), terms.ids), packed) for q in QUERIES])
    assert np.allclose(got, expected, atol=1e-12)


def test_weight_of_an_unseen_word_is_the_rarest_seen_ones() -> None:
    terms = TermStats([(1, "jakarta", 3, 0), (2, "cabai", 1, 0), (3, "hilang", 0, 0)])
    view = TfidfView(terms.sdf, 4)
    assert view.weight(2) == view.weight(None) == view.weight(3) > view.weight(1)
