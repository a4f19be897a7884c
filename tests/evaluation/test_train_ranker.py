"""Training targets of the learned ranker: every 3-subset scored like the harness scores a
summary, and the subset-level loss that prefers the better summaries."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.evaluation.ranker_targets import rouge1_f, subset_scores

SENTS = [
    "Harga beras naik lima persen di Jakarta.",
    "Pedagang pasar mengeluhkan sepinya pembeli.",
    "Pemerintah akan menggelar operasi pasar pekan depan.",
    "Cuaca cerah sepanjang hari.",
    "Harga beras diperkirakan turun bulan depan.",
]
REFERENCE = "Harga beras naik lima persen di Jakarta.\nPemerintah akan menggelar operasi pasar."


def test_subset_scores_cover_every_subset_with_the_harness_rouge():
    subsets, f1 = subset_scores(SENTS, REFERENCE)
    assert subsets.shape == (10, 3) and f1.shape == (10,)
    assert len({tuple(s) for s in subsets}) == 10
    for s, f in zip(subsets, f1):
        assert f == pytest.approx(rouge1_f(REFERENCE, "\n".join(SENTS[i] for i in s)), abs=1e-6)
    assert set(subsets[int(np.argmax(f1))]) >= {0, 2}


def test_subset_scores_of_a_short_article_take_all_its_sentences():
    subsets, f1 = subset_scores(SENTS[:2], REFERENCE)
    assert subsets.tolist() == [[0, 1]] and f1.shape == (1,)


def _example(sents, reference):
    from summarize.evaluation.indosum import Article
    from summarize.evaluation.train_ranker import make_examples

    rng = np.random.default_rng(0)
    emb = rng.normal(size=(len(sents), 8)).astype(np.float32)
    art = Article("x", "", sents, list(range(len(sents))), [False] * len(sents), reference)
    return make_examples([art], [emb], max_positions=10, target="oracle3")[0]


def test_subset_loss_is_lower_when_logits_favour_the_best_summary():
    torch = pytest.importorskip("torch")
    from summarize.evaluation.train_ranker import _subset_batch, _subset_loss

    exs = [_example(SENTS, REFERENCE), _example(SENTS[:2], REFERENCE)]
    n = len(SENTS)
    pad = torch.tensor([[False] * n, [False, False] + [True] * (n - 2)])
    sub = _subset_batch(exs, n, temp=0.02)
    assert sub[0].shape == (2, 10, 3) and torch.allclose(sub[1].sum(dim=1), torch.ones(2))
    good = torch.zeros(2, n)
    good[0, list(exs[0].subsets[int(np.argmax(exs[0].subset_f1))])] = 3.0
    bad = torch.zeros(2, n)
    bad[0, [1, 3, 4]] = 3.0
    assert _subset_loss(good, pad, *sub) < _subset_loss(torch.zeros(2, n), pad, *sub) < _subset_loss(bad, pad, *sub)
    assert exs[0].labels.tolist() == [float(i in exs[0].subsets[int(np.argmax(exs[0].subset_f1))]) for i in range(n)]


@pytest.mark.parametrize("n_articles,epochs", [(5, 10), (16, 10), (16, 2), (3, 1)])
def test_a_training_set_of_one_batch_per_epoch_trains(n_articles, epochs):
    """``summarize-eval --limit 20`` trains folds of ~16 articles: one batch an epoch, ten steps in
    all, where a 10 % warm-up of one step made OneCycleLR divide by zero."""
    pytest.importorskip("torch")
    from summarize.evaluation.indosum import Article
    from summarize.evaluation.ranker_net import NetConfig
    from summarize.evaluation.train_ranker import TrainConfig, train

    rng = np.random.default_rng(1)
    arts = [Article(f"a{i}", "", SENTS, list(range(len(SENTS))), [True, False, True, False, False], REFERENCE)
            for i in range(n_articles)]
    embs = [rng.normal(size=(len(SENTS), 8)).astype(np.float32) for _ in arts]
    cfg = TrainConfig(net=NetConfig(d_model=16, n_layers=1, n_heads=2, d_ff=16), members=1, epochs=epochs)
    ranker = train(arts, embs, "toy", cfg)
    assert ranker.head_for("toy").meta["n_articles"] == n_articles


def test_training_records_the_diversity_its_members_chose_on_held_out_articles():
    pytest.importorskip("torch")
    from summarize.evaluation.indosum import Article
    from summarize.evaluation.ranker_diversity import GRID
    from summarize.evaluation.ranker_net import NetConfig
    from summarize.evaluation.train_ranker import TrainConfig, train

    rng = np.random.default_rng(2)
    arts = [Article(f"a{i}", "", SENTS, list(range(len(SENTS))), [True, False, True, False, False], REFERENCE)
            for i in range(16)]
    embs = [rng.normal(size=(len(SENTS), 8)).astype(np.float32) for _ in arts]
    cfg = TrainConfig(net=NetConfig(d_model=16, n_layers=1, n_heads=2, d_ff=16), members=2, epochs=1, val_share=0.5)
    ranker = train(arts, embs, "toy", cfg)
    assert ranker.diversity("toy") in GRID
    assert ranker.diversity("other") is None
