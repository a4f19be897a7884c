"""The learned ranker in the harness: trained per fold of a 5-fold cross-validation, so no article
is summarized by a model that saw it, and its adaptive-length variant beside a LEAD baseline held
to the same word target.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import pickle
from pathlib import Path
from typing import Any, Callable

import numpy as np
from tqdm import tqdm

from summarize.encoders.base import Encoder
from summarize.evaluation.folds import fold_of
from summarize.evaluation.indosum import Article
from summarize.evaluation.locations import cache_dir, display
from summarize.evaluation.system_base import System, sentences_for, summarize_article
from summarize.rankers import Ranker
from summarize.select import Length, mmr_select
from summarize.summarizer import Summarizer

TrainFn = Callable[[list[Article], list[np.ndarray], str], Ranker]


#: Fold models of the learned ranker, keyed by training set and training code (git-ignored).
MODEL_CACHE = cache_dir() / "learned-cv"
_PACKAGE = Path(__file__).resolve().parents[1]
#: Articles the shipped head is trained on (all of IndoSum); a CV fold trains on about 4/5 of it.
FULL_TRAINING = 2437


def training_fingerprint(train: TrainFn) -> str:
    """A hash of the code a fold model depends on: the training module, its ``ranker_*``
    helpers and ``summarize/rankers``. Other edits (splitter, report) keep cached models valid."""
    files = {Path(inspect.getsourcefile(train) or "")} | set((_PACKAGE / "rankers").glob("*.py"))
    files |= set((_PACKAGE / "evaluation").glob("ranker_*.py"))
    digest = hashlib.sha1()
    for path in sorted(f for f in files if f.is_file()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def fit_cached(train: TrainFn, articles: list[Article], embeddings: list[np.ndarray], encoder: str, code: str,
               cache_dir: Path | None, log: dict[str, Any]) -> Ranker:
    """``train`` on these articles, or the model pickled under ``cache_dir`` for the same training
    code, encoder and article ids; counts ``trained`` / ``cached`` in ``log``."""
    if cache_dir is None:
        log["trained"] += 1
        return train(articles, embeddings, encoder)
    ids = "\n".join(sorted(a.id for a in articles))
    path = cache_dir / (hashlib.sha1(f"{code}\n{encoder}\n{ids}".encode("utf-8")).hexdigest() + ".pkl")
    if path.exists():
        log["cached"] += 1
        return pickle.loads(path.read_bytes())
    log["trained"] += 1
    model = train(articles, embeddings, encoder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(model))
    return model


class LearnedCV(System):
    """The learned ranker, scored by 5-fold cross-validation over hash folds: each article is
    summarized by the model that never saw it in training.

    Training all five folds costs most of a full run (~10+ min on 2 cores), so fold models are
    pickled under ``cache_dir`` keyed by (training code, encoder, training ids); a rerun with
    unchanged code and data reuses them. ``cache_dir=None`` always retrains.
    """

    name = "ours-learned"
    encoder: Encoder  # always set (the harness may swap in a live one to time it)

    def __init__(self, train: TrainFn, encoder: Encoder, cache_dir: Path | None = MODEL_CACHE) -> None:
        self.train = train
        self.encoder = encoder
        self.cache_dir = cache_dir
        self.models: dict[int, Ranker] = {}
        self._log: dict[str, Any] = {"code": "", "trained": 0, "cached": 0, "sizes": []}
        self._prepared: tuple[str, ...] = ()

    def describe(self) -> str:
        log = self._log
        code = f"training code sha1 {log['code'][:12]}, " if log["code"] else ""
        text = (f"{self.name}: 5-fold CV over hash folds; {code}{log['trained']} fold models trained "
                f"in this run, {log['cached']} reused from {display(self.cache_dir) if self.cache_dir else None}")
        if log["sizes"]:
            text += f"; each fold model learned from {min(log['sizes'])}–{max(log['sizes'])} articles"
            if max(log["sizes"]) < FULL_TRAINING // 4:
                text += (f" (a small run, e.g. --limit: its scores say nothing about the shipped head, "
                         f"trained on {FULL_TRAINING})")
        return text

    def prepare(self, articles: list[Article]) -> None:
        """Fit (or load) one model per fold; a second call with the same articles does nothing, so
        the variants below can share these models."""
        ids = tuple(a.id for a in articles)
        if ids == self._prepared:
            return
        self._prepared = ids
        embeddings = [self.encoder.encode(a.sentences) for a in articles]
        folds = [fold_of(a.id) for a in articles]
        code = training_fingerprint(self.train) if self.cache_dir else ""
        self._log["code"] = code
        for f in tqdm(sorted(set(folds)), desc=f"training {self.name} per fold", unit="fold", leave=False):
            train_idx = [i for i, g in enumerate(folds) if g != f]
            if train_idx:
                self._log["sizes"].append(len(train_idx))
                self.models[f] = fit_cached(self.train, [articles[i] for i in train_idx],
                                            [embeddings[i] for i in train_idx], self.encoder.name, code,
                                            self.cache_dir, self._log)

    def model_for(self, article: Article) -> Ranker:
        """The fold model that never saw ``article``."""
        fold = fold_of(article.id)
        if fold not in self.models:
            raise RuntimeError(f"fold {fold} has no model: it is the only fold in this run")
        return self.models[fold]

    def select(self, article: Article, mode: str) -> list[str]:
        return summarize_article(Summarizer(encoder=self.encoder, ranker=self.model_for(article)), article, mode)


class LearnedAdaptive(System):
    """The same fold models with ``adaptive=True``: as many sentences as bring the summary closest
    to the word target the fold model learned. Reported apart from the fixed k=3 systems."""

    name = "ours-learned-adaptive"
    encoder: Encoder

    def __init__(self, fixed: LearnedCV) -> None:
        self.fixed = fixed
        self.encoder = fixed.encoder

    def prepare(self, articles: list[Article]) -> None:
        self.fixed.prepare(articles)

    def select(self, article: Article, mode: str) -> list[str]:
        summarizer = Summarizer(encoder=self.encoder, ranker=self.fixed.model_for(article))
        return summarize_article(summarizer, article, mode, adaptive=True)


class LeadAdaptive(System):
    """LEAD held to the adaptive word target of the fold model: leading sentences while they bring
    the total closer to it. The fair baseline for ``ours-learned-adaptive``, since a length rule
    alone changes ROUGE."""

    name = "LEAD-adaptive"

    def __init__(self, fixed: LearnedCV) -> None:
        self.fixed = fixed

    def prepare(self, articles: list[Article]) -> None:
        self.fixed.prepare(articles)

    def select(self, article: Article, mode: str) -> list[str]:
        sents = sentences_for(article, mode)
        target = self.fixed.model_for(article).summary_words(self.fixed.encoder.name)
        if not sents or target is None:
            return sents[:3]
        words = [len(s.split()) for s in sents]
        chosen = mmr_select(-np.arange(len(sents), dtype=float), np.zeros((len(sents), 1)), Length(k=None, target_words=target),
                            words, diversity=0.0)
        return [sents[i] for i in chosen]



def learned_trainer() -> tuple[TrainFn | None, str]:
    """``summarize.evaluation.train_ranker.train`` once that module exists and imports, else None and why (the
    system is then skipped with that note rather than failing the whole run)."""
    if importlib.util.find_spec("summarize.evaluation.train_ranker") is None:
        return None, "eval/train_ranker.py does not exist yet"
    try:
        module = importlib.import_module("summarize.evaluation.train_ranker")
    except Exception as exc:  # a half-written module must not stop the other systems
        return None, f"summarize.evaluation.train_ranker failed to import ({type(exc).__name__}: {exc})"
    train = getattr(module, "train", None)
    return (train, "") if callable(train) else (None, "summarize.evaluation.train_ranker has no train()")

