"""The joint head, the full head and their blend, scored on a run's held-out fold."""
from __future__ import annotations

import json

import numpy as np

from eval import ranker_cv
from eval.finetune import joint_ensemble
from summarize.rankers.base import Document


class _Fixed:
    """A stand-in head: fixed logits, a window of ``max_positions``."""

    def __init__(self, logits: list[float], max_positions: int = 10) -> None:
        self.logits, self.max_positions = np.array(logits), max_positions

    def score(self, doc: Document) -> np.ndarray:
        return self.logits[: len(doc)]


def test_blend_averages_standardized_logits_so_scale_does_not_decide():
    doc = Document(["a", "b", "c"], np.eye(3))
    loud, quiet = _Fixed([100.0, 0.0, 90.0], 8), _Fixed([0.0, 0.2, 0.19], 10)
    blend = joint_ensemble.Blend([loud, quiet])  # type: ignore[list-item]
    assert blend.max_candidates("x") == 8
    scores = blend.score(doc)
    assert np.argmax(scores) == 2  # raw logits would follow the loud head (index 0)
    np.testing.assert_array_equal(joint_ensemble.Blend([loud]).score(doc), loud.logits)  # type: ignore[list-item]


def test_scores_the_runs_held_out_fold(tiny_run, indosum5, tmp_path, monkeypatch) -> None:
    run, fold = tiny_run
    monkeypatch.setattr(ranker_cv, "RESULTS", tmp_path)
    monkeypatch.setattr(joint_ensemble, "RESULTS", tmp_path)
    assert joint_ensemble.main(["--run", str(run), "--name", "tiny", "--cache-dir", str(tmp_path / "cache"),
                                "--tag", "_tiny"]) == 0
    record = json.loads((tmp_path / "ranker_cv_joint_tiny.json").read_text())
    assert [r["fold"] for r in record["folds"]] == [fold]
    assert {"joint given d=0.0", "full given d=0.0", "blend given d=0.0"} <= set(record["mean"])
    assert set(record["blend_vs_full_r1"]) == {"diff", "ci95"}
