"""The full head recipe, cross-validated on a fine-tuned encoder's engine file."""
from __future__ import annotations

import json

import pytest

from eval import ranker_cv
from eval.finetune import head_cv
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles


def test_scores_the_held_out_fold_in_both_modes(tiny_run, indosum5, tmp_path, monkeypatch) -> None:
    run, fold = tiny_run
    monkeypatch.setattr(ranker_cv, "RESULTS", tmp_path)
    configs, real_train = [], head_cv.train
    monkeypatch.setattr(head_cv, "train", lambda *a: configs.append(a[3]) or real_train(*a))
    assert head_cv.main(["--runs", str(run), "--name", "tiny", "--folds", str(fold), "--raw",
                         "--cache-dir", str(tmp_path / "cache"), "--tag", "_tiny", "--members", "2"]) == 0
    record = json.loads((tmp_path / "ranker_cv_tiny.json").read_text())
    assert [c.members for c in configs] == [2]  # the head recipe's flags reach training
    held_out = sum(fold_of(a.id) == fold for a in load_articles())
    assert [(r["fold"], r["n"]) for r in record["folds"]] == [(fold, held_out)]
    assert {"lead3", "lead3 raw", "given d=0.0", "raw d=0.0"} <= set(record["mean"])
    assert record["mean"]["raw d=0.0"]["baseline"] == "lead3 raw"
    assert (tmp_path / "cache" / "tiny.npz").exists()  # one frozen encoder, one cache file


def test_several_runs_are_one_concatenated_encoder(tiny_run, indosum5, tmp_path, monkeypatch) -> None:
    run, fold = tiny_run
    monkeypatch.setattr(ranker_cv, "RESULTS", tmp_path)
    dims, real_train = [], head_cv.train
    monkeypatch.setattr(head_cv, "train", lambda arts, vecs, name, cfg: dims.append((name, vecs[0].shape[1]))
                        or real_train(arts, vecs, name, cfg))
    assert head_cv.main(["--runs", str(run), str(run), "--name", "a", "b", "--folds", str(fold),
                         "--cache-dir", str(tmp_path / "cache"), "--tag", "_pair", "--members", "1"]) == 0
    assert dims == [("a+b", 128)]  # two 64-d members side by side
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == ["a.npz", "b.npz"]  # cached per member


def test_names_must_match_the_runs(indosum5, tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        head_cv.main(["--runs", "a", "b", "c", "--name", "x", "y"])
    assert "3 --runs but 2 --name" in capsys.readouterr().err


def test_a_missing_fold_run_names_the_file(indosum5, tmp_path) -> None:
    with pytest.raises(SystemExit, match="engine.bin"):
        head_cv.main(["--runs", str(tmp_path / "f{fold}"), "--folds", "0"])
