"""Finding news boilerplate: the spans of a text that are not article prose.

Checked first: trafilatura and justext strip boilerplate from *HTML* (they need the markup and
would pull lxml into the core install); our input is already plain text, where what remains is a
short, well-known list of Indonesian newsroom conventions, so it is matched here line by line.
Nothing is deleted: callers blank the spans (same length), so offsets stay valid.
"""
from __future__ import annotations

import re

from summarize.text.dateline import dateline_end

_LINE = re.compile(r"[^\n]+")
# Whole lines that are boilerplate, matched on the stripped line, case-insensitively.
_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:baca|simak|lihat|tonton)(?:\s+(?:juga|pula))?\s*:.*   # Baca juga: <link title>
      | (?:pewarta|editor|penulis|reporter|redaktur|penyunting|fotografer|foto|video
          |sumber|ilustrasi|kontributor|penerjemah)\s*:.*        # credits
      | (?:copyright|hak\s+cipta)\b.* | ©.*                      # Copyright © ANTARA 2023
      | dibaca\s+\d[\d.,]*\s*kali\.?                             # Dibaca 1.234 kali
      | \[?\s*gambas\s*:.*                                       # [Gambas:Video CNN]
      | advertisement | scroll\s+to\s+continue.* | iklan
      | [(\[]\s*(?:antara|ant|end)\s*[)\]]                       # (ANTARA), [end]
      | [(\[][a-z]{2,6}(?:/[a-z0-9]{1,6}){0,3}[)\]]              # editor code: (ama/ama)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Inline credits: "(ANTARA/Nama)", "(ANTARA FOTO/Nama)", "(Foto: ...)", and an editor code
# closing a paragraph after its last sentence ("... kata dia. (ama/ama)").
_INLINE = re.compile(
    r"\((?:antara(?:\s+foto)?|antaranews|ant)\s*/[^()\n]{1,60}\)"
    r"|\((?:foto|dok|sumber|ilustrasi)\s*[:.][^()\n]{0,80}\)"
    r"|(?<=[.!?\"”])[ \t]*[(\[](?:[a-z]{2,6}(?:/[A-Za-z0-9]{1,6}){0,3}|antara)[)\]](?=[ \t]*$)",
    re.IGNORECASE | re.MULTILINE,
)
# A longer line is prose even if it starts like a credit ("Sumber: BPS mencatat ... ").
_BOILERPLATE_MAX_CHARS = 200
_TERMINAL = tuple(".!?\"”’'")
_HEADLINE_MAX_WORDS = 20
_HEAD_LINES = 5


def _is_headline(line: str) -> bool:
    """A short line with no sentence-final punctuation: a title or a stray headline fragment."""
    s = line.strip()
    return not s.endswith(_TERMINAL) and len(s.split()) <= _HEADLINE_MAX_WORDS


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) spans of ``text`` that are boilerplate, not article prose.

    Whole lines: link lines ("Baca juga: ..."), credits ("Pewarta:", "Editor:"), copyright,
    view counters, editor codes; headline fragments before the dateline line (or a title line
    when there is no dateline); inline photo credits and trailing editor codes.
    """
    spans: list[tuple[int, int]] = []
    head: list[tuple[int, int]] = []  # the first prose lines, where headlines can be
    n_prose = 0
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line:
            continue
        if len(line) <= _BOILERPLATE_MAX_CHARS and _BOILERPLATE_LINE.match(line):
            spans.append(m.span())
            continue
        n_prose += 1
        if len(head) < _HEAD_LINES:
            head.append(m.span())
    spans.extend(_leading_headlines(text, head, n_prose))
    spans.extend(m.span() for m in _INLINE.finditer(text))
    return sorted(set(spans))


def _leading_headlines(
    text: str, head: list[tuple[int, int]], n_prose: int
) -> list[tuple[int, int]]:
    """Headline lines at the top: those before the first dateline line among the first prose
    lines; without a dateline, only a first line followed by at least two more."""
    for k, (a, b) in enumerate(head):
        if dateline_end(text[a:b], first=True):
            return [(x, y) for x, y in head[:k] if _is_headline(text[x:y])]
    if n_prose >= 3 and _is_headline(text[head[0][0] : head[0][1]]):
        return [head[0]]
    return []


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (same length, so offsets are unchanged);
    newlines inside spans are kept so line structure survives."""
    if not spans:
        return text
    parts, pos = [], 0
    for start, end in spans:
        start = max(start, pos)
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
