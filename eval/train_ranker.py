"""Train the learned ranker on IndoSum, cross-validate it, and export the numpy head.

    python -m eval.train_ranker                 # train on all articles → models/ranker-e5-small/head.npz
    python -m eval.train_ranker --cv            # 5-fold CV (fold_of) against LEAD-3, per fold + mean
    python -m eval.train_ranker --encoder indobenchmark/indobert-base-p1   # a head for another encoder

The training itself (loss, ensemble, early stopping) is ``summarize.evaluation.train_ranker``,
which the harness also calls once per CV fold; this script adds the command line.
"""
from __future__ import annotations

import argparse
from dataclasses import fields
from pathlib import Path

from eval.ranker_cv import add_cv_args, run_cv
from summarize.evaluation.ranker_net import NetConfig
from summarize.evaluation.ranker_targets import load_training_data
from summarize.evaluation.train_ranker import TrainConfig, train


def config_args(ap: argparse.ArgumentParser) -> None:
    """One ``--flag`` per TrainConfig / NetConfig field, defaulting to the shipped recipe."""
    for cls in (TrainConfig, NetConfig):
        for f in fields(cls):
            if f.name != "net":
                default, flag = getattr(cls(), f.name), "--" + f.name.replace("_", "-")
                if isinstance(default, bool):
                    ap.add_argument(flag, action=argparse.BooleanOptionalAction, default=default)
                else:
                    ap.add_argument(flag, type=type(default), default=default)


def config_from(args: argparse.Namespace) -> TrainConfig:
    net = NetConfig(**{f.name: getattr(args, f.name) for f in fields(NetConfig)})
    return TrainConfig(net=net, **{f.name: getattr(args, f.name) for f in fields(TrainConfig) if f.name != "net"})


def main(argv: list[str] | None = None) -> None:
    from summarize.rankers.learned import HEAD_FILE, head_dir

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoder", default="e5-small", help="registry name or Hugging Face id / local path")
    ap.add_argument("--out", default=None, help="models directory (default: the package's models dir)")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (quick runs)")
    ap.add_argument("--cache-dir", type=Path, default=None, help="embedding cache (default: eval/cache)")
    ap.add_argument("--verbose", action="store_true", help="per-epoch inner-validation scores")
    config_args(ap)
    add_cv_args(ap)
    args = ap.parse_args(argv)
    cfg = config_from(args)
    window = None if args.cv else cfg.net.max_positions  # training reads the head's window only
    articles, embeddings = load_training_data(args.encoder, args.limit, args.cached_only, args.cache_dir, window)
    log = print if args.verbose else None
    if args.cv:
        run_cv(articles, embeddings, args, lambda a, e: train(a, e, args.encoder, cfg, log))
        return
    ranker = train(articles, embeddings, args.encoder, cfg, log)
    path = head_dir(args.encoder, Path(args.out) if args.out else None) / HEAD_FILE
    ranker.head_for(args.encoder).save(path)
    print(f"wrote {path} ({len(articles)} articles, {cfg.members} members)")


if __name__ == "__main__":
    main()
