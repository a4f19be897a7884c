"""An on-disk cache of sentence embeddings for evaluation and training runs.

Embedding all IndoSum sentences takes ~10 minutes with e5-small on 2 cores; the harness, the
training script and the benchmark all need the same vectors, so they are keyed by the sentence
text (sha1) and stored per encoder under ``eval/cache/`` (git-ignored).
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.encoders.base import Encoder
from summarize.evaluation.locations import cache_dir

CACHE_DIR = cache_dir()


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class CachedEncoder(Encoder):
    """Wraps an encoder; only texts never seen before reach it. Call ``save()`` to persist."""

    def __init__(self, base: Encoder, cache_dir: Path = CACHE_DIR, chunk: int = 256) -> None:
        self.base = base
        self.name = base.name
        self.chunk = chunk
        self.path = Path(cache_dir) / (re.sub(r"[^A-Za-z0-9_.-]+", "_", base.name) + ".npz")
        self._vectors: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path)
            self._vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
        self._dirty = False

    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        keys = [_key(t) for t in texts]
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in self._vectors}.items())
        if missing:
            from tqdm import tqdm

            bar = tqdm(total=len(missing), desc=f"embedding ({self.name})", unit="sent", disable=not progress)
            for i in range(0, len(missing), self.chunk):
                part = missing[i : i + self.chunk]
                for (k, _), vec in zip(part, self.base.encode([t for _, t in part])):
                    self._vectors[k] = vec
                bar.update(len(part))
            bar.close()
            self._dirty = True
        dim = next(iter(self._vectors.values())).shape[0] if self._vectors else 0
        if not keys:
            return np.zeros((0, dim), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if not self._dirty:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(self._vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self._vectors[k] for k in keys]))
        tmp.replace(self.path)
        self._dirty = False


def window_vectors(encoder: Encoder, sentences: Sequence[str], window: int) -> np.ndarray:
    """Vectors of the first ``window`` sentences and zero rows after them: all a learned head with
    ``max_positions == window`` reads (it ranks later sentences last, from position alone), and
    what the summarizer embeds at run time."""
    head = encoder.encode(list(sentences[:window]))
    out = np.zeros((len(sentences), head.shape[1]), dtype=np.float32)
    out[: len(head)] = head
    return out
