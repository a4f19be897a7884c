"""Rebuild running text from IndoSum-style token lists (punctuation split off by the corpus tools).

nltk's ``TreebankWordDetokenizer`` was checked: it leaves Indonesian news specifics spaced out
(``18 / 8 / 2016`` dates, the ``- -`` of ``Jakarta, CNN Indonesia --`` datelines, ``-nya``) and
pairs straight quotes wrongly (``," Kami siap," kata``); sacremoses (not installed) targets the
same English conventions. The few rules needed are written here.
"""
from __future__ import annotations

# Tokens that attach to the word before them (no space in front).
_NO_SPACE_BEFORE = frozenset(", . ) ; : ? ! % ] } ... .. … ” ’ 's ’s /".split())
# Tokens that attach to the word after them (no space behind).
_NO_SPACE_AFTER = frozenset("( [ { “ ‘ / US$ $ € £".split())
# Straight quotes carry no direction: ``_quote_closes`` decides which way each one faces.
_STRAIGHT_QUOTES = frozenset({'"', "'"})


def _quote_closes(tokens: list[str], i: int, is_open: bool) -> bool:
    """Whether the straight quote at ``tokens[i]`` closes a quotation.

    An open quote closes. Otherwise the tokens are often one sentence cut out of a longer quote
    (IndoSum splits ``"A. B," kata X`` into two sentences), so a quote right after ``. ? !``, or
    after a comma (a token of its own or glued to a word) and before a lower-case word
    (``target, " kata Henry``), closes one that was opened in an earlier sentence.
    """
    if is_open:
        return True
    prev = tokens[i - 1] if i > 0 else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
    if prev[-1:] in {".", "?", "!", "…"}:
        return True
    return prev[-1:] == "," and (not nxt or nxt[:1].islower())


def detokenize(tokens: list[str]) -> str:
    """Join word tokens into running text, reattaching punctuation.

    Rules: no space before ``, . ) ; : ? ! %`` and closing quotes, none after ``(`` and opening
    quotes; straight quotes are paired open/close (see ``_quote_closes``); ``-`` ``-`` becomes
    ``--`` (the corpus split dateline dashes); tokens made only of whitespace (stray NBSP and
    newline tokens in IndoSum) are dropped so they cannot fake a line break. Pass a whole
    paragraph's tokens when you have them: quote pairing then spans its sentences.
    """
    toks = [t.strip() for t in tokens if t.strip()]
    out: list[str] = []
    glue_next = False
    open_quotes: set[str] = set()
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else ""
        if tok in _STRAIGHT_QUOTES:
            closing = _quote_closes(toks, i, tok in open_quotes)
            if closing:
                open_quotes.discard(tok)
            else:
                open_quotes.add(tok)
            attach = closing or glue_next or not out
            glue_next = not closing
        else:
            attach = (
                not out
                or glue_next
                or tok in _NO_SPACE_BEFORE
                or tok.startswith("-nya")
                or (tok == "-" and prev == "-")
            )
            glue_next = tok in _NO_SPACE_AFTER
        out.append(tok if attach else " " + tok)
    return "".join(out)
