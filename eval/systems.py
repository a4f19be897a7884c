"""Every system the harness compares, behind one small interface.

Baselines (LEAD-3, ORACLE, RANDOM-3), our rankers through the real ``Summarizer`` (so they get the
product's selection and, in raw mode, its cleaner and splitter), the learned ranker scored by
5-fold cross-validation, and sumy's LexRank / TextRank / LSA / Luhn fed our sentences.
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import pickle
import re
from abc import ABC, abstractmethod
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np
from tqdm import tqdm

from eval.folds import fold_of
from eval.indosum import Article
from summarize.encoders.base import Encoder
from summarize.rankers import Ranker, available_rankers
from summarize.summarizer import Summarizer
from summarize.text import article_sentences

MODES = ("given", "raw")
K = 3  # every system but ORACLE picks three sentences, as LEAD-3 does


@lru_cache(maxsize=4096)
def _split(raw_text: str) -> tuple[str, ...]:
    # Cached: LEAD-3, RANDOM-3 and four sumy peers all split the same raw text.
    return tuple(s.text for s in article_sentences(raw_text) if s.text.strip())


def clear_split_cache() -> None:
    """Forget cached splits, so a timing pass pays for splitting as a user would."""
    _split.cache_clear()


def sentences_for(article: Article, mode: str) -> list[str]:
    """The candidate sentences: the corpus's own ("given") or our splitter's on the raw text."""
    if mode == "given":
        return list(article.sentences)
    if mode == "raw":
        return list(_split(article.raw_text))
    raise ValueError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")


class System(ABC):
    """Picks summary sentences for an article. ``encoder`` is None for systems that need none;
    the harness swaps it for a live (uncached) encoder when it measures speed."""

    name: str = "system"
    encoder: Encoder | None = None

    def prepare(self, articles: list[Article]) -> None:
        """Called once with every evaluated article before any ``select`` (training hooks here)."""

    @abstractmethod
    def select(self, article: Article, mode: str) -> list[str]:
        """The chosen sentences, in article order."""

    def describe(self) -> str:
        """A line for the report about how this system was set up ("" when nothing to say)."""
        return ""


class Lead3(System):
    name = "LEAD-3"

    def select(self, article: Article, mode: str) -> list[str]:
        return sentences_for(article, mode)[:K]


class Oracle(System):
    """The gold extractive labels: an upper bound, the same in both modes (labels index the
    given sentences)."""

    name = "ORACLE"

    def select(self, article: Article, mode: str) -> list[str]:
        return [s for s, gold in zip(article.sentences, article.labels) if gold]


class Random3(System):
    """Three random sentences, seeded by the article id so a rerun or a subset picks the same."""

    name = "RANDOM-3"

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def select(self, article: Article, mode: str) -> list[str]:
        sents = sentences_for(article, mode)
        digest = hashlib.sha1(f"{self.seed}:{article.id}".encode("utf-8")).hexdigest()
        rng = np.random.default_rng(int(digest[:16], 16))
        picked = rng.choice(len(sents), size=min(K, len(sents)), replace=False)
        return [sents[i] for i in sorted(picked)]


def _summarize(summarizer: Summarizer, article: Article, mode: str) -> list[str]:
    if mode == "given":
        # Paragraph ids are part of the given structure, and a cue the learned ranker uses.
        summary = summarizer.summarize(sentences=article.sentences, paragraphs=article.paragraphs, k=K)
    elif mode == "raw":
        summary = summarizer.summarize(text=article.raw_text, k=K)
    else:
        raise ValueError(f"unknown mode {mode!r}")
    return [s.text for s in summary.sentences]


class Ours(System):
    """One of our registered rankers, run end to end through ``Summarizer``."""

    def __init__(self, ranker: str, encoder: Encoder) -> None:
        self.ranker = ranker
        self.name = f"ours-{ranker}"
        self.encoder = encoder

    def select(self, article: Article, mode: str) -> list[str]:
        return _summarize(Summarizer(encoder=self.encoder, ranker=self.ranker), article, mode)


TrainFn = Callable[[list[Article], list[np.ndarray], str], Ranker]


#: Fold models of the learned ranker, keyed by training set and training code (git-ignored).
MODEL_CACHE = Path(__file__).resolve().parent / "cache" / "learned-cv"
_ROOT = Path(__file__).resolve().parents[1]


def training_fingerprint(train: TrainFn) -> str:
    """A hash of the code a fold model depends on: the training module, its ``eval/ranker_*``
    helpers and ``summarize/rankers``. Other edits (splitter, report) keep cached models valid."""
    files = {Path(inspect.getsourcefile(train) or "")} | set((_ROOT / "summarize" / "rankers").glob("*.py"))
    files |= set((_ROOT / "eval").glob("ranker_*.py"))
    digest = hashlib.sha1()
    for path in sorted(f for f in files if f.is_file()):
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


class LearnedCV(System):
    """The learned ranker, scored by 5-fold cross-validation over hash folds: each article is
    summarized by the model that never saw it in training.

    Training all five folds costs most of a full run (~10+ min on 2 cores), so fold models are
    pickled under ``cache_dir`` keyed by (training code, encoder, training ids); a rerun with
    unchanged code and data reuses them. ``cache_dir=None`` always retrains.
    """

    name = "ours-learned"

    def __init__(self, train: TrainFn, encoder: Encoder, cache_dir: Path | None = MODEL_CACHE) -> None:
        self.train = train
        self.encoder = encoder
        self.cache_dir = cache_dir
        self.models: dict[int, Ranker] = {}
        self._log = {"code": "", "trained": 0, "cached": 0}

    def describe(self) -> str:
        log = self._log
        code = f"training code sha1 {log['code'][:12]}, " if log["code"] else ""
        return (f"{self.name}: 5-fold CV over hash folds; {code}{log['trained']} fold models trained "
                f"in this run, {log['cached']} reused from {self.cache_dir}")

    def prepare(self, articles: list[Article]) -> None:
        embeddings = [self.encoder.encode(a.sentences) for a in articles]
        folds = [fold_of(a.id) for a in articles]
        code = training_fingerprint(self.train) if self.cache_dir else ""
        self._log["code"] = code
        for f in tqdm(sorted(set(folds)), desc=f"training {self.name} per fold", unit="fold", leave=False):
            train_idx = [i for i, g in enumerate(folds) if g != f]
            if train_idx:
                self.models[f] = self._fit([articles[i] for i in train_idx], [embeddings[i] for i in train_idx], code)

    def _fit(self, articles: list[Article], embeddings: list[np.ndarray], code: str) -> Ranker:
        if self.cache_dir is None:
            self._log["trained"] += 1
            return self.train(articles, embeddings, self.encoder.name)
        ids = "\n".join(sorted(a.id for a in articles))
        key = hashlib.sha1(f"{code}\n{self.encoder.name}\n{ids}".encode("utf-8")).hexdigest()
        path = self.cache_dir / f"{key}.pkl"
        if path.exists():
            self._log["cached"] += 1
            return pickle.loads(path.read_bytes())
        self._log["trained"] += 1
        model = self.train(articles, embeddings, self.encoder.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(model))
        return model

    def select(self, article: Article, mode: str) -> list[str]:
        fold = fold_of(article.id)
        if fold not in self.models:
            raise RuntimeError(f"fold {fold} has no model: it is the only fold in this run")
        return _summarize(Summarizer(encoder=self.encoder, ranker=self.models[fold]), article, mode)


_WORD = re.compile(r"\w+(?:[-.,'’:]\w+)*")


class _WordTokenizer:
    """sumy's tokenizer protocol (``to_words``). sumy's own ``Tokenizer`` needs nltk's punkt data
    (never downloaded here) and has no Indonesian; words are what ROUGE counts, minus punctuation."""

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))


_SUMY = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
}


class SumyPeer(System):
    """A sumy summarizer over our sentences, built as sumy's document objects directly. sumy has
    no Indonesian stop words or stemmer, so it runs with its defaults (none, null stemmer)."""

    def __init__(self, key: str) -> None:
        module, _, attr = _SUMY[key].partition(":")
        self.summarizer = getattr(importlib.import_module(module), attr)()
        self.name = f"sumy-{key}"

    def select(self, article: Article, mode: str) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        sents = sentences_for(article, mode)
        if len(sents) <= K:
            return sents
        doc = ObjectDocumentModel([Paragraph([Sentence(t, _WordTokenizer) for t in sents])])
        # sumy returns its own Sentence objects; identity maps them back (equal texts hash alike).
        position = {id(s): i for i, s in enumerate(doc.sentences)}
        return [sents[position[id(s)]] for s in self.summarizer(doc, K)]


def learned_trainer() -> tuple[TrainFn | None, str]:
    """``eval.train_ranker.train`` once that module exists and imports, else None and why (the
    system is then skipped with that note rather than failing the whole run)."""
    if importlib.util.find_spec("eval.train_ranker") is None:
        return None, "eval/train_ranker.py does not exist yet"
    try:
        module = importlib.import_module("eval.train_ranker")
    except Exception as exc:  # a half-written module must not stop the other systems
        return None, f"eval.train_ranker failed to import ({type(exc).__name__}: {exc})"
    train = getattr(module, "train", None)
    return (train, "") if callable(train) else (None, "eval.train_ranker has no train()")


def system_names() -> list[str]:
    """Every system name, in report order: baselines, ours, then sumy's."""
    ours = [f"ours-{r}" for r in available_rankers() if r != "learned"] + ["ours-learned"]
    return ["LEAD-3", "ORACLE", "RANDOM-3", *ours, *(f"sumy-{k}" for k in _SUMY)]


def build_systems(
    names: list[str], encoder_factory: Callable[[], Encoder], seed: int = 0, model_cache: Path | None = MODEL_CACHE
) -> tuple[list[System], list[str]]:
    """The requested systems and notes on those skipped. The encoder is built only if a system
    needs one, so baseline-only runs never load a model. ``model_cache``: see ``LearnedCV``."""
    systems: list[System] = []
    notes: list[str] = []
    encoder: Encoder | None = None
    for name in names:
        if name == "LEAD-3":
            systems.append(Lead3())
        elif name == "ORACLE":
            systems.append(Oracle())
        elif name == "RANDOM-3":
            systems.append(Random3(seed))
        elif name.startswith("sumy-") and name[5:] in _SUMY:
            systems.append(SumyPeer(name[5:]))
        elif name == "ours-learned":
            train, why = learned_trainer()
            if train is None:
                notes.append(f"ours-learned skipped: {why}")
                continue
            encoder = encoder or encoder_factory()
            systems.append(LearnedCV(train, encoder, model_cache))
        elif name.startswith("ours-") and name[5:] in available_rankers():
            encoder = encoder or encoder_factory()
            systems.append(Ours(name[5:], encoder))
        else:
            raise ValueError(f"unknown system {name!r}; choose from: {', '.join(system_names())}")
    return systems, notes


__all__ = ["MODES", "System", "build_systems", "sentences_for", "system_names"]
