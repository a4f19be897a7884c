"""The system interface the harness compares, and what every system shares: the two modes, the
candidate sentences of an article in each, and running the real ``Summarizer`` on it.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from functools import lru_cache

from summarize.encoders.base import Encoder
from summarize.evaluation.indosum import Article
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
    #: False for systems whose speed the harness cannot measure fairly (see their ``describe``).
    timed: bool = True

    def prepare(self, articles: list[Article]) -> None:
        """Called once with every evaluated article before any ``select`` (training hooks here)."""

    @abstractmethod
    def select(self, article: Article, mode: str) -> list[str]:
        """The chosen sentences, in article order."""

    def describe(self) -> str:
        """A line for the report about how this system was set up ("" when nothing to say)."""
        return ""



def summarize_article(summarizer: Summarizer, article: Article, mode: str, adaptive: bool = False) -> list[str]:
    """The sentences ``summarizer`` picks for ``article`` in ``mode``: k=3, or its adaptive length."""
    length = {"adaptive": True} if adaptive else {"k": K}
    if mode == "given":
        # Paragraph ids are part of the given structure, and a cue the learned ranker uses.
        summary = summarizer.summarize(sentences=article.sentences, paragraphs=article.paragraphs, **length)
    elif mode == "raw":
        summary = summarizer.summarize(text=article.raw_text, **length)
    else:
        raise ValueError(f"unknown mode {mode!r}")
    return [s.text for s in summary.sentences]
