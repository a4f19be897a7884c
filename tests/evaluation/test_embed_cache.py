"""What the embedding cache hands the learned ranker's training."""
from __future__ import annotations

import numpy as np

from summarize.encoders.base import Encoder
from summarize.evaluation.embed_cache import CachedEncoder, window_vectors


class Counting(Encoder):
    name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        return np.ones((len(texts), 3), dtype=np.float32)


def test_only_the_candidate_window_is_embedded() -> None:
    enc = Counting()
    vectors = window_vectors(enc, [f"s{i}" for i in range(5)], 3)
    assert enc.seen == ["s0", "s1", "s2"]
    assert vectors.shape == (5, 3) and vectors[:3].all() and not vectors[3:].any()


class InContext(Counting):
    """A contextual toy: a sentence's vector counts the sentences before it in its window."""

    name = "in-context"
    contextual = True

    def __init__(self) -> None:
        super().__init__()
        self.windows: list[list[str]] = []

    def encode_windows(self, windows):
        self.windows.extend(list(w) for w in windows)
        return [np.arange(1, len(w) + 1, dtype=np.float32)[:, None] * np.ones((1, 3), np.float32) for w in windows]


def test_contextual_windows_are_cached_whole(tmp_path) -> None:
    base = InContext()
    cache = CachedEncoder(base, tmp_path)
    a = window_vectors(cache, ["x", "y", "z"], 2)
    assert a[:, 0].tolist() == [1.0, 2.0, 0.0]  # in context, not sentence by sentence
    window_vectors(cache, ["x", "y", "z"], 2)
    b = window_vectors(cache, ["y", "x"], 2)  # the same sentences in another window
    assert base.windows == [["x", "y"], ["y", "x"]] and b[:, 0].tolist() == [1.0, 2.0]
    cache.encode_windows([[]])
    cache.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in-context.windows.npz"]
    again = CachedEncoder(InContext(), tmp_path)
    np.testing.assert_array_equal(again.encode_windows([["x", "y"]])[0], a[:2])
    assert again.encode_windows([[]])[0].shape[0] == 0 and again.base.windows == []


def test_sentences_alone_are_split_back_per_window() -> None:
    enc = Counting()
    parts = enc.encode_windows([["a", "b"], [], ["c"]])
    assert [p.shape for p in parts] == [(2, 3), (0, 3), (1, 3)] and enc.seen == ["a", "b", "c"]
    assert enc.encode_windows([]) == []
