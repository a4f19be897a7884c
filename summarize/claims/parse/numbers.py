"""The Indonesian quantity parser: every claim-worthy number in a sentence, with its unit, the
thing counted and the interval the wording asserts.

No library does this for Indonesian: quantulum3 and Microsoft Recognizers-Text have no
Indonesian models, and Duckling's Indonesian rules drop approximation words ("sekitar",
"lebih dari") and know no "miliar"/"triliun". So the parser is hand-written over a small
token stream (words, digit groups, symbols, with offsets):

    [approx] [minus] [currency] NUMBER [scale] [unit] [noun | "lebih"] [range: - / hingga / dan NUMBER ...]

Digit groups: digits.py ("91,82", "377.625", "1.500" = 1500). Spelled numbers: words.py.
Precision: half a unit of the last digit or word term written, times the scale ("91,82" ->
+/-0,005; "377 ribu" -> +/-500; "1,2 juta" -> +/-50.000); approximation words widen it
(units.widen). Ranges: value = midpoint, low/high = the ends' intervals, approx = the
connector ("hingga", "-", "antara") unless an approximation word was written.

Noun rule for a count (nouns.py): a known counted noun (units.COUNT_NOUNS, multi-word first),
else the next token if it is a plausible noun: lowercase letters only, >= 3 letters, not a
function word (units.NOT_NOUNS), not prefixed like a verb (>= 6 letters starting me-/di-/ber-/
ter-), a possessive "-nya" read off ("dua anggotanya").
A bare number (no unit, no scale, no noun, no approximation) is dropped when it is a year
(1500-2099 without separators), a plain number following a capitalised word ("Liga 1", "GTX
1060"), in parentheses ("( 32 )"), a score, a version ("4.0"), a list marker or a listed label
(bare.py), or spelled out ("salah satu", "satu di antaranya"): spelled-out numbers count only
with a unit or a noun. Digits glued to letters: glued.py.
"""
from __future__ import annotations

import re
from decimal import Decimal

from summarize.claims.parse import units as U
from summarize.claims.parse.dates import find_dates
from summarize.claims.parse.digits import read_digits, starts_number, year_like
from summarize.claims.parse.bare import BareNumberRules, Tok
from summarize.claims.parse.glued import GluedRules
from summarize.claims.parse.masks import LABEL_WORDS, inside, label_spans
from summarize.claims.parse.reading import Num, join, to_quantity
from summarize.claims.types import Quantity
from summarize.claims.parse.words import NUMBER_WORDS, read_number_words

#: A duration unit, the next smaller one and how many of those make one: "A jam B menit C detik".
_SMALLER_DURATION = {"hour": ("minute", 60), "minute": ("second", 60)}

# Tokens: glued currency symbols, digit groups, km2/m3, words (hyphenated ones too, but not
# "juta-Rp2"), single symbols.
_TOKEN = re.compile(
    r"US\$|S\$|A\$|\+/-|\d+(?:[.,]\d+)*[¼½¾⅐-⅞]?|[¼½¾⅐-⅞]|(?:km|m)(?:[23]|\s?[²³])(?!\w)|[^\W\d_]+(?:-(?!Rp|RM|US\$)[^\W\d_]+)*|[^\s\w]"
)
_RELATIVE = (["lalu"], ["silam"])
_PAIRED = frozenset({"per", "demi", "lawan", "vs", "versus"})
_SUPERSCRIPTS = str.maketrans("²³", "23")


def _unit_word(word: str) -> str:
    """A unit word with its possessive read off: "persennya", "incinya" (not "hanya": "ha"
    and other abbreviations never take "-nya" glued on)."""
    base = word.removesuffix("-nya")
    if base == word and word.endswith("nya") and len(word) >= 7 and (word[:-3],) in U.UNITS:
        return word[:-3]
    return base


class _Reader(BareNumberRules, GluedRules):
    """Reads quantities from one sentence's tokens (one instance per sentence)."""

    def __init__(self, sentence: str) -> None:
        self.s = sentence
        self.toks = [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
        # "m²" and "m ²" are read as "m2": superscripts are exponents of the unit before them.
        # A possessive is read off units ("1.200 mAh-nya", "70 persennya").
        self.words = [_unit_word(t.text.lower().translate(_SUPERSCRIPTS).replace(" ", "")) for t in self.toks]
        self.masked = label_spans(sentence, find_dates(sentence))
        self.has_percent = any(w in ("persen", "%", "prosen") for w in self.words)

    def number(self, k: int) -> Num | None:
        """A bare number (digits or words) starting at token k, scale applied."""
        tok = self.toks[k]
        if inside(self.masked, tok.start, tok.end):
            return None
        if starts_number(tok.text):
            read = self._digits(k)
            times = self._times_duration(k, read)
            if times is not None:
                return times
            if read is None or self._glued_name(k):
                return None
            num = Num(k, k + 1, read[0], read[1], tok.text)
        elif self.words[k] in NUMBER_WORDS and (tok.text.islower() or self._sentence_initial(k)):
            wn = read_number_words(self.words, k)
            if wn is None or (k > 0 and self.words[k - 1] in LABEL_WORDS | {"salah"}) or self._idiom_pair(k):
                return None
            num = Num(k, k + wn.n_words, wn.value, wn.half_ulp, None, wn.scaled)
        else:
            return None
        return self._scale(num)

    def _times_duration(self, k: int, read: tuple[Decimal, Decimal] | None) -> Num | None:
        """ "2x24 jam", "3 x 45 menit": a multiple of a duration is one duration (48 hours);
        "3 x 4 meter" is a size, so only durations are multiplied."""
        if read is None or k + 3 >= len(self.toks) or self.words[k + 1] not in ("x", "×") \
                or not starts_number(self.toks[k + 2].text):
            return None
        right, unit = self._digits(k + 2), self._unit_at(k + 3)
        if right is None or unit is None or unit[0] not in U.DURATIONS.values() or read[0] % 1 != 0:
            return None
        return Num(k, k + 3, read[0] * right[0], read[0] * right[1], self.toks[k].text)

    def _idiom_pair(self, k: int) -> bool:
        """ "satu per satu", "satu persatu", "satu demi satu" (one by one), "tiga lawan tiga" (a
        format): no count; "ke - dua": an ordinal."""
        w = self.words
        after = k + 2 < len(w) and w[k + 1] in _PAIRED and w[k + 2] == w[k] \
            or k + 1 < len(w) and any(w[k + 1] == p + w[k] for p in _PAIRED)
        return after or (k > 1 and (w[k - 1] in _PAIRED and w[k - 2] == w[k] or w[k - 2:k] == ["ke", "-"]))

    def _scale(self, num: Num) -> Num:
        j = num.last
        if num.scaled or j >= len(self.toks):
            return num
        scale = U.SCALE_WORDS.get(self.words[j])
        if scale is None and self.toks[j].text in U.CURRENCY_ONLY_SCALES and self._currency_before(num.first):
            scale = U.CURRENCY_ONLY_SCALES[self.toks[j].text]
        if scale:
            num.value, num.half, num.last, num.scaled = num.value * scale, num.half * scale, j + 1, True
            num.scale = scale
            self._compound(num)
        return num

    def _compound(self, num: Num) -> None:
        """ "2 juta 500 ribu": a digit group with a smaller scale right after a scaled number is
        its lower part (2.500.000, precise to the last part: +/-500), as the words reader does
        for "dua juta lima ratus ribu"."""
        j = num.last
        if j + 1 >= len(self.toks) or not starts_number(self.toks[j].text):
            return
        smaller = U.SCALE_WORDS.get(self.words[j + 1], 0)
        read = read_digits(self.toks[j].text)
        if read is None or (num.value / num.scale) % 1 != 0 or read[0] % 1 != 0:
            return
        if not 1 < smaller < num.scale or not 0 < read[0] < 1000:
            return
        num.value, num.half, num.last = num.value + read[0] * smaller, read[1] * smaller, j + 2

    def _currency_before(self, k: int) -> tuple[str, int] | None:
        """The currency written before token k ("Rp", "US$", also "Rp." / "Rp .") and the index
        of its token."""
        j = k - 1 - (k > 1 and self.toks[k - 1].text == ".")
        if j >= 0 and self.toks[j].text in U.CURRENCY_PREFIX:
            return U.CURRENCY_PREFIX[self.toks[j].text], j
        return None

    def unit(self, num: Num) -> None:
        """Attach the currency before, or the unit after, the number; then the noun."""
        found_currency = self._currency_before(num.first)
        currency = found_currency[0] if found_currency else None
        if found_currency:
            num.unit, num.first = found_currency
        j = num.last
        found = self._unit_at(j)
        if found and (currency is None or found[0] == currency):
            unit, n = found
            if unit == "point" and self.has_percent and abs(num.value) < 100 \
                    and self.words[j + n:j + n + 1] not in (["atau"], ["("]):
                # "naik 0,5 poin menjadi 3 persen", not "20 poin atau 0,3 persen"; nor "6.065,30
                # poin": a change of 100 percentage points or more is an index level, not a share.
                unit = "percentage_point"
            if unit == "basis_point":
                unit, num.value, num.half = "percentage_point", num.value / 100, num.half / 100
            num.unit, num.last = unit, j + n
            self._compound_duration(num)
        if num.unit is None and num.first > 0 and self.words[num.first - 1] in U.UNITS_BEFORE:
            num.unit = U.UNITS_BEFORE[self.words[num.first - 1]]  # "gempa magnitudo 5,6"
        self._trailing_more(num)
        if num.unit is None or num.unit in U.MEASURES.values():
            self._noun(num, allow_guess=not (year_like(num.digits) or self._after_name(num)))

    def _compound_duration(self, num: Num) -> None:
        """ "1 menit 48,219 detik" is one time, 108,219 seconds (precise to its last part), and
        "2 jam 30 menit" 150 minutes: read apart, "1 menit" of two different lap times agreed."""
        if num.unit == "m" and num.last + 1 < len(self.toks) and self._glued_unit(num.last) == "second":
            num.unit = "minute"  # a race time "1 m 59.694s"
        while num.unit in _SMALLER_DURATION and num.last + 1 < len(self.toks):
            smaller, factor = _SMALLER_DURATION[num.unit]
            j = num.last
            read = self._digits(j) if starts_number(self.toks[j].text) else None
            found = self._unit_at(j + 1)
            if read is None or not found or found[0] != smaller or num.value % 1 != 0 or not 0 <= read[0] < factor:
                return
            num.value, num.half = num.value * factor + read[0], read[1]
            num.unit, num.last = smaller, j + 1 + found[1]

    def _trailing_more(self, num: Num) -> None:
        """ "8.000 lebih", "30 persen lebih.", "377 ribu lebih peserta" mean more than; "30 persen
        lebih tinggi" is a comparison, so "lebih" counts only before punctuation or a noun."""
        j = num.last
        if j >= len(self.toks) or self.words[j] not in U.APPROX_AFTER_WORDS:
            return
        if j + 1 >= len(self.toks) or not self.toks[j + 1].text[0].isalpha() \
                or U.match(U.COUNT_NOUNS, self.words, j + 1):
            num.approx, num.approx_word, num.last = U.APPROX_AFTER_WORDS[self.words[j]], self.words[j], j + 1

    def approx(self, num: Num) -> None:
        """Attach an approximation word written before the number (or its currency/sign)."""
        a = num.first
        prev = self.words[a - 1] if a > 0 else ""
        hyphen_sign = prev == "-" and self.glued(a - 1, a) and not self.glued(a - 2, a - 1)
        if prev in ("minus", "min") or hyphen_sign:  # "min" is num2words' spelling
            num.value, num.first = -num.value, a - 1
        found = U.match_before(U.APPROX_BEFORE, self.words, num.first)
        if found:
            num.approx, num.first = found[0], num.first - found[1]
            num.approx_word = " ".join(self.words[num.first:num.first + found[1]])

    def read(self, k: int) -> Num | None:
        """The full quantity whose number starts at token k, or None."""
        left = self.number(k)
        if left is None:
            return None
        self.unit(left)
        self.approx(left)
        after = self.words[left.last:left.last + 2]
        if left.unit in U.DURATIONS.values() and (after[:1] in _RELATIVE or after == ["yang", "lalu"]):
            return None  # "dua pekan lalu": a date, not a duration
        if left.unit == "year" and year_like(self.words[left.last] if left.last < len(self.toks) else None):
            return None  # "Instruksi Gubernur 16 Tahun 2015": a regulation number
        a = left.first
        if a > 1 and self.toks[a - 1].text in ("-", "–") and starts_number(self.toks[a - 2].text) \
                and not (left.unit or left.scaled or left.approx):
            return None  # "imbang 0 - 0 lawan Venezuela": a score's second number takes no noun
        return self._range(left)

    def _range(self, left: Num) -> Num | None:
        j = left.last
        to = U.match(U.RANGE_CONNECTORS, self.words, j) if j < len(self.toks) else None
        between = left.approx is None and left.first > 0 and self.words[left.first - 1] == "antara"
        if between and j < len(self.toks) and self.words[j] == "dan":
            to = ("antara", 1)
        if to is None:
            return left if self.keep_bare(left) else None
        k = j + to[1]
        k += self.words[k:k + 1] == ["."] and self.words[k - 1] == "d"  # "s.d."
        k += k < len(self.toks) and self.toks[k].text in U.CURRENCY_PREFIX
        right = self.number(k) if k < len(self.toks) else None
        if right is None:
            return left if self.keep_bare(left) else None
        self.unit(right)
        carried = right.scale if right.scale > 1 and not left.scaled else 1
        if left.unit and right.unit and left.unit != right.unit or left.value * carried >= right.value:
            return left if self.keep_bare(left) else None  # different units, or "8-1": a score
        joined = join(left, right, "antara" if between else to[0])
        if to[0] == "-" and not (joined.unit or joined.noun or joined.scaled or joined.approx):
            return None  # "2-1", "4-4-2": scores and formations
        return joined if self.keep_bare(joined) else None


def parse_quantities(sentence: str) -> list[tuple[int, int, Quantity]]:
    """Every quantity in ``sentence`` as (start, end, Quantity), offsets into ``sentence``,
    in reading order, non-overlapping. Dates, times, years, ordinals, phone, law and article
    numbers and names with digits are skipped (see the module docstring and masks.py)."""
    reader = _Reader(sentence)
    out: list[tuple[int, int, Quantity]] = []
    k = consumed = 0
    while k < len(reader.toks):
        num = reader.read(k)
        if num is None:
            k += 1
            continue
        first = max(num.first, consumed)  # a word the previous quantity already used stays there
        out.append((reader.toks[first].start, reader.toks[num.last - 1].end, to_quantity(num)))
        k = consumed = max(num.last, k + 1)
    return out
