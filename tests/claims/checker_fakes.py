"""Stand-ins for the parser and the encoder, so index/match/checker tests do not depend on
either: a regex that reads "<number> persen" and "<number> <noun>" (framed by the real frame
reader), and a bag-of-words encoder.

The real parser and e5-small are exercised end to end in ``test_checker_e2e.py``.
"""
from __future__ import annotations

import re
import zlib
from decimal import Decimal
from typing import Sequence

import numpy as np

from summarize.claims.frames import read_frame
from summarize.claims.types import Claim, Quantity
from summarize.encoders.base import Encoder, l2_normalize

_NUMBER = re.compile(r"(\d+(?:,\d+)?) (persen|orang|peserta)")
_SENTENCE = re.compile(r"[^.]+\.?")


def fake_extract(text: str, *, date: str | None = None) -> list[Claim]:
    """Claims for "<n> persen" (unit percent) and "<n> orang|peserta" (count with noun)."""
    claims = []
    for sm in _SENTENCE.finditer(text):
        sentence = sm.group()
        for m in _NUMBER.finditer(sentence):
            value = Decimal(m.group(1).replace(",", "."))
            exp = value.as_tuple().exponent
            half = Decimal(5).scaleb(min(int(exp), 0) - 1)
            unit, noun = ("percent", None) if m.group(2) == "persen" else ("count", m.group(2))
            q = Quantity(value, unit, noun, value - half, value + half)
            start = sm.start() + m.start()
            frame = read_frame(sentence, m.start(), m.end(), q, [], date)
            claims.append(Claim(m.group(), start, start + len(m.group()), q, sentence, sm.start(), sm.end(), date, frame))
    return claims


class BagOfWordsEncoder(Encoder):
    """Hashes words into 64 buckets: texts sharing words get a high cosine, deterministically."""

    name = "bow-test"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i, zlib.crc32(word.encode()) % 64] += 1.0
        return l2_normalize(out)
