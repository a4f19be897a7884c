"""Numeric claim checking: read the numbers an article states and compare them with a corpus.

    >>> from summarize.claims import ClaimChecker, extract_claims
    >>> checker = ClaimChecker(corpus=["...", "..."])          # doctest: +SKIP
    >>> for r in checker.check(article_text):                   # doctest: +SKIP
    ...     print(r.claim.surface, r.verdict, [e.source for e in r.evidence])

Names are resolved on first use (PEP 562), so ``import summarize`` does not pay for
scikit-learn and the parser's tables until a claim is actually checked.
"""
from __future__ import annotations

import importlib
from typing import Any

from summarize.claims.types import CheckResult, Claim, Evidence, Frame, Quantity, RuledOut, Verdict

_LAZY = {
    "ClaimChecker": "summarize.claims.checker",
    "extract_claims": "summarize.claims.extract",
    "Matcher": "summarize.claims.match",
    "register_matcher": "summarize.claims.match",
    "available_matchers": "summarize.claims.match",
    # The statement store seam and the per-article helpers every store uses (the archive too).
    "StatementStore": "summarize.claims.store",
    "StoredSentence": "summarize.claims.store",
    "Hit": "summarize.claims.store",
    "ArticleSentence": "summarize.claims.statements",
    "article_statements": "summarize.claims.statements",
    "mask_sentence": "summarize.claims.statements",
}

__all__ = ["CheckResult", "Claim", "Evidence", "Frame", "Quantity", "RuledOut", "Verdict", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
