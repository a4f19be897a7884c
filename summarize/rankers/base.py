"""The ranker seam: a document (sentences, embeddings, positions) in, one score per sentence out.

Scoring is kept apart from selection (``summarize.select``) so that every ranker gets the same
length rules and redundancy control, and a new ranker is one file plus one registry line
(sumy's habit).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

import numpy as np

from summarize.registry import Factory, Registry


@dataclass
class Document:
    """What a ranker sees. ``embeddings`` rows are L2-normalised and align with ``sentences``."""

    sentences: list[str]
    embeddings: np.ndarray
    paragraphs: list[int] = field(default_factory=list)
    encoder: str = ""

    def __post_init__(self) -> None:
        if not self.paragraphs:
            self.paragraphs = list(range(len(self.sentences)))
        if len(self.paragraphs) != len(self.sentences) or len(self.embeddings) != len(self.sentences):
            raise ValueError("sentences, embeddings and paragraphs must have the same length")

    def __len__(self) -> int:
        return len(self.sentences)


class Ranker(ABC):
    """Scores sentences; higher means more worth keeping. Must be deterministic."""

    name: str = "ranker"

    @abstractmethod
    def score(self, doc: Document) -> np.ndarray:
        """Return a float array of shape (len(doc),)."""

    def summary_words(self, encoder: str) -> float | None:
        """How many words a summary should have, when the ranker learned it from reference
        summaries (what ``Summarizer(adaptive=True)`` aims for); None when it did not."""
        return None

    def diversity(self, encoder: str) -> float | None:
        """The MMR redundancy weight chosen for this ranker on ``encoder``'s vectors when it was
        trained (what ``Summarizer`` uses unless given one); None when it chose none."""
        return None


DEFAULT_RANKER = "learned"

_REGISTRY: Registry[Ranker] = Registry(
    "ranker",
    {
        "lead": "summarize.rankers.lead:LeadRanker",
        "centrality": "summarize.rankers.centrality:CentralityRanker",
        "learned": "summarize.rankers.learned:LearnedRanker",
    },
)


def register_ranker(name: str, factory: Factory) -> None:
    """Register a factory (a callable, or a lazy ``"module:attr"`` path) under ``name``."""
    _REGISTRY.register(name, factory)


def available_rankers() -> list[str]:
    return _REGISTRY.names()


def get_ranker(spec: str | Ranker | None = None) -> Ranker:
    if isinstance(spec, Ranker):
        return spec
    return _REGISTRY.create(spec or DEFAULT_RANKER)
