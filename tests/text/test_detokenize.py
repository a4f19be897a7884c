"""detokenize: IndoSum token lists back to running text."""
from __future__ import annotations

import pytest

from summarize.text.detokenize import detokenize


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        ("Jakarta , CNN Indonesia - - Polisi datang .", "Jakarta, CNN Indonesia -- Polisi datang."),
        ("Kamis ( 18 / 8 / 2016 ) , Henry", "Kamis (18/8/2016), Henry"),
        ("naik 5 % ; turun ? ya !", "naik 5%; turun? ya!"),
        ('" Kami datang , " kata dia .', '"Kami datang," kata dia.'),
        ("“ Kami datang ” kata dia : ok", "“Kami datang” kata dia: ok"),
        ("Ia bilang ' dilepas ' ke alam", "Ia bilang 'dilepas' ke alam"),
        ("rumah -nya besar", "rumah-nya besar"),
    ],
)
def test_reattaches_punctuation(tokens: str, expected: str) -> None:
    assert detokenize(tokens.split()) == expected


def test_quote_closing_a_quote_opened_in_an_earlier_sentence() -> None:
    # IndoSum cuts '"A. B," kata X' into two sentences; the second starts inside the quote.
    assert detokenize("kami sudah mencapai target , \" kata Henry .".split()) == (
        'kami sudah mencapai target," kata Henry.'
    )
    glued_comma = ["ukurannya", "kecil,", '"', "kata", "Arry", "."]
    assert detokenize(glued_comma) == 'ukurannya kecil," kata Arry.'


def test_opening_quote_after_comma_before_capital() -> None:
    assert detokenize('Noor menambahkan , " Kami akan .'.split()) == 'Noor menambahkan, "Kami akan.'


def test_whitespace_tokens_are_dropped() -> None:
    tokens = ["Baca", ":", "\xa0", "Petugas", "\n", "datang", "."]
    assert detokenize(tokens) == "Baca: Petugas datang."


def test_empty() -> None:
    assert detokenize([]) == ""
