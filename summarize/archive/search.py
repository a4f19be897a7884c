"""Candidate retrieval and exact scoring for ``Archive.search``.

A stored sentence scores ``EMBEDDING_WEIGHT * vector cosine + LEXICAL_WEIGHT * sentence TF-IDF
cosine + DOCUMENT_WEIGHT * article TF-IDF cosine`` (store.py), as in the in-memory corpus index.
Scoring all of a 100k-article archive is what must not happen, so only candidates are scored:
the union, over the query's sentences, of three cheap lists, one per term of the sum:

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
SENTENCE_QUERY_WORDS, ARTICLE_QUERY_WORDS = 8, 16
#: At most this many postings (the sum of the chosen words' document frequencies) per BM25
#: query; the query's most telling word is always kept. FTS5 computes bm25 for every row that
#: matches any word (about 2.5 us a row measured on this machine), so the postings are the cost,
#: and they grow with the archive: at 100,000 articles a sentence query of 8 words read ~17,000.
#: Words past the budget are the common ones, which move a BM25 top-64 least. On the bench's
#: 100,000-article archive, the checker's top-50 hits with a budget against without one: 1,000
#: kept 98.7 % of them, 2,000 kept 99.3 %, verdicts equal (140/140) at both, lookup CPU less
#: than half; eval/results/archive_bench.md reports it for the budget kept, at every size.
POSTINGS_BUDGET = 2_000


def _telling(query: Mapping[int, float], words: Mapping[str, int], df: np.ndarray, n: int,
             budget: int | None) -> list[str]:
    by_id = {t: w for w, t in words.items() if t in query}
    chosen: list[str] = []
    postings = 0
    for t in sorted(query, key=lambda t: (-query[t], t)):
        if len(chosen) == n:
            break
        if chosen and budget is not None and postings + df[t] > budget:
            continue
        chosen.append(by_id[t])
        postings += int(df[t])
    return chosen


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
    budget: int | None = POSTINGS_BUDGET,
) -> tuple[list[list[Hit]], dict[int, SentenceRow]]:
    """Hits per query sentence, and the stored rows they point to (for ``sentence``);
    ``budget``: postings per BM25 query (None: every chosen word, however common)."""
    if not n_sentences or not len(masked):
        return [[] for _ in masked], {}
    sentence_space = TfidfView(terms.sdf, n_sentences)
    article_space = TfidfView(terms.ddf, n_articles)
    doc_counts = document_words(text if text is not None else " ".join(masked))
    doc_query = article_space.query(doc_counts, terms.ids)
    doc_words = {w: terms.ids[w] for w in doc_counts if w in terms.ids}
    articles = storage.match_articles(_telling(doc_query, doc_words, terms.ddf, ARTICLE_QUERY_WORDS, budget), ARTICLE_CANDIDATES)
    shared = set(storage.article_sentences(articles)) if articles else set()
    near = index.search(vectors, VECTOR_CANDIDATES) if index is not None else [np.zeros(0, np.int64) for _ in masked]
    queries, wanted = [], set(shared)
    for i, m in enumerate(masked):
        counts = sentence_words(m)
        query = sentence_space.query(counts, terms.ids)
        words = {w: terms.ids[w] for w in counts if w in terms.ids}
        wanted.update(storage.match_sentences(_telling(query, words, terms.sdf, SENTENCE_QUERY_WORDS, budget), WORD_CANDIDATES))
        wanted.update(int(s) for s in near[i])
        queries.append(query)
    rows = storage.sentences(sorted(wanted))
    if not rows:
        return [[] for _ in masked], {}
    ids = np.array([r.id for r in rows])
    article_of = [r.article for r in rows]
    bags = storage.article_words(sorted(set(article_of)))
    keys = sorted(bags)
    doc_sim = dict(zip(keys, article_space.cosines(doc_query, article_space.pack([bags[a] for a in keys]))))
    # The sum in the index's order: the embedding term, then the lexical, then the document one.
    base = DOCUMENT_WEIGHT * np.array([doc_sim[a] for a in article_of])
    emb = np.stack([r.vector for r in rows]) @ np.asarray(vectors, dtype=np.float32).T
    packed = sentence_space.pack([r.words for r in rows])
    out = []
    for i, query in enumerate(queries):
        sims = EMBEDDING_WEIGHT * emb[:, i].astype(np.float64) + LEXICAL_WEIGHT * sentence_space.cosines(query, packed) + base
        order = np.lexsort((ids, -sims))[:k]
        out.append([Hit(int(ids[j]), float(min(max(sims[j], 0.0), 1.0))) for j in order])
    return out, {r.id: r for r in rows}
