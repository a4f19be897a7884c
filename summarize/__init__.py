"""Extractive summaries and numeric claim checks for Indonesian news.

The public API is deliberately small and flat (KeyBERT's habit). The claim checker's names are
resolved on first use (PEP 562), so a summary never pays for scikit-learn or the parser tables.
"""
from __future__ import annotations

import importlib
from typing import Any

from summarize.summarizer import Summarizer
from summarize.text import split_sentences
from summarize.types import Sentence, Summary, SummarySentence

__version__ = "0.1.0"

_LAZY = {"CheckResult": "summarize.claims", "ClaimChecker": "summarize.claims", "extract_claims": "summarize.claims"}

__all__ = ["Sentence", "Summarizer", "Summary", "SummarySentence", "split_sentences", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
