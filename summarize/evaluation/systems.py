"""Every system the harness compares, and how to build them by name.

Baselines (LEAD-3, ORACLE, RANDOM-3), our rankers through the real ``Summarizer`` (so they get the
product's selection and, in raw mode, its cleaner and splitter), the learned ranker scored by
5-fold cross-validation (``summarize.evaluation.learned_cv``), and sumy's LexRank / TextRank / LSA / Luhn fed our
sentences.
"""
from __future__ import annotations

import hashlib
import importlib
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np

from summarize.encoders.base import Encoder
from summarize.evaluation.folds import N_FOLDS
from summarize.evaluation.indosum import Article
from summarize.evaluation.learned_cv import (
    MODEL_CACHE,
    LeadAdaptive,
    LearnedAdaptive,
    LearnedCV,
    learned_trainer,
)
from summarize.evaluation.learned_ft_cv import DEFAULT_RUNS, STEM, LearnedFineTunedCV, missing_runs
from summarize.evaluation.system_base import (
    MODES,
    K,
    System,
    sentences_for,
    summarize_article,
)
from summarize.rankers import available_rankers
from summarize.summarizer import Summarizer


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


class Ours(System):
    """One of our registered rankers, run end to end through ``Summarizer``."""

    encoder: Encoder

    def __init__(self, ranker: str, encoder: Encoder) -> None:
        self.ranker = ranker
        self.name = f"ours-{ranker}"
        self.encoder = encoder

    def select(self, article: Article, mode: str) -> list[str]:
        return summarize_article(Summarizer(encoder=self.encoder, ranker=self.ranker), article, mode)

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


#: sumy set-ups: sumy ships no Indonesian stop words or stemmer, so its defaults are none and the
#: null stemmer; the fairest Indonesian set-up it allows is Sastrawi's stop-word list and stemmer
#: (PySastrawi, a core dependency), given through sumy's own ``stop_words`` / ``stemmer`` hooks.
SUMY_SETUPS = {"": "sumy's defaults (no stop words, null stemmer)",
               "-sastrawi": "Sastrawi's stop-word list ({n} words) and stemmer, through sumy's stop_words/stemmer hooks"}


@lru_cache(maxsize=1)
def sastrawi() -> tuple[frozenset[str], Callable[[str], str]]:
    """Sastrawi's stop words and its (cached) stemmer, built once for all peers."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words()), StemmerFactory().create_stemmer().stem


class SumyPeer(System):
    """A sumy summarizer over our sentences, built as sumy's document objects directly, with
    sumy's defaults (``setup=""``) or the Sastrawi set-up (``setup="-sastrawi"``)."""

    def __init__(self, key: str, setup: str = "") -> None:
        module, _, attr = _SUMY[key].partition(":")
        cls = getattr(importlib.import_module(module), attr)
        if setup == "-sastrawi":
            stop_words, stem = sastrawi()
            self.summarizer = cls(stem)
            self.summarizer.stop_words = stop_words
            self.setup = SUMY_SETUPS[setup].format(n=len(stop_words))
        else:
            self.summarizer, self.setup = cls(), SUMY_SETUPS[setup]
        self.name = f"sumy-{key}{setup}"

    def describe(self) -> str:
        return f"sumy-*{'-sastrawi' if self.name.endswith('-sastrawi') else ''}: {self.setup}"

    def select(self, article: Article, mode: str) -> list[str]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        sents = sentences_for(article, mode)
        if len(sents) <= K:
            return sents
        doc = ObjectDocumentModel([Paragraph([Sentence(t, _WordTokenizer) for t in sents])])
        # sumy returns its own Sentence objects; identity maps them back (equal texts hash alike).
        position = {id(s): i for i, s in enumerate(doc.sentences)}
        return [sents[position[id(s)]] for s in self.summarizer(doc, K)]



#: Systems built on the learned ranker's fold models; the adaptive pair is compared with each other.
LEARNED = ("ours-learned", "LEAD-adaptive", "ours-learned-adaptive")


def system_names() -> list[str]:
    """Every system name, in report order: baselines, ours, sumy's, then the adaptive-length pair."""
    ours = [f"ours-{r}" for r in available_rankers() if r != "learned"] + ["ours-learned", "ours-learned-ft"]
    sumy = [f"sumy-{k}{setup}" for setup in SUMY_SETUPS for k in _SUMY]
    return ["LEAD-3", "ORACLE", "RANDOM-3", *ours, *sumy, *LEARNED[1:]]


def build_systems(
    names: list[str], encoder_factory: Callable[[], Encoder], seed: int = 0, model_cache: Path | None = MODEL_CACHE,
    ft_runs: str = DEFAULT_RUNS, ft_name: str = STEM, ft_head: str = "full",
) -> tuple[list[System], list[str]]:
    """The requested systems and notes on those skipped. The encoder is built only if a system
    needs one, so baseline-only runs never load a model. ``model_cache``: see ``LearnedCV``;
    ``ft_runs``: the fine-tuned fold encoders of ``ours-learned-ft``, named ``<ft_name>-f<F>``, with
    the head ``ft_head`` (``learned_ft_cv.HEADS``)."""
    systems: list[System] = []
    notes: list[str] = []
    encoder: Encoder | None = None
    learned: LearnedCV | None = None
    for name in names:
        if name == "LEAD-3":
            systems.append(Lead3())
        elif name == "ORACLE":
            systems.append(Oracle())
        elif name == "RANDOM-3":
            systems.append(Random3(seed))
        elif name.startswith("sumy-") and name[5:].removesuffix("-sastrawi") in _SUMY:
            key = name[5:].removesuffix("-sastrawi")
            systems.append(SumyPeer(key, name[5 + len(key):]))
        elif name in LEARNED:
            if learned is None:
                train, why = learned_trainer()
                if train is None:
                    notes.append(f"{name} skipped: {why}")
                    continue
                encoder = encoder or encoder_factory()
                learned = LearnedCV(train, encoder, model_cache)  # one set of fold models for all three
            systems.append({"ours-learned": learned, "ours-learned-adaptive": LearnedAdaptive(learned),
                            "LEAD-adaptive": LeadAdaptive(learned)}[name])
        elif name == "ours-learned-ft":
            train, why = learned_trainer()
            missing = missing_runs(ft_runs, list(range(N_FOLDS)), ft_head)
            if train is None or missing:
                notes.append(f"{name} skipped: {why or 'no fine-tuned fold encoder at ' + missing[0]}")
                continue
            systems.append(LearnedFineTunedCV(train, ft_runs, model_cache, stem=ft_name, head=ft_head))
        elif name.startswith("ours-") and name[5:] in available_rankers():
            encoder = encoder or encoder_factory()
            systems.append(Ours(name[5:], encoder))
        else:
            raise ValueError(f"unknown system {name!r}; choose from: {', '.join(system_names())}")
    return systems, notes


__all__ = ["MODES", "System", "build_systems", "sentences_for", "system_names"]

