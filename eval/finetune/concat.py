"""Several encoders read as one: each sentence's member vectors side by side, renormalised.

Every member's rows are unit vectors, so after dividing the concatenation by sqrt(m) the cosine
of two sentences is the mean of their member cosines: the redundancy check (MMR) sees an average
of the members' judgements, and a learned head reads all of their features at once. Used by
``eval.finetune.head_cv`` to ask whether an ensemble of encoders under one head ranks better.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from summarize.encoders.base import Encoder, l2_normalize


class ConcatEncoder(Encoder):
    def __init__(self, members: Sequence[Encoder], name: str | None = None) -> None:
        if not members:
            raise ValueError("ConcatEncoder needs at least one member encoder")
        self.members = list(members)
        self.name = name or "+".join(m.name for m in self.members)
        self.contextual = any(m.contextual for m in self.members)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        return l2_normalize(np.concatenate([m.encode(texts) for m in self.members], axis=1))

    def encode_windows(self, windows: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Each member reads the windows its own way (in context or sentence by sentence)."""
        per_member = [m.encode_windows(windows) for m in self.members]
        return [l2_normalize(np.concatenate(rows, axis=1)) for rows in zip(*per_member)]
