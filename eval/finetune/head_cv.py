"""Cross-validate the shipped head recipe on top of each fold's fine-tuned encoder.

    python -m eval.finetune.head_cv --runs 'eval/cache/ft/e5-6l-f{fold}-all-lr1e-4' --tag _ft6l --raw
    python -m eval.finetune.head_cv --runs eval/cache/ft/e5-6l-f0-all-frozen --name e5-6l-cut --tag _cut6l --raw

``eval.finetune.train`` trains the encoder with a one-member, one-epoch head; the shipped head is
5 members and 10 epochs (``TrainConfig``). This script asks what the full head gains from a
fine-tuned encoder: for each fold F it loads the engine file of the run trained without fold F,
embeds every article's candidate window with it (the first ``max_positions`` sentences, as at run
time), trains the head recipe on the other folds, and scores fold F with ``eval.ranker_cv``'s
scoring (given sentences, and with ``--raw`` the real ``Summarizer`` on the raw text). Vectors
past the window are zero and, as at run time, those sentences are not candidates. The head
recipe's flags (``--members``, ``--emb-dropout``, ...) are ``eval.train_ranker``'s. A ``--runs``
without ``{fold}`` names one encoder for every fold (the bundled weights cut to fewer layers,
frozen: the baseline that isolates what fine-tuning adds). Writes
``eval/results/ranker_cv<tag>.json`` with the folds pooled.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from eval.ranker_cv import add_cv_args, print_fold, score_fold, write_record
from eval.train_ranker import config_args, config_from
from summarize.encoders.e5 import E5FileEncoder
from summarize.evaluation.embed_cache import CACHE_DIR, CachedEncoder, window_vectors
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.train_ranker import train


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", required=True, help="run directory pattern with {fold} (each holds engine.bin)")
    ap.add_argument("--name", default="e5-ft", help="encoder name stem; fold F's encoder is '<name>-f<F>'")
    ap.add_argument("--cache-dir", type=Path, default=CACHE_DIR, help="embedding cache (one file per fold's encoder)")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (quick runs)")
    add_cv_args(ap)
    config_args(ap)
    ap.set_defaults(diversity=[0.0])
    args = ap.parse_args(argv)
    cfg = config_from(args)
    args.encoder, args.max_positions = args.name, cfg.net.max_positions
    articles = load_articles(limit=args.limit)
    folds = [fold_of(a.id) for a in articles]
    per_fold, vectors = [], None
    for f in args.folds:
        engine = Path(args.runs.format(fold=f)) / "engine.bin"
        if not engine.exists():
            raise SystemExit(f"{engine}: no engine file (train fold {f} with eval.finetune.train first)")
        per_fold_encoder = "{fold}" in args.runs  # else one frozen encoder serves every fold
        if per_fold_encoder or vectors is None:
            name = f"{args.name}-f{f}" if per_fold_encoder else args.name
            encoder = CachedEncoder(E5FileEncoder(str(engine), name), args.cache_dir)
            vectors = [window_vectors(encoder, a.sentences, cfg.net.max_positions)
                       for a in tqdm(articles, desc=f"embedding ({name})", unit="article")]
            encoder.save()
        tr = [i for i, g in enumerate(folds) if g != f]
        te = [i for i, g in enumerate(folds) if g == f]
        ranker = train([articles[i] for i in tr], [vectors[i] for i in tr], encoder.name, cfg)
        per_fold.append((f, len(te), score_fold(articles, vectors, te, ranker, args, encoder)))
        encoder.save()
        print_fold(*per_fold[-1])
    write_record(per_fold, args, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
