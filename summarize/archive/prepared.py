"""The per-article half of adding to an archive: everything that needs no database.

``prepare_article`` reads an article's claims, masks their sentences, embeds them and counts
the words the archive scores with. It runs anywhere (a Ray worker, a thread, the CLI) and its
result, a ``PreparedArticle``, is plain picklable data; ``Archive.write`` then stores a batch
of them in one transaction from the single writer.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from summarize.claims.statements import Extractor, article_statements
from summarize.claims.store import DOCUMENT_WORD, SENTENCE_WORD
from summarize.encoders.base import Encoder

_SENTENCE_WORDS = re.compile(SENTENCE_WORD)
_DOC_WORDS = re.compile(DOCUMENT_WORD)


def sentence_words(masked: str) -> Counter[str]:
    """Word counts of a masked sentence, tokenised as the corpus index's sentence space does."""
    return Counter(_SENTENCE_WORDS.findall(masked.lower()))


def document_words(text: str) -> Counter[str]:
    """Word counts of a whole article, tokenised as the corpus index's document space does."""
    return Counter(_DOC_WORDS.findall(text.lower()))


def text_digest(text: str, date: str | None) -> str:
    """What decides "unchanged": the text and the date (a corrected date is a new version)."""
    return hashlib.sha256(f"{date or ''}\x00{text}".encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class PreparedSentence:
    """A claim-bearing sentence: its text, masked text, claims (``Claim.to_dict``) and words."""

    text: str
    masked: str
    claims: tuple[dict[str, Any], ...]
    words: dict[str, int]


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready to be written; ``error`` set means it is to be skipped with that reason."""

    id: str
    text: str
    date: str | None
    source: str | None
    digest: str
    sentences: tuple[PreparedSentence, ...] = ()
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    words: dict[str, int] = field(default_factory=dict)
    encoder: str = ""
    error: str | None = None


def prepare_article(
    id: str,
    text: str,
    date: str | None = None,
    source: str | None = None,
    *,
    encoder: Encoder,
    extractor: Extractor | None = None,
) -> PreparedArticle:
    """Claims, masked sentences, vectors and word counts of one article. Never raises for a bad
    article: an empty text or a parser failure comes back as ``error`` (the batch goes on)."""
    base = PreparedArticle(str(id), text, date, source, text_digest(text, date), encoder=encoder.name)
    if not isinstance(text, str) or not text.strip():
        return replace(base, error="empty text")
    try:
        statements = article_statements(text, date, extractor)
    except Exception as exc:  # one parser failure must not lose the other articles of a batch
        return replace(base, error=f"claim extraction failed: {exc}")
    sentences = tuple(
        PreparedSentence(s.text, s.masked, tuple(c.to_dict() for c in s.claims), dict(sentence_words(s.masked)))
        for s in statements
    )
    vectors = encoder.encode([s.masked for s in sentences]) if sentences else np.zeros((0, 0), dtype=np.float32)
    return replace(
        base, sentences=sentences, vectors=np.asarray(vectors, dtype=np.float32), words=dict(document_words(text))
    )
