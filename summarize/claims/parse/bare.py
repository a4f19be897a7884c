"""When a number with no unit, scale, noun or approximation word is still a claim: the rules
for bare numbers (years, names such as "Liga 1" or "iPhone 15", scores, list markers, clock
times), as a mixin of the sentence reader in numbers.py."""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.claims.parse import units as U
from summarize.claims.parse.digits import starts_number, year_like
from summarize.claims.parse.masks import inside
from summarize.claims.parse.reading import Num

# "#180" is an issue or shirt number; "!0", "[0]", "=1" are script code left in scraped text.
_NOT_AFTER = frozenset({":", "x", "×", "+", "#", "!", "=", "["})
_NOT_BEFORE = frozenset({":", ")", "x", "×", "-", "+", "'", "’", "]", "="})
_CLOCK = re.compile(r"^\d{1,2}\.[0-5]\d$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")
_LIST_JOINERS = frozenset({",", "dan", "atau", "&"})
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int


class BareNumberRules:
    """Needs the reader's sentence ``s``, tokens ``toks`` and lowercased ``words``."""

    s: str
    toks: list[Tok]
    words: list[str]
    masked: list[tuple[int, int]]

    def _sentence_initial(self, k: int) -> bool:
        return not self.s[: self.toks[k].start].strip(" \"“'(")

    def keep_bare(self, num: Num) -> bool:
        """Whether a number with no unit, scale, noun or approximation is still a claim: not a
        year, not a small number after a capitalised word ("Liga 1"), not in parentheses
        ("( 32 )"), not next to a slash ("2017/18"), a colon, an "x", a capitalised word or in a
        chain of hyphens ("4-3-3", "2-1"), not a list marker."""
        if num.unit or num.scaled or num.noun or num.approx:
            return True
        if num.digits is None or year_like(num.digits):
            return False
        a, b = num.first, num.last
        prev = self.toks[a - 1].text if a > 0 else ""
        nxt = self.toks[b].text if b < len(self.toks) else ""
        if (prev, nxt) == ("(", ")"):
            # "( 32 )" is an age or a label, but "Tour Down Under (750.000)" a count grouped in
            # thousands after what it counts
            return bool(_THOUSANDS.match(num.digits))
        if {"/", "⁄"} & {prev, nxt} or self._hyphen_chain(a, b):
            return False
        if prev in _NOT_AFTER or nxt in _NOT_BEFORE or nxt[:1].isupper():
            return False  # clock times, odds, sizes ("3 x 2"), list items, shirt numbers, minutes (52')
        if _CLOCK.match(num.digits) or _DOT_DECIMAL.match(num.digits):
            return False  # "21.00" a clock time, "INA 4.0" a version: Indonesian decimals take a comma
        if self._in_number_list(a, b):
            return False  # "Grup 3, 4, 5, dan 6": labels listed, not counts
        if nxt in ("", ".", ")") and (self._sentence_initial(a) or (prev,) in U.COUNT_NOUNS and b + 1 >= len(self.toks)):
            return False  # a list marker ("4 .", "2) ...") or one after a table row ("Xenia 18.869 unit 4.")
        return not self._after_name(num)

    def _after_name(self, num: Num) -> bool:
        """A plain number right after a capitalised word is part of a name ("Liga 1", "Kabinet
        Indonesia Maju 2", "iPhone 15", "GTX 1060", "Global 5000"), unless grouped in thousands
        ("5.381"); it takes no guessed noun either."""
        a = num.first
        if num.digits is None or a == 0 or (abs(num.value) >= 1000 and not num.digits.isdecimal()):
            return False
        prev = self.toks[a - 2] if a > 2 else None
        if prev and self.words[a - 1] in _LIST_JOINERS and starts_number(prev.text) and not year_like(prev.text) \
                and not inside(self.masked, prev.start, prev.end):
            a -= 2  # "Terminal 1 dan 2": the second number of a name's list (not "14 Februari 2016, 2 kapal")
        word = self.toks[a - 1].text
        if any(ch.isupper() for ch in word[1:]):
            return True  # mixed or upper case is a product name
        if not word[:1].isupper():
            return False
        # At the sentence start a capitalised word is a name unless it is a common word
        # ("Sebanyak 15", "Hanya 3 yang lolos"); "Windows 11 dirilis" is a name.
        lower = word.lower()
        return not self._sentence_initial(a - 1) or not (lower in U.NOT_NOUNS | U.OPENERS or U.VERBISH.match(lower))

    def _hyphen_chain(self, a: int, b: int) -> bool:
        """Numbers joined by bare hyphens are scores and formations, not quantities."""
        before = a > 1 and self.toks[a - 1].text == "-" and starts_number(self.toks[a - 2].text)
        after = b + 1 < len(self.toks) and self.toks[b].text == "-" and starts_number(self.toks[b + 1].text)
        return before or after

    def _in_number_list(self, a: int, b: int) -> bool:
        """A bare number in a list of three or more bare digit groups ("Grup 3, 4, 5, dan 6"),
        unless the list ends in a unit or scale they share ("3, 4 dan 5 persen")."""
        members, k = 1, a
        while (prev := self._joined_number(k - 1, -1)) is not None:
            members, k = members + 1, prev
        j = b
        while (nxt := self._joined_number(j, 1)) is not None:
            members, j = members + 1, nxt + 1
        if members < 3:
            return False
        return j >= len(self.toks) or not (U.match(U.UNITS, self.words, j) or self.words[j] in U.SCALE_WORDS)

    def _joined_number(self, j: int, step: int) -> int | None:
        """Index of the digit group one or two list joiners (",", "dan", ", dan") away from token
        j in direction ``step``, or None."""
        for n in (1, 2):
            k = j + step * n
            joiners = self.words[k + 1:j + 1] if step < 0 else self.words[j:k]
            if 0 <= k < len(self.toks) and joiners and all(w in _LIST_JOINERS for w in joiners) \
                    and starts_number(self.toks[k].text):
                return k
        return None
