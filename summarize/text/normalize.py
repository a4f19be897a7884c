"""Whitespace and invisible-character normalisation that remembers where every character came from.

Scraped news carries NBSP (whole lines of it in ANTARA pages), CRLF line ends, a BOM, zero-width
spaces and soft hyphens. Splitting and cleaning run on the normalised copy; ``Normalized`` maps
its offsets back so that every ``Sentence`` still points into the caller's original text.
Python's ``unicodedata.normalize`` was not used: NFKC also rewrites letters and digits
(superscripts, ligatures) and, like any length-changing rewrite, loses the offset map.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Removed outright: BOM, zero-width space/joiners, word joiner, soft hyphen, and the CR of CRLF.
_DROP = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
# Replaced by a plain space or newline, one character for one.
_SPACE = "\u00a0\u202f\u205f\u3000\t\f\v" + "".join(map(chr, range(0x2000, 0x200B)))
_NEWLINE = "\u2028\u2029\r"
_ODD = re.compile(f"\r\n|[{_DROP}{_SPACE}{_NEWLINE}]")
_TRANSLATE = str.maketrans({**{c: " " for c in _SPACE}, **{c: "\n" for c in _NEWLINE}})


@dataclass(frozen=True)
class Normalized:
    """The normalised text and the positions (in it) where original characters were dropped."""

    text: str
    dropped_before: tuple[int, ...]

    def original_start(self, i: int) -> int:
        """Original index of the character at normalised index ``i``."""
        return i + bisect_right(self.dropped_before, i)

    def original_end(self, j: int) -> int:
        """Original exclusive end for a normalised exclusive end ``j`` (> 0)."""
        return self.original_start(j - 1) + 1 if j > 0 else self.original_start(0)


def normalize(text: str) -> Normalized:
    """Normalise ``text`` in one linear pass: spaces for odd spaces, ``\\n`` for other line
    breaks, invisible characters and the CR of CRLF removed."""
    pieces: list[str] = []
    dropped: list[int] = []
    pos = 0  # next original index to copy
    out_len = 0  # length of the normalised text built so far
    for m in _ODD.finditer(text):
        ch = m.group()
        if ch[0] not in _DROP and ch != "\r\n":
            continue  # one-for-one replacements are done by translate below
        pieces.append(text[pos : m.start()])
        out_len += m.start() - pos
        if ch == "\r\n":
            pieces.append("\n")
            dropped.append(out_len)  # the CR is gone; the LF stays at out_len
            out_len += 1
        else:
            dropped.append(out_len)
        pos = m.end()
    pieces.append(text[pos:])
    return Normalized("".join(pieces).translate(_TRANSLATE), tuple(dropped))
