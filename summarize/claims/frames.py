"""A claim's frame: what its number is about, read by rules over the number's own clause.

The clause is the stretch of the sentence around the number between clause edges (";", a comma
that is no decimal comma, "sementara", "sedangkan", "dibandingkan", ...; ``CLAUSE_EDGE``): "ekspor turun 6,71
persen, sementara impor turun 5,96 persen" gives each figure its own subject, and "inflasi
pada 2024 sebesar 2,8 persen; pada 2023 sebesar 2,61 persen" its own year. Slots:

- measure: the clause's content words around the number (generic heads such as "jumlah",
  reporting verbs, function words, places, roles, times and units removed);
- entities: roles ("Presiden", "Wakil Presiden") and names (capitalised words) of the clause;
- places: provinces, cities and regencies often in the news, and countries (``frame_words``);
- time: the date, quarter ("kuartal II-2024": "2024-Q2"), half-year ("semester I/2024" and
  "Januari–Juni 2024": "2024-H1") or year nearest the number in its clause, else the sentence's, with "tahun lalu",
  "tahun ini", "bulan lalu" resolved against the article's date; None when the text names no
  time (``Claim.time`` then falls back to the article's date, as before frames). A quarter is
  not its year's month: "2024-Q2" contains no "2024-05", so a quarterly and a monthly figure
  never meet;
- basis: what a rate is compared with (yoy, mtm, qtq, ytd, ctc; ``frame_words.BASES``), the
  marker nearest the number up to the next figure; per: the denominator right after it ("per kg");
- kind: previous / target / change / realised / share / level, from the words before and after
  (the value before a change, "naik dari Rp5.000", "semula"; a plan, projection, budget or quota,
  also of a change, is a target);
- unit_class and counted: classes, so "peserta" and "orang" (people), "UMKM" and "pelaku usaha",
  "ha" and "m2" (area) line up.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from summarize.claims.contrasts import is_alternative
from summarize.claims.frame_places import apposition, places_in, respective
from summarize.claims.frame_words import (
    ANY_COUNTED, CHANGE_WORDS, COUNTED_CLASSES, GENERIC, LEVEL_WORDS, NEUTRAL_WORDS, PLAN_WORDS, PREVIOUS_WORDS,
    REALISED_WORDS, ROLES, SHARE_AFTER, TARGET_WORDS, UNIT_CLASSES,
)
from summarize.claims.frame_when import claim_basis, claim_per, claim_time
from summarize.claims.local import common_word
from summarize.claims.parse.dates import DateSpan
from summarize.claims.parse.units import NOT_NOUNS, UNITS
from summarize.claims.parse.words import NUMBER_WORDS
from summarize.claims.types import Frame, Quantity

#: Parentheses are no edge (an apposition: "Jakarta Entrepreneur (Jakpreneur)"), nor is a comma
#: that goes on with the same figure ("..., yaitu sebanyak 377.625 peserta").
CLAUSE_EDGE = re.compile(
    r"[;:\"“”]|,(?!\d)(?!\s*(?:yaitu|yakni|atau|sebesar|sebanyak|mencapai|menjadi|dengan|senilai)\b)"
    r"|\b(?:sementara|sedangkan|namun|tetapi|adapun|dibandingkan|dibanding|ketimbang)\b", re.IGNORECASE,
)
_WORD = re.compile(r"\b[Hh]\+\d+\b|[^\W\d_][\w-]*")  # "H+3" Lebaran is a word, as "H-3" is
_ROLE = re.compile(r"\b(?:" + "|".join(re.escape(r) for r in ROLES) + r")\b", re.IGNORECASE)
_NAME = re.compile(r"\b(?:[A-Z][\w&.-]*)(?:\s+(?:[A-Z][\w&.-]*|dan|&))*")
_UNIT_WORDS = frozenset(w for phrase in UNITS for w in phrase)
_MONTH_WORDS = frozenset(
    "januari februari maret april mei juni juli agustus september oktober november desember "
    "senin selasa rabu kamis jumat sabtu minggu pekan tahun bulan hari kuartal triwulan semester".split()
)
_CHANGE_NOUNS = frozenset(w for w in CHANGE_WORDS if w.startswith(("pe", "ke")) and w.endswith("an"))
_LEVEL_HEADS = frozenset("jumlah total angka nilai tingkat posisi level".split())  # "... membuat jumlah penduduk"
_BALLOT = re.compile(r"\b(?:nomor\s+urut|no\.?\s*urut|paslon)\s*(\d{1,2})\b", re.IGNORECASE)
# An age band names a group: "pemilih berusia 17 hingga 30 tahun", "usia di atas 60 tahun",
# "anak usia 5 tahun ke bawah" (``_age_bands``).
AGE_BAND = re.compile(
    r"(?i:\b(?:berusia|usia|umur)\s+(?P<bound>(?:di\s+atas|di\s+bawah|lebih\s+dari|kurang\s+dari|antara|minimal|"
    r"maksimal)\s+)?)(?P<low>\d{1,3})(?:\s*(?i:hingga|sampai|-|–|dan)\s*(?P<high>\d{1,3}))?\s*(?i:tahun)"
    r"(?P<open>\s+(?i:ke\s+(?:atas|bawah)))?"
)
_ABOVE = ("di atas", "lebih dari", "minimal", "ke atas")
_BELOW = ("di bawah", "kurang dari", "maksimal", "ke bawah")
_MEASURE_LEFT, _MEASURE_RIGHT = 8, 5
_KIND_WINDOW = 6
_PREVIOUS_AFTER = tuple(PREVIOUS_WORDS)  # "Rp6.000 sebelumnya"
_LINK = re.compile(r",|\b(?:dan|serta|atau|sedangkan|lalu)\b", re.IGNORECASE)
_SKIP_NAMES = _MONTH_WORDS | GENERIC | NOT_NOUNS | frozenset(COUNTED_CLASSES)
_PLACE_TITLES = frozenset("kota kabupaten kab provinsi prov pemprov pemkot pemkab dki daerah wilayah".split())


def clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the clause holding ``sentence[start:end]``."""
    left = [m.end() for m in CLAUSE_EDGE.finditer(sentence, 0, start)]
    right = CLAUSE_EDGE.search(sentence, end)
    return (left[-1] if left else 0), (right.start() if right else len(sentence))


def _bounded(sentence: str, cs: int, ce: int, start: int, end: int, others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The clause cut between this figure and its neighbours in a list of figures: "23 orang
    tewas dan sedikitnya 40 orang luka-luka" gives "tewas" to 23 and "luka-luka" to 40. The
    words after a figure, up to "dan"/"serta" or the next figure, describe that figure."""
    before = [e for s, e in others if cs <= s and e <= start]
    if before:
        link = _LINK.search(sentence, before[-1], start)
        cs = link.end() if link else before[-1]
    after = [s for s, e in others if start < s and e <= ce]
    if after:
        link = _LINK.search(sentence, end, after[0])
        ce = link.start() if link else after[0]
    return cs, ce


def read_frame(sentence: str, start: int, end: int, quantity: Quantity, dates: list[DateSpan],
               article_date: str | None, others: Sequence[tuple[int, int]] = ()) -> Frame:
    """The frame of the quantity at ``sentence[start:end]`` (offsets relative to the sentence);
    ``others`` are the spans of the sentence's other quantities, which bound its clause."""
    whole = clause_span(sentence, start, end)
    cs, ce = _bounded(sentence, *whole, start, end, others)
    clause = sentence[cs:ce]
    roles = _found(_ROLE, clause)
    found = places_in(sentence, cs, ce)
    places_at = [(s - cs, e - cs) for s, e, _ in found]
    places = tuple(dict.fromkeys(p for _, _, p in found))
    if not places and not any(ch.isdigit() for ch in sentence[:cs]):
        # A figure-free opening phrase frames the whole sentence ("Di Jawa Barat, tingkat ...").
        places = tuple(dict.fromkeys(p for _, _, p in places_in(sentence, 0, cs)))
    periods = [(d.start - cs, d.end - cs) for d in dates if d.kind == "period" and cs <= d.start < ce]
    basis, bases_at = claim_basis(sentence, cs, start, end, others)
    paired = respective(sentence, start, [start] + [s for s, _ in others])
    places = (paired,) if paired else apposition(sentence, cs, places)
    other = [(m.start(), m.end()) for m in _ROLE.finditer(clause)] + periods + [(s - cs, e - cs) for s, e in bases_at]
    taken = other + places_at
    names = _names(clause, other + [(start - cs, end - cs)], cs == 0, places_at)
    return Frame(
        measure=_measure(sentence, cs, ce, start, end, taken, opening=not any(e <= cs for _, e in others)),
        entities=tuple(dict.fromkeys(roles + names + _ballot(clause) + _age_bands(sentence[whole[0]:whole[1]]))),
        places=places,
        time=claim_time(sentence, cs, ce, start, dates, article_date),
        basis=basis,
        per=claim_per(sentence, end),
        kind=_kind(sentence, cs, start, end),
        unit_class=unit_class(quantity.unit),
        counted=counted_class(quantity.noun),
    )


def unit_class(unit: str) -> str:
    return UNIT_CLASSES.get(unit) or ("money" if unit.isupper() and len(unit) == 3 else unit)


def counted_class(noun: str | None) -> str | None:
    """The class of a counted noun ("peserta" -> "people"); reduplicated nouns count as their
    base ("anak-anak" -> "anak"); unknown nouns are their own class."""
    if noun is None:
        return None
    noun = noun.lower()
    base, _, rest = noun.partition("-")
    if rest == base:
        noun = base
    if noun in ANY_COUNTED:
        return None
    return COUNTED_CLASSES.get(noun, noun)


def _found(rx: re.Pattern[str], text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(" ".join(w.capitalize() for w in m.group().split()) for m in rx.finditer(text)))


@lru_cache(maxsize=1 << 14)
def sentence_names(sentence: str) -> tuple[str, ...]:
    """The names (capitalised words, months, units and generic heads left out) of a whole
    sentence: what a statement is about beyond its clause ("Siti Fadilah dituntut ... denda Rp
    500 juta")."""
    return _names(sentence, [], True)


def _names(clause: str, taken: list[tuple[int, int]], at_sentence_start: bool,
           places: Sequence[tuple[int, int]] = ()) -> tuple[str, ...]:
    """Capitalised runs of the clause that are no role, time or place: a run that holds a place
    is a name only when it has words of its own ("Garuda Indonesia", "MRT Jakarta"; not "Kota
    Bandung" or "Di Jawa Barat")."""
    out = []
    for m in _NAME.finditer(clause):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        inside = [(s, e) for s, e in places if s < m.end() and m.start() < e]
        own = [w for w in _WORD.findall(_blank(clause, m.start(), m.end(), inside))
               if w.lower() not in _SKIP_NAMES and w.lower() not in _PLACE_TITLES]
        if inside and not own:
            continue
        words = [w.strip(".-") for w in m.group().split() if w.lower().strip(".-") not in _SKIP_NAMES]
        if m.start() == 0 and at_sentence_start and words and m.group().split()[0] == words[0] \
                and not words[0].isupper() and (len(words) == 1 or common_word(words[0])):
            words = words[1:]  # a capitalised first word of the sentence is just a word ("Pendapatan Garuda")
        if words and not (len(words) == 1 and words[0].lower() in ("dan", "&")):
            out.append(" ".join(words))
    return tuple(out)


def _ballot(clause: str) -> tuple[str, ...]:
    """A candidate's ballot number as a name ("pasangan calon nomor urut 1", "paslon 01"): the
    figures of candidates 1 and 3 are two quantities."""
    return tuple(f"Nomor Urut {int(m.group(1)):02d}" for m in _BALLOT.finditer(clause))


def _age_bands(clause: str) -> tuple[str, ...]:
    """An age band as a name of every figure of its clause, its own included ("berusia 17 hingga
    30 tahun": "Usia 17-30"; "di atas 60 tahun": "Usia >60"): the voters under 30 and those over
    60 are two groups, and "17 hingga 30 tahun" is no rival of "di atas 60 tahun"."""
    out = []
    for m in AGE_BAND.finditer(clause):
        bound = " ".join(f"{m.group('bound') or ''} {m.group('open') or ''}".lower().split())
        if m.group("high"):
            out.append(f"Usia {m.group('low')}-{m.group('high')}")
        elif bound in _ABOVE or bound in _BELOW:
            out.append(f"Usia {'>' if bound in _ABOVE else '<'}{m.group('low')}")
    return tuple(out)


def _blank(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text[start:end]`` with ``spans`` blanked out."""
    chars = list(text[start:end])
    for s, e in spans:
        chars[max(s, start) - start:min(e, end) - start] = " " * (min(e, end) - max(s, start))
    return "".join(chars)


def _measure(sentence: str, cs: int, ce: int, start: int, end: int, taken: list[tuple[int, int]],
             opening: bool = False) -> str | None:
    left = [m for m in _WORD.finditer(sentence, cs, start) if not _inside(taken, m.start() - cs, m.end() - cs)]
    right = [m for m in _WORD.finditer(sentence, end, ce) if not _inside(taken, m.start() - cs, m.end() - cs)]
    near = left[-_MEASURE_LEFT:] + right[:_MEASURE_RIGHT]
    # An alternative farther out still splits the measure ("Kurs jual dolar AS di Bank ... Rp16.450"),
    # also one in a figure-free opening phrase ("Pada hari ke-3 pencarian, tim SAR menemukan 4 korban").
    lead = list(_WORD.finditer(sentence, 0, cs)) if opening else []
    far = [m for m in lead + left[:-_MEASURE_LEFT] + right[_MEASURE_RIGHT:] if is_alternative(m.group().lower())]
    kept = [w for w in (m.group().lower() for m in sorted(near + far, key=lambda m: m.start())) if _content(w)]
    return " ".join(dict.fromkeys(kept)) or None


def _content(word: str) -> bool:
    return is_alternative(word) or (len(word) >= 3 and word not in GENERIC and word not in NOT_NOUNS
                                    and word not in NUMBER_WORDS and word not in _UNIT_WORDS and word not in _MONTH_WORDS)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _kind(sentence: str, cs: int, start: int, end: int) -> str:
    after = sentence[end:end + 20].lower().lstrip()
    if after.startswith(SHARE_AFTER):
        return "share"
    clause = [w.lower() for w in _WORD.findall(sentence[cs:start])]
    before = clause[-_KIND_WINDOW:]
    near = [w for w in before if w not in NEUTRAL_WORDS][-2:]  # "penurunan sebesar 6,17": a change
    if before[-1:] == ["dari"] and any(w in CHANGE_WORDS for w in before[-3:-1]) \
            or any(w in PREVIOUS_WORDS for w in before) or after.startswith(_PREVIOUS_AFTER):
        return "previous"  # "naik dari Rp5.000 menjadi Rp7.000": Rp5.000 was the price
    if any(w in TARGET_WORDS for w in before):
        return "target"  # a planned or projected change is a target: "menargetkan ekonomi tumbuh 5,2 persen"
    for word in reversed(near):
        if word in LEVEL_WORDS:
            break
        if word in CHANGE_WORDS:
            return "change"
    # A change noun heading the clause, with no level word after it: "Pertumbuhan ekonomi
    # triwulan II/2024 tercatat 5,15 persen" is the rate "tumbuh 5,15 persen" states.
    heads = [i for i, w in enumerate(before) if w in _CHANGE_NOUNS]
    if heads and not any(w in LEVEL_WORDS or w in _LEVEL_HEADS for w in before[heads[-1]:]):
        return "change"
    if any(w in REALISED_WORDS for w in before):
        return "realised"
    # A plan noun anywhere before the number: "Kuota BBM subsidi jenis Pertalite tahun 2024
    # ditetapkan 31,7 juta kiloliter" is the quota.
    return "target" if any(w in PLAN_WORDS for w in clause) else "level"
