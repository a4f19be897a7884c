"""The concatenating encoder: unit rows whose cosines are the mean of the members' cosines."""
from __future__ import annotations

import numpy as np
import pytest

from eval.finetune.concat import ConcatEncoder
from tests.toys import HashedWords


class Shifted(HashedWords):
    """A second toy member that disagrees with the first (a word's hash bucket moves)."""

    name = "shifted"

    def encode(self, texts):
        return np.roll(super().encode([t + " tambahan" for t in texts]), 7, axis=1)


def test_cosine_is_the_mean_of_member_cosines(texts):
    a, b = HashedWords(), Shifted()
    both = ConcatEncoder([a, b])
    v, va, vb = both.encode(texts), a.encode(texts), b.encode(texts)
    assert v.shape == (len(texts), va.shape[1] + vb.shape[1])
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-6)
    np.testing.assert_allclose(v @ v.T, (va @ va.T + vb @ vb.T) / 2, atol=1e-5)
    assert both.name == "hashed-words+shifted"


def test_members_see_the_same_texts_once(texts):
    a = HashedWords()
    ConcatEncoder([a, Shifted()], name="pair").encode(texts)
    assert a.calls == [texts]


def test_empty_input_and_no_members():
    assert ConcatEncoder([HashedWords(), Shifted()]).encode([]).shape == (0, 128)
    with pytest.raises(ValueError, match="at least one member"):
        ConcatEncoder([])


class InContext(HashedWords):
    """A contextual toy member: each sentence's vector carries the window's first sentence."""

    name = "in-context"
    contextual = True

    def encode_windows(self, windows):
        return [self.encode([w[0] + " " + s for s in w]) for w in windows]


def test_each_member_reads_windows_its_own_way(texts):
    alone, ctx = HashedWords(), InContext()
    both = ConcatEncoder([alone, ctx])
    assert both.contextual and not ConcatEncoder([alone, Shifted()]).contextual
    windows = [texts[:1], texts[1:]]
    rows = both.encode_windows(windows)
    assert [len(r) for r in rows] == [1, len(texts) - 1]
    for got, w, own in zip(rows, windows, ctx.encode_windows(windows)):
        expected = np.concatenate([alone.encode(w), own], axis=1) / np.sqrt(2)
        np.testing.assert_allclose(got, expected, atol=1e-6)
