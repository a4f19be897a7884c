"""Indonesian number words ("dua puluh tiga", "seratus", "satu juta lima ratus ribu",
"tiga koma lima", "setengah", "tiga perempat") read into exact Decimals.

Hand-written because no maintained library reads Indonesian number words: num2words only writes
them (we use it in the tests to render random values and parse them back), quantulum3 and
Microsoft Recognizers-Text have no Indonesian, and Duckling's Indonesian numeral rules stop at
"juta" (no miliar/triliun). The grammar is the regular one num2words writes, plus the "se-" forms
(sepuluh, seratus, seribu, sejuta, ...) and the fraction words news text uses.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

DIGITS: dict[str, int] = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
    "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
}
# Group scales: act on the whole group (< 1000) read so far ("seratus dua puluh ribu").
SCALES: dict[str, int] = {
    "ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9,
    "triliun": 10**12, "trilyun": 10**12,
}
# "se-" = "satu": "seribu" is "satu ribu" in one word.
_SE_SCALES = {"seribu": 10**3, "sejuta": 10**6, "semiliar": 10**9, "setriliun": 10**12}
_SE_GROUP = {"sepuluh": 10, "sebelas": 11}
FRACTIONS: dict[str, Decimal] = {
    "setengah": Decimal("0.5"), "seperempat": Decimal("0.25"), "sepertiga": Decimal("0.3333"),
}

# Words that can start a number (what a caller scans for).
NUMBER_WORDS = frozenset([*DIGITS, *_SE_SCALES, *_SE_GROUP, "seratus", *FRACTIONS])


@dataclass(frozen=True)
class WordNumber:
    """A number read from words: ``value`` before any trailing scale the caller may apply,
    ``half_ulp`` the half-width its wording implies, ``n_words`` how many words it used and
    ``scaled`` whether a group scale word (ribu, juta, ...) was part of it."""

    value: Decimal
    half_ulp: Decimal
    n_words: int
    scaled: bool


def _half_ulp_of_decimals(value: Decimal) -> Decimal:
    """Half a unit in the last decimal place written (a fraction word counts as the decimal it
    equals: setengah = 0,5 -> +/-0,05; tiga perempat = 0,75 -> +/-0,005)."""
    exp = value.normalize().as_tuple().exponent
    assert isinstance(exp, int)
    return Decimal(5).scaleb(min(exp, 0) - 1)


def _digit(words: list[str], j: int, lo: int = 1) -> int | None:
    if j < len(words) and words[j] in DIGITS and DIGITS[words[j]] >= lo:
        return DIGITS[words[j]]
    return None


def _next(words: list[str], j: int) -> str:
    return words[j + 1] if j + 1 < len(words) else ""


def _group(words: list[str], j: int) -> tuple[int, int] | None:
    """Read a group below 1000 ("dua ratus lima puluh tiga", "sebelas") at ``j``:
    (value, next index) or None."""
    start, value = j, 0
    d = _digit(words, j)
    if j < len(words) and words[j] == "seratus":
        value, j = 100, j + 1
    elif d is not None and _next(words, j) == "ratus":
        value, j = d * 100, j + 2
    d = _digit(words, j)
    teen = False
    if j < len(words) and words[j] in _SE_GROUP:
        value, j, teen = value + _SE_GROUP[words[j]], j + 1, True
    elif d is not None and _next(words, j) == "belas":
        value, j, teen = value + 10 + d, j + 2, True
    elif d is not None and _next(words, j) == "puluh":
        value, j = value + 10 * d, j + 2
    d = _digit(words, j)
    if d is not None and not teen and _next(words, j) not in ("ratus", "puluh", "belas"):
        value, j = value + d, j + 1
    return (value, j) if j > start else None


def _integer(words: list[str], i: int) -> tuple[int, int, int] | None:
    """Read an integer with descending group scales ("satu juta lima ratus ribu"):
    (value, scale of its last term, next index) or None."""
    total, j, prev_scale, last_scale = 0, i, None, 1
    while j < len(words):
        if words[j] in _SE_SCALES:
            group, scale, k = 1, _SE_SCALES[words[j]], j + 1
        else:
            read = _group(words, j)
            if read is None:
                break
            group, k = read
            scale = SCALES.get(words[k], 1) if k < len(words) else 1
            k += scale > 1
        if prev_scale is not None and scale >= prev_scale:
            break
        total, j, prev_scale, last_scale = total + group * scale, k, scale, scale
        if scale == 1:
            break
    return (total, last_scale, j) if j > i else None


def read_number_words(words: list[str], i: int) -> WordNumber | None:
    """Read the number spelled by ``words[i:]`` (lowercased tokens), or None if none starts at i.

    Precision: a word number is as exact as its last term. Below "ribu" it is a count (+/-0,5:
    "dua puluh tiga" = 23); a trailing scale makes the last group approximate to that scale
    ("dua juta" +/-500.000, "satu juta lima ratus ribu" +/-500), like "2 juta" in digits.
    Decimals ("tiga koma lima", num2words' form) and fractions count their decimal places.
    """
    n = len(words)
    if i < n and words[i] == "nol":
        if _next(words, i) == "koma":
            integer: tuple[int, int, int] | None = (0, 1, i + 1)
        else:
            return WordNumber(Decimal(0), Decimal("0.5"), 1, False)
    else:
        integer = _integer(words, i)
    if integer is None:
        if i < n and words[i] in FRACTIONS:
            fraction = FRACTIONS[words[i]]
            return WordNumber(fraction, _half_ulp_of_decimals(fraction), 1, False)
        return None
    value, last_scale, j = integer
    if last_scale == 1 and j < n and words[j] == "setengah":
        total = Decimal(value) + FRACTIONS["setengah"]
        return WordNumber(total, _half_ulp_of_decimals(total), j + 1 - i, False)
    if j + 1 < n and words[j] == "koma" and words[j + 1] in DIGITS:
        k = j + 1
        while k < n and words[k] in DIGITS:
            k += 1
        digits = "".join(str(DIGITS[w]) for w in words[j + 1:k])
        # "satu juta koma lima" (num2words) is 1000000,5: a scale before "koma" is already applied.
        half = Decimal(5).scaleb(-len(digits) - 1)
        return WordNumber(Decimal(f"{value}.{digits}"), half, k - i, last_scale > 1)
    if i + 1 < n and words[i] == "tiga" and words[i + 1] == "perempat":
        return WordNumber(Decimal("0.75"), Decimal("0.005"), 2, False)
    return WordNumber(Decimal(value), Decimal(last_scale) / 2, j - i, last_scale > 1)
