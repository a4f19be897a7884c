"""When a number with no unit, scale, noun or approximation word is still a claim: the rules
for bare numbers (years, names such as "Liga 1" or "iPhone 15", scores, list markers, clock
times), as a mixin of the sentence reader in numbers.py."""
from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.claims.parse import units as U
from summarize.claims.parse.digits import starts_number, year_like
from summarize.claims.parse.reading import Num

# "#180" is an issue or shirt number; "!0", "[0]", "=1" are script code left in scraped text.
_NOT_AFTER = frozenset({":", "x", "×", "+", "#", "!", "=", "["})
_NOT_BEFORE = frozenset({":", ")", "x", "×", "-", "+", "'", "’", "]", "="})
_CLOCK = re.compile(r"^\d{1,2}\.[0-5]\d$")


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
        if (prev, nxt) == ("(", ")") or {"/", "⁄"} & {prev, nxt} or self._hyphen_chain(a, b):
            return False
        if prev in _NOT_AFTER or nxt in _NOT_BEFORE or nxt[:1].isupper():
            return False  # clock times, odds, sizes ("3 x 2"), list items, shirt numbers, minutes (52')
        if _CLOCK.match(num.digits):
            return False  # "21.00": Indonesian decimals take a comma, so this is a clock time
        if not prev and nxt in ("", ".", ")"):
            return False  # a list marker alone ("4 .")
        return not self._after_name(num)

    def _after_name(self, num: Num) -> bool:
        """A small plain number right after a capitalised word is part of a name ("Liga 1",
        "Kabinet Indonesia Maju 2", "iPhone 15"); it takes no guessed noun either."""
        a = num.first
        if num.digits is None or abs(num.value) >= 1000 or a == 0:
            return False
        word = self.toks[a - 1].text
        if any(ch.isupper() for ch in word[1:]):
            return True  # "iPhone 15", "PlayStation 5": mixed case is a product name
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

