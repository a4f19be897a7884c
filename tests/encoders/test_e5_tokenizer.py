"""The rebuilt tokenizer feeds the engine's exact tokens."""
from __future__ import annotations

import pytest

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


def test_a_window_tiles_its_row_with_one_span_per_sentence(tiny) -> None:
    tok = E5Tokenizer(tiny)  # the tiny model has 64 positions
    sentences = ["harga beras naik", "bank indonesia", "pasar: ½ harga ☃"]
    row, spans = tok.window(sentences)
    assert spans[0][0] == 0 and spans[-1][1] == len(row) <= 64
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert [row[b - 1] for _, b in spans] == [tok.eos] * 3 and row.count(tok.bos) == 1
    assert tok.window(sentences[:1])[0] == tok(sentences[:1])[0][0]  # one sentence: its own row
    assert tok.window([]) == ([], [])


def test_long_windows_share_the_positions_equally(tiny) -> None:
    tok = E5Tokenizer(tiny)
    row, spans = tok.window(["harga beras naik " * 30] * 5)
    assert len(row) <= 64 and [b - a for a, b in spans[1:]] == [(64 - 1) // 5] * 4  # 11 content + </s>
    with pytest.raises(ValueError, match="40 sentences cannot share 64 positions"):
        tok.window(["a"] * 40)
