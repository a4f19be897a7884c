"""Stretches of a sentence whose digits are labels, not quantities: dates and clock times,
"tahun 2024", law and article numbers ("UU No. 13 Tahun 2003", "Pasal 5 ayat (2)", "Nomor 12",
"Perpres 12/2020"), ordinals ("ke-3"), phone numbers, addresses and ranks ("RT 05", "peringkat 3"),
abbreviated years ("UUD '45"), hashtags, titles ("bertajuk 171717"),
and markup left in scraped text (URLs, file names, HTML tags and attributes such as
``src="…/rooney_475beff.jpg" style="height: 234 px"``).
Names glued to digits (P3DN, G20, COVID-19, 7P) and bare years are handled token by token in
numbers.py, where the following unit is known.
"""
from __future__ import annotations

import re

from summarize.claims.parse.dates import DateSpan

_LABEL_WORDS = (
    "pasal|ayat|nomor|nomer|no|urut|paslon|bab|butir|huruf|bagian|peringkat|urutan|lantai|jilid|seri|edisi|"
    "vol|volume|episode|km|rt|rw|kav|kavling|blok|gelombang|tahap|kloter|sesi|putaran|babak|"
    "gate|pintu|zona|sektor|kode|pos|kamar|ruang|versi|posisi|stadium|level|nopol|menit|rute|"
    "koridor|generasi|tipe|kelas|tanggal|punggung|juara|darurat|pekan|week|part|pukul|tikungan|artikel|kuartal|triwulan|"
    "bertajuk|berjudul|bertema"  # titles: "doa bersama bertajuk 171717"
)
_LAWS = (
    "uu|uud|undang-undang|pp|perpres|perppu|perpu|permen\\w*|perda|pergub|perwal|perbup|keppres|"
    "kepmen\\w*|inpres|se|perma|perban\\w*|pojk|pbi"
)
# Single words after which a spelled-out number is a label too ("peringkat tujuh", "nomor satu").
LABEL_WORDS = frozenset(w for w in _LABEL_WORDS.split("|") if w.isalpha())
# A label's number is a whole number, not grouped in thousands, never followed by a percent
# sign or word, a minute or second, nor by a decimal part: "bagian 7,5 persen itu" is a share,
# not "Bagian 7"; "level 6.065,30 poin" and "di level 5.381" index levels; "putaran 1 menit
# 29,332 detik" a lap time.
_LABEL = re.compile(
    rf"(?i:\b(?:{_LABEL_WORDS}|{_LAWS})\b\.?\s*(?:(?:no|nomor)\b\.?\s*)?)(?!\d{{1,3}}(?:\.\d{{3}})+(?![\d/.-]))"
    r"\(?\d+[a-zA-Z]?(?:\)|(?:[/.-]\d+)*)(?![.,]?\d|\s*(?i:persen|prosen|%|menit|detik))"
)
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s$")
# An ordinal range's second end is an ordinal too ("menit ke - 50 hingga 70").
_ORDINAL = re.compile(r"(?i:\bke\s?-\s?|\byang\s+ke\s+)\d+(?:\s*(?i:-|–|hingga|sampai)\s*\d+\b)?")
_PHONE = re.compile(
    r"(?:\+62|\(0\d{2,3}\)|(?<![\d.,])0\d{2,4})[\s-]?\d{3,4}(?:[\s-]?\d{3,5})?"
    r"|(?i:\b(?:telepon|telp|tel|hp|wa|whatsapp|hotline|call center|sms)\b\.?\s*:?\s*)\+?[\d\s().-]{5,}\d"
    r"|(?i:\b(?:menghubungi|hubungi|menelepon|telepon|call)\s+)\d{3,}\b"  # "menghubungi 911"
)
# Years abbreviated after a name ("UUD '45", "PARFI '56") and hashtags ("#8moredays").
_TAGS = re.compile(r"\b[A-Z][\w.]*\s['’]\d{2}(?![\d,.]\d)|(?<![\w#])#\w+")
# Licence plates: "BE 2844 CH", "B 1234 XYZ", "nomor polisi 1325 EZ".
_PLATE = re.compile(r"\b(?!RP|RM)[A-Z]{1,2}\s?\d{3,4}\s?[A-Z]{1,3}\b|(?i:\bpolisi\s+)\d{1,4}\s?[A-Z]{1,3}\b")

# Markup that survives scraping (IndoSum keeps raw <img> tags, often cut by the sentence
# splitter, so a tag's opening "<" may be in the previous sentence).
_MARKUP = re.compile(
    r"<[a-zA-Z/][^<>]*>?|(?i:\b(?:https?://|www\.))\S+|\S+\.(?i:jpe?g|png|gif|webp|svg|pdf|html?|php)\b"
    r'|(?i:\b(?:src|href|style|alt|width|height|class|id)\s*=\s*)"[^"]*"?'
)


def label_spans(sentence: str, dates: list[DateSpan]) -> list[tuple[int, int]]:
    """(start, end) of every stretch whose digits must never be read as quantities: dates,
    clock times, "tahun YYYY" (bare years are left to the caller), the labels and the markup above."""
    spans = [(d.start, d.end) for d in dates if d.kind != "year" or not sentence[d.start].isdigit()]
    for m in _LABEL.finditer(sentence):
        # A label word right after a quantity's number is its unit: "Selama 3 menit 5 orang" has
        # no "menit 5"; after a label's own number it is a label ("Pasal 114 ayat 1").
        number = _NUMBER_BEFORE.search(sentence, 0, m.start())
        if number is None or inside(spans, number.start(), number.end()):
            spans.append(m.span())
    for rx in (_ORDINAL, _PHONE, _PLATE, _MARKUP, _TAGS):
        spans += [(m.start(), m.end()) for m in rx.finditer(sentence)]
    return sorted(spans)


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if [start, end) overlaps any of ``spans``."""
    return any(s < end and start < e for s, e in spans)
