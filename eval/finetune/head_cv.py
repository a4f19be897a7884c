"""Cross-validate the shipped head recipe on top of each fold's fine-tuned encoder.

    python -m eval.finetune.head_cv --runs 'eval/cache/ft/e5-6l-f{fold}-all-lr1e-4' --tag _ft6l --raw
    python -m eval.finetune.head_cv --runs eval/cache/ft/e5-6l-f0-all-frozen --name e5-6l-cut --tag _cut6l --raw
    python -m eval.finetune.head_cv --runs 'eval/cache/ft/e5-6l-f{fold}-all-lr1e-4' e5-small --name e5-6l-ft e5-small

``eval.finetune.train`` trains the encoder with a one-member, one-epoch head; the shipped head is
5 members and 10 epochs (``TrainConfig``). This script asks what the full head gains from a
fine-tuned encoder: for each fold F it loads the engine file of the run trained without fold F,
embeds every article's candidate window with it (the first ``max_positions`` sentences, as at run
time), trains the head recipe on the other folds, and scores fold F with ``eval.ranker_cv``'s
scoring (given sentences, and with ``--raw`` the real ``Summarizer`` on the raw text). Vectors
past the window are zero and, as at run time, those sentences are not candidates. The head
recipe's flags (``--members``, ``--emb-dropout``, ...) are ``eval.train_ranker``'s. A ``--runs``
without ``{fold}`` names one encoder for every fold (the bundled weights cut to fewer layers,
frozen: the baseline that isolates what fine-tuning adds); a registered encoder name serves every
fold as it is. Several ``--runs`` are read as one encoder, their vectors concatenated
(``eval.finetune.concat``): an ensemble of encoders under one head. A run trained with its
articles read in context (``train --context``) is read that way (``E5Tokenizer.window``);
``--context`` reads every run so, trained that way or not. Writes
``eval/results/ranker_cv<tag>.json`` with the folds pooled.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from eval.finetune.concat import ConcatEncoder
from eval.ranker_cv import add_cv_args, print_fold, score_fold, write_record
from eval.train_ranker import config_args, config_from
from summarize.encoders import available_encoders, get_encoder
from summarize.encoders.e5 import E5FileEncoder
from summarize.evaluation.embed_cache import CACHE_DIR, CachedEncoder, window_vectors
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import load_articles
from summarize.evaluation.learned_ft_cv import trained_in_context
from summarize.evaluation.train_ranker import train


def _member(run: str, stem: str, fold: int, cache_dir: Path, context: bool = False) -> CachedEncoder:
    """Fold ``fold``'s encoder for one ``--runs`` entry, behind the embedding cache."""
    if run in available_encoders():
        if context:
            raise SystemExit(f"--context reads engine files of run directories; {run!r} is a registered encoder")
        return CachedEncoder(get_encoder(run), cache_dir)
    run_dir = Path(run.format(fold=fold))
    engine = run_dir / "engine.bin"
    if not engine.exists():
        raise SystemExit(f"{engine}: no engine file (train fold {fold} with eval.finetune.train first)")
    name = f"{stem}-f{fold}" if "{fold}" in run else stem
    contextual = context or trained_in_context(run_dir)
    return CachedEncoder(E5FileEncoder(str(engine), name, contextual=contextual), cache_dir)


def _save(members: list[CachedEncoder]) -> None:
    for m in members:
        m.save()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", nargs="+", required=True,
                    help="run directory patterns with {fold} (each holds engine.bin), or registered encoder names; "
                         "several are concatenated (``ConcatEncoder``)")
    ap.add_argument("--name", nargs="+", default=["e5-ft"],
                    help="encoder name stem per run directory; fold F's encoder is '<name>-f<F>'")
    ap.add_argument("--cache-dir", type=Path, default=CACHE_DIR, help="embedding cache (one file per fold's encoder)")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (quick runs)")
    ap.add_argument("--context", action="store_true",
                    help="read every run's articles in context, also runs not trained that way")
    add_cv_args(ap)
    config_args(ap)
    ap.set_defaults(diversity=[0.0])
    args = ap.parse_args(argv)
    cfg = config_from(args)
    if len(args.name) == 1 and len(args.runs) > 1:
        args.name = [f"{args.name[0]}{i}" for i in range(len(args.runs))]
    if len(args.name) != len(args.runs):
        ap.error(f"{len(args.runs)} --runs but {len(args.name)} --name; give one name per run, or one stem")
    args.encoder, args.max_positions = "+".join(args.name), cfg.net.max_positions
    articles = load_articles(limit=args.limit)
    folds = [fold_of(a.id) for a in articles]
    per_fold_encoder = any("{fold}" in r for r in args.runs)  # else one encoder serves every fold
    per_fold, vectors = [], None
    for f in args.folds:
        if per_fold_encoder or vectors is None:
            members = [_member(run, stem, f, args.cache_dir, args.context) for run, stem in zip(args.runs, args.name)]
            encoder = members[0] if len(members) == 1 else ConcatEncoder(members)
            vectors = [window_vectors(encoder, a.sentences, cfg.net.max_positions)
                       for a in tqdm(articles, desc=f"embedding ({encoder.name})", unit="article")]
            _save(members)
        tr = [i for i, g in enumerate(folds) if g != f]
        te = [i for i, g in enumerate(folds) if g == f]
        ranker = train([articles[i] for i in tr], [vectors[i] for i in tr], encoder.name, cfg)
        per_fold.append((f, len(te), score_fold(articles, vectors, te, ranker, args, encoder)))
        _save(members)
        print_fold(*per_fold[-1])
    write_record(per_fold, args, " ".join(args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
