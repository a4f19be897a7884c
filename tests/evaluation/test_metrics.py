"""ROUGE and the statistics, checked against values worked out by hand."""
from __future__ import annotations

import numpy as np
import pytest

from summarize.evaluation.metrics import (
    CorpusTokenizer,
    bootstrap_ci,
    group_means,
    length_bucket,
    paired_test,
    rouge,
    rouge_many,
)


def test_rouge1_and_rouge2_by_hand():
    # reference 5 tokens, summary 5 tokens; shared unigrams: makan, nasi, di (3)
    # -> P = R = F1 = 3/5. Shared bigrams: "makan nasi", "nasi di" (2 of 4) -> 1/2.
    scores = rouge("saya makan nasi di rumah", "dia makan nasi di kantor")
    assert scores["rouge1"] == pytest.approx(3 / 5)
    assert scores["rouge2"] == pytest.approx(1 / 2)


def test_rouge1_with_unequal_lengths_by_hand():
    # 3 shared of 3 summary tokens and 4 reference tokens: P = 1, R = 3/4, F1 = 6/7.
    assert rouge("budi makan nasi goreng", "budi makan nasi")["rouge1"] == pytest.approx(6 / 7)


def test_rougeL_on_a_known_lcs():
    # LCS of (satu dua tiga empat lima) and (satu tiga lima dua) is "satu tiga lima": 3.
    # P = 3/4, R = 3/5, F1 = 2PR/(P+R) = 2/3.
    assert rouge("satu dua tiga empat lima", "satu tiga lima dua")["rougeL"] == pytest.approx(2 / 3)


def test_rouge_is_case_insensitive_and_has_no_stemmer():
    assert rouge("Presiden Jokowi", "presiden JOKOWI")["rouge1"] == pytest.approx(1.0)
    # an English stemmer would fold "bermain" / "bermainan"; ours must not
    assert rouge("bermain", "bermainan")["rouge1"] == 0.0


def test_tokenizer_splits_punctuation_off_but_keeps_word_internal_marks():
    tokens = CorpusTokenizer().tokenize('Jakarta, CNN -- Harga naik Rp1.500 (2,5%), kata "tanya-jawab" café.')
    assert tokens == ["jakarta", ",", "cnn", "-", "-", "harga", "naik", "rp1.500", "(", "2,5", "%", ")", ",",
                      "kata", '"', "tanya-jawab", '"', "café", "."]


def test_rouge_many_aligns_and_rejects_mismatch():
    out = rouge_many(["a b", "c d"], ["a b", "x y"])
    assert out["rouge1"].tolist() == pytest.approx([1.0, 0.0])
    with pytest.raises(ValueError):
        rouge_many(["a"], [])


def test_bootstrap_of_a_constant_is_a_point():
    ci = bootstrap_ci(np.full(50, 0.42), resamples=200, seed=3)
    assert ci.mean == ci.low == ci.high == pytest.approx(0.42)


def test_bootstrap_contains_the_mean_is_seeded_and_has_the_standard_error_width():
    x = np.random.default_rng(7).normal(0.5, 1.0, size=400)
    a, b, c = bootstrap_ci(x, seed=1), bootstrap_ci(x, seed=1), bootstrap_ci(x, seed=2)
    assert a == b
    assert a != c
    assert a.low < x.mean() < a.high
    assert a.mean == pytest.approx(x.mean())
    # 95 % interval of a mean: about 2 * 1.96 * sd / sqrt(n) = 0.196 wide
    assert 0.15 < a.high - a.low < 0.25


def test_bootstrap_rejects_empty():
    with pytest.raises(ValueError):
        bootstrap_ci([])


def test_paired_test_sign_interval_and_p_value():
    rng = np.random.default_rng(0)
    base = rng.uniform(0.3, 0.7, size=200)
    better = paired_test(base + 0.05, base, resamples=500, seed=0)
    assert better.diff.mean == pytest.approx(0.05)
    assert better.diff.low == pytest.approx(0.05) and better.diff.high == pytest.approx(0.05)
    assert better.p_value == pytest.approx(1 / 501)  # no sign flip beats a constant difference
    worse = paired_test(base - 0.05, base, resamples=500, seed=0)
    assert worse.diff.mean == pytest.approx(-0.05) and worse.diff.high < 0
    same = paired_test(base, base, resamples=500, seed=0)
    assert same.diff.mean == 0 and same.p_value == 1.0


def test_paired_test_is_not_significant_on_noise():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=300), rng.normal(size=300)
    result = paired_test(a, b, resamples=999, seed=0)
    assert result.diff.low < 0 < result.diff.high
    assert result.p_value > 0.05
    with pytest.raises(ValueError):
        paired_test([1.0, 2.0], [1.0])


def test_group_means_and_length_buckets():
    out = group_means([1.0, 2.0, 3.0, 5.0], ["b", "a", "b", "a"])
    assert list(out) == ["a", "b"]
    assert out["a"] == {"mean": 3.5, "n": 2} and out["b"] == {"mean": 2.0, "n": 2}
    assert [length_bucket(n) for n in (1, 12, 13, 17, 18, 29, 30, 80)] == [
        "01-12", "01-12", "13-17", "13-17", "18-22", "23-29", "30+", "30+"]
