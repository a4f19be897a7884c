"""When a claim's figure holds and against what it is measured: its time, comparison basis and
denominator, read from the sentence around it (``frames.read_frame`` fills these slots)."""
from __future__ import annotations

import re
from typing import Sequence

from summarize.claims.frame_words import BASES
from summarize.claims.parse.dates import DateSpan, sentence_time

#: A relative time the article's date could not resolve: comparable only with another of these.
RELATIVE_TIMES = ("this-year", "last-year", "this-month", "last-month")
_RELATIVE = re.compile(r"\b(tahun|bulan)\s+(lalu|silam|ini|kemarin|sebelumnya)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:dibanding\w*|ketimbang|sejak|dari)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_BASES = [(name, re.compile(rx, re.IGNORECASE)) for name, rx in BASES.items()]
_PER = re.compile(r"\s*(?:per|/|setiap|tiap)\s*([^\W\d_]+)", re.IGNORECASE)
_PER_FORMS = {"kilogram": "kg", "kilo": "kg", "l": "liter", "g": "gram", "gr": "gram", "harinya": "hari",
              "pekan": "minggu", "kapita": "orang", "jiwa": "orang", "orangnya": "orang", "tahunnya": "tahun"}


def claim_time(sentence: str, cs: int, ce: int, start: int, dates: list[DateSpan], article_date: str | None) -> str | None:
    """The claim's own time: the nearest date, quarter or year of its clause (before the number
    first), a relative time (resolved against the article's date; without one, ``RELATIVE_TIMES``),
    else the sentence's time that is no comparison's baseline, else a year of its clause that is
    part of a name."""
    mine = [d for d in dates if d.iso and not d.named and cs <= d.start and d.end <= ce and d.kind != "time"]
    before = [d for d in mine if d.end <= start]
    if before:
        return before[-1].iso
    if mine:
        return mine[0].iso
    relative = _RELATIVE.search(sentence, cs, ce) or _RELATIVE.search(sentence, 0, cs)
    if relative:
        unit, when = relative.group(1).lower(), relative.group(2).lower()
        if article_date:
            return _resolve(unit, when, article_date)
        # Without the article's date "tahun ini" and "tahun lalu" are still two years.
        return f"{'this' if when == 'ini' else 'last'}-{'year' if unit == 'tahun' else 'month'}"
    # A date that a comparison names is the baseline's, not the claim's ("..., dibanding Januari 2017").
    found = sentence_time([d for d in dates if not _COMPARED.search(sentence, max(0, d.start - 25), d.start)])
    # Last, a year that is part of a name: "UMP DKI Jakarta 2024" and "... 2023" are two years' figures.
    named = [d for d in dates if d.named and d.iso and cs <= d.start and d.end <= ce]
    return found or (named[0].iso if named else None)


def claim_basis(sentence: str, cs: int, start: int, end: int,
           others: Sequence[tuple[int, int]]) -> tuple[str | None, list[tuple[int, int]]]:
    """The comparison basis nearest the number, and where each basis word stands. It is looked
    for from the clause's start to the next figure, past a clause edge: "tumbuh 3,79 persen
    dibandingkan kuartal sebelumnya (qtq)" names its basis after "dibandingkan"."""
    stop = min((s for s, _ in others if s >= end), default=len(sentence))
    found = [(m.start() - end if m.start() >= end else start - m.end(), name, (m.start(), m.end()))
             for name, rx in _BASES for m in rx.finditer(sentence, cs, stop)]
    return (min(found)[1] if found else None), [span for _, _, span in found]


def claim_per(sentence: str, end: int) -> str | None:
    """The denominator right after the figure: "Rp80.000 per kg", "600.000 barel per hari"."""
    m = _PER.match(sentence, end)
    return _PER_FORMS.get(m.group(1).lower(), m.group(1).lower()) if m else None


def _resolve(unit: str, when: str, article_date: str) -> str | None:
    year = int(article_date[:4])
    back = 0 if when == "ini" else 1
    if unit == "tahun":
        return str(year - back)
    if len(article_date) < 7:
        return None
    month = int(article_date[5:7]) - back
    if month == 0:
        year, month = year - 1, 12
    return f"{year}-{month:02d}"
