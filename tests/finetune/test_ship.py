"""Shipping a run: its delta and joint head land where the registry looks, a fold run is refused."""
from __future__ import annotations

import json

import numpy as np
import pytest

from eval.finetune import ship
from summarize.rankers.learned import Head, LearnedRanker


def _run(tmp_path, fold: int):
    run = tmp_path / "run"
    run.mkdir()
    (run / "run.json").write_text(json.dumps({"config": {"fold": fold}, "command": "python -m eval.finetune.train …"}))
    (run / "delta.npz").write_bytes(b"delta bytes")
    member = {"w": np.ones(2, dtype=np.float32)}
    Head("e5-small", [member], np.zeros(1), np.ones(1), 0, 1, 10, {"members": 1}).save(run / "head.npz")
    return run


def test_the_delta_and_the_joint_head_are_installed_under_the_encoder_s_name(tmp_path) -> None:
    run, models = _run(tmp_path, -1), tmp_path / "models"
    assert ship.main(["--run", str(run), "--encoder", "toy-ft", "--head", "joint", "--models-dir", str(models)]) == 0
    assert (models / "encoder-toy-ft" / "delta.npz").read_bytes() == b"delta bytes"
    ranker = LearnedRanker(models_root=models)
    head = ranker.head_for("toy-ft")
    assert head is not None and head.encoder == "toy-ft" and ranker.diversity("toy-ft") == 0.0
    assert head.meta["head"] == "joint" and head.meta["trained_by"].startswith("python -m eval.finetune.train")


def test_without_the_joint_head_only_the_delta_is_copied(tmp_path) -> None:
    written = ship.ship(_run(tmp_path, -1), "toy-ft", "full", tmp_path / "models")
    assert [p.name for p in written] == ["delta.npz"] and not (tmp_path / "models" / "ranker-toy-ft").exists()


def test_a_run_that_held_out_a_fold_is_not_shipped(tmp_path) -> None:
    with pytest.raises(SystemExit, match="held out fold 2"):
        ship.ship(_run(tmp_path, 2), "toy-ft", "joint", tmp_path / "models")


def test_an_unfinished_or_missing_run_is_named_not_a_traceback(tmp_path) -> None:
    with pytest.raises(SystemExit, match="lacks run.json, delta.npz, head.npz"):
        ship.ship(tmp_path / "nowhere", "toy-ft", "joint", tmp_path / "models")
    run = _run(tmp_path, -1)
    (run / "head.npz").unlink()
    with pytest.raises(SystemExit, match="lacks head.npz"):
        ship.ship(run, "toy-ft", "joint", tmp_path / "models")
    assert ship.ship(run, "toy-ft", "full", tmp_path / "models")  # the delta alone needs no head
