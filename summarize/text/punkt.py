"""The Indonesian Punkt sentence tokenizer, built from the JSON parameters in models/punkt-id/.

nltk's Punkt is the splitter (unsupervised, learned on IndoSum by ``eval/train_punkt.py``); this
module only turns the shipped JSON into ``PunktParameters`` — no ``nltk.download``, no pickle —
and adds the hand-kept abbreviations that IndoSum was too small to teach it.
"""
from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from summarize.paths import models_dir
from summarize.text.abbreviations import ABBREVIATIONS, TITLES

PARAMS_FILE = "punkt-id/punkt_params.json"


def load_params(path: Path | None = None) -> PunktParameters:
    """Read trained Punkt parameters (format ``punkt-params/1``) and add the hand-kept lists."""
    path = path or models_dir() / PARAMS_FILE
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("format") != "punkt-params/1":
        raise ValueError(f"{path}: not a punkt-params/1 file")
    params = PunktParameters()
    params.abbrev_types = set(raw["abbrev_types"]) | TITLES | ABBREVIATIONS
    params.collocations = {(a, b) for a, b in raw["collocations"]}
    params.sent_starters = set(raw["sent_starters"])
    params.ortho_context = defaultdict(int, raw["ortho_context"])
    return params


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """The shared tokenizer; loaded once, on first use (never at import time)."""
    return PunktSentenceTokenizer(load_params())


def punkt_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans (start, end) within ``text``."""
    return list(tokenizer().span_tokenize(text, realign_boundaries=True))


# Orthographic-context bits, as Punkt stores them (nltk.tokenize.punkt._ORTHO_*).
_BEG_UC = 1 << 1
_ANY_LC = (1 << 4) | (1 << 5) | (1 << 6)


def starts_sentences(word: str) -> bool:
    """Whether IndoSum shows ``word`` both opening sentences capitalised and written in lower
    case elsewhere: a common word (``Saya``, ``Kemudian``) rather than a name (``Gil``)."""
    flags = tokenizer()._params.ortho_context.get(word.lower(), 0)  # noqa: SLF001
    return bool(flags & _BEG_UC) and bool(flags & _ANY_LC)
