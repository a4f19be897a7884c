"""A run trained on the other folds is scored on its own held-out fold, engine against PyTorch."""
from __future__ import annotations

import json

import pytest

from eval.finetune import evaluate
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles


def test_scores_the_held_out_fold(tiny_run, indosum5, tmp_path) -> None:
    run, fold = tiny_run
    held_out = sum(fold_of(a.id) == fold for a in load_articles())
    assert json.loads((run / "run.json").read_text())["steps"] == -(-(5 - held_out) // 2)
    out = tmp_path / "result.json"
    assert evaluate.main(["--run", str(run), "--torch-check", "1", "--out", str(out)]) == 0
    record = json.loads(out.read_text())
    assert record["fold"] == fold and record["n"] == held_out
    assert set(record["rouge"]) == {"lead3", "finetuned"}
    assert record["engine_vs_torch"]["cosine_min"] > 0.99


def test_a_run_on_every_fold_has_nothing_to_score(indosum5, tmp_path) -> None:
    (tmp_path / "run.json").write_text(json.dumps({"config": {"fold": -1}}))
    with pytest.raises(SystemExit, match="held out"):
        evaluate.main(["--run", str(tmp_path)])
