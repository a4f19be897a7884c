"""What a count counts: the noun after a number, from the lexicon (units.COUNT_NOUNS) or
guessed (the next plausible lowercase word), as a mixin of the sentence reader in numbers.py."""
from __future__ import annotations

from summarize.claims.parse import units as U
from summarize.claims.parse.bare import Tok
from summarize.claims.parse.reading import Num
from summarize.claims.parse.words import NUMBER_WORDS

_PREPOSITIONS = frozenset("di ke dari pada dalam".split())
_NOT_COUNTED = frozenset("wib wita wit utc gmt uu uud pp kuhp kuhap".split())  # time zones, laws
_PERIODS = frozenset("musim periode semester kuartal".split())  # "dalam satu musim" counts one
_FELLOWS = frozenset("rekan teman kawan sesama".split())  # "rekan satu tim": a teammate, not one team


class NounRules:
    """Needs the reader's tokens ``toks`` and lowercased ``words``."""

    toks: list[Tok]
    words: list[str]

    def _noun(self, num: Num, allow_guess: bool) -> None:
        j = num.last
        if j >= len(self.toks):
            return
        known = U.match(U.COUNT_NOUNS, self.words, j)
        guess = (self._guessed_noun(j) or self._acronym(j)) if allow_guess and not known else None
        if known:
            num.noun, num.last = known[0], j + known[1]
        elif guess and not self._article_satu(num, guess):
            num.noun, num.last = guess, j + 1

    def _guessed_noun(self, j: int) -> str | None:
        """The noun a plausible word after a number names, its possessive "-nya" read off
        ("dua anggotanya" counts anggota), or None."""
        w = self.toks[j].text
        if not (w.replace("-", "").isalpha() and w.islower()) or w in U.NOT_NOUNS:
            return None
        base = w[:-3] if w.endswith("nya") else w
        if len(base) < 3 or base in U.NOT_NOUNS or base in U.SCALE_WORDS or U.VERB_PREFIXED.match(base) \
                or base in NUMBER_WORDS or (base,) in U.DURATIONS:
            return None
        return base

    def _acronym(self, j: int) -> str | None:
        """An upper-case acronym written apart after a digit group or a spelled number counts it
        ("4.700 ATM", "135 ABK", "120 SMP", "lima CV", "Empat ABG"); time zones and laws do not,
        nor a letter glued on ("2WD": a name)."""
        w, before = self.toks[j].text, self.toks[j - 1]
        number = before.text[:1].isdigit() or self.words[j - 1] in NUMBER_WORDS
        if not (w.isalpha() and w.isupper() and 2 <= len(w) <= 4) or before.end == self.toks[j].start \
                or not number or self.words[j] in _NOT_COUNTED:
            return None
        return self.words[j]

    def _article_satu(self, num: Num, noun: str) -> bool:
        """ "di satu sisi", "di satu sudut": a spelled "satu" after a preposition before a noun no
        lexicon counts is the indefinite article, not a count of one; after "rekan"/"teman" it
        means "the same" ("rekan satu timnya": his teammate), whatever the noun."""
        a = num.first
        if self.words[a] != "satu" or num.last != a + 1 or a == 0:
            return False
        if self.words[a - 1] in _FELLOWS:
            return True
        return self.words[a - 1] in _PREPOSITIONS and (noun,) not in U.COUNT_NOUNS and noun not in _PERIODS
