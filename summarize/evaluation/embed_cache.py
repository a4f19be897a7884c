"""An on-disk cache of sentence embeddings for evaluation and training runs.

Embedding all IndoSum sentences takes ~10 minutes with e5-small on 2 cores; the harness, the
training script and the benchmark all need the same vectors, so they are keyed by the sentence
text (sha1) and stored per encoder under ``eval/cache/`` (git-ignored). A ``contextual``
encoder's vectors depend on the whole window, so its windows are keyed by all their sentences
together and stored beside, in ``<name>.windows.npz``.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Sequence

import numpy as np

from summarize.encoders.base import Encoder, split_rows
from summarize.evaluation.locations import cache_dir

CACHE_DIR = cache_dir()


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _window_key(sentences: Sequence[str]) -> str:
    return _key("\x1e".join(sentences))


def _save_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Written beside and renamed into place: an interrupted save never leaves half a cache."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, **arrays)  # type: ignore[arg-type]  # numpy's stub reads the keys as its own options
    tmp.replace(path)


class CachedEncoder(Encoder):
    """Wraps an encoder; only texts never seen before reach it. Call ``save()`` to persist."""

    def __init__(self, base: Encoder, cache_dir: Path = CACHE_DIR, chunk: int = 256) -> None:
        self.base = base
        self.name = base.name
        self.chunk = chunk
        self.contextual = base.contextual
        stem = Path(cache_dir) / re.sub(r"[^A-Za-z0-9_.-]+", "_", base.name)
        self.path, self.windows_path = stem.with_name(stem.name + ".npz"), stem.with_name(stem.name + ".windows.npz")
        self._vectors: dict[str, np.ndarray] = {}
        self._windows: dict[str, np.ndarray] = {}
        if self.path.exists():
            data = np.load(self.path)
            self._vectors = dict(zip(data["keys"].tolist(), data["vectors"]))
        if self.windows_path.exists():
            data = np.load(self.windows_path)
            self._windows = dict(zip(data["keys"].tolist(), split_rows(data["vectors"], data["counts"])))
        self._dirty = self._windows_dirty = False

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

    def encode_windows(self, windows: Sequence[Sequence[str]]) -> list[np.ndarray]:
        if not self.contextual:
            return super().encode_windows(windows)
        keys = [_window_key(w) for w in windows]
        missing = {k: list(w) for k, w in zip(keys, windows) if k not in self._windows}
        if missing:
            self._windows.update(zip(missing, self.base.encode_windows(list(missing.values()))))
            self._windows_dirty = True
        return [self._windows[k] for k in keys]

    def save(self) -> None:
        if self._dirty:
            keys = sorted(self._vectors)
            _save_npz(self.path, {"keys": np.array(keys), "vectors": np.stack([self._vectors[k] for k in keys])})
            self._dirty = False
        if self._windows_dirty:
            keys = sorted(self._windows)
            _save_npz(self.windows_path, {"keys": np.array(keys), "counts": np.array([len(self._windows[k]) for k in keys]),
                                          "vectors": np.concatenate([self._windows[k] for k in keys])})
            self._windows_dirty = False


def window_vectors(encoder: Encoder, sentences: Sequence[str], window: int) -> np.ndarray:
    """Vectors of the first ``window`` sentences and zero rows after them: all a learned head with
    ``max_positions == window`` reads (it ranks later sentences last, from position alone), and
    what the summarizer embeds at run time."""
    head = encoder.encode_windows([list(sentences[:window])])[0]
    out = np.zeros((len(sentences), head.shape[1]), dtype=np.float32)
    out[: len(head)] = head
    return out
