"""Candidate retrieval and exact scoring for ``Archive.search``.

A stored sentence scores ``EMBEDDING_WEIGHT * vector cosine + LEXICAL_WEIGHT * sentence TF-IDF
cosine + DOCUMENT_WEIGHT * article TF-IDF cosine`` (store.py), as in the in-memory corpus index.
Scoring all of a 100k-article archive is what must not happen, so only candidates are scored,
the union of three cheap lists, one per term of the sum:

- the ``VECTOR_CANDIDATES`` nearest sentence vectors (approximate, ann.py);
- the ``WORD_CANDIDATES`` best BM25 sentences for the query sentence's most telling words;
- every claim sentence of the ``ARTICLE_CANDIDATES`` best BM25 articles for the query
  article's most telling words (same story, worded differently).

A sentence that none of the three ranks near the top cannot reach the checker's bar unless the
archive holds more than that many near-duplicates of it.
"""
from __future__ import annotations

from typing import Mapping, Sequence

import numpy as np

from summarize.archive.ann import VectorIndex
from summarize.archive.prepared import document_words, sentence_words
from summarize.archive.storage import SentenceRow, Storage
from summarize.archive.terms import TermStats, TfidfView
from summarize.claims.store import DOCUMENT_WEIGHT, EMBEDDING_WEIGHT, LEXICAL_WEIGHT, Hit

VECTOR_CANDIDATES, WORD_CANDIDATES, ARTICLE_CANDIDATES = 64, 64, 20
#: How many of a query's words (highest TF-IDF first) go into its BM25 query: the rarest words
#: carry the match, and every common word would add a long posting list to read.
SENTENCE_QUERY_WORDS, ARTICLE_QUERY_WORDS = 12, 16


def _telling(query: Mapping[int, float], words: Mapping[str, int], n: int) -> list[str]:
    by_id = {t: w for w, t in words.items() if t in query}
    return [by_id[t] for t in sorted(query, key=lambda t: (-query[t], t))[:n]]


def search(
    storage: Storage,
    index: VectorIndex | None,
    terms: TermStats,
    n_articles: int,
    n_sentences: int,
    vectors: np.ndarray,
    masked: Sequence[str],
    text: str | None,
    k: int,
) -> tuple[list[list[Hit]], dict[int, SentenceRow]]:
    """Hits per query sentence, and the stored rows they point to (for ``sentence``)."""
    if not n_sentences or not len(masked):
        return [[] for _ in masked], {}
    sentence_space = TfidfView(terms.sdf, n_sentences)
    article_space = TfidfView(terms.ddf, n_articles)
    doc_counts = document_words(text if text is not None else " ".join(masked))
    doc_query = article_space.query(doc_counts, terms.ids)
    doc_words = {w: terms.ids[w] for w in doc_counts if w in terms.ids}
    articles = storage.match_articles(_telling(doc_query, doc_words, ARTICLE_QUERY_WORDS), ARTICLE_CANDIDATES)
    shared = set(storage.article_sentences(articles)) if articles else set()
    near = index.search(vectors, VECTOR_CANDIDATES) if index is not None else [[] for _ in masked]
    queries, wanted = [], []
    for i, m in enumerate(masked):
        counts = sentence_words(m)
        query = sentence_space.query(counts, terms.ids)
        words = {w: terms.ids[w] for w in counts if w in terms.ids}
        found = storage.match_sentences(_telling(query, words, SENTENCE_QUERY_WORDS), WORD_CANDIDATES)
        queries.append(query)
        wanted.append(shared | set(found) | {int(s) for s in near[i]})
    rows = {r.id: r for r in storage.sentences(sorted(set().union(*wanted)))}
    article_words = storage.article_words(sorted({r.article for r in rows.values()})) if rows else {}
    doc_sim = {a: article_space.cosine(doc_query, bag) for a, bag in article_words.items()}
    out = []
    for i, query in enumerate(queries):
        ids = sorted(s for s in wanted[i] if s in rows)
        if not ids:
            out.append([])
            continue
        emb = np.stack([rows[s].vector for s in ids]) @ np.asarray(vectors[i], dtype=np.float32)
        sims = []
        for s, e in zip(ids, emb):
            lex = sentence_space.cosine(query, rows[s].words)
            sims.append(EMBEDDING_WEIGHT * float(e) + LEXICAL_WEIGHT * lex + DOCUMENT_WEIGHT * doc_sim[rows[s].article])
        order = sorted(range(len(ids)), key=lambda j: (-sims[j], ids[j]))[:k]
        out.append([Hit(ids[j], min(max(sims[j], 0.0), 1.0)) for j in order])
    return out, rows
