"""A run-on "sentence" (no punctuation for 200 KB) is cut at a hard length, offsets kept."""
from __future__ import annotations

from summarize.text import article_sentences, split_sentences
from summarize.text.split import MAX_SENTENCE_CHARS


def test_text_without_punctuation_is_cut_at_spaces():
    text = "kata " * 40_000  # 200 KB
    sents = split_sentences(text)
    assert len(sents) > 90 and all(len(s.text) <= MAX_SENTENCE_CHARS for s in sents)
    assert all(text[s.start : s.end].split() == s.text.split() for s in sents)
    assert all(s.text.split() == ["kata"] * len(s.text.split()) for s in sents)  # never mid-word


def test_a_word_longer_than_the_limit_is_cut_right_at_it():
    text = "Judul berita. " + "x" * 5_000
    spans = [(s.start, s.end) for s in article_sentences(text)]
    assert spans[0] == (0, 13) and [e - s for s, e in spans[1:]] == [2000, 2000, 1000]


def test_real_sentences_are_never_cut():
    long_real = "Menurut data BPS, " + ", ".join(f"provinsi nomor {i} naik {i} persen" for i in range(20)) + "."
    assert len(long_real) < MAX_SENTENCE_CHARS
    assert [s.text for s in split_sentences(long_real)] == [long_real]
