"""Digit groups as Indonesian news writes them: comma decimal, dot thousands ("91,82",
"377.625", "1.500,50"), with the English forms ("1,500,000", "1,500.50") some sources keep.
Python's locale-dependent parsing (locale.atof, babel.numbers.parse_decimal) would need the
id_ID locale installed and rejects the mixed conventions found in one corpus, so this is a small
explicit reader that also reports how precisely the number was written."""
from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction

#: Vulgar fraction characters ("½", "3¼"), read with ``unicodedata.numeric``.
FRACTIONS = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
#: Digit groups longer than this are not quantities anyone writes (serial numbers, noise).
MAX_DIGITS = 40
#: Enough precision for any value a news text writes, scale words included ("triliun").
_PRECISION = 100


def starts_number(token: str) -> bool:
    """Whether a token is a digit group or a vulgar fraction. Superscripts ("¹", "²") are digits
    to ``str.isdigit`` but are footnote marks and exponents, never a number of their own."""
    return bool(token) and (token[0].isdecimal() or token[0] in FRACTIONS)


def _thousands(groups: list[str]) -> bool:
    return len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def read_digits(text: str) -> tuple[Decimal, Decimal] | None:
    """Read a digit group into (value, half a unit of its last written digit), or None when it
    is not a well-formed number ("1.50.0", "0812", superscripts, over ``MAX_DIGITS`` digits).
    A trailing vulgar fraction adds its value, precise to half its denominator's unit
    ("3¼" = 3,25 +/- 0,125; "½" alone = 0,5).

    With both marks, the last one is the decimal mark. With one kind only: several marks are
    thousands separators; a single dot followed by exactly three digits is a thousands separator
    ("1.500" = 1500, the Indonesian reading); any other single mark is a decimal mark ("91,82",
    "1,5", "10.30")."""
    if text and text[-1] in FRACTIONS:
        return _with_fraction(text[:-1], text[-1])
    if not text or not all(ch.isdecimal() or ch in ".," for ch in text) \
            or sum(ch.isdecimal() for ch in text) > MAX_DIGITS:
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        dec = "," if text.rfind(",") > text.rfind(".") else "."
        head, frac = text.rsplit(dec, 1)
        groups = head.split("." if dec == "," else ",")
    elif dots or commas:
        sep = "." if dots else ","
        groups = text.split(sep)
        thousands = _thousands(groups) and groups[0] != "0"
        if len(groups) == 2 and not (sep == "." and thousands):
            groups, frac = groups[:1], groups[1]
        elif thousands:
            frac = ""
        else:
            return None
    else:
        groups, frac = [text], ""
    if len(groups) > 1 and not _thousands(groups):
        return None
    digits = "".join(groups)
    if len(digits) > 1 and digits.startswith("0"):
        return None
    try:
        return Decimal(digits + ("." + frac if frac else "")), Decimal(5).scaleb(-len(frac) - 1)
    except InvalidOperation:  # a digit Decimal does not know; never let one sentence raise
        return None


def _with_fraction(whole: str, char: str) -> tuple[Decimal, Decimal] | None:
    part = Fraction(unicodedata.numeric(char)).limit_denominator(10)
    base = read_digits(whole) if whole else (Decimal(0), Decimal(0))
    if base is None or (whole and not whole.isdecimal()):
        return None
    value = base[0] + Decimal(part.numerator) / Decimal(part.denominator)
    return tidy(value), Decimal(1) / Decimal(2 * part.denominator)


def year_like(digits: str | None) -> bool:
    """Four plain digits 1500-2099: a year unless a unit says otherwise."""
    return digits is not None and digits.isdecimal() and 1500 <= int(digits) <= 2099


def tidy(d: Decimal) -> Decimal:
    """Same number, shortest exact form: 1500000000000.0 -> 1500000000000, 0.50 -> 0.5."""
    if not d.is_finite():
        return d
    with localcontext() as ctx:
        ctx.prec = _PRECISION
        return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
