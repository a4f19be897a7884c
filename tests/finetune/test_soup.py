"""Weight averaging of fine-tuning runs: exact means, exported as one run would be."""
from __future__ import annotations

from dataclasses import replace

import pytest
import torch

from eval.finetune import soup
from eval.finetune.train import FTConfig, Trainer


@pytest.fixture
def cfg(tiny_path, indosum5) -> FTConfig:
    return FTConfig(encoder=str(tiny_path), layers=1, fold=-1, train_limit=4, batch_articles=2, epochs=1,
                    scale_articles=2, checkpoint_every=1, threads=1, lr_encoder=1e-2)


def _run(cfg: FTConfig, out) -> Trainer:
    out.mkdir()
    trainer = Trainer(cfg, out)
    trainer.run()
    trainer.export()
    return trainer


def test_average_states_is_the_elementwise_mean_and_keeps_integer_buffers() -> None:
    a = {"w": torch.tensor([1.0, 3.0]), "ids": torch.tensor([0, 1])}
    b = {"w": torch.tensor([3.0, 5.0]), "ids": torch.tensor([0, 1])}
    mean = soup.average_states([a, b])
    assert torch.equal(mean["w"], torch.tensor([2.0, 4.0])) and torch.equal(mean["ids"], a["ids"])
    with pytest.raises(SystemExit, match="different tensors"):
        soup.average_states([a, {"w": a["w"]}])


def test_a_soup_of_one_run_is_that_run_and_of_two_is_neither(cfg, tmp_path) -> None:
    _run(cfg, tmp_path / "s1")
    _run(replace(cfg, seed=2), tmp_path / "s2")
    assert soup.main(["--runs", str(tmp_path / "s1"), str(tmp_path / "s1"), "--out", str(tmp_path / "same")]) == 0
    assert (tmp_path / "same" / "engine.bin").read_bytes() == (tmp_path / "s1" / "engine.bin").read_bytes()
    assert soup.main(["--runs", str(tmp_path / "s1"), str(tmp_path / "s2"), "--out", str(tmp_path / "mix")]) == 0
    mixed = (tmp_path / "mix" / "engine.bin").read_bytes()
    assert mixed not in {(tmp_path / r / "engine.bin").read_bytes() for r in ("s1", "s2")}
    assert (tmp_path / "mix" / "delta.npz").is_file() and (tmp_path / "mix" / "run.json").is_file()


def test_runs_of_another_recipe_are_refused(cfg, tmp_path) -> None:
    _run(cfg, tmp_path / "s1")
    _run(replace(cfg, qat=False), tmp_path / "s2")
    with pytest.raises(SystemExit, match="one recipe"):
        soup.main(["--runs", str(tmp_path / "s1"), str(tmp_path / "s2"), "--out", str(tmp_path / "mix")])


def test_a_run_without_a_checkpoint_is_named(tmp_path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(SystemExit, match="no checkpoint at .*empty"):
        soup.main(["--runs", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
