"""Cheap stand-ins for the real models, so pipeline contracts are tested in milliseconds."""
from __future__ import annotations

import zlib
from typing import Sequence

import numpy as np

from summarize.encoders.base import Encoder, l2_normalize


class HashedWords(Encoder):
    """Deterministic toy encoder: hashed word counts. Records what it was asked to embed."""

    name = "hashed-words"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, zlib.crc32(word.encode()) % 64] += 1.0
        return l2_normalize(out + 1e-3)
