"""The encoder seam: sentences in, an (n, d) float32 array of L2-normalised rows out.

Backends are registered by name with a *factory path* ("module:attr") so that importing the
registry never imports torch; the module is imported only when that encoder is asked for
(KeyBERT's habit of lazy heavy backends).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Sequence

import numpy as np

from summarize.registry import Factory, Registry

#: The summarizer's default: e5-small cut to 6 layers, fine-tuned for ranking with each article's
#: sentences read together, and run that way (``finetuned``).
DEFAULT_ENCODER = "e5-small-id-ft-ctx"
#: Claims compare sentences by meaning. An encoder fine-tuned to rank sentences for summaries is
#: not trained for that (and moves the similarities the claim matcher's thresholds were fitted
#: on), so the claim checker and the archive keep this general-purpose one when summaries use it.
SIMILARITY_ENCODER = "e5-small"
RANKING_ONLY = frozenset({"e5-small-id-ft", "e5-small-id-ft-ctx"})


class Encoder(ABC):
    """Embeds sentences. Implementations must be deterministic for a given input."""

    #: The name a user passes to pick this encoder (also written into summaries and model cards).
    name: str = "encoder"

    #: True when a sentence's vector depends on the sentences around it (``encode_windows``):
    #: the summarizer then embeds each article's candidate window in one piece.
    contextual: bool = False

    @abstractmethod
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (len(texts), dim) float32 array with L2-normalised rows."""

    def encode_windows(self, windows: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Each window's (len(window), dim) rows. Sentences are embedded alone unless the
        encoder is ``contextual``, so this is ``encode`` over all of them, split back."""
        return split_rows(self.encode([s for w in windows for s in w]), [len(w) for w in windows])


_REGISTRY: Registry[Encoder] = Registry("encoder", {
    "e5-small": "summarize.encoders.e5:E5Encoder",
    "e5-small-id-ft": "summarize.encoders.finetuned:FineTunedE5Encoder",
    "e5-small-id-ft-ctx": "summarize.encoders.finetuned:ContextFineTunedE5Encoder",
})


def register_encoder(name: str, factory: Factory) -> None:
    """Register a factory (a callable, or a lazy ``"module:attr"`` path) under ``name``."""
    _REGISTRY.register(name, factory)


def available_encoders() -> list[str]:
    return _REGISTRY.names()


def get_encoder(spec: str | Encoder | None = None) -> Encoder:
    """A registered name, or else a Hugging Face hub id / local directory (the IndoBERT path)."""
    if isinstance(spec, Encoder):
        return spec
    spec = spec or DEFAULT_ENCODER
    if spec in _REGISTRY:
        return _REGISTRY.create(spec)
    from summarize.encoders.hf import load_hf_encoder  # lazy: imports torch

    return load_hf_encoder(spec)


def similarity_encoder(spec: str | Encoder | None) -> str | Encoder:
    """The encoder for claim similarity when summaries use ``spec``: the same one, unless it is
    none or a ranking-only encoder."""
    name = spec.name if isinstance(spec, Encoder) else spec
    return SIMILARITY_ENCODER if spec is None or name in RANKING_ONLY else spec


def split_rows(vectors: np.ndarray, sizes: Sequence[int]) -> list[np.ndarray]:
    """Consecutive row blocks of ``sizes`` (summing to ``len(vectors)``), one per window."""
    return np.split(vectors, np.cumsum(sizes)[:-1]) if len(sizes) else []


def l2_normalize(vectors: np.ndarray) -> np.ndarray:
    """Row-normalise to unit length in float32; zero rows stay zero instead of becoming NaN."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
