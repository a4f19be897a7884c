"""The rebuilt tokenizer feeds the engine's exact tokens."""
from __future__ import annotations

from summarize.encoders.e5_tokenizer import E5Tokenizer


def test_token_counts_match_the_engine(tiny, engine, texts) -> None:
    tok = E5Tokenizer(tiny)
    for text in texts:
        assert tok.count(text) == engine.token_count(text, False), text


def test_specials_normalization_and_window(tiny) -> None:
    tok = E5Tokenizer(tiny, max_length=6)
    rows, longest = tok(["harga beras naik", "bank"])
    assert rows[0][0] == tiny.vocab.bos and rows[0][-1] == tiny.vocab.eos
    assert len(rows[0]) == 6 and longest == 6  # cut to the window
    assert tok.normalize("a\u00a0 \u00a0b ½") == "a b 1\u20442"
