"""The statement store seam: where the claim checker looks for statements about a claim's quantity.

A store holds the claim-bearing sentences of many articles, each with its claims and a vector of
its number-masked text (``summarize.claims.statements``), and answers one question: which stored
sentences are most like these query sentences? Two implementations exist: the in-memory corpus
index (``summarize.claims.index.ClaimIndex``, for ``--corpus`` and ``ClaimChecker(corpus=...)``)
and the SQLite archive (``summarize.archive.Archive``), which also adds and removes articles.
The matcher (``summarize.claims.match``) only ever talks to this interface.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from summarize.claims.types import Claim

#: How a stored sentence's similarity to a query sentence is formed, for every store: a weighted
#: sum of the cosine of the masked-sentence embeddings (meaning, paraphrase), of the masked
#: sentences' TF-IDF vectors (shared names and key nouns) and of the whole query article's TF-IDF
#: with the stored sentence's article (is it the same story at all?). The weights sum to 1, so
#: the similarity stays in [0, 1] for non-negative cosines.
EMBEDDING_WEIGHT, LEXICAL_WEIGHT, DOCUMENT_WEIGHT = 0.4, 0.3, 0.3
#: The words of the two lexical similarities, shared by every store so their scores agree: a
#: masked sentence's words, and a document's (two-letter words such as "di", "ke", "RT" are noise
#: at article length).
SENTENCE_WORD, DOCUMENT_WORD = r"[^\W\d_]{2,}", r"[^\W\d_]{3,}"


@dataclass(frozen=True)
class StoredSentence:
    """One claim-bearing sentence of a stored article."""

    id: int  # the store's sentence id
    source: str  # article id
    date: str | None  # article date (ISO) if known
    text: str  # the original sentence
    claims: tuple[Claim, ...]  # claims of that sentence, as extracted from its article


@dataclass(frozen=True)
class Hit:
    """A stored sentence found for a query sentence."""

    sentence: int  # StoredSentence.id
    similarity: float  # in [0, 1]; the formula above, the same for every store


class StatementStore(ABC):
    """Claim-bearing sentences of many articles, searchable by similarity."""

    encoder: str  # name of the encoder whose vectors are stored
    skipped: list[tuple[str, str]]  # (source, reason) of documents not indexed

    @abstractmethod
    def search(self, vectors: np.ndarray, masked: Sequence[str], text: str | None, k: int) -> list[list[Hit]]:
        """Per query sentence (its masked-number vector and masked text; ``text`` is the whole
        query article), up to ``k`` stored sentences, best first."""

    @abstractmethod
    def sentence(self, sid: int) -> StoredSentence:
        """The stored sentence with id ``sid``."""

    @abstractmethod
    def __len__(self) -> int:
        """Number of articles held."""

    def word_weight(self, word: str) -> float:
        """How telling a (stemmed) word is in this store, for ordering the numbers of one
        sentence by the words around them; stores without word statistics weigh all alike."""
        return 1.0
