"""The splitter against the hand-checked gold set (eval/data/sentence_gold.jsonl)."""
from __future__ import annotations

from summarize.evaluation.splitting import evaluate, gold_boundaries, load_gold

# The target is F1 >= 0.99 on the test part; the threshold leaves room for one or two
# boundaries so that a harmless rule change does not fail CI, but not for a real regression.
MIN_F1 = 0.98


def test_gold_is_consistent_and_big_enough() -> None:
    docs = load_gold()
    assert {d.split for d in docs} == {"dev", "test"}
    assert sum(len(gold_boundaries(d)) for d in docs) >= 300


def test_splitter_f1_on_both_parts() -> None:
    result = evaluate()
    assert result["dev"]["f1"] >= MIN_F1
    assert result["test"]["f1"] >= MIN_F1
    assert result["f1"] == result["test"]["f1"]
    assert {"precision", "recall", "f1", "n_boundaries", "n_documents"} <= result.keys()
