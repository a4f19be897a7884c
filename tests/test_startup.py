"""``import summarize`` stays cheap: no nltk, scikit-learn, scipy or torch until they are needed,
and the first split loads only nltk's Punkt (not all of nltk, which pulls in scikit-learn)."""
from __future__ import annotations

import json
import subprocess
import sys

CODE = """
import json, sys
import summarize
after_import = [m for m in ("nltk", "sklearn", "scipy", "torch") if m in sys.modules]
from summarize.text import split_sentences
n = len(split_sentences("Dr. Budi datang ke Jl. Sudirman. Ia pergi."))
after_split = [m for m in ("sklearn", "scipy", "torch") if m in sys.modules]
import nltk  # a later full import of nltk still works and does not disturb the splitter
full = hasattr(nltk, "word_tokenize") and len(split_sentences("Satu. Dua.")) == 2
print(json.dumps([after_import, n, after_split, full]))
"""


def test_import_and_first_split_stay_light():
    res = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [[], 2, [], True]


def test_register_hooks_are_importable_from_the_package():
    from summarize import register_encoder, register_matcher, register_ranker
    from summarize.claims.match import register_matcher as matcher_hook
    from summarize.encoders import register_encoder as encoder_hook
    from summarize.rankers import register_ranker as ranker_hook

    assert (register_encoder, register_ranker, register_matcher) == (encoder_hook, ranker_hook, matcher_hook)
