"""The storage seam of the archive: what ``Archive`` needs from a database, and nothing more.

``SQLiteStorage`` (one file, standard library) is the implementation shipped; a server database
(PostgreSQL with its full-text search, say) would implement these methods and be passed as
``Archive(storage=...)``. Word statistics travel as ``WordCounts`` (term ids and counts), so
that a storage only keeps blobs and counters and never needs to know how they are scored.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import numpy as np

from summarize.archive.prepared import PreparedArticle


@dataclass(frozen=True)
class WordCounts:
    """A bag of words as term ids and their counts (int32 arrays of equal length)."""

    ids: np.ndarray
    counts: np.ndarray

    def to_bytes(self) -> bytes:
        return np.concatenate([self.ids, self.counts]).astype(np.int32).tobytes()

    @classmethod
    def from_bytes(cls, blob: bytes) -> "WordCounts":
        a = np.frombuffer(blob, dtype=np.int32)
        half = len(a) // 2
        return cls(a[:half], a[half:])


@dataclass(frozen=True)
class SentenceRow:
    """A stored sentence with what scoring and evidence need."""

    id: int
    article: int
    key: str  # the article's id as the user gave it
    date: str | None
    text: str
    claims: str  # JSON list of ``Claim.to_dict`` records
    words: WordCounts
    vector: np.ndarray


@dataclass(frozen=True)
class Removed:
    """What deleting an article took away: its sentence ids and its word statistics."""

    sentences: list[int]
    sentence_words: list[WordCounts]
    article_words: WordCounts
    claims: int


class Storage(ABC):
    """Tables of articles, claim sentences (with vectors and words), claims and term counts,
    plus a BM25 word index over sentences and articles."""

    @abstractmethod
    def meta(self) -> dict[str, str]: ...

    @abstractmethod
    def set_meta(self, key: str, value: str) -> None: ...

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """All writes inside commit together or not at all."""

    @abstractmethod
    def digest(self, key: str) -> str | None:
        """The stored digest of article ``key``, None when absent."""

    @abstractmethod
    def delete_article(self, key: str) -> Removed | None: ...

    @abstractmethod
    def new_terms(self, words: Sequence[str]) -> dict[str, int]:
        """Ids for words not stored yet (the caller knows the others)."""

    @abstractmethod
    def add_term_counts(self, sentence_df: dict[int, int], document_df: dict[int, int]) -> None: ...

    @abstractmethod
    def insert_article(self, article: PreparedArticle, words: WordCounts, sentence_words: Sequence[WordCounts]) -> list[int]:
        """Store the article and its sentences; returns the new sentence ids in order."""

    @abstractmethod
    def terms(self) -> Iterable[tuple[int, str, int, int]]:
        """Every term as (id, word, sentences holding it, articles holding it)."""

    @abstractmethod
    def counts(self) -> tuple[int, int, int]:
        """Articles, sentences and claims held."""

    @abstractmethod
    def newest_sentence(self) -> int:
        """The largest sentence id ever given out (ids only grow, even across removals)."""

    @abstractmethod
    def sentences(self, ids: Sequence[int]) -> list[SentenceRow]:
        """The stored sentences among ``ids`` (removed ones are left out), in no given order."""

    @abstractmethod
    def vectors_after(self, sid: int, batch: int = 4096) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(ids, vectors) of sentences with id > ``sid``, in id order, in batches."""

    @abstractmethod
    def match_sentences(self, words: Sequence[str], limit: int) -> list[int]:
        """Ids of the sentences best matching any of ``words`` (BM25), best first."""

    @abstractmethod
    def match_articles(self, words: Sequence[str], limit: int) -> list[int]:
        """Row ids of the articles best matching any of ``words`` (BM25), best first."""

    @abstractmethod
    def article_sentences(self, articles: Sequence[int]) -> list[int]: ...

    @abstractmethod
    def article_words(self, articles: Sequence[int]) -> dict[int, WordCounts]: ...

    @abstractmethod
    def article_keys(self) -> list[str]:
        """Every stored article's id, oldest first."""

    @abstractmethod
    def article(self, key: str) -> dict | None:
        """``{"id", "source", "date", "text", "added", "claims": [...]}`` of article ``key``."""

    @abstractmethod
    def change_token(self) -> int:
        """A number that changes whenever another connection commits (to refresh caches)."""

    @abstractmethod
    def close(self) -> None: ...
