"""Digits glued to letters: names ("P3DN", "G20", "COVID-19", "S - 400"), or a scale or unit
written without a space ("Rp5", "5jt", "10kg", "20botol", race timings "0.482s", "47,8C"), as
a mixin of the sentence reader in numbers.py."""
from __future__ import annotations

from decimal import Decimal

from summarize.claims.parse import units as U
from summarize.claims.parse.digits import read_digits, starts_number
from summarize.claims.parse.nouns import NounRules

_GLUED_UNITS = {"s": "second", "C": "°C"}


class GluedRules(NounRules):
    """Needs the reader's tokens ``toks`` and lowercased ``words``."""

    def glued(self, a: int, b: int) -> bool:
        return 0 <= a and b < len(self.toks) and self.toks[a].end == self.toks[b].start

    def _glued_name(self, k: int) -> bool:
        """Digits glued to letters are part of a name (P3DN, G20, COVID-19, 7P, ke-3), unless the
        letters are a currency, scale or unit ("Rp5", "5jt", "10kg"); so are digits after a
        capitalised word and a hyphen even when spaced ("G - 20", "S - 400"), and decades
        ("80-an")."""
        before = self.toks[k - 1] if k > 0 else None
        if before and self.glued(k - 1, k) and before.text[0].isalpha():
            return before.text not in U.CURRENCY_PREFIX
        if before and before.text in ".)" and self.glued(k - 1, k) and k > 1 and self.glued(k - 2, k - 1) \
                and self.toks[k - 2].text[-1:].isalpha():
            return True  # "Op.2", "(Max)2": a number glued on after a word's full stop or bracket
        if before and before.text == "-" and k > 1 and self.toks[k - 2].text[0].isalpha() \
                and (self.toks[k - 2].text[0].isupper() or self.glued(k - 2, k - 1)):
            return True
        if k + 2 < len(self.toks) and self.toks[k + 1].text == "-" and self.words[k + 2] == "an":
            return True
        if self.glued(k, k + 1) and not self._glued_unit(k):
            nxt = self.toks[k + 1]
            known = self.words[k + 1] in U.SCALE_WORDS or nxt.text in U.CURRENCY_ONLY_SCALES
            # a single capital glued on is a name ("2W" = two-wheeler, "7P"), not watts
            unit = U.match(U.UNITS, self.words, k + 1) is not None and not (len(nxt.text) == 1 and nxt.text.isupper())
            # "20botol" is 20 botol: a lowercase noun glued on (a name's letters are capitalised).
            return nxt.text[0].isalpha() and not known and not unit and self._guessed_noun(k + 1) is None
        return False

    def _glued_unit(self, k: int) -> str | None:
        """The unit of a decimal glued to "s" or "C" ("0.482s", "9,58s" timings, "47,8C"), which
        is no name; "s/d" and "s.d." are range words."""
        toks = self.toks
        unit = _GLUED_UNITS.get(toks[k + 1].text) if k + 1 < len(toks) else None
        if unit is None or not self.glued(k, k + 1) or not starts_number(toks[k].text) \
                or not any(m in toks[k].text for m in ".,"):
            return None
        if k + 2 < len(toks) and self.glued(k + 1, k + 2) \
                and (toks[k + 2].text == "/" or self.words[k + 2:k + 4] == [".", "d"]):
            return None
        return unit

    def _digits(self, k: int) -> tuple[Decimal, Decimal] | None:
        """The digit group at token k; before a glued unit a single dot is the decimal mark
        (race tables: "59.694s")."""
        text = self.toks[k].text
        return read_digits(text.replace(".", ",") if self._glued_unit(k) and text.count(".") == 1 else text)

    def _unit_at(self, j: int) -> tuple[str, int] | None:
        """The unit written at token j (after a number), as ``U.match`` returns it."""
        glued = self._glued_unit(j - 1) if j < len(self.toks) else None
        if glued:
            return glued, 1
        return U.match(U.UNITS, self.words, j) if j < len(self.toks) else None
