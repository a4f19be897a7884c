"""The torch side of the learned ranker: the network trained by ``eval/train_ranker.py`` and its
export to the numpy :class:`summarize.rankers.learned.Head` (which must compute the same thing;
tests/rankers/test_learned.py checks that on random input).

Kept out of ``summarize/`` on purpose: torch is a training-time dependency only.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import torch
from torch import nn


@dataclass(frozen=True)
class NetConfig:
    """Sizes and regularisation. Small on purpose: with ~2,000 articles the head peaks on its
    inner validation split within a few epochs; cross-validation showed no gain from one layer
    instead of two, from d_model 64 instead of 128, or from 15 positions instead of 10."""

    d_model: int = 128
    n_layers: int = 2
    n_heads: int = 4
    d_ff: int = 256
    dropout: float = 0.1
    emb_dropout: float = 0.2
    max_positions: int = 10


class HeadNet(nn.Module):
    """Sentence embedding + scaled features + position embedding → post-norm transformer → logit."""

    def __init__(self, d_in: int, n_features: int, cfg: NetConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.emb_drop = nn.Dropout(cfg.emb_dropout)
        self.proj = nn.Linear(d_in, cfg.d_model)
        self.feat = nn.Linear(n_features, cfg.d_model)
        self.pos = nn.Embedding(cfg.max_positions, cfg.d_model)
        self.in_norm = nn.LayerNorm(cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)
        layer = nn.TransformerEncoderLayer(
            cfg.d_model, cfg.n_heads, cfg.d_ff, cfg.dropout, activation="relu", batch_first=True
        )
        self.encoder = nn.TransformerEncoder(layer, cfg.n_layers, enable_nested_tensor=False)
        self.out = nn.Linear(cfg.d_model, 1)

    def forward(self, emb: torch.Tensor, feats: torch.Tensor, pad: torch.Tensor) -> torch.Tensor:
        """emb (b, n, d_in), feats (b, n, f), pad (b, n) True where padded → logits (b, n)."""
        positions = torch.arange(emb.shape[1], device=emb.device)
        x = self.proj(self.emb_drop(emb)) + self.feat(feats) + self.pos(positions)[None]
        x = self.encoder(self.drop(self.in_norm(x)), src_key_padding_mask=pad)
        return self.out(x)[..., 0]


def export_member(net: HeadNet) -> dict[str, np.ndarray]:
    """The state dict as float64 numpy arrays, keyed by the torch names ``learned.forward`` reads."""
    return {k: v.detach().cpu().double().numpy() for k, v in net.state_dict().items()}


def config_dict(cfg: NetConfig) -> dict:
    return asdict(cfg)
