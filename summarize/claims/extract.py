"""Claims of an article: every quantity (parse/numbers.py) in its article sentences, with
offsets into the original text and its frame (frames.py: measure, entities, places, time, kind,
unit and counted classes).

Sentences come from ``summarize.text.article_sentences`` so boilerplate lines (datelines,
"Baca juga:", footers) never yield claims. A claim's ``time`` is its frame's time (the nearest
date of its own clause, else the sentence's) or, when the text names none, the article's
``date`` argument.
"""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Sequence

from summarize.claims.frame_places import sentence_places
from summarize.claims.frames import read_frame
from summarize.claims.parse.dates import find_dates, validate_date
from summarize.claims.parse.numbers import parse_quantities
from summarize.claims.types import Claim
from summarize.text import article_sentences
from summarize.types import Sentence


def _visible(s: str) -> str:
    """``s`` without whitespace or invisible format characters, to compare the original slice
    with the pipeline's cleaned sentence text."""
    return "".join(ch for ch in s if not ch.isspace() and unicodedata.category(ch) != "Cf")


#: The version of how claims and their frames are read. A persistent archive records the
#: version its stored claims were read with; after an upgrade that reads them differently it
#: says so, and ``summarize archive refresh`` reads its articles again. Bump it whenever the
#: parser or the frame rules change what a stored claim says.
READING_VERSION = 3


class _Context:
    """Where the article is: the places of the latest sentence so far that names any. Read only
    when a figure's own clause names none, and each sentence at most once."""

    def __init__(self) -> None:
        self.sentences: list[str] = []
        self._read: dict[int, tuple[str, ...]] = {}

    def places(self) -> tuple[str, ...]:
        for i in range(len(self.sentences) - 1, -1, -1):
            if i not in self._read:
                self._read[i] = sentence_places(self.sentences[i])
            if self._read[i]:
                return self._read[i]
        return ()


def extract_claims(text: str, *, date: str | None = None, sentences: Sequence[Sentence] | None = None) -> list[Claim]:
    """All quantity claims in ``text``, in reading order.

    ``date`` is the article's publication date (ISO "YYYY-MM-DD", "YYYY-MM" or "YYYY"): the
    fallback time of claims whose sentence names none, and the year of day-month dates written
    without one ("Minggu (10/9)"). ``sentences`` are ``article_sentences(text)`` when the caller
    has already split the article (for its summary): the article is then read once for both.
    ``text[c.start:c.end] == c.surface`` for every claim.
    """
    date = validate_date(date)
    year_hint = date[:4] if date else None
    claims: list[Claim] = []
    context = _Context()
    for sent in article_sentences(text) if sentences is None else sentences:
        # Parse the original slice so offsets stay exact; drop what the pipeline blanked inside
        # the sentence (inline photo credits and the like), which is absent from ``sent.text``.
        original = text[sent.start:sent.end]
        context.sentences.append(original)
        cleaned = _visible(sent.text)
        found = [f for f in parse_quantities(original) if _visible(original[f[0]:f[1]]) in cleaned]
        if not found:
            continue
        dates = find_dates(original, year_hint)
        for start, end, quantity in found:
            others = [(s, e) for s, e, _ in found if (s, e) != (start, end)]
            frame = read_frame(original, start, end, quantity, dates, date, others)
            if not frame.places:
                frame = replace(frame, context_places=context.places())
            claims.append(Claim(
                surface=original[start:end],
                start=sent.start + start,
                end=sent.start + end,
                quantity=quantity,
                sentence=sent.text,
                sentence_start=sent.start,
                sentence_end=sent.end,
                time=frame.time or date,
                frame=frame,
            ))
    return claims
