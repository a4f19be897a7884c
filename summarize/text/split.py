"""PLACEHOLDER splitter (being replaced by the Punkt-based one)."""
from __future__ import annotations

import re

from summarize.types import Sentence

_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    for pm in re.finditer(r"[^\n]+", text):
        chunk, base = pm.group(), pm.start()
        if not chunk.strip():
            continue
        pos = 0
        for m in list(_END.finditer(chunk)) + [None]:
            end = m.start() if m else len(chunk)
            piece = chunk[pos:end]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(piece.strip(), base + pos + lead, base + pos + lead + len(piece.strip()), para))
            pos = m.end() if m else len(chunk)
        para += 1
    return out
