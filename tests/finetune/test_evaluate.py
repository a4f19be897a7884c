"""A run trained on the other folds is scored on its own held-out fold, engine against PyTorch."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.finetune import evaluate, train
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.locations import INDOSUM_ENV

FIXTURE = Path(__file__).parents[1] / "evaluation" / "fixtures" / "indosum5.jsonl"


def test_scores_the_held_out_fold(tiny_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(INDOSUM_ENV, str(FIXTURE))
    fold = fold_of(load_articles()[0].id)
    held_out = sum(fold_of(a.id) == fold for a in load_articles())
    run = tmp_path / "run"
    assert train.main(["--out", str(run), "--encoder", str(tiny_path), "--layers", "1", "--fold", str(fold),
                       "--batch-articles", "2", "--scale-articles", "2", "--threads", "1"]) == 0
    assert json.loads((run / "run.json").read_text())["steps"] == -(-(5 - held_out) // 2)
    out = tmp_path / "result.json"
    assert evaluate.main(["--run", str(run), "--torch-check", "1", "--out", str(out)]) == 0
    record = json.loads(out.read_text())
    assert record["fold"] == fold and record["n"] == held_out
    assert set(record["rouge"]) == {"lead3", "finetuned"}
    assert record["engine_vs_torch"]["cosine_min"] > 0.99


def test_a_run_on_every_fold_has_nothing_to_score(tiny_path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(INDOSUM_ENV, str(FIXTURE))
    (tmp_path / "run.json").write_text(json.dumps({"config": {"fold": -1}}))
    with pytest.raises(SystemExit, match="held out"):
        evaluate.main(["--run", str(tmp_path)])
