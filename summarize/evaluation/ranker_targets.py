"""Training targets of the learned ranker and its training data: what ``train_ranker.train``
needs at run time (the harness trains one model per CV fold), apart from the CV experiment
script in the checkout's ``eval/ranker_cv.py``."""
from __future__ import annotations

from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.evaluation.indosum import load_articles
from summarize.evaluation.metrics import CorpusTokenizer

_TOK = CorpusTokenizer()


def rouge1_f(reference: str, summary: str) -> float:
    """ROUGE-1 F1 with the harness's tokens; a fast stand-in for ``summarize.evaluation.metrics.rouge`` when only
    R1 is needed (early stopping scores every epoch)."""
    ref, hyp = Counter(_TOK.tokenize(reference)), Counter(_TOK.tokenize(summary))
    overlap = sum((ref & hyp).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(hyp.values()), overlap / sum(ref.values())
    return 2 * p * r / (p + r)


def reference_overlap(sentences: Sequence[str], reference: str) -> np.ndarray:
    """Per sentence, the share of its tokens found in the reference: a graded "how summary-like"
    target that, unlike the 0/1 gold labels, gives credit to near-misses."""
    ref = Counter(_TOK.tokenize(reference))
    out = []
    for sent in sentences:
        toks = Counter(_TOK.tokenize(sent))
        out.append(sum((toks & ref).values()) / max(sum(toks.values()), 1))
    return np.asarray(out, dtype=np.float32)


def subset_scores(sentences: Sequence[str], reference: str, k: int = 3) -> tuple[np.ndarray, np.ndarray]:
    """Every ``k``-sentence subset (an (S, k) index array, in ``combinations`` order) and its
    ROUGE-1 F1 against the reference. Exhaustive (C(10, 3) = 120 subsets at the default cut), so
    only for short inputs."""
    ref = Counter(_TOK.tokenize(reference))
    bags = [Counter(_TOK.tokenize(s)) for s in sentences]
    subsets = list(combinations(range(len(bags)), min(k, len(bags))))
    f1 = []
    for subset in subsets:
        hyp = sum((bags[i] for i in subset), Counter())
        overlap = sum((hyp & ref).values())
        f1.append(2 * overlap / (sum(hyp.values()) + sum(ref.values())) if overlap else 0.0)
    return np.asarray(subsets, dtype=np.int64).reshape(len(subsets), -1), np.asarray(f1, dtype=np.float32)


def load_training_data(encoder: str, limit: int | None = None, cached_only: bool = False,
                       cache_dir: Path | None = None, window: int | None = None):
    """Articles and their sentence embeddings from the shared cache (embedding what is missing,
    unless ``cached_only``, which drops articles not fully cached yet). ``window``: embed only
    each article's first ``window`` sentences (zero rows after them), all a head with that many
    positions reads in training; cross-validation at diversity > 0 needs every vector."""
    from summarize.encoders import get_encoder
    from summarize.evaluation.embed_cache import CACHE_DIR, CachedEncoder, _key, window_vectors

    enc = CachedEncoder(get_encoder(encoder), cache_dir or CACHE_DIR)
    if enc.contextual and window is None:
        raise ValueError(f"{enc.name} reads an article's sentences together, one window at a time; give the window")
    articles = load_articles(limit=limit)
    if cached_only:
        articles = [a for a in articles if all(_key(s) in enc._vectors for s in a.sentences)]
    embeddings = [enc.encode(a.sentences) if window is None else window_vectors(enc, a.sentences, window)
                  for a in articles]
    enc.save()
    return articles, embeddings
