"""PLACEHOLDER pipeline (being replaced)."""
from __future__ import annotations

from summarize.text.split import split_sentences
from summarize.types import Sentence


def article_sentences(text: str) -> list[Sentence]:
    return split_sentences(text)
