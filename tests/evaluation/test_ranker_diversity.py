"""The MMR weight a head chooses on its held-out articles: the largest weight the data cannot
tell from the best, and a clearly worse one never."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.evaluation.ranker_diversity import GRID, choose_diversity, held_out_r1
from summarize.rankers.learned import Head


def _scores(means: list[float], noise: float, n: int = 400, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = rng.uniform(0.5, 0.8, size=n)
    return np.stack([base + m + rng.normal(0, noise, size=n) for m in means])


def test_a_clearly_costly_weight_is_not_chosen():
    assert choose_diversity(_scores([0.0, -0.01, -0.02, -0.03], noise=0.01)) == 0.0


def test_the_largest_weight_indistinguishable_from_the_best_is_chosen():
    assert choose_diversity(_scores([0.0, 0.0, 0.0, -0.05], noise=0.02)) == 0.2
    assert choose_diversity(_scores([0.0, 0.0, 0.0, 0.0], noise=0.0)) == GRID[-1]


def test_a_better_larger_weight_wins_and_smaller_ones_are_never_preferred():
    assert choose_diversity(_scores([-0.05, -0.05, 0.0, -0.05], noise=0.01)) == 0.2


def test_too_few_held_out_articles_are_refused():
    with pytest.raises(ValueError, match="at least two"):
        choose_diversity(np.zeros((len(GRID), 1)))


def test_held_out_r1_scores_each_weight_with_the_real_mmr():
    """Three near-identical top sentences: at weight 0 all three are picked; with redundancy
    the repeats give way to a sentence that brings new reference words."""
    from types import SimpleNamespace

    sents = ["harga beras naik", "harga beras naik lagi", "harga beras naik tajam", "operasi pasar digelar",
             "cuaca cerah"]
    emb = np.array([[1, 0, 0], [0.99, 0.14, 0], [0.98, 0.2, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float64)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    # a member without layers whose logit rises with the one feature: [f, 1, -1] through the norm
    member = {"proj.weight": np.zeros((3, 3)), "proj.bias": np.zeros(3), "feat.weight": np.array([[1.0], [0.0], [0.0]]),
              "feat.bias": np.array([0.0, 1.0, -1.0]), "pos.weight": np.zeros((5, 3)), "in_norm.weight": np.ones(3),
              "in_norm.bias": np.zeros(3), "out.weight": np.array([[1.0, 0.0, 0.0]]), "out.bias": np.zeros(1)}
    ex = SimpleNamespace(emb=emb, feats=np.array([[3.0], [2.9], [2.8], [2.0], [0.0]]), sentences=sents,
                         reference="harga beras naik\noperasi pasar digelar")
    head = Head(encoder="toy", members=[member], feat_mean=np.zeros(1), feat_std=np.ones(1), n_layers=0, n_heads=1,
                max_positions=5, meta={})
    scores = held_out_r1(head, [ex])
    assert scores.shape == (len(GRID), 1)
    assert scores[0, 0] < scores[-1, 0]
