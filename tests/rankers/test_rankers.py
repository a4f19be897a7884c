"""Every ranker's contract on small documents, and selection (``mmr_select``) behaviour."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.rankers import available_rankers, get_ranker
from summarize.rankers.base import Document
from summarize.rankers.centrality import centrality_scores
from summarize.select import Length, mmr_select


def _unit(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def _doc(n: int, seed: int = 0) -> Document:
    emb = _unit(np.random.default_rng(seed).normal(size=(n, 384)))
    return Document([f"Kalimat ke-{i} tentang ekonomi daerah." for i in range(n)], emb, encoder="e5-small")


@pytest.mark.parametrize("name", available_rankers())
@pytest.mark.parametrize("n", [1, 2, 7, 30])
def test_scores_have_one_finite_value_per_sentence_and_are_deterministic(name, n):
    ranker = get_ranker(name)
    doc = _doc(n, seed=n)
    scores = ranker.score(doc)
    assert scores.shape == (n,) and np.isfinite(scores).all()
    np.testing.assert_array_equal(scores, get_ranker(name).score(doc))


def test_lead_prefers_earlier_sentences():
    scores = get_ranker("lead").score(_doc(6))
    assert np.all(np.diff(scores) < 0)


def test_centrality_favours_the_sentence_the_others_resemble():
    hub = np.ones(8)
    emb = _unit(np.stack([hub + np.eye(8)[i] * (0.2 if i == 2 else 3.0) for i in range(8)]))
    assert int(np.argmax(centrality_scores(emb))) == 2


def test_unknown_ranker_names_the_choices():
    with pytest.raises(ValueError, match="lead"):
        get_ranker("nope")


# --- selection -------------------------------------------------------------------------------

def _select(scores, emb=None, diversity=0.0, words=None, **length):
    scores = np.asarray(scores, dtype=float)
    emb = _unit(np.eye(len(scores)) + 0.01) if emb is None else emb
    words = words or [10] * len(scores)
    return mmr_select(scores, emb, Length.of(**length), words, diversity)


def test_k_picks_the_top_scores_in_article_order():
    assert _select([0.1, 0.9, 0.3, 0.8, 0.5], k=3) == [1, 3, 4]


def test_fewer_sentences_than_k_returns_all():
    assert _select([0.2, 0.1], k=5) == [0, 1]


def test_ratio_rounds_up_and_keeps_at_least_one():
    assert len(_select(np.arange(10.0), ratio=0.25)) == 3
    assert len(_select(np.arange(3.0), ratio=0.01)) == 1


def test_max_words_budget_skips_what_does_not_fit_but_keeps_the_first_pick():
    scores = [0.9, 0.8, 0.7, 0.1]
    assert _select(scores, words=[30, 30, 5, 5], max_words=40) == [0, 2, 3]
    assert _select(scores, words=[100, 100, 100, 100], max_words=10) == [0]


def test_target_words_takes_sentences_while_they_bring_the_total_closer():
    scores = [0.9, 0.8, 0.7, 0.1]
    # 20 → 40 is closer to 45 than 20; 40 → 60 is further (15 > 5): stop at two
    assert mmr_select(np.asarray(scores), np.eye(4), Length(k=None, target_words=45), [20, 20, 20, 20], 0.0) == [0, 1]
    # short sentences: more of them
    assert mmr_select(np.asarray(scores), np.eye(4), Length(k=None, target_words=45), [12, 12, 12, 12], 0.0) == [0, 1, 2, 3]
    # the first pick is kept even when it overshoots alone
    assert mmr_select(np.asarray(scores), np.eye(4), Length(k=None, target_words=5), [50, 50, 50, 50], 0.0) == [0]


def test_diversity_skips_a_near_duplicate():
    base = np.random.default_rng(1).normal(size=(3, 16))
    emb = _unit(np.stack([base[0], base[0] + 0.01, base[1], base[2]]))
    scores = [1.0, 0.95, 0.5, 0.4]
    assert _select(scores, emb, diversity=0.0, k=2) == [0, 1]
    assert _select(scores, emb, diversity=0.5, k=2) == [0, 2]


def test_ties_go_to_the_earlier_sentence():
    assert _select([0.5, 0.5, 0.5, 0.5], k=2) == [0, 1]


def test_length_rejects_two_rules_or_bad_values():
    with pytest.raises(ValueError):
        Length(k=3, ratio=0.5)
    with pytest.raises(ValueError):
        Length.of(k=0)
    with pytest.raises(ValueError):
        Length.of(ratio=1.5)
    with pytest.raises(ValueError):
        Length(k=None, target_words=0)
    with pytest.raises(ValueError):
        Length(k=3, target_words=50)
