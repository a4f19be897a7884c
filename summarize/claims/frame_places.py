"""Where a figure is: the places of its clause, and whether two clauses name the same place.

Places come from the closed lists of ``frame_words`` (provinces, cities and regencies, countries)
and from any name an administrative title introduces ("Kabupaten Kudus", "Kota Pariaman"), so a
regency missing from the lists is still a place. A title is kept with the name, because Kota
Bogor and Kabupaten Bogor are two places with two sets of figures; a bare "Bogor" is the city, as
newsrooms write it, except for a name that is only a regency ("Cianjur"), where bare and
"Kabupaten" are one place. A compass word after a listed name makes another place: "Jakarta
Selatan" is not DKI Jakarta, "Bandung Barat" not Bandung.

GeoNames-style gazetteers on PyPI either need a download or list places without the Kota /
Kabupaten split Indonesian statistics use, hence the lists and rules here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from summarize.claims.frame_words import CITIES, DUAL_CITIES, INDONESIAN_PLACES, PLACE_ALIASES, PLACE_NAMES

_LISTED = r"(?:" + "|".join(re.escape(p) for p in PLACE_NAMES) + r")"
_COMPASS = r"(?:Barat Daya|Barat Laut|Barat|Timur|Utara|Selatan|Tengah)"
_PLACE = re.compile(rf"\b{_LISTED}(?:\s+{_COMPASS}\b)?\b")
#: Words that say which kind of local government a name is: "Pemkab Bogor" is the regency's.
_TITLES = {"kota": "Kota", "pemkot": "Kota", "kabupaten": "Kabupaten", "kab.": "Kabupaten", "kab": "Kabupaten",
           "pemkab": "Kabupaten", "bupati": "Kabupaten"}
_TITLE_BEFORE = re.compile(r"\b(Kota|Pemkot|Kabupaten|Kab\.?|Pemkab|Bupati)\s+$")
_TITLED = re.compile(r"\b(Kota|Kabupaten|Kab\.)\s+([A-Z][a-z][\w'-]*(?:\s+[A-Z][a-z][\w'-]*){0,2})")
_SPOKEN_AT = re.compile(r",\s*(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b|\s*\((?:ANTARA|Antara)\)")
_DAYS = frozenset("Senin Selasa Rabu Kamis Jumat Sabtu Minggu".split())
_TOKEN = re.compile(r"\S+")
_RESPECTIVELY = re.compile(r"\b(?:masing-masing|berturut-turut)\b", re.IGNORECASE)


def canonical(name: str) -> str:
    """One spelling per place ("Jabar" -> "Jawa Barat")."""
    return PLACE_ALIASES.get(name.lower(), name)


def places_in(sentence: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, place) of the places between ``lo`` and ``hi``, less two that are not the
    figure's: a listed name that runs on into another capitalised word is part of a name
    ("Jakarta Entrepreneur"), and the place where somebody spoke ("kata Menteri di Jakarta,
    Senin, ...") is the reporter's, not the figure's. A title right before a name joins it."""
    found: list[tuple[int, int, str]] = []
    for m in _PLACE.finditer(sentence, lo, hi):
        if re.match(r"\s+[A-Z]", sentence[m.end():]) or _SPOKEN_AT.match(sentence, m.end()):
            continue
        name = canonical(m.group())
        title = _TITLE_BEFORE.search(sentence, max(0, m.start() - 12), m.start())
        if title is None or title.start() < lo or name not in CITIES:
            title = None  # "Balai Kota DKI Jakarta" is the province's city hall
        found.append((title.start() if title else m.start(), m.end(),
                      _named(_TITLES[title.group(1).lower()] if title else None, name)))
    for m in _TITLED.finditer(sentence, lo, hi):
        if not any(s <= m.start(2) < e for s, e, _ in found) and not _PLACE.match(sentence, m.start(2)):
            found += _unlisted(sentence, m)
    return sorted(found)


def _unlisted(sentence: str, m: re.Match[str]) -> list[tuple[int, int, str]]:
    """The name a title introduces, up to a listed place or a weekday ("Kabupaten Kudus Jawa
    Tengah" is Kudus, in Jawa Tengah)."""
    own: list[re.Match[str]] = []
    for w in _TOKEN.finditer(sentence, m.start(2), m.end(2)):
        if _PLACE.match(sentence, w.start()) or w.group() in _DAYS:
            break
        own.append(w)
    name = _named(_TITLES[m.group(1).lower()], " ".join(w.group() for w in own))
    return [(m.start(), own[-1].end(), name)] if own else []


def _named(title: str | None, core: str) -> str:
    return f"{title} {core}" if title else core


def split_title(place: str) -> tuple[str | None, str]:
    """("Kabupaten", "Bogor") for "Kabupaten Bogor"; (None, "Bogor") for "Bogor"."""
    title, _, core = place.partition(" ")
    return (title, core) if title in ("Kota", "Kabupaten") and core else (None, place)


@lru_cache(maxsize=1 << 12)
def _compass_base(core: str) -> str | None:
    m = re.fullmatch(rf"(.+?)\s+{_COMPASS}", core)
    return canonical(m.group(1)) if m and (m.group(1) in CITIES or canonical(m.group(1)) in INDONESIAN_PLACES) else None


def place_region(name: str) -> str:
    """The province of a listed city (titled or not, "Jakarta Selatan" included), else the place
    itself."""
    core = split_title(name)[1]
    if core in CITIES:
        return CITIES[core]
    base = _compass_base(core)
    if base is not None and base != core:
        return CITIES.get(base, base)
    return name


def indonesian(place: str) -> bool:
    title, core = split_title(place)
    return title is not None or core in INDONESIAN_PLACES or _compass_base(core) is not None


@lru_cache(maxsize=1 << 14)
def most_specific(places: tuple[str, ...]) -> frozenset[str]:
    """The places of a clause less those that hold another of them: "Kota Bandung, Jawa Barat"
    is Bandung's; a bare name beside its titled form is the titled one. Cached: the matcher
    compares one claim's places with many candidates'."""
    named = frozenset(places)
    holders = {place_region(p) for p in named if place_region(p) != p}
    if any(indonesian(p) for p in named):
        holders.add("Indonesia")
    titled = {split_title(p)[1] for p in named if split_title(p)[0]}
    return frozenset(p for p in named - holders if split_title(p)[0] or p not in titled)


def same_place(a: str, b: str) -> bool:
    """One place: the same name, and the same title, or a bare name that can only be the titled
    one (a bare "Bogor" is Kota Bogor; a bare "Cianjur" is Kabupaten Cianjur, there being no
    city of that name)."""
    (ta, ca), (tb, cb) = split_title(a), split_title(b)
    if ca != cb:
        return False
    if ta == tb:
        return True
    if ta and tb:
        return False
    return (ta or tb) == "Kota" or ca not in DUAL_CITIES


def same_places(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """Whether two clauses' figures are of one place (None when either names none)."""
    x, y = most_specific(a), most_specific(b)
    if not x or not y:
        return None
    return any(same_place(p, q) for p in x for q in y)


def sentence_places(sentence: str) -> tuple[str, ...]:
    """The most specific places a whole sentence names, in a stable order: the context of its
    figures whose own clause names none, and of the sentences after it."""
    return tuple(sorted(most_specific(tuple(dict.fromkeys(p for _, _, p in places_in(sentence, 0, len(sentence)))))))


def _holds(outer: str, inner: str) -> bool:
    return place_region(inner) == outer and inner != outer or (outer == "Indonesia" and indonesian(inner))


def peers(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two sets of places are apart: no place of one is, holds or lies in a place of the
    other (Jawa Barat and Jawa Tengah, Kota and Kabupaten Bogor; not Jawa Barat and Indonesia).
    A clause that names no place is only loosely where its article is, so this, not
    ``same_places``, is how far its context may rule a pair out."""
    x, y = most_specific(a), most_specific(b)
    return bool(x and y) and not any(same_place(p, q) or _holds(p, q) or _holds(q, p) for p in x for q in y)


def respective(sentence: str, start: int, figures: list[int]) -> str | None:
    """The place a figure is paired with in a "masing-masing" list: "Jawa Barat dan Jawa Tengah
    masing-masing 6,91 persen dan 4,39 persen" gives 4,39 to Jawa Tengah. ``figures`` are the
    starts of every quantity in the sentence; None unless places and figures pair one to one."""
    m = _RESPECTIVELY.search(sentence)
    if m is None or start < m.start():
        return None
    places = list(dict.fromkeys(p for _, _, p in places_in(sentence, 0, m.start())))
    after = sorted(f for f in figures if f >= m.start())
    return places[after.index(start)] if len(places) >= 2 and len(places) == len(after) else None


def apposition(sentence: str, cs: int, places: tuple[str, ...]) -> tuple[str, ...]:
    """"Kota Bandung, Jawa Barat, sebanyak ...": the comma cut the clause inside an address, so
    the place before it, which lies in the clause's first place, joins the clause's places."""
    first = _PLACE.match(sentence, cs + len(sentence[cs:]) - len(sentence[cs:].lstrip()))
    before = re.search(r"([^,;]*),\s*$", sentence[:cs])
    if not first or not before or re.match(r"\s+[A-Z]", sentence[first.end():]):
        return places
    offset = before.start(1)
    inner = [p for _, _, p in places_in(sentence, offset, offset + len(before.group(1)))]
    outer = canonical(first.group())
    held = [q for q in inner if place_region(q) == outer or (outer == "Indonesia" and indonesian(q))]
    return tuple(dict.fromkeys(held[-1:] + list(places)))
