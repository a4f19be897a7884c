"""The learned ranker: a small transformer over frozen sentence embeddings (BertSum's
inter-sentence encoder), trained on IndoSum by ``eval/train_ranker.py``.

Inference is plain numpy so that the default summarizer never imports torch: the training script
exports the torch weights to ``models/ranker-<encoder>/head.npz`` and :func:`forward` below
replays the same computation (post-norm ``nn.TransformerEncoderLayer``, ReLU, no dropout). A
head belongs to the encoder it was trained on; for any other encoder we look for
``models/ranker-<that encoder>/`` and otherwise fall back to ``centrality``, saying so once in
the log and in the ranker name.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from summarize.paths import models_dir
from summarize.rankers.base import Document, Ranker
from summarize.rankers.centrality import CentralityRanker
from summarize.rankers.features import FEATURE_NAMES, sentence_features

log = logging.getLogger(__name__)

HEAD_FILE = "head.npz"


def head_dir(encoder: str, root: Path | None = None) -> Path:
    """Where the head for ``encoder`` lives: ``ranker-<encoder>`` with unsafe characters as ``_``."""
    return (root or models_dir()) / ("ranker-" + re.sub(r"[^A-Za-z0-9_.-]+", "_", encoder))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-5) -> np.ndarray:
    mu = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _attention(x: np.ndarray, p: dict[str, np.ndarray], pre: str, n_heads: int) -> np.ndarray:
    n, d = x.shape
    dh = d // n_heads
    qkv = x @ p[pre + "in_proj_weight"].T + p[pre + "in_proj_bias"]
    q, k, v = (qkv[:, i * d : (i + 1) * d].reshape(n, n_heads, dh).transpose(1, 0, 2) for i in range(3))
    logits = q @ k.transpose(0, 2, 1) / np.sqrt(dh)
    logits -= logits.max(axis=-1, keepdims=True)
    weights = np.exp(logits)
    weights /= weights.sum(axis=-1, keepdims=True)
    heads = (weights @ v).transpose(1, 0, 2).reshape(n, d)
    return heads @ p[pre + "out_proj.weight"].T + p[pre + "out_proj.bias"]


def forward(params: dict[str, np.ndarray], embeddings: np.ndarray, features: np.ndarray, n_layers: int, n_heads: int) -> np.ndarray:
    """One member's logits for one document (n <= number of position embeddings)."""
    p = params
    n = len(embeddings)
    x = embeddings @ p["proj.weight"].T + p["proj.bias"] + features @ p["feat.weight"].T + p["feat.bias"]
    x = _layer_norm(x + p["pos.weight"][:n], p["in_norm.weight"], p["in_norm.bias"])
    for layer in range(n_layers):
        pre = f"encoder.layers.{layer}."
        x = _layer_norm(x + _attention(x, p, pre + "self_attn.", n_heads), p[pre + "norm1.weight"], p[pre + "norm1.bias"])
        hidden = np.maximum(x @ p[pre + "linear1.weight"].T + p[pre + "linear1.bias"], 0.0)
        ff = hidden @ p[pre + "linear2.weight"].T + p[pre + "linear2.bias"]
        x = _layer_norm(x + ff, p[pre + "norm2.weight"], p[pre + "norm2.bias"])
    return (x @ p["out.weight"].T + p["out.bias"])[:, 0]


@dataclass
class Head:
    """An ensemble of exported members plus what they need: feature scaling and the encoder name."""

    encoder: str
    members: list[dict[str, np.ndarray]]
    feat_mean: np.ndarray
    feat_std: np.ndarray
    n_layers: int
    n_heads: int
    max_positions: int
    meta: dict

    @classmethod
    def load(cls, path: Path) -> "Head":
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            members: list[dict[str, np.ndarray]] = [{} for _ in range(meta["n_members"])]
            for key in data.files:
                if key.startswith("m") and "/" in key:
                    idx, _, name = key.partition("/")
                    members[int(idx[1:])][name] = data[key].astype(np.float64)
            if tuple(meta["feature_names"]) != FEATURE_NAMES:
                raise ValueError(f"{path}: trained with other features; retrain with eval/train_ranker.py")
            return cls(
                encoder=meta["encoder"],
                members=members,
                feat_mean=data["feat_mean"].astype(np.float64),
                feat_std=data["feat_std"].astype(np.float64),
                n_layers=meta["n_layers"],
                n_heads=meta["n_heads"],
                max_positions=meta["max_positions"],
                meta=meta,
            )

    @property
    def dim(self) -> int:
        return int(self.members[0]["proj.weight"].shape[1])

    def score(self, doc: Document) -> np.ndarray:
        """Mean member logit on the first ``max_positions`` sentences; later ones rank below
        them all, in article order (the head never saw such positions in training)."""
        m = min(len(doc), self.max_positions)
        if m == 0:
            return np.zeros(0)
        emb = np.asarray(doc.embeddings[:m], dtype=np.float64)
        logits = self.logits(emb, sentence_features(doc.sentences[:m], doc.paragraphs[:m], emb))
        tail = logits.min() - 1e-3 * np.arange(1, len(doc) - m + 1)
        return np.concatenate([logits, tail])

    def logits(self, emb: np.ndarray, features: np.ndarray) -> np.ndarray:
        """Mean member logit of sentences already cut to the window, from their vectors and
        unscaled features (training scores held-out articles through this too)."""
        inputs = emb - emb.mean(axis=0) if self.meta.get("center") else emb
        scaled = (features - self.feat_mean) / self.feat_std
        return np.mean([forward(p, inputs, scaled, self.n_layers, self.n_heads) for p in self.members], axis=0)

    def save(self, path: Path) -> None:
        arrays: dict[str, Any] = {f"m{i}/{k}": v.astype(np.float32) for i, mem in enumerate(self.members) for k, v in mem.items()}
        meta = dict(self.meta, encoder=self.encoder, n_members=len(self.members), n_layers=self.n_layers,
                    n_heads=self.n_heads, max_positions=self.max_positions, feature_names=list(FEATURE_NAMES))
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays.update(meta=np.array(json.dumps(meta, sort_keys=True)), feat_mean=self.feat_mean.astype(np.float32),
                      feat_std=self.feat_std.astype(np.float32))
        np.savez_compressed(path, **arrays)


class LearnedRanker(Ranker):
    """Scores with the head trained for the document's encoder; ``centrality`` when there is none."""

    name = "learned"

    def __init__(self, head: Head | None = None, models_root: Path | None = None) -> None:
        self._heads: dict[str, Head | None] = {head.encoder: head} if head else {}
        self._models_root = models_root
        self._fallback = CentralityRanker()

    def head_for(self, encoder: str) -> Head | None:
        """The head for ``encoder`` (loaded once), or None when no trained head exists for it."""
        if encoder not in self._heads:
            path = head_dir(encoder, self._models_root) / HEAD_FILE
            self._heads[encoder] = Head.load(path) if encoder and path.exists() else None
            if self._heads[encoder] is None:
                log.warning("no learned ranker for encoder %r (looked for %s); using centrality", encoder, path)
        return self._heads[encoder]

    def max_candidates(self, encoder: str) -> int | None:
        """How many leading sentences the head can score: the rest need not be embedded at all."""
        head = self.head_for(encoder)
        return head.max_positions if head else None

    def summary_words(self, encoder: str) -> float | None:
        head = self.head_for(encoder)
        words = head.meta.get("summary_words") if head else None
        return float(words) if words else None

    def diversity(self, encoder: str) -> float | None:
        head = self.head_for(encoder)
        weight = head.meta.get("diversity") if head else None
        return None if weight is None else float(weight)

    def score(self, doc: Document) -> np.ndarray:
        head = self.head_for(doc.encoder)
        if head is None or head.dim != doc.embeddings.shape[1]:
            self.name = "centrality (fallback)"
            return self._fallback.score(doc)
        self.name = "learned"
        return head.score(doc)
