"""``Archive``: a persistent, growing statement store (``summarize.claims.store``) in a database.

Adding an article is two phases (``prepared.py``): ``prepare`` (claims, masked sentences,
vectors, word counts; no database) and ``write`` (one transaction for a batch, from a single
writer). Searching never scans the archive (search.py): only candidates from the vector index
and the BM25 word indexes are scored, with the exact similarity of the in-memory corpus index.
"""
from __future__ import annotations

import json
import os
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from summarize.archive.ann import VectorIndex
from summarize.archive.prepared import PreparedArticle, prepare_article
from summarize.archive.reading import is_stale
from summarize.archive.search import POSTINGS_BUDGET, search
from summarize.archive.sqlite import SQLiteStorage
from summarize.archive.storage import Removed, SentenceRow, Storage
from summarize.archive.terms import TermStats, TfidfView, df_delta
from summarize.claims.statements import Extractor
from summarize.claims.store import Hit, StatementStore, StoredSentence
from summarize.claims.types import Claim
from summarize.encoders.base import SIMILARITY_ENCODER, Encoder, get_encoder

#: Vectors added since the last save after which the vector index file is rewritten.
SAVE_EVERY = 20_000
_CACHE = 4096  # stored sentences kept parsed for ``sentence`` after a search


@dataclass
class _Batch:
    """What one write transaction changes, applied to the in-memory views only after commit."""

    counts: list[int]
    sdf: Counter = field(default_factory=Counter)
    ddf: Counter = field(default_factory=Counter)
    pending: dict[str, int] = field(default_factory=dict)
    removed: list[int] = field(default_factory=list)
    added: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)


class Archive(StatementStore):
    """Articles, their claim sentences with vectors, and their claims, in one database file.

    >>> archive = Archive("newsroom.db", encoder="e5-small")           # doctest: +SKIP
    >>> archive.add("ant-1", text, date="2024-05-01")                  # doctest: +SKIP
    'added'
    >>> ClaimChecker(archive="newsroom.db").check(other_text)          # doctest: +SKIP

    ``path`` ":memory:" keeps everything in memory. ``encoder`` defaults to the one the archive
    was built with (another one is refused: stored and query vectors must agree). Safe to share
    between threads; other processes may write the same file (their additions are picked up).
    """

    #: Postings read per BM25 query (search.py); None reads every chosen word's, as a reference.
    postings_budget: int | None = POSTINGS_BUDGET

    def __init__(
        self,
        path: str | Path = ":memory:",
        *,
        encoder: str | Encoder | None = None,
        extractor: Extractor | None = None,
        storage: Storage | None = None,
    ) -> None:
        self.path = str(path)
        self.storage = storage or SQLiteStorage(self.path)
        meta = self.storage.meta()
        name = encoder.name if isinstance(encoder, Encoder) else encoder
        stored = meta.get("encoder")
        if stored and name and stored != name:
            self.storage.close()
            raise ValueError(f"archive {self.path} holds vectors of encoder {stored!r}, not {name!r}")
        self.encoder: str = stored or name or SIMILARITY_ENCODER
        if not stored:
            self.storage.set_meta("encoder", self.encoder)
        if "uid" not in meta:
            self.storage.set_meta("uid", uuid.uuid4().hex)
        self._uid = self.storage.meta()["uid"]
        self._encoder_obj = encoder if isinstance(encoder, Encoder) else None
        self._extract = extractor
        self.skipped: list[tuple[str, str]] = []
        self._lock = threading.RLock()
        self._vectors: VectorIndex | None = None
        self._rows: dict[int, SentenceRow] = {}
        self._parsed: dict[int, StoredSentence] = {}
        self._weights: dict[str, float] = {}
        self._reload()
        self._index()  # loaded (and caught up) now: a check must not pay for it
        self.stale = is_stale(self.storage, self.path, bool(self._counts[0]))

    # -- keeping the in-memory views in step with the database ---------------------------------

    def _reload(self) -> None:
        self._token = self.storage.change_token()
        self._terms = TermStats(self.storage.terms())
        self._counts = list(self.storage.counts())
        self._forget_caches()
        if self._vectors is not None:
            self._vectors.catch_up(self.storage.vectors_after(self._vectors.max_key))

    def _forget_caches(self) -> None:
        self._rows.clear()
        self._parsed.clear()
        self._weights.clear()

    def _refresh(self) -> None:
        """Pick up what other processes committed since we last looked."""
        if self.storage.change_token() != self._token:
            self._reload()

    def _index(self) -> VectorIndex | None:
        if self._vectors is None:
            dim = self.storage.meta().get("dim")
            if dim is None:
                return None
            path = None if self.path == ":memory:" else Path(f"{self.path}.{self._uid[:12]}.usearch")
            self._vectors = VectorIndex(int(dim), path)
            self._vectors.load(self.storage.newest_sentence())
            if self._vectors.catch_up(self.storage.vectors_after(self._vectors.max_key)):
                self._vectors.save()
        return self._vectors

    # -- adding and removing --------------------------------------------------------------------

    def _encoder(self) -> Encoder:
        if self._encoder_obj is None:
            self._encoder_obj = get_encoder(self.encoder)
        return self._encoder_obj

    def prepare(self, id: str, text: str, date: str | None = None, source: str | None = None) -> PreparedArticle:
        """Phase one of ``add`` (no database): see ``prepared.prepare_article``."""
        return prepare_article(id, text, date, source, encoder=self._encoder(), extractor=self._extract)

    def add(self, id: str, text: str, date: str | None = None, source: str | None = None) -> str:
        """"added", "unchanged" (same id, text and date), "replaced" or "skipped" (see ``skipped``)."""
        return self.write([self.prepare(id, text, date, source)])[0]

    def write(self, prepared: Sequence[PreparedArticle], *, force: bool = False) -> list[str]:
        """Phase two of ``add``: store a batch in one transaction; a status per article.
        ``force`` replaces an article even when its text and date are unchanged (a refresh)."""
        with self._lock:
            self._refresh()
            batch = _Batch(list(self._counts))
            with self.storage.transaction():
                statuses = [self._write_one(p, batch, force) for p in prepared]
                self.storage.add_term_counts(dict(batch.sdf), dict(batch.ddf))
            self._commit(batch)
            return statuses

    def _write_one(self, p: PreparedArticle, batch: _Batch, force: bool = False) -> str:
        if p.error:
            self.skipped.append((p.id, p.error))
            return "skipped"
        if p.encoder and p.encoder != self.encoder:
            raise ValueError(f"article {p.id} was prepared with encoder {p.encoder!r}, the archive uses {self.encoder!r}")
        old = self.storage.digest(p.id)
        if old == p.digest and not force:
            return "unchanged"
        if old is not None:
            gone = self.storage.delete_article(p.id)
            assert gone is not None  # its digest was just read in this transaction
            self._forget(gone, batch)
        if p.sentences:
            self._check_dim(p.vectors.shape[1])
        words = set(p.words).union(*(s.words for s in p.sentences))
        unknown = sorted(w for w in words if w not in self._terms.ids and w not in batch.pending)
        batch.pending.update(self.storage.new_terms(unknown))
        bags = [self._terms.encode(s.words, batch.pending) for s in p.sentences]
        doc = self._terms.encode(p.words, batch.pending)
        ids = self.storage.insert_article(p, doc, bags)
        batch.sdf.update(df_delta(bags))
        batch.ddf.update(df_delta([doc]))
        batch.added.append((np.array(ids, dtype=np.uint64), p.vectors))
        for i, n in enumerate((1, len(ids), sum(len(s.claims) for s in p.sentences))):
            batch.counts[i] += n
        return "replaced" if old is not None else "added"

    def _forget(self, gone: Removed, batch: _Batch) -> None:
        batch.sdf.update(df_delta(gone.sentence_words, -1))
        batch.ddf.update(df_delta([gone.article_words], -1))
        batch.removed += gone.sentences
        for i, n in enumerate((1, len(gone.sentences), gone.claims)):
            batch.counts[i] -= n

    def _check_dim(self, dim: int) -> None:
        stored = self.storage.meta().get("dim")
        if stored is None:
            self.storage.set_meta("dim", str(dim))
        elif int(stored) != dim:
            raise ValueError(f"vectors of dimension {dim}, the archive holds {stored}")

    def _commit(self, batch: _Batch) -> None:
        self._terms.learn(batch.pending)
        self._terms.apply(batch.sdf, batch.ddf)
        self._counts = batch.counts
        self._token = self.storage.change_token()
        self._forget_caches()
        index = self._index()
        if index is None:
            return
        index.remove(batch.removed)
        for ids, vectors in batch.added:
            if len(ids) and int(ids.max()) > index.max_key:
                index.add(ids, vectors)
        if index.unsaved >= SAVE_EVERY:
            index.save()

    def remove(self, id: str) -> bool:
        """Delete article ``id``; False when it is not in the archive."""
        with self._lock:
            self._refresh()
            batch = _Batch(list(self._counts))
            with self.storage.transaction():
                gone = self.storage.delete_article(id)
                if gone is None:
                    return False
                self._forget(gone, batch)
                self.storage.add_term_counts(dict(batch.sdf), dict(batch.ddf))
            self._commit(batch)
            return True

    # -- the statement store ------------------------------------------------------------------

    def search(self, vectors: np.ndarray, masked: Sequence[str], text: str | None, k: int) -> list[list[Hit]]:
        with self._lock:
            self._refresh()
            articles, sentences, _ = self._counts
            hits, rows = search(self.storage, self._index(), self._terms, articles, sentences, vectors, masked, text, k,
                                self.postings_budget)
            if len(self._rows) + len(rows) > _CACHE:
                self._rows.clear()
                self._parsed.clear()
            self._rows.update(rows)
            return hits

    def sentence(self, sid: int) -> StoredSentence:
        # Most are parsed already; a cache hit needs no lock (an add racing it only clears the cache).
        found = self._parsed.get(sid)
        if found is not None:
            return found
        with self._lock:
            row = self._rows.get(sid)
            if row is None:
                rows = self.storage.sentences([sid])
                if not rows:
                    raise KeyError(f"no stored sentence {sid}")
                row = rows[0]
            claims = tuple(Claim.from_dict(d) for d in json.loads(row.claims))
            found = self._parsed[sid] = StoredSentence(row.id, row.key, row.date, row.text, claims)
            return found

    def word_weight(self, word: str) -> float:
        weight = self._weights.get(word)  # thousands of calls per check: a hit needs no lock (as above)
        if weight is not None:
            return weight
        with self._lock:
            weight = self._weights.get(word)
            if weight is None:
                if not self._weights:  # first word since the last change: a fresh IDF view
                    self._view = TfidfView(self._terms.sdf, self._counts[1])
                weight = self._weights[word] = self._view.weight(self._terms.ids.get(word))
            return weight

    def __len__(self) -> int:
        return self._counts[0]

    # -- reading and housekeeping -------------------------------------------------------------

    def get(self, id: str) -> dict[str, Any] | None:
        """The stored article ``id`` with its claims, or None."""
        return self.storage.article(id)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            self._refresh()
            articles, sentences, claims = self._counts
            index = self._index()
            files = [self.path, self.path + "-wal"] + ([str(index.path)] if index and index.path else [])
            return {
                "path": self.path,
                "encoder": self.encoder,
                "articles": articles,
                "sentences": sentences,
                "claims": claims,
                "terms": int((self._terms.ddf > 0).sum()),
                "vector_index": {"library": "usearch", "vectors": len(index) if index else 0},
                "bytes": sum(os.path.getsize(f) for f in files if os.path.exists(f)),
            }

    def close(self) -> None:
        """Save the vector index (so the next open need not catch up) and close the database."""
        with self._lock:
            if self._vectors is not None:
                self._vectors.save()
            self.storage.close()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
