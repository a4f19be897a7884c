"""Does the head trained jointly with the encoder add to the full head trained after it?

    python -m eval.finetune.joint_ensemble --run eval/cache/ft/e5-6l-f0-all-lr1e-4 --name e5-6l-ft-f0 --tag _e1
    python -m eval.finetune.joint_ensemble --run eval/cache/ft/e5-6l-f0-all-lr1e-4-e2 --name e5-6l-ft-e2-f0 --tag _e2

A fine-tuning run (``eval.finetune.train --fold F``) leaves two heads for its encoder: the
one-member head trained jointly with it, and the full recipe that ``head_cv`` trains afterwards
on the encoder's frozen vectors of the same training articles. The second stage sees vectors the
encoder has already fitted to those articles, so it may trust them more than unseen articles
deserve. This scores, on the held-out fold F (given sentences, k = 3, diversity 0), the joint
head, the full head, and their equal-weight blend (each head's logits standardized per article,
then averaged), with paired tests against LEAD-3 and of the blend against the full head.
Writes ``eval/results/ranker_cv_joint<tag>.json``.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from tqdm import tqdm

from eval.ranker_cv import RESULTS, add_cv_args, print_fold, score_fold, write_record
from summarize.encoders.e5 import E5FileEncoder
from summarize.evaluation.embed_cache import CACHE_DIR, CachedEncoder, window_vectors
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.metrics import paired_test
from summarize.evaluation.train_ranker import TrainConfig, train
from summarize.rankers.base import Document, Ranker
from summarize.rankers.learned import HEAD_FILE, Head


class Blend(Ranker):
    """The mean of several heads' per-article standardized logits (one head: its logits)."""

    name = "blend"

    def __init__(self, heads: list[Head]) -> None:
        self.heads = heads

    def max_candidates(self, encoder: str) -> int:
        return min(h.max_positions for h in self.heads)

    def score(self, doc: Document) -> np.ndarray:
        parts = [h.score(doc) for h in self.heads]
        if len(parts) == 1:
            return parts[0]
        return np.mean([(p - p.mean()) / (p.std() + 1e-9) for p in parts], axis=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True, help="a fine-tuning run directory (engine.bin, head.npz, run.json)")
    ap.add_argument("--name", required=True, help="the run's encoder name (its embedding cache file)")
    ap.add_argument("--cache-dir", type=Path, default=CACHE_DIR)
    add_cv_args(ap)
    args = ap.parse_args(argv)
    fold = json.loads((args.run / "run.json").read_text())["config"]["fold"]
    cfg = TrainConfig()
    args.diversity, args.raw, args.folds = [0.0], False, [fold]
    args.encoder, args.max_positions, args.tag = args.name, cfg.net.max_positions, "_joint" + args.tag
    articles = load_articles()
    encoder = CachedEncoder(E5FileEncoder(str(args.run / "engine.bin"), args.name), args.cache_dir)
    vectors = [window_vectors(encoder, a.sentences, cfg.net.max_positions) for a in tqdm(articles, desc="embedding")]
    encoder.save()
    folds = [fold_of(a.id) for a in articles]
    tr = [i for i, g in enumerate(folds) if g != fold]
    te = [i for i, g in enumerate(folds) if g == fold]
    full = train([articles[i] for i in tr], [vectors[i] for i in tr], args.name, cfg).head_for(args.name)
    joint = Head.load(args.run / HEAD_FILE)
    assert full is not None
    systems = {}
    for label, heads in (("joint", [joint]), ("full", [full]), ("blend", [joint, full])):
        scores = score_fold(articles, vectors, te, Blend(heads), args, args.name)
        systems.update({("lead3" if k == "lead3" else f"{label} {k}"): v for k, v in scores.items()})
    print_fold(fold, len(te), systems)
    record = write_record([(fold, len(te), systems)], args, str(args.run))
    test = paired_test(systems["blend given d=0.0"]["rouge1"], systems["full given d=0.0"]["rouge1"])
    record["blend_vs_full_r1"] = {"diff": round(100 * test.diff.mean, 2),
                                  "ci95": [round(100 * test.diff.low, 2), round(100 * test.diff.high, 2)]}
    print(f"blend vs full ΔR1 {100 * test.diff.mean:+.2f} [{100 * test.diff.low:+.2f}, {100 * test.diff.high:+.2f}]")
    (RESULTS / f"ranker_cv{args.tag}.json").write_text(json.dumps(record, indent=1, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
