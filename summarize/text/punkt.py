"""The Indonesian Punkt sentence tokenizer, built from the JSON parameters in models/punkt-id/.

nltk's Punkt is the splitter (unsupervised, learned on IndoSum by ``eval/train_punkt.py``); this
module only turns the shipped JSON into ``PunktParameters`` — no ``nltk.download``, no pickle —
and adds the hand-kept abbreviations that IndoSum was too small to teach it.

nltk is imported at the first split, never by ``import summarize``, and then only its Punkt
module (:func:`_punkt_module`): ``import nltk`` itself loads every nltk subpackage, scikit-learn
and scipy.stats, about ten times the cost of Punkt.
"""
from __future__ import annotations

import importlib
import importlib.util
import json
import sys
import types
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.paths import models_dir
from summarize.text.abbreviations import ABBREVIATIONS, TITLES

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

PARAMS_FILE = "punkt-id/punkt_params.json"


@lru_cache(maxsize=1)
def _punkt_module() -> types.ModuleType:
    """``nltk.tokenize.punkt`` without running ``nltk/__init__.py`` (which imports all of nltk).

    The submodules Punkt needs are imported under a bare stand-in for the ``nltk`` package, then
    all of them are dropped from ``sys.modules`` again (the Punkt module object lives on here),
    so a later ``import nltk`` anywhere starts from scratch and runs nltk's own ``__init__``. If
    nltk is already imported, or its layout ever changes so this fails, the ordinary import is used.
    """
    name = "nltk.tokenize.punkt"
    spec = importlib.util.find_spec("nltk") if "nltk" not in sys.modules else None
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(name)
    stand_in = types.ModuleType("nltk")
    stand_in.__path__ = list(spec.submodule_search_locations)
    stand_in.__spec__ = spec
    sys.modules["nltk"] = stand_in
    try:
        module = importlib.import_module(name)
    except ImportError:
        module = None
    finally:
        for loaded in [m for m in sys.modules if m == "nltk" or m.startswith("nltk.")]:
            del sys.modules[loaded]
    return module or importlib.import_module(name)


def load_params(path: Path | None = None) -> PunktParameters:
    """Read trained Punkt parameters (format ``punkt-params/1``) and add the hand-kept lists."""
    path = path or models_dir() / PARAMS_FILE
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("format") != "punkt-params/1":
        raise ValueError(f"{path}: not a punkt-params/1 file")
    params = _punkt_module().PunktParameters()
    params.abbrev_types = set(raw["abbrev_types"]) | TITLES | ABBREVIATIONS
    params.collocations = {(a, b) for a, b in raw["collocations"]}
    params.sent_starters = set(raw["sent_starters"])
    params.ortho_context = defaultdict(int, raw["ortho_context"])
    return params


@lru_cache(maxsize=1)
def params() -> PunktParameters:
    """The shipped parameters, loaded once on first use (never at import time); a later change
    of ``SUMMARIZE_MODELS_DIR`` needs ``params.cache_clear()`` and ``tokenizer.cache_clear()``."""
    return load_params()


@lru_cache(maxsize=1)
def tokenizer() -> PunktSentenceTokenizer:
    """The shared tokenizer over ``params()``."""
    return _punkt_module().PunktSentenceTokenizer(params())


# Punkt sees at most this many characters at a time. nltk runs its regexes under a 5-second
# wall-clock guard (nltk.redos) that also counts Punkt's own work between matches, so one long
# run of text (a 1 MB single-line article) would trip it; windows keep every call short.
_WINDOW = 8_000


def _window_end(text: str, pos: int) -> int:
    """Where the window starting at ``pos`` ends: after the last ". " in its second half (a
    likely sentence end; ``rules.fix_spans`` re-joins it if it was "Dr. "), else after a space."""
    if len(text) - pos <= _WINDOW:
        return len(text)
    lo, hi = pos + _WINDOW // 2, pos + _WINDOW
    cut = text.rfind(". ", lo, hi)
    if cut < 0:
        cut = text.rfind(" ", lo, hi)
        return cut + 1 if cut >= 0 else hi
    return cut + 2


def punkt_spans(text: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans (start, end) within ``text``."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = _window_end(text, pos)
        window = text[pos:end]
        spans.extend((pos + s, pos + e) for s, e in tokenizer().span_tokenize(window))
        pos = end
    return spans


# Orthographic-context bits, as Punkt stores them (nltk.tokenize.punkt._ORTHO_*).
_BEG_UC = 1 << 1
_ANY_LC = (1 << 4) | (1 << 5) | (1 << 6)


def starts_sentences(word: str) -> bool:
    """Whether IndoSum shows ``word`` both opening sentences capitalised and written in lower
    case elsewhere: a common word (``Saya``, ``Kemudian``) rather than a name (``Gil``)."""
    flags = params().ortho_context.get(word.lower(), 0)
    return bool(flags & _BEG_UC) and bool(flags & _ANY_LC)
