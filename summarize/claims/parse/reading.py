"""A quantity while the parser reads it (``Num``), and turning it into a ``Quantity``: joining
the two sides of a range and widening the value by its precision and approximation word.
Split from numbers.py, which holds the token-level reading rules."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from summarize.claims.parse import units as U
from summarize.claims.parse.digits import tidy
from summarize.claims.types import Quantity


@dataclass
class Num:
    """One side of a quantity while it is being read (token indices are half-open)."""

    first: int
    last: int
    value: Decimal
    half: Decimal
    digits: str | None  # the digit group as written, None for words
    scale: int = 1  # the scale word's factor (1 when none was written after the number)
    scaled: bool = False
    unit: str | None = None
    noun: str | None = None
    approx: str | None = None
    approx_word: str | None = None
    bounds: tuple[Decimal, Decimal] | None = None  # set for ranges: the joined interval


def join(left: Num, right: Num, connector: str) -> Num:
    """One quantity for "A hingga B": the right side's scale carries to an unscaled left side
    ("120-150 juta"), the unit is whichever side wrote one, the value is the midpoint."""
    if right.scale > 1 and not left.scaled:  # both sides were checked to be in order
        left.value, left.half = left.value * right.scale, left.half * right.scale
    low = U.widen(left.value, left.half, left.approx)[0]
    high = U.widen(right.value, right.half, left.approx or right.approx)[1]
    first = left.first - (connector == "antara")
    return Num(first, right.last, (left.value + right.value) / 2, Decimal(0), left.digits,
               right.scale, left.scaled or right.scaled, left.unit or right.unit, right.noun or left.noun,
               left.approx, left.approx_word or connector, (low, high))


def to_quantity(num: Num) -> Quantity:
    low, high = num.bounds or U.widen(num.value, num.half, num.approx)
    return Quantity(tidy(num.value), num.unit or "count", num.noun, tidy(low), tidy(high), num.approx_word)
