"""Counting what the window's equal share cuts."""
from __future__ import annotations

from eval.finetune.window_cuts import window_cuts


def test_equal_shares_cut_long_sentences_even_when_the_window_would_fit() -> None:
    # 64 positions, 3 sentences: a share of 20 tokens each
    assert window_cuts([5, 40, 5], 64) == (20, 1, True)  # 53 positions needed uncut
    assert window_cuts([5, 5, 5], 64) == (0, 0, True)
    assert window_cuts([30, 30, 30], 64) == (30, 3, False)
