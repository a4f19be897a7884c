"""Scores of the claim checker's verdicts: confusion matrix, accuracy, per-verdict precision and
recall, and the always-``unverified`` baseline.

Written out rather than taken from ``sklearn.metrics`` (checked: ``confusion_matrix`` and
``precision_recall_fscore_support``): the matrix here has an extra "missed" column (an expected
claim the parser never found) that counts against recall but not precision, and an empty
denominator must read "no such prediction" (``None``, printed as "–"), not sklearn's 0 with a
warning, since "conflict precision 0.0" and "the checker never said conflict" mean different things.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Iterable

VERDICTS = ("consistent", "conflict", "unverified")
MISSED = "missed"
Matrix = dict[str, dict[str, int]]


def ratio(num: int, den: int, places: int = 4) -> float | None:
    """``num / den`` rounded, or ``None`` when nothing was counted."""
    return round(num / den, places) if den else None


def confusion(pairs: Iterable[tuple[str, str]]) -> Matrix:
    """``{expected: {predicted: count}}`` over every verdict and "missed" (rows and columns
    always present, zeros included). Unknown labels are an error, not silently dropped."""
    counts = Counter(pairs)
    unknown = {e for e, _ in counts if e not in VERDICTS} | {p for _, p in counts if p not in (*VERDICTS, MISSED)}
    if unknown:
        raise ValueError(f"unknown verdict label(s): {sorted(unknown)}")
    return {e: {p: counts[(e, p)] for p in (*VERDICTS, MISSED)} for e in VERDICTS}


def verdict_scores(matrix: Matrix) -> dict[str, Any]:
    """Accuracy, per-verdict precision/recall and the baseline, from one confusion matrix.

    ``accuracy`` is over the claims the parser found (the checker's own job);
    ``accuracy_end_to_end`` over every expected claim (a missed claim is wrong). Precision of a
    verdict counts only found claims; recall counts missed ones as not recalled.
    ``always_unverified_accuracy`` is what answering ``unverified`` everywhere would score end to end.
    """
    expected = sum(sum(row.values()) for row in matrix.values())
    paired = sum(row[p] for row in matrix.values() for p in VERDICTS)
    right = sum(matrix[v][v] for v in VERDICTS)
    per: dict[str, dict[str, Any]] = {}
    for v in VERDICTS:
        predicted = sum(matrix[e][v] for e in VERDICTS)
        support = sum(matrix[v].values())
        per[v] = {
            "precision": ratio(matrix[v][v], predicted),
            "recall": ratio(matrix[v][v], support),
            "predicted": predicted,
            "support": support,
        }
    return {
        "accuracy": ratio(right, paired),
        "accuracy_end_to_end": ratio(right, expected),
        "per_verdict": per,
        "conflict_precision": per["conflict"]["precision"],
        "conflict_recall": per["conflict"]["recall"],
        "always_unverified_accuracy": ratio(sum(matrix["unverified"].values()), expected),
    }


def extraction_scores(found: int, expected: int, paired: int) -> dict[str, float | None]:
    """Claims the parser found vs the expected ones, ``paired`` by overlapping spans."""
    if paired > min(found, expected):
        raise ValueError(f"{paired} pairs cannot come from {found} found and {expected} expected claims")
    return {"precision": ratio(paired, found), "recall": ratio(paired, expected)}
