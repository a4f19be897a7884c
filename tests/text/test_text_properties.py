"""Property tests: the pipeline never crashes and its offsets are always sane."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.text import article_sentences, split_sentences

# Text built from the characters that matter: letters, digits, sentence punctuation, quotes,
# brackets, dashes, odd whitespace and invisible characters, newlines.
ALPHABET = st.sampled_from(
    list("aAbBzZ019 .,;:!?\"'()[]/-–—…@%Rp")
    + ["\n", "\r\n", "\u00a0", "\ufeff", "\u200b", "\t", "Dr.", "H. "]
)
TEXTS = st.lists(ALPHABET, max_size=200).map("".join) | st.text(max_size=200)
NEWS = st.lists(
    st.sampled_from(
        [
            "Jakarta (ANTARA) - ", "Baca juga: ", "Pewarta: Siti\n", "Harga naik 5,5 persen. ",
            '"Kami siap," kata Heru. ', "Dr. Budi hadir. ", "\n\n", "\u00a0\n", "(ANTARA/Nama) ",
            "Copyright © ANTARA 2024", "Suara.com - ", "wasit P. Gil. ", "dll. ", "...",
        ]
    ),
    max_size=30,
).map("".join)


def check(text: str, sents: list) -> None:
    prev_end = 0
    for s in sents:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end
        prev_end = s.end
        assert s.text and s.text == s.text.strip()
        assert s.paragraph >= 0


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXTS, NEWS))
def test_article_sentences_offsets(text: str) -> None:
    check(text, article_sentences(text))


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXTS, NEWS))
def test_split_sentences_offsets_and_text(text: str) -> None:
    sents = split_sentences(text)
    check(text, sents)
    for s in sents:
        assert " ".join(text[s.start : s.end].split()) == s.text
    assert [s.paragraph for s in sents] == sorted(s.paragraph for s in sents)
