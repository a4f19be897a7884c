"""What the embedding cache hands the learned ranker's training."""
from __future__ import annotations

import numpy as np

from summarize.evaluation.embed_cache import window_vectors


class Counting:
    name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return np.ones((len(texts), 3), dtype=np.float32)


def test_only_the_candidate_window_is_embedded() -> None:
    enc = Counting()
    vectors = window_vectors(enc, [f"s{i}" for i in range(5)], 3)  # type: ignore[arg-type]
    assert enc.seen == ["s0", "s1", "s2"]
    assert vectors.shape == (5, 3) and vectors[:3].all() and not vectors[3:].any()
