"""What every store keeps of an article: its claim-bearing sentences, their claims and the
sentence text with numbers masked (the text that is embedded and searched).

Shared by the in-memory corpus index, the SQLite archive and the query side of the matcher, so
that a stored sentence and a query sentence are masked the same way. Numbers are masked so that
"91,82 persen" and "78 persen" in sentences about the same thing look alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from summarize.claims.types import Claim

Extractor = Callable[..., list[Claim]]

MASK = "#"
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class ArticleSentence:
    """A claim-bearing sentence of one article: what a store embeds (``masked``) and keeps."""

    text: str
    masked: str
    claims: tuple[Claim, ...]


def mask_sentence(sentence: str, spans: Sequence[tuple[int, int]]) -> str:
    """``sentence`` with each claim span (relative offsets) and every other digit run masked."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out += [sentence[pos:start], MASK]
        pos = end
    out.append(sentence[pos:])
    return _DIGITS.sub(MASK, "".join(out))


def group_by_sentence(claims: Sequence[Claim]) -> tuple[list[ArticleSentence], list[int]]:
    """The claims' sentences (first-seen order) and each claim's sentence number."""
    keys: dict[tuple[int, int], int] = {}
    grouped: list[list[Claim]] = []
    of_claim: list[int] = []
    for c in claims:
        key = (c.sentence_start, c.sentence_end)
        if key not in keys:
            keys[key] = len(grouped)
            grouped.append([])
        grouped[keys[key]].append(c)
        of_claim.append(keys[key])
    sentences = [
        ArticleSentence(
            group[0].sentence,
            mask_sentence(group[0].sentence, [(c.start - c.sentence_start, c.end - c.sentence_start) for c in group]),
            tuple(group),
        )
        for group in grouped
    ]
    return sentences, of_claim


def article_statements(text: str, date: str | None = None, extractor: Extractor | None = None) -> list[ArticleSentence]:
    """Extract an article's claims and group them by sentence: what a store embeds and keeps."""
    if extractor is None:
        from summarize.claims.extract import extract_claims

        extractor = extract_claims
    return group_by_sentence(extractor(text, date=date))[0]
