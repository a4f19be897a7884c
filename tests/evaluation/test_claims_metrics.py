"""Claim-verdict scores checked against counts worked out by hand."""
from __future__ import annotations

import pytest

from summarize.evaluation.claims_metrics import confusion, extraction_scores, ratio, verdict_scores


def test_confusion_counts_every_cell_and_keeps_zero_rows():
    m = confusion([("conflict", "consistent"), ("conflict", "conflict"), ("unverified", "missed"),
                   ("conflict", "consistent")])
    assert m["conflict"] == {"consistent": 2, "conflict": 1, "unverified": 0, "missed": 0}
    assert m["unverified"]["missed"] == 1
    assert m["consistent"] == {"consistent": 0, "conflict": 0, "unverified": 0, "missed": 0}


def test_confusion_rejects_unknown_labels():
    with pytest.raises(ValueError, match="unknown verdict"):
        confusion([("conflicts", "conflict")])
    with pytest.raises(ValueError, match="unknown verdict"):
        confusion([("conflict", "maybe")])


def test_scores_by_hand():
    # expected conflict: 3 -> conflict, 1 -> consistent, 1 missed
    # expected consistent: 4 -> consistent, 1 -> conflict
    # expected unverified: 2 -> unverified, 2 -> conflict
    pairs = ([("conflict", "conflict")] * 3 + [("conflict", "consistent"), ("conflict", "missed")]
             + [("consistent", "consistent")] * 4 + [("consistent", "conflict")]
             + [("unverified", "unverified")] * 2 + [("unverified", "conflict")] * 2)
    s = verdict_scores(confusion(pairs))
    # 9 right of 13 found, of 14 expected
    assert s["accuracy"] == pytest.approx(9 / 13, abs=1e-4)
    assert s["accuracy_end_to_end"] == pytest.approx(9 / 14, abs=1e-4)
    # said conflict 6 times (3 right); 5 expected conflicts, 3 recalled (the missed one counts)
    assert s["conflict_precision"] == pytest.approx(0.5)
    assert s["conflict_recall"] == pytest.approx(0.6)
    assert s["per_verdict"]["consistent"] == {"precision": 0.8, "recall": 0.8, "predicted": 5, "support": 5}
    assert s["per_verdict"]["unverified"]["precision"] == 1.0
    assert s["per_verdict"]["unverified"]["recall"] == 0.5
    assert s["always_unverified_accuracy"] == pytest.approx(4 / 14, abs=1e-4)


def test_zero_denominators_are_none_not_zero():
    # the checker never said conflict and there were no expected conflicts
    s = verdict_scores(confusion([("unverified", "unverified"), ("consistent", "unverified")]))
    assert s["conflict_precision"] is None
    assert s["conflict_recall"] is None
    assert s["per_verdict"]["consistent"]["precision"] is None
    assert s["per_verdict"]["consistent"]["recall"] == 0.0
    empty = verdict_scores(confusion([]))
    assert empty["accuracy"] is None and empty["always_unverified_accuracy"] is None


def test_only_missed_claims_give_no_accuracy_but_zero_end_to_end():
    s = verdict_scores(confusion([("conflict", "missed")]))
    assert s["accuracy"] is None
    assert s["accuracy_end_to_end"] == 0.0
    assert s["conflict_recall"] == 0.0


def test_extraction_scores_and_impossible_pairs():
    assert extraction_scores(found=10, expected=8, paired=8) == {"precision": 0.8, "recall": 1.0}
    assert extraction_scores(found=0, expected=0, paired=0) == {"precision": None, "recall": None}
    with pytest.raises(ValueError):
        extraction_scores(found=2, expected=5, paired=3)


def test_ratio_rounds():
    assert ratio(1, 3) == 0.3333
    assert ratio(0, 0) is None
