"""The learned ranker on a fine-tuned encoder, cross-validated without leakage.

The shipped fine-tuned encoder saw every IndoSum article in training, so scoring it on IndoSum
would flatter it. Here each fold F is summarized by the encoder fine-tuned without fold F
(``python -m eval.finetune.train --fold F``, one run directory per fold) and by a head trained,
on that encoder's vectors, without fold F: the recipe of the shipped pair, repeated five times.
A run trained with its articles read in context (``run.json``: ``"context": true``) is read the
same way here.
"""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from summarize.encoders.base import Encoder
from summarize.encoders.e5 import E5FileEncoder
from summarize.evaluation.embed_cache import CACHE_DIR, CachedEncoder, window_vectors
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import Article
from summarize.evaluation.learned_cv import MODEL_CACHE, TrainFn, fit_cached, training_fingerprint
from summarize.evaluation.locations import cache_dir, display
from summarize.evaluation.system_base import System, summarize_article
from summarize.rankers import Ranker
from summarize.rankers.learned import Head, LearnedRanker
from summarize.summarizer import Summarizer

#: Where ``eval.finetune.train --fold F`` runs live, ``{fold}`` standing for F (``--ft-runs``).
DEFAULT_RUNS = str(cache_dir() / "ft" / "e5-6l-f{fold}-all-lr1e-4-ctx")
#: Fold F's encoder is named ``<STEM>-f<F>`` (its embedding cache file and its heads' key);
#: another recipe's runs need another stem (``--ft-name``), or they would read these vectors.
STEM = "e5-6l-ctx"
#: Which head summarizes fold F: "full", the shipped head recipe trained on the fold encoder's
#: vectors; "joint", the head trained together with the encoder (``--ft-head``).
HEADS = ("full", "joint")


def missing_runs(runs: str, folds: list[int], head: str = "full") -> list[str]:
    """The files a fold run lacks: its engine file, and with the joint head its head."""
    needed = ("engine.bin", "head.npz") if head == "joint" else ("engine.bin",)
    return [str(Path(runs.format(fold=f)) / name) for f in folds for name in needed
            if not (Path(runs.format(fold=f)) / name).is_file()]


def trained_in_context(run_dir: Path) -> bool:
    """Whether ``eval.finetune.train`` read this run's articles as one sequence each."""
    record = run_dir / "run.json"
    return record.is_file() and bool(json.loads(record.read_text()).get("config", {}).get("context", False))


def joint_head(run_dir: Path, encoder: str) -> Head:
    """The one-member head ``eval.finetune.train`` trained together with the run's encoder, keyed
    to ``encoder`` and at diversity 0: its subset loss already scored whole 3-sentence summaries,
    and every full head cross-validated on these encoders chose 0."""
    head = Head.load(run_dir / "head.npz")
    return replace(head, encoder=encoder, meta={**head.meta, "diversity": head.meta.get("diversity", 0.0)})


class LearnedFineTunedCV(System):
    """Per fold: the fine-tuned engine file that never saw the fold, and a head trained on its
    vectors without the fold. Not timed by the harness (its encoders are cached fold copies);
    the speed of the shipped encoder is ``eval.bench_encoder_summarize``'s."""

    name = "ours-learned-ft"
    timed = False

    def __init__(self, train: TrainFn, runs: str = DEFAULT_RUNS, cache_dir: Path | None = MODEL_CACHE,
                 embed_cache: Path = CACHE_DIR, stem: str = STEM, head: str = "full") -> None:
        if head not in HEADS:
            raise ValueError(f"head must be one of {', '.join(HEADS)}, not {head!r}")
        self.train, self.runs, self.cache_dir, self.embed_cache = train, runs, cache_dir, embed_cache
        self.stem, self.head = stem, head
        self.encoders: dict[int, Encoder] = {}
        self.models: dict[int, Ranker] = {}
        self._log: dict[str, Any] = {"trained": 0, "cached": 0}

    def describe(self) -> str:
        where = f"{self.name}: 5-fold CV, fold F summarized by the encoder fine-tuned without F ({display(Path(self.runs))})"
        if self.head == "joint":
            return f"{where} and the head trained jointly with it (its run's head.npz, diversity 0)"
        return (f"{where} and a head trained on its vectors without F; "
                f"{self._log['trained']} fold heads trained in this run, {self._log['cached']} reused")

    def prepare(self, articles: list[Article]) -> None:
        from summarize.evaluation.train_ranker import TrainConfig

        window = TrainConfig().net.max_positions
        folds = [fold_of(a.id) for a in articles]
        missing = missing_runs(self.runs, sorted(set(folds)), self.head)
        if missing:
            raise FileNotFoundError(f"fine-tuned fold runs lack {', '.join(missing)} "
                                    "(train them with python -m eval.finetune.train --fold F)")
        code = training_fingerprint(self.train) if self.cache_dir else ""
        for f in tqdm(sorted(set(folds)), desc=f"training {self.name} per fold", unit="fold", leave=False):
            run = Path(self.runs.format(fold=f))
            encoder = CachedEncoder(E5FileEncoder(str(run / "engine.bin"), f"{self.stem}-f{f}",
                                                  contextual=trained_in_context(run)), self.embed_cache)
            self.encoders[f] = encoder
            if self.head == "joint":
                self.models[f] = LearnedRanker(head=joint_head(run, encoder.name))
                continue
            train_idx = [i for i, g in enumerate(folds) if g != f]
            vectors = [window_vectors(encoder, articles[i].sentences, window) for i in train_idx]
            encoder.save()
            self.models[f] = fit_cached(self.train, [articles[i] for i in train_idx], vectors, encoder.name, code,
                                        self.cache_dir, self._log)

    def select(self, article: Article, mode: str) -> list[str]:
        f = fold_of(article.id)
        return summarize_article(Summarizer(encoder=self.encoders[f], ranker=self.models[f]), article, mode)
