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

import re
from functools import lru_cache
from typing import Callable, Iterable

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

from summarize.claims.frame_words import ROLES
from summarize.claims.types import Claim

_FACTORY = StemmerFactory()
_STEMMER = _FACTORY.create_stemmer()
_ROOT_WORDS = frozenset(_FACTORY.get_words())
_WORDS = re.compile(r"[^\W\d_]{2,}")
_CAPITALISED_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
#: Words either side of a number that describe *which* quantity it is ("naik 5 persen menjadi
#: 20 persen": "naik" vs "menjadi"); they separate two claims that share one sentence. The window
#: stops at the clause's edge (see ``_CLAUSE_EDGE``): "ekspor ... turun 6,71 persen, sementara
#: impor ... turun 5,96 persen" keeps each number with its own subject.
CONTEXT_LEFT, CONTEXT_RIGHT = 8, 4
_CLAUSE_EDGE = re.compile(r"[;:()\"“”]|,(?!\d)|\b(?:sementara|sedangkan|namun|tetapi|adapun)\b", re.IGNORECASE)


def claim_context(claim: Claim) -> tuple[str, ...]:
    """The lowercased words just before and after the claim's surface in its sentence."""
    rel_start = claim.start - claim.sentence_start
    rel_end = claim.end - claim.sentence_start
    before = _CLAUSE_EDGE.split(claim.sentence[: max(rel_start, 0)])[-1]
    after = _CLAUSE_EDGE.split(claim.sentence[max(rel_end, 0) :])[0]
    left = _WORDS.findall(before.lower())[-CONTEXT_LEFT:]
    right = _WORDS.findall(after.lower())[:CONTEXT_RIGHT]
    return tuple(left + right)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The root of a lowercased word ("penurunan" -> "turun"); the word itself if none is found."""
    return _STEMMER.stem(word) or word


def common_word(word: str) -> bool:
    """Whether ``word`` is an Indonesian dictionary word or an affixed form of one
    ("pendapatan" from "dapat"), by Sastrawi's root list: a capitalised sentence opener such as
    "Pendapatan" or "Perolehan" is no name."""
    word = word.lower()
    if word in TITLE_WORDS:  # "Badan", "Bank", "Kepala" open institutions' and people's names
        return False
    root = stem(word)
    return word in _ROOT_WORDS or root != word and root in _ROOT_WORDS


def stems(words: Iterable[str]) -> frozenset[str]:
    """The set of roots of ``words``."""
    return frozenset(stem(w) for w in words)


#: Words of titles and institutions that open many names ("Direktur Jenderal ... Ratna Dewi
#: Umar", "Kepala Dinas ..."): shared by stories about different people, so they tie no
#: statement to an article.
TITLE_WORDS = frozenset(w.lower() for role in ROLES for w in role.split()) | frozenset(
    "jenderal kepala sekretaris dinas badan kementerian kantor direktorat pengadilan kejaksaan tinggi negeri "
    "agung umum daerah provinsi kabupaten pemerintah bank".split())


def article_words(text: str) -> frozenset[str]:
    """The lowercased words of an article, and the acronyms of its capitalised runs ("Badan
    Pusat Statistik" gives "bps"), for ``same_story``: a statement naming BPS is about a story
    that spells the agency out."""
    acronyms = ("".join(w[0] for w in m.group().split()).lower() for m in _CAPITALISED_RUN.finditer(text))
    return frozenset(_WORDS.findall(text.lower())) | frozenset(acronyms)


def same_story(names: Iterable[str], words: frozenset[str]) -> bool:
    """Whether a statement whose sentence names ``names`` can be about the story of an article
    with ``words``: it names nothing, or some word of one of its names occurs in the article.
    "Siti Fadilah dituntut ... denda Rp 500 juta" is another trial than La Nyalla's, whatever
    the two fines; a chance agreement of a common number ("dua tahun", "Rp 500 juta") across
    stories is the false ``consistent`` a large archive invites."""
    names = list(names)
    return not names or any(w in words and w not in TITLE_WORDS
                            for name in names for w in _WORDS.findall(name.lower()) if len(w) >= 3)


def context_overlap(a: frozenset[str], b: frozenset[str], weight: Callable[[str], float]) -> float:
    """IDF-weighted Jaccard of two root sets in [0, 1]: shared rare words ("ekspor", "tamu")
    count for more than shared common ones ("yang", "sebesar")."""
    union = a | b
    if not union:
        return 0.0
    return sum(weight(w) for w in a & b) / sum(weight(w) for w in union)
