"""The learned ranker: numpy inference equals the torch network, the shipped head loads and
ranks, and a foreign encoder falls back to centrality."""
from __future__ import annotations

import logging

import numpy as np
import pytest

from summarize.rankers.base import Document, get_ranker
from summarize.rankers.features import FEATURE_NAMES, sentence_features
from summarize.rankers.learned import HEAD_FILE, Head, LearnedRanker, head_dir


def _doc(n: int, dim: int = 384, encoder: str = "e5-small", seed: int = 0) -> Document:
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n, dim)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    sents = [f"Kalimat nomor {i} berisi {i * 3} kata tentang \"harga\" beras." for i in range(n)]
    return Document(sents, emb, [i // 2 for i in range(n)], encoder)


def test_features_shape_and_position_columns():
    doc = _doc(7)
    feats = sentence_features(doc.sentences, doc.paragraphs, doc.embeddings)
    assert feats.shape == (7, len(FEATURE_NAMES)) and np.isfinite(feats).all()
    col = {name: feats[:, i] for i, name in enumerate(FEATURE_NAMES)}
    assert col["is_first"].tolist() == [1, 0, 0, 0, 0, 0, 0]
    assert col["paragraph_start"].tolist() == [1, 0, 1, 0, 1, 0, 1]
    assert np.all(np.diff(col["rel_position"]) > 0)


@pytest.fixture(scope="module")
def torch_head():
    """A randomly initialised torch network (small) and its numpy export."""
    torch = pytest.importorskip("torch")
    from summarize.evaluation.ranker_net import HeadNet, NetConfig, export_member

    torch.manual_seed(0)
    cfg = NetConfig(d_model=16, n_layers=2, n_heads=4, d_ff=24, max_positions=12)
    net = HeadNet(384, len(FEATURE_NAMES), cfg).eval()
    for p in net.parameters():  # random, not default-initialised, so LayerNorm/biases matter too
        torch.nn.init.normal_(p, std=0.3)
    head = Head("e5-small", [export_member(net)], np.zeros(len(FEATURE_NAMES)), np.ones(len(FEATURE_NAMES)),
                cfg.n_layers, cfg.n_heads, cfg.max_positions, {})
    return net, head


@pytest.mark.parametrize("n", [1, 5, 12])
def test_numpy_forward_equals_torch(torch_head, n):
    import torch

    net, head = torch_head
    doc = _doc(n, seed=n)
    feats = sentence_features(doc.sentences, doc.paragraphs, doc.embeddings)
    with torch.no_grad():
        expected = net(torch.from_numpy(doc.embeddings)[None], torch.from_numpy(feats)[None],
                       torch.zeros(1, n, dtype=torch.bool))[0].double().numpy()
    np.testing.assert_allclose(head.score(doc), expected, rtol=1e-4, atol=1e-4)


def test_padding_does_not_change_torch_scores(torch_head):
    """Training batches pad short articles; the export assumes padding is invisible."""
    import torch

    net, _ = torch_head
    doc = _doc(4)
    emb = torch.from_numpy(doc.embeddings)[None]
    feats = torch.from_numpy(sentence_features(doc.sentences, doc.paragraphs, doc.embeddings))[None]
    pad = torch.zeros(1, 4, dtype=torch.bool)
    with torch.no_grad():
        alone = net(emb, feats, pad)[0]
        padded = net(torch.cat([emb, torch.ones(1, 3, 384)], 1), torch.cat([feats, torch.ones(1, 3, feats.shape[2])], 1),
                     torch.cat([pad, torch.ones(1, 3, dtype=torch.bool)], 1))[0, :4]
    torch.testing.assert_close(alone, padded, rtol=1e-4, atol=1e-4)


def test_sentences_past_the_head_rank_last_in_order(torch_head):
    _, head = torch_head
    scores = head.score(_doc(20))
    assert scores.shape == (20,) and np.isfinite(scores).all()
    assert scores[12:].max() < scores[:12].min() and np.all(np.diff(scores[12:]) < 0)


def test_saved_head_round_trips(torch_head, tmp_path):
    _, head = torch_head
    path = head_dir("e5-small", tmp_path) / HEAD_FILE
    head.save(path)
    ranker = LearnedRanker(models_root=tmp_path)
    doc = _doc(9)
    np.testing.assert_allclose(ranker.score(doc), head.score(doc), rtol=1e-4, atol=1e-5)
    assert ranker.name == "learned" and ranker.max_candidates("e5-small") == 12


def test_shipped_head_loads_and_ranks():
    ranker = get_ranker("learned")
    assert (head_dir("e5-small") / HEAD_FILE).exists(), "run python -m eval.train_ranker"
    doc = _doc(18)
    first, second = ranker.score(doc), ranker.score(doc)
    assert first.shape == (18,) and np.isfinite(first).all()
    np.testing.assert_array_equal(first, second)
    assert ranker.name == "learned"


def test_foreign_encoder_falls_back_to_centrality(tmp_path, caplog):
    ranker = LearnedRanker(models_root=tmp_path)
    doc = _doc(6, dim=32, encoder="some/other-encoder")
    with caplog.at_level(logging.WARNING):
        scores = ranker.score(doc)
        ranker.score(doc)
    assert ranker.name == "centrality (fallback)"
    np.testing.assert_allclose(scores, get_ranker("centrality").score(doc))
    assert sum("no learned ranker" in r.message for r in caplog.records) == 1


def test_train_entry_point_returns_a_deterministic_ranker():
    """The harness's entry point, on a toy corpus where the gold sentence carries a marker."""
    pytest.importorskip("torch")
    from summarize.evaluation.indosum import Article
    from summarize.evaluation.ranker_net import NetConfig
    from summarize.evaluation.train_ranker import TrainConfig, train

    rng = np.random.default_rng(3)
    articles, embeddings = [], []
    for a in range(24):
        n = 6 + a % 4
        doc = _doc(n, seed=100 + a)
        gold = int(rng.integers(0, n))
        emb = doc.embeddings.copy()
        emb[gold, :8] += 2.0  # the marker
        emb /= np.linalg.norm(emb, axis=1, keepdims=True)
        labels = [i == gold for i in range(n)]
        articles.append(Article(f"a{a}", "", doc.sentences, doc.paragraphs, labels, doc.sentences[gold]))
        embeddings.append(emb)
    cfg = TrainConfig(net=NetConfig(d_model=16, d_ff=16, max_positions=8), members=1, epochs=2)
    first = train(articles, embeddings, "e5-small", cfg)
    second = train(articles, embeddings, "e5-small", cfg)
    doc = Document(articles[0].sentences, embeddings[0], articles[0].paragraphs, "e5-small")
    scores = first.score(doc)
    assert scores.shape == (len(doc),) and np.isfinite(scores).all() and first.name == "learned"
    np.testing.assert_array_equal(scores, second.score(doc))
