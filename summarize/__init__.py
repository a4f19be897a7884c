"""Extractive summaries and numeric claim checks for Indonesian news.

The public API is deliberately small and flat (KeyBERT's habit). The claim checker's names and
the ``register_*`` plug-in hooks are resolved on first use (PEP 562), so a summary never pays for
scikit-learn or the parser tables; nltk is imported at the first sentence split (only its Punkt
module, see ``summarize.text.punkt``).
"""
from __future__ import annotations

import importlib
from typing import Any

from summarize.summarizer import Summarizer
from summarize.text import split_sentences
from summarize.types import Failure, Sentence, Summary, SummarySentence

__version__ = "0.1.0"

_LAZY = {
    "CheckResult": "summarize.claims",
    "ClaimChecker": "summarize.claims",
    "extract_claims": "summarize.claims",
    "register_encoder": "summarize.encoders",
    "register_ranker": "summarize.rankers",
    "register_matcher": "summarize.claims",
}

__all__ = ["Failure", "Sentence", "Summarizer", "Summary", "SummarySentence", "split_sentences", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
