"""Dates, clock times and years in Indonesian news sentences.

Two uses: their digits are never claims ("1 Mei 2024", "Minggu (10/9)", "pukul 10.00",
"10.30 WIB", "tahun 2024"), and the date a sentence mentions is the time its claims refer to.
Hand-written regexes: dateparser/Duckling parse a date string you already isolated but do not
find Indonesian dates inside running text with offsets, and the forms used by the press are few.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_MONTHS: dict[str, int] = {
    "Januari": 1, "Jan": 1, "Februari": 2, "Pebruari": 2, "Feb": 2, "Maret": 3, "Mar": 3,
    "April": 4, "Apr": 4, "Mei": 5, "Juni": 6, "Jun": 6, "Juli": 7, "Jul": 7, "Agustus": 8,
    "Agu": 8, "Agt": 8, "Ags": 8, "Aug": 8, "September": 9, "Sept": 9, "Sep": 9, "Oktober": 10,
    "Okt": 10, "Oct": 10, "November": 11, "Nov": 11, "Desember": 12, "Des": 12, "Dec": 12,
}
_ABBREVIATIONS = frozenset("Jan Feb Mar Apr Jun Jul Agu Agt Ags Aug Sept Sep Okt Oct Nov Des Dec".split())
_MONTH_NUMBER = {m.lower(): n for m, n in _MONTHS.items()}
# Full month names in any case ("14 juni"); abbreviations only as written ("Des", not "des").
_MONTH = "(?P<month>" + "|".join(
    m if m in _ABBREVIATIONS else f"(?i:{m})" for m in sorted(_MONTHS, key=len, reverse=True)
) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_TO = r"\s*(?:-|–|hingga|sampai|s\.d\.?|s/d|dan)\s*"

_DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:{_TO}\d{{1,2}})?\s+{_MONTH}(?:\s+{_YEAR})?\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")
# A month named alone, capitalised and spelled out ("dibandingkan Januari"): it takes the year of
# another date in its sentence. "Mei" is left out: it is a common given name too.
_BARE_MONTH = re.compile(
    r"\b(?P<month>" + "|".join(m for m in _MONTHS if len(m) > 3 and m != "Mei") + r")\b(?!\s+\d)"
)
_SLASH = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})\s?/\s?(?P<mon>\d{1,2})(?:\s?/\s?(?P<year>\d{4}|\d{2}))?(?![\d/]|\s/)"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_CLOCK = r"\d{1,2}(?:[.:]\d{2})?"
_UNTIL = r"\s*(?:-|–|hingga|sampai)\s*"
_HHMM = r"\d{1,2}[.:]\d{2}"
_TIME = re.compile(
    rf"(?i:\b(?:pukul|pkl\.?|jam)\s+){_CLOCK}(?:{_UNTIL}{_CLOCK})?(?:\s*(?:WIB|WITA|WIT)\b)?"
    rf"|\b{_HHMM}(?:{_UNTIL}{_HHMM})?\s*(?:WIB|WITA|WIT|pagi|siang|sore|malam)\b"
)
_YEAR_WORD = re.compile(rf"(?i:\b(?:tahun|th\.?|thn\.?|TA)\s+){_YEAR}\b")
_BARE_YEAR = re.compile(r"(?<![\d.,/])(?P<year>19\d\d|20\d\d)(?![\d/]|[.,]\d)")
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][\w-]*|\b\w*\d\w*)\s*$")
# A quarter or half-year: "kuartal II-2024", "triwulan III/2023", "kuartal ketiga tahun lalu",
# "semester 2 tahun ini". Roman numerals only in capitals ("semester ini" is no period); "Q1"/"Q2"
# are left out: in sports news they are qualifying sessions.
_ORDINALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "pertama": 1, "kesatu": 1, "satu": 1, "kedua": 2, "dua": 2,
             "ketiga": 3, "tiga": 3, "keempat": 4, "empat": 4}
_PERIOD = re.compile(
    r"(?i:\b(?P<unit>kuartal|triwulan|semester)\s+(?:ke-?\s*)?)"
    r"(?P<n>(?:IV|I{1,3})(?![\w])|[1-4]\b|(?i:pertama|kesatu|satu|kedua|dua|ketiga|tiga|keempat|empat)\b)"
    r"(?:\s*[-/]\s*" + _YEAR + r"\b|\s+(?i:tahun\s+)?(?P<when>" + _YEAR.replace("year", "year2")
    + r"\b|(?i:ini|lalu|sebelumnya)\b))?"
)

# A run of months, "Januari–Juni 2024", "Januari hingga Mei 2024": a cumulative figure, never the
# last month's ("dan" is left out: "Januari dan Juni" are two months).
_MONTH_RANGE = re.compile(
    rf"\b{_MONTH.replace('month', 'first')}\s*(?:-|–|—|hingga|sampai(?:\s+dengan)?|s\.d\.?|s/d)\s*{_MONTH}\s+{_YEAR}\b"
)
# "hingga Mei 2024", "sampai dengan akhir Mei 2024": the run from January (a month before it is
# ``_MONTH_RANGE``'s); for a stock this is "as of", a time apart from "pada Mei 2024" all the same.
_UNTIL_MONTH = re.compile(
    rf"(?i:\b(?:hingga|sampai(?:\s+dengan)?|s\.d\.?|s/d)\s+(?:(?:akhir|ujung)\s+)?){_MONTH}\s+{_YEAR}\b"
)
_SPANS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}
# A whole year said as such, "sepanjang 2024", "selama tahun 2023": the year's total ("2024-Y"),
# never one of its months, though a bare "2024" may be either.
_WHOLE_YEAR = re.compile(rf"(?i:\b(?:sepanjang|selama)\s+(?:tahun\s+)?){_YEAR}\b")

Kind = Literal["date", "time", "year", "period"]


@dataclass(frozen=True)
class DateSpan:
    """A date, time or year in a sentence. ``iso`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" when
    it names a calendar date (None for clock times and for dates without a known year);
    ``named`` marks a bare year that follows a name ("RPJMD 2025", "Jakpreneur 2024")."""

    start: int
    end: int
    kind: Kind
    iso: str | None
    named: bool = False


def _iso(year: str | None, month: int, day: int | None, year_hint: str | None) -> str | None:
    if year is not None and len(year) == 2:
        year = "20" + year
    year = year or year_hint
    if year is None or not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
        return None
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day is not None else "")


def find_dates(sentence: str, year_hint: str | None = None) -> list[DateSpan]:
    """Every date, clock time and year in ``sentence``, sorted by position, without overlaps
    (the longer reading wins). ``year_hint`` completes day-month dates written without a year
    ("Minggu (10/9)"); a later date in the same sentence gives the year first ("25 September
    hingga 3 Oktober 2023")."""
    found: list[DateSpan] = []
    later_years = [m.group("year") for m in _DAY_MONTH.finditer(sentence) if m.group("year")]
    for m in _DAY_MONTH.finditer(sentence):
        hint = m.group("year") or next(iter(later_years), None) or year_hint
        found.append(DateSpan(m.start(), m.end(), "date",
                              _iso(hint, _MONTH_NUMBER[m.group("month").lower()], int(m.group("day")), None)))
    for m in _MONTH_YEAR.finditer(sentence):
        month = _MONTH_NUMBER[m.group("month").lower()]
        found.append(DateSpan(m.start(), m.end(), "date", _iso(m.group("year"), month, None, None)))
    for m in _SLASH.finditer(sentence):
        iso = _iso(m.group("year"), int(m.group("mon")), int(m.group("day")), year_hint)
        if 1 <= int(m.group("mon")) <= 12 and 1 <= int(m.group("day")) <= 31:
            found.append(DateSpan(m.start(), m.end(), "date", iso))
    for m in _ISO.finditer(sentence):
        iso = _iso(m.group("year"), int(m.group("mon")), int(m.group("day")), None)
        found.append(DateSpan(m.start(), m.end(), "date", iso))
    years = [d.iso[:4] for d in found if d.iso] + [m.group("year") for m in _YEAR_WORD.finditer(sentence)]
    for m in _BARE_MONTH.finditer(sentence):
        month = _MONTH_NUMBER[m.group("month").lower()]
        found.append(DateSpan(m.start(), m.end(), "date", _iso(next(iter(years), year_hint), month, None, None)))
    found += [DateSpan(m.start(), m.end(), "time", None) for m in _TIME.finditer(sentence)]
    found += [DateSpan(m.start(), m.end(), "year", m.group("year")) for m in _YEAR_WORD.finditer(sentence)]
    for m in _BARE_YEAR.finditer(sentence):
        name = _NAME_BEFORE.search(sentence, 0, m.start())
        named = name is not None and sentence[:name.start()].strip(" \"“'(") != ""
        found.append(DateSpan(m.start(), m.end(), "year", m.group("year"), named))
    found += _periods(sentence, next(iter(years), None) or year_hint) + _month_ranges(sentence)
    found += [DateSpan(m.start(), m.end(), "period", f"{m.group('year')}-Y") for m in _WHOLE_YEAR.finditer(sentence)]
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateSpan] = []
    for d in found:
        if not out or d.start >= out[-1].end:
            out.append(d)
    return out


def _periods(sentence: str, year_hint: str | None) -> list[DateSpan]:
    """Quarters ("2024-Q2") and half-years ("2024-H1"). Without a year of their own they take
    "tahun lalu" (the year before ``year_hint``), else the year of another period in the
    sentence, else ``year_hint``: another year of the sentence, or the article's."""
    out, matches = [], list(_PERIOD.finditer(sentence))
    year_hint = next((m.group("year") or m.group("year2") for m in matches if m.group("year") or m.group("year2")),
                     year_hint)
    for m in matches:
        n, half = _ORDINALS.get(m.group("n").lower()) or int(m.group("n")), m.group("unit").lower() == "semester"
        when = (m.group("when") or "").lower()
        year = m.group("year") or m.group("year2")
        if year is None and year_hint is not None:
            year = str(int(year_hint) - 1) if when in ("lalu", "sebelumnya") and "tahun" in m.group().lower() \
                else year_hint
        iso = f"{year}-{'H' if half else 'Q'}{n}" if year and (n <= 2 or not half) else None
        out.append(DateSpan(m.start(), m.end(), "period", iso))
    return out


def _month_ranges(sentence: str) -> list[DateSpan]:
    """Runs of months of one year as periods, "Januari–Mei 2024" and "hingga Mei 2024" alike:
    "2024-Q2" for April to June, "2024-H1", "2024-Y" for the whole year, else "2024-01/2024-05"."""
    out = []
    ranges = [(m, _MONTH_NUMBER[m.group("first").lower()]) for m in _MONTH_RANGE.finditer(sentence)]
    taken = [(m.start(), m.end()) for m, _ in ranges]
    ranges += [(m, 1) for m in _UNTIL_MONTH.finditer(sentence) if not any(s <= m.start() < e for s, e in taken)]
    for m, a in ranges:
        b, year = _MONTH_NUMBER[m.group("month").lower()], m.group("year")
        if a > b or (a == b and m.re is _MONTH_RANGE):
            continue
        iso = (f"{year}-{b:02d}" if a == b  # "hingga Januari 2024" is January's
               else f"{year}-Y" if (a, b) == (1, 12) else f"{year}-{_SPANS[(a, b)]}" if (a, b) in _SPANS
               else f"{year}-{a:02d}/{year}-{b:02d}")
        out.append(DateSpan(m.start(), m.end(), "period", iso))
    return out


def sentence_time(spans: list[DateSpan]) -> str | None:
    """The time a sentence's claims refer to: its first quarter or half-year (a figure reported
    "on 5 August" is usually the quarter's), else its first full or month date, else its first
    year that is not part of a name, else None."""
    for kind in ("period", "date", "year"):
        for d in spans:
            if d.kind == kind and d.iso and not d.named:
                return d.iso
    return None


_ISO_PREFIX = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def validate_date(date: str | None, argument: str = "date") -> str | None:
    """``date`` if it is an ISO date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") or None, else a
    ``ValueError`` naming the argument: a garbage date would silently become every claim's time."""
    if date is None:
        return None
    if isinstance(date, str) and _ISO_PREFIX.match(date):
        import datetime

        year, month, day = (date.split("-") + ["01", "01"])[:3]
        try:
            datetime.date(int(year), int(month), int(day))
            return date
        except ValueError:
            pass
    raise ValueError(f"{argument}={date!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
