"""Rebuild running text from IndoSum-style token lists (punctuation split off by the corpus tools).

sacremoses' detokenizer was checked: it handles English quotes and clitics but leaves Indonesian
news specifics (``Rp`` amounts, ``(18/8/2016)`` dates, ``--`` datelines) spaced out, so the few
rules needed are written here.
"""
from __future__ import annotations

_NO_SPACE_BEFORE = {",", ".", ")", ";", ":", "?", "!", "%", "]", "}", "'s", "...", "”", "’"}
_CLOSERS = {",", ".", "!", "?"}
_NO_SPACE_AFTER = {"(", "[", "{", "“", "‘", "Rp", "US$", "/"}


def detokenize(tokens: list[str]) -> str:
    """Join tokens with single spaces, reattaching punctuation.

    A straight double quote closes when it follows ``, . ! ?`` or ends the sentence (IndoSum splits
    quotes across sentences, so counting quotes within one sentence is not enough); otherwise
    quotes alternate between opening (no space after) and closing (no space before).
    """
    out: list[str] = []
    glue_next = False
    open_quote = False
    for i, tok in enumerate(tokens):
        if tok == '"':
            closing = open_quote or (i == len(tokens) - 1) or (i > 0 and tokens[i - 1] in _CLOSERS)
            if closing:
                out.append(tok)
            else:
                out.append(("" if not out or glue_next else " ") + tok)
            open_quote = not closing
            glue_next = open_quote
            continue
        sep = "" if (not out or glue_next or tok in _NO_SPACE_BEFORE or tok == "/") else " "
        out.append(sep + tok)
        glue_next = tok in _NO_SPACE_AFTER
    return "".join(out)
