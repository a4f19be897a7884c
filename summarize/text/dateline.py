"""News datelines: "Jakarta (ANTARA) -", "Jakarta, CNN Indonesia --", "Suara.com -", ...

A summary sentence should start with its subject, so the dateline is trimmed from the sentence it
opens. Two strengths of pattern: the *generic* one (a place of one to four capitalised words,
optionally ", outlet" and "(outlet)", then a dash) is trusted only on an article's first sentence,
where "Presiden Jokowi - yang ..." cannot occur; the *outlet* one (the same shape naming a news
outlet) is trusted anywhere a paragraph starts.
"""
from __future__ import annotations

import re

_WORD = r"[A-Z][\w.'’&-]*"
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+"  # kumparan.com, REPUBLIKA.CO.ID
_PART = rf"(?:{_NAME}|{_DOMAIN}|kumparan|detikcom)"
_DASH = r"\s*(?:--?|–|—)\s+"
# The subject after the dash starts with a capital, a digit or a quote ("Ahok - sapaan akrab
# Basuki - ..." is not a dateline).
_GENERIC = re.compile(
    rf"^\s*{_PART}(?:,\s*{_PART}){{0,2}}(?:,?\s*\([^()\n]{{2,30}}\))?{_DASH}(?=[A-Z0-9\"“'‘])"
)
_OUTLETS = (
    r"antara|cnn ?indonesia|kompas|tempo|detik|kumparan|suara|merdeka|liputan6|okezone|tribun|"
    r"republika|viva|juara|rimanews|pos ?kota|bisnis|jawapos|sindo|inews|idn ?times|beritasatu"
)
_OUTLET = re.compile(rf"\b(?:{_OUTLETS})\b|\.(?:com|co\.id|id|net)\b", re.IGNORECASE)
_MAX_LEN = 80  # a dateline longer than this is a sentence with a dash in it
# Names written with a spaced dash look like a generic dateline: a code of one or two capitals
# before the dash ("Timnas U - 19", "S - 400", "GO - JEK", "Toyota C - HR") or a number right
# after it ("Tiangong - 2", "Pesawat Kepresidenan Indonesia - 1 yang ..."). Neither is trusted
# without an outlet's name; "Jakarta, CNN Indonesia -- 23 orang ..." still is.
_CODE_DASH = re.compile(r"(?:^|\s)[A-Z]{1,2}" + _DASH + r"|" + _DASH + r"\d")


def dateline_end(sentence: str, first: bool) -> int:
    """Length of the dateline prefix of ``sentence`` (0 if none).

    ``first``: the sentence opens the article, so the generic pattern is trusted.
    """
    # Only the head is searched, so a pathological sentence cannot make the regex backtrack long.
    m = _GENERIC.match(sentence[: _MAX_LEN + 8])
    if not m or m.end() > _MAX_LEN or m.end() >= len(sentence.rstrip()):
        return 0
    if _OUTLET.search(m.group()):
        return m.end()
    if first and not _CODE_DASH.search(sentence[: m.end() + 1]):
        return m.end()
    return 0
