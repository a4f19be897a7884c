"""The words around a number, compared across documents: which quantity a number is about.

Whole-sentence similarity cannot tell "exports fell 6,17 persen" from "imports fell 5,96
persen" in the next sentence of the same report: e5 puts both at 0.86-0.98 and TF-IDF shares
most words. The few words next to the number ("penurunan sebesar 6,17 persen" / "menurun 6,71
persen"; "27 orang penumpang ... meninggal" / "meninggal dunia menjadi 25 orang") do tell them
apart, once inflections are folded: Indonesian derives "penurunan", "menurun" and "turun" from
one root, so the words are stemmed with PySastrawi (the maintained Indonesian stemmer on PyPI;
nltk's Snowball has no Indonesian) before the overlap is taken.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

_STEMMER = StemmerFactory().create_stemmer()


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The root of a lowercased word ("penurunan" -> "turun"); the word itself if none is found."""
    return _STEMMER.stem(word) or word


def stems(words: Iterable[str]) -> frozenset[str]:
    """The set of roots of ``words``."""
    return frozenset(stem(w) for w in words)


def context_overlap(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """IDF-weighted Jaccard of two root sets in [0, 1]: shared rare words ("ekspor", "tamu")
    count for more than shared common ones ("yang", "sebesar")."""
    union = a | b
    if not union:
        return 0.0
    return sum(weight(w) for w in a & b) / sum(weight(w) for w in union)
