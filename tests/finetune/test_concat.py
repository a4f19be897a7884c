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
