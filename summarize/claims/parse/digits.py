"""Digit groups as Indonesian news writes them: comma decimal, dot thousands ("91,82",
"377.625", "1.500,50"), with the English forms ("1,500,000", "1,500.50") some sources keep.
Python's locale-dependent parsing (locale.atof, babel.numbers.parse_decimal) would need the
id_ID locale installed and rejects the mixed conventions found in one corpus, so this is a small
explicit reader that also reports how precisely the number was written."""
from __future__ import annotations

from decimal import Decimal


def _thousands(groups: list[str]) -> bool:
    return len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def read_digits(text: str) -> tuple[Decimal, Decimal] | None:
    """Read a digit group into (value, half a unit of its last written digit), or None when it
    is not a well-formed number ("1.50.0", "0812").

    With both marks, the last one is the decimal mark. With one kind only: several marks are
    thousands separators; a single dot followed by exactly three digits is a thousands separator
    ("1.500" = 1500, the Indonesian reading); any other single mark is a decimal mark ("91,82",
    "1,5", "10.30")."""
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
    return Decimal(digits + ("." + frac if frac else "")), Decimal(5).scaleb(-len(frac) - 1)


def year_like(digits: str | None) -> bool:
    """Four plain digits 1500-2099: a year unless a unit says otherwise."""
    return digits is not None and digits.isdigit() and 1500 <= int(digits) <= 2099


def tidy(d: Decimal) -> Decimal:
    """Same number, shortest exact form: 1500000000000.0 -> 1500000000000, 0.50 -> 0.5."""
    if not d.is_finite():
        return d
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()
