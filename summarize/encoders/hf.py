"""Any Hugging Face model as an encoder: IndoBERT, multilingual MiniLM, a fine-tuned local model.

``load_hf_encoder`` takes a hub id (``indobenchmark/indobert-base-p1``) or a local directory.
A sentence-transformers model (it has ``modules.json``) is run by sentence-transformers, so its own
pooling, normalisation and prompts apply; any other transformers model gets attention-masked mean
pooling, which the Sentence-BERT paper found better than [CLS] or max pooling.

torch, transformers and sentence-transformers are imported only inside functions: importing
``summarize`` (and the default e5 encoder) must stay free of torch, which costs seconds and a GB.
"""
from __future__ import annotations

import importlib
import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Sequence

import numpy as np

from summarize.encoders.base import Encoder, l2_normalize
from summarize.errors import ModelError

if TYPE_CHECKING:
    import torch

_TRUE = {"1", "ON", "YES", "TRUE"}  # huggingface_hub's spelling of a true environment flag
_ABSENT = "absent"  # the Hub answered: this file is not in the repository
_UNKNOWN = "unknown"  # neither the cache nor the Hub could say


def load_hf_encoder(
    spec: str, *, batch_size: int = 32, max_length: int = 256, device: str | None = None
) -> Encoder:
    """Load ``spec`` (hub id or directory) as an encoder named ``spec``.

    Every failure a user can fix (not cached offline, unreachable Hub, unknown id, a directory that
    holds no model, missing extra) becomes one ``ModelError`` line instead of a library traceback.
    """
    if batch_size < 1 or max_length < 1:
        raise ValueError(f"batch_size and max_length must be >= 1, got {batch_size} and {max_length}")
    source, is_st, local_only = _locate(spec)
    _require_backend(spec, is_st)
    device = device or _default_device()
    try:
        with _no_loading_bars():
            if is_st:
                return _load_sentence_transformer(spec, source, local_only, batch_size, max_length, device)
            return _load_transformer(spec, source, local_only, batch_size, max_length, device)
    except Exception as exc:  # loaders raise OSError, ValueError, KeyError, ... for broken models
        raise ModelError(f"cannot load model {spec}: {_first_line(exc)}") from exc


def _hub_offline() -> bool:
    """Whether the Hub must not be contacted.

    Read from the environment at call time rather than from ``huggingface_hub.constants``, which
    freezes the flag when huggingface_hub is first imported and would ignore a later setting.
    """
    return os.environ.get("HF_HUB_OFFLINE", "").upper() in _TRUE


def _locate(spec: str) -> tuple[str, bool, bool]:
    """Return (what to hand the loader, is it a sentence-transformers model, load from cache only)."""
    path = Path(spec).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(f"{spec} is a file; pass a model directory or a Hugging Face model id")
        if (path / "modules.json").is_file():
            return str(path), True, True
        if (path / "config.json").is_file():
            return str(path), False, True
        raise ModelError(f"directory {spec} holds no model (no config.json or modules.json)")
    if _looks_like_path(spec):
        raise ModelError(f"model directory {spec} does not exist")
    offline = _hub_offline()
    modules, config = (_hub_file(spec, name, offline) for name in ("modules.json", "config.json"))
    if modules not in (_ABSENT, _UNKNOWN):
        return spec, True, offline
    if config not in (_ABSENT, _UNKNOWN):
        return spec, False, offline
    if modules == config == _ABSENT:
        raise ModelError(f"model {spec} on the Hugging Face Hub has no config.json or modules.json")
    if offline:
        raise ModelError(
            f"model {spec} is not in the local cache (HF_HUB_OFFLINE is on); "
            "connect to the internet, or pass a local directory"
        )
    raise ModelError(
        f"model {spec} is not in the local cache and the Hugging Face Hub cannot be reached; "
        "connect to the internet, or pass a local directory"
    )


def _looks_like_path(spec: str) -> bool:
    # Hub ids are "name" or "owner/name"; anything else a user typed is meant as a directory.
    return spec.startswith((".", "/", "~")) or "\\" in spec or spec.count("/") > 1 or os.path.isabs(spec)


def _hub_file(repo_id: str, filename: str, offline: bool) -> str:
    """The local path of ``filename`` (downloaded or cached), else ``_ABSENT`` or ``_UNKNOWN``."""
    from huggingface_hub import hf_hub_download
    from huggingface_hub.utils import (  # not .errors: that module is newer than transformers 4.40
        EntryNotFoundError,
        HFValidationError,
        HfHubHTTPError,
        LocalEntryNotFoundError,
        RepositoryNotFoundError,
    )

    try:
        return hf_hub_download(repo_id, filename, local_files_only=offline)
    except LocalEntryNotFoundError:  # a subclass of EntryNotFoundError, so it must come first
        # Offline, this also covers a cached plain model whose modules.json was never asked for.
        return _UNKNOWN
    except EntryNotFoundError:
        return _ABSENT
    except HFValidationError:
        raise ModelError(f"{repo_id} is neither an existing directory nor a valid Hugging Face model id") from None
    except RepositoryNotFoundError:
        raise ModelError(
            f"model {repo_id} is not on the Hugging Face Hub (check the id; private or gated models need a login)"
        ) from None
    except HfHubHTTPError as exc:
        raise ModelError(f"model {repo_id} could not be fetched: {_first_line(exc)}") from None


def _require_backend(spec: str, is_st: bool) -> None:
    """Fail with the install hint up front, not with an ImportError deep inside a loader."""
    modules = ["torch", "transformers"] + (["sentence_transformers"] if is_st else [])
    try:
        for module in modules:
            importlib.import_module(module)
    except ImportError:
        raise ModelError(f"model {spec} needs {', '.join(modules)}: pip install 'summarize-id[hf]'") from None


@contextmanager
def _no_loading_bars() -> Iterator[None]:
    """Hide transformers' per-load "Loading weights" bar (noise on every CLI run), then restore it.

    Download bars belong to huggingface_hub and stay visible: a first download can take minutes.
    """
    from transformers.utils import logging as transformers_logging

    was_enabled = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()
    try:
        yield
    finally:
        if was_enabled:
            transformers_logging.enable_progress_bar()


def _default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:300] if lines else type(exc).__name__


def _load_sentence_transformer(
    spec: str, source: str, local_only: bool, batch_size: int, max_length: int, device: str
) -> Encoder:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(source, device=device, local_files_only=local_only)
    return SentenceTransformerEncoder(spec, model, batch_size=batch_size, max_length=max_length)


def _load_transformer(
    spec: str, source: str, local_only: bool, batch_size: int, max_length: int, device: str
) -> Encoder:
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source, local_files_only=local_only)
    model = AutoModel.from_pretrained(source, local_files_only=local_only)
    return TransformersEncoder(spec, tokenizer, model, batch_size=batch_size, max_length=max_length, device=device)


class SentenceTransformerEncoder(Encoder):
    """A sentence-transformers model; its configured pooling and default prompt are kept."""

    def __init__(self, name: str, model: Any, *, batch_size: int = 32, max_length: int = 256) -> None:
        self.name = name
        self.model = model
        self.batch_size = batch_size
        # Never longer than the model was built for: its own max_seq_length is a hard limit.
        self.model.max_seq_length = min(max_length, model.max_seq_length or max_length)
        # sentence-transformers 6 renamed the method; 3-5 only have the old name.
        dim_of = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(dim_of())

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return l2_normalize(vectors)


class TransformersEncoder(Encoder):
    """A plain transformers model (e.g. IndoBERT) with attention-masked mean pooling."""

    def __init__(
        self, name: str, tokenizer: Any, model: Any, *, batch_size: int = 32, max_length: int = 256, device: str = "cpu"
    ) -> None:
        self.name = name
        self.tokenizer = tokenizer
        self.model = model.to(device).eval()  # eval: dropout off, so the same text gives the same vector
        self.batch_size = batch_size
        # Tokenizers without a limit report a huge sentinel; the smaller of the two is the real cap.
        self.max_length = min(max_length, tokenizer.model_max_length)
        self.device = device
        self.dim = int(model.config.hidden_size)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Longest first, so each batch holds similar lengths and little padding (as
        # sentence-transformers does); rows are put back in input order below.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]), reverse=True)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                rows = order[start : start + self.batch_size]
                out[rows] = self._embed([texts[i] for i in rows]).cpu().numpy()
        return l2_normalize(out)

    def _embed(self, batch: list[str]) -> torch.Tensor:
        inputs = self.tokenizer(
            batch, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt"
        ).to(self.device)
        hidden = self.model(**inputs).last_hidden_state
        mask = inputs["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        # Padding positions are masked out of the mean; clamp guards an all-padding row.
        return ((hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)).float()
