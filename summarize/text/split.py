"""Indonesian sentence splitting with character offsets: Punkt plus a few rules where it errs.

Checked first: nltk's Punkt (used, with parameters trained on IndoSum), pysbd (no Indonesian
rules; its English rules split "Jl. Sudirman" and "Pj. Gubernur") and spaCy's sentencizer
(punctuation only, splits after every abbreviation). Punkt gets most Indonesian cases right once
trained; ``rules.py`` fixes what it cannot learn from frequencies. Here we only decide what text
Punkt sees: a newline always ends a sentence, except a soft wrap (a line that stops mid-clause
followed by one that goes on in lower case).

Work is linear in the text: lines are scanned once and Punkt runs per line group.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from summarize.text.punkt import punkt_spans
from summarize.text.rules import fix_spans
from summarize.types import Sentence

_LINE = re.compile(r"[^\n]+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A line ending in one of these finished its clause, so the next line is not a soft wrap.
_CLAUSE_END = frozenset(".!?:;\"”’')]")
# Short units are handed to Punkt together, up to this many characters per call.
_BATCH = 4_000
# Closing punctuation that may end a sentence: "...?" or "(10/9)." or "...luar biasa..."
_CLOSING_RUN = frozenset(".?!\"”’')] \t\r\f\v\xa0")
# A "sentence" longer than this is cut (at the last space before it, else right at it): 2.5 times
# the longest sentence in IndoSum (787 characters), so only text without punctuation (a 200 KB
# run-on, a table dump) is cut, and a summary of it stays readable.
MAX_SENTENCE_CHARS = 2_000


def _units(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield (start, end, paragraph) for each group of lines that Punkt should see as one text.

    Paragraphs are separated by blank lines when the text has any; otherwise every line is one.
    """
    lines = (m.span() for m in _LINE.finditer(text) if not m.group().isspace())
    body = text.strip()
    first = len(text) - len(text.lstrip())
    blank_separated = _BLANK_LINE.search(text, first, first + len(body)) is not None
    para = -1
    unit: list[int] | None = None
    prev_end = 0
    for start, end in lines:
        # Whitespace-only lines are skipped, so a blank line shows as a gap with two newlines.
        blank_before = text.count("\n", prev_end, start) >= 2
        if unit is not None and not blank_before and _soft_wrap(text, unit[1], start):
            unit[1] = end
        else:
            if unit is not None:
                yield unit[0], unit[1], para
            if para < 0 or blank_before or not blank_separated:
                para += 1
            unit = [start, end]
        prev_end = end
    if unit is not None:
        yield unit[0], unit[1], para


def _soft_wrap(text: str, line_end: int, next_start: int) -> bool:
    """Whether a line break is only a wrap: the line stops mid-clause and the next goes on in
    lower case."""
    # Lines are non-blank and we look at most 64 characters each way: constant work per line.
    before = text[max(0, line_end - 64) : line_end].rstrip()[-1:]
    after = text[next_start : next_start + 64].lstrip()[:1]
    return bool(before) and before not in _CLAUSE_END and after.islower()


def _single_sentence(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no ``. ? !`` before its closing punctuation, so Punkt
    could not split it and need not run (most one-sentence paragraphs and short lines)."""
    stop = end
    while stop > start and text[stop - 1] in _CLOSING_RUN:
        stop -= 1
    return all(text.find(ch, start, stop) < 0 for ch in ".?!")


def _punkt_batch(text: str, units: list[tuple[int, int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Punkt's spans for a run of units in one call, cut at unit edges (a line break always
    ends a sentence)."""
    base = units[0][0]
    spans = [(base + s, base + e) for s, e in punkt_spans(text[base : units[-1][1]])]
    k = 0
    for u_start, u_end, _ in units:
        pieces = []
        while k < len(spans) and spans[k][0] < u_end:
            s, e = max(spans[k][0], u_start), min(spans[k][1], u_end)
            if s < e:
                pieces.append((s, e))
            if spans[k][1] > u_end:
                break  # the span runs on into the next unit
            k += 1
        yield pieces


def _unit_spans(text: str, units: list[tuple[int, int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Punkt's spans for each unit, in order. Units Punkt could not split skip it; the others are
    batched into calls of up to ``_BATCH`` characters (a call has a fixed cost that 100k
    one-line paragraphs would otherwise pay 100k times)."""
    batch: list[tuple[int, int, int]] = []
    for unit in units:
        trivial = _single_sentence(text, unit[0], unit[1])
        if batch and (trivial or unit[1] - batch[0][0] > _BATCH):
            yield from _punkt_batch(text, batch)
            batch = []
        if trivial:
            yield [(unit[0], unit[1])]
        else:
            batch.append(unit)
    if batch:
        yield from _punkt_batch(text, batch)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences without cleaning anything.

    Offsets index ``text`` (``text[s.start:s.end]`` equals ``s.text`` up to whitespace runs, which
    ``s.text`` collapses to single spaces); ``paragraph`` counts blank-line separated blocks, or
    lines when the text has no blank lines.
    """
    units = list(_units(text))
    out: list[Sentence] = []
    for (_, _, para), spans in zip(units, _unit_spans(text, units)):
        for s, e in (cut for span in fix_spans(text, spans) for cut in _bounded(text, *span)):
            piece = text[s:e]
            stripped = piece.strip()
            if stripped:
                start = s + len(piece) - len(piece.lstrip())
                out.append(Sentence(" ".join(stripped.split()), start, start + len(stripped), para))
    return out


def _bounded(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> Iterator[tuple[int, int]]:
    """``(start, end)`` cut into pieces of at most ``limit`` characters, at the last whitespace in
    each piece's second half when there is one."""
    while end - start > limit:
        cut = max(text.rfind(" ", start + limit // 2, start + limit), text.rfind("\n", start + limit // 2, start + limit))
        cut = cut + 1 if cut > start else start + limit
        yield start, cut
        start = cut
    yield start, end
