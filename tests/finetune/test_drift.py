"""The drift report of a run: changed Q4 codes, weight change, vector cosine to the base."""
from __future__ import annotations

import json

import numpy as np
import pytest

from eval.finetune import drift


def test_drift_of_the_tiny_run(tiny_run, tiny_path, indosum5, tmp_path) -> None:
    run, _ = tiny_run
    out = tmp_path / "drift.json"
    assert drift.main(["--run", str(run), "--base", str(tiny_path), "--n", "4", "--out", str(out)]) == 0
    record = json.loads(out.read_text())
    assert record["layers"] == 1 and record["q4_matrices"] == 6
    assert 0 <= record["changed_code_share_mean"] < 1 and record["relative_rms_change_mean"] > 0
    assert 0 < record["relative_half_step_mean"] < 1
    assert record["vector_cosine_to_base"]["n"] == 4 and record["vector_cosine_to_base"]["mean"] < 1
    assert set(record["pairwise_cosine_mean"]) == {"base", "tuned"}


def test_mean_pairwise_cosine_ignores_self_pairs() -> None:
    v = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
    assert drift.mean_pairwise_cosine(v) == pytest.approx(1 / 3)
