"""Rewriting one quantity's surface: the same value in another written form, or a changed value.

Used by ``eval/build_contrast_cases.py``. Written by hand because the edits must keep the rest of
the surface byte-for-byte (``babel.numbers`` formats and parses locale numbers but knows neither
Indonesian scale words nor word numerals, and it cannot say which part of "Rp 1,5 triliun" to
touch). Every function returns ``None`` when it has no safe rewrite, and the builder then picks
another variant.
"""
from __future__ import annotations

import random
import re
from decimal import Decimal

WORDS = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh")
SCALES = {"ribu": 3, "juta": 6, "miliar": 9, "triliun": 12}
#: Counted nouns of one class (people): any of them restates any other (issue 12's unit classes).
PEOPLE = ("orang", "jiwa", "warga", "penduduk", "peserta", "korban", "penumpang", "pengunjung")
#: Person nouns that may safely become "orang" (a "korban" is not always a person counted as one).
TO_ORANG = {"jiwa": "orang", "warga": "orang", "penduduk": "orang", "peserta": "orang",
            "penumpang": "orang", "pengunjung": "orang", "orang": "jiwa"}

NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|" + "|".join(WORDS[1:]) + r")"
    r"(?:\s?(?P<scale>ribu|juta|miliar|triliun)\b)?", re.IGNORECASE)


def _read(num: str) -> tuple[Decimal, int]:
    """Value and number of decimals of an Indonesian numeral (dots group, comma is decimal)."""
    low = num.lower()
    if low in WORDS:
        return Decimal(WORDS.index(low)), 0
    whole, _, frac = num.replace(".", "").partition(",")
    return Decimal(f"{whole}.{frac}" if frac else whole), len(frac)


def _write(value: Decimal, decimals: int, group: bool = True) -> str:
    """Indonesian numeral: dot thousands groups (when ``group``), comma decimals."""
    text = f"{value:,.{decimals}f}" if group else f"{value:.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def number_span(surface: str) -> re.Match[str] | None:
    """The numeral (with its scale word) inside a claim's surface."""
    return NUMBER.search(surface)


def restate(surface: str, unit: str, noun: str | None, rng: random.Random) -> tuple[str, str] | None:
    """The same quantity written another way, and a short description of the change."""
    m = number_span(surface)
    if m is None:
        return None
    num, scale = m.group("num"), m.group("scale")
    value, decimals = _read(num)
    options: list[tuple[str, str]] = []
    head, tail = surface[:m.start()], surface[m.end():]
    if num.lower() in WORDS:
        options.append((head + str(value) + tail, "word numeral to digits"))
    elif decimals == 0 and 1 < value <= 10 and not scale:
        options.append((head + WORDS[int(value)] + tail, "digits to word numeral"))
    if scale:
        shift = SCALES[scale]
        full = value * (Decimal(10) ** shift)
        options.append((head + _write(full, 0) + tail, f"'{scale}' written out in digits"))
        smaller = {"triliun": "miliar", "miliar": "juta"}.get(scale)
        if smaller and (value * 1000) == (value * 1000).to_integral_value():
            options.append((head + _write(value * 1000, 0) + " " + smaller + tail,
                            f"'{scale}' restated in '{smaller}'"))
    elif value >= 10000 and decimals == 0 and value % 100 == 0 and not tail.strip().startswith("%"):
        thousands = value / 1000
        places = 0 if thousands == thousands.to_integral_value() else 1
        options.append((head + _write(thousands, places) + " ribu" + tail, "digits to 'ribu'"))
    if unit == "percent" and num.lower() not in WORDS:
        if re.search(r"\s?%", tail):
            options.append((head + num + re.sub(r"\s?%", " persen", tail, count=1), "'%' to 'persen'"))
        elif tail.lstrip().lower().startswith("persen"):
            options.append((head + num + re.sub(r"\s*persen", "%", tail, count=1, flags=re.I), "'persen' to '%'"))
        if decimals in (1, 2):
            options.append((head + num.replace(",", ".") + tail, "decimal comma written as a dot"))
    if unit == "count" and noun and noun.lower() in TO_ORANG and tail.strip().lower().startswith(noun.lower()):
        new = TO_ORANG[noun.lower()]
        options.append((surface[:m.end()] + tail.replace(noun, new, 1), f"counted noun '{noun}' to '{new}'"))
    return rng.choice(options) if options else None


def change(surface: str, unit: str, avoid: set[Decimal], rng: random.Random) -> tuple[str, str] | None:
    """The surface with a value that no reading of the original's precision can reconcile
    (at least 40 % away), in the same written form, avoiding the values in ``avoid``."""
    m = number_span(surface)
    if m is None:
        return None
    num = m.group("num")
    value, decimals = _read(num)
    head, tail = surface[:m.start()], surface[m.start() + len(num):]
    if num.lower() in WORDS:
        choices = [w for i, w in enumerate(WORDS[1:], 1) if abs(i - value) / max(value, 1) >= Decimal("0.4")
                   and Decimal(i) not in avoid]
        if not choices:
            return None
        word = rng.choice(choices)
        word = word.capitalize() if num[0].isupper() else word
        return head + word + tail, f"value changed: {num} to {word}"
    factors = [Decimal("0.5"), Decimal("0.6")] if unit == "percent" and value > 60 else \
        [Decimal("0.5"), Decimal("0.6"), Decimal("1.5"), Decimal("1.7")]
    rng.shuffle(factors)
    for f in factors:
        new = (value * f).quantize(Decimal(1).scaleb(-decimals))
        if new > 0 and new not in avoid and new != value:
            text = _write(new, decimals, group="." in num)
            return head + text + tail, f"value changed: {num} to {text}"
    return None
